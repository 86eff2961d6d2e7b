/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include "copydesk-core.h"

G_BEGIN_DECLS

/* The bar above the editor that says the article's file was changed or
 * deleted by another program, and offers what to do about it.
 *
 * It watches the file of its document with a GFileMonitor (made again when
 * the document gets another file) and, once events have settled, asks the
 * document whether the file is still the version it last read or wrote; the
 * document's own saves therefore never show the bar.
 *
 * Properties: "document" (CdDocument, nullable), "state"
 * (CdDocumentDiskState: what the bar shows; UNCHANGED hides it; set by the
 * checks, and by the window to dismiss the bar or show it again).
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
