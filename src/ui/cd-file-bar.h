/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include "copydesk-core.h"

G_BEGIN_DECLS

/* The bar above the editor that says the article's file was changed or
 * deleted by another program, and offers what to do about it.
 *
 * It shows what it is told: the window passes on its document's
 * "disk-state" (the document watches its file), and holds the bar back when
 * it settles a change by itself.
 *
 * Properties: "document" (CdDocument, nullable: its display name is shown,
 * and Keep Mine tells it), "state" (CdDocumentDiskState: what the bar
 * shows; UNCHANGED hides it; the window sets it, and Dismiss).
 *
 * Its buttons: Reload (win.reload) and Keep Mine (file-bar.keep-mine, which
 * lets the next save replace that version of the file) for a changed file;
 * Save (win.save) and Dismiss (file-bar.dismiss) for a deleted one. */
#define CD_TYPE_FILE_BAR (cd_file_bar_get_type ())
G_DECLARE_FINAL_TYPE (CdFileBar, cd_file_bar, CD, FILE_BAR, GtkWidget)

GtkWidget           *cd_file_bar_new          (void);
CdDocument          *cd_file_bar_get_document (CdFileBar           *self);
void                 cd_file_bar_set_document (CdFileBar           *self,
                                               CdDocument          *document);
CdDocumentDiskState  cd_file_bar_get_state    (CdFileBar           *self);
void                 cd_file_bar_set_state    (CdFileBar           *self,
                                               CdDocumentDiskState  state);
/* The message shown, for tests. */
const char          *cd_file_bar_get_message  (CdFileBar           *self);
/* Whether the bar is shown (or on its way in), for tests. */
gboolean             cd_file_bar_get_revealed (CdFileBar           *self);

G_END_DECLS
