/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

#include "copydesk-core.h"

G_BEGIN_DECLS

/* The History view of one article: its recorded versions from the version
 * store on the left (who, when, why, the status, words added and removed
 * since the version before), and on the right what changed between the
 * selected version and the text in the window, or another version chosen
 * under "Compare With": field by field, the prose word by word.
 *
 * "Restore This Version" emits "restore" with the selected version's
 * article; the window puts its content back (one undo step) and closes
 * nothing: the view stays, its "current text" updated. */
#define CD_TYPE_HISTORY_DIALOG (cd_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CdHistoryDialog, cd_history_dialog, CD, HISTORY_DIALOG, AdwWindow)

CdHistoryDialog *cd_history_dialog_new            (CdVersionStore  *store,
                                                   CdArticle       *current);
/* Lists the versions again, from the store (after a new recording). */
void             cd_history_dialog_reload         (CdHistoryDialog *self);
/* Selects the version @version_id (0: the newest); FALSE when it is not
 * listed. */
gboolean         cd_history_dialog_select_version (CdHistoryDialog *self,
                                                   gint64           version_id);
/* For tests: the versions listed (of CdVersion, newest first), and the
 * text of the comparison shown. (transfer none) / (transfer full) */
GListModel      *cd_history_dialog_get_versions   (CdHistoryDialog *self);
char            *cd_history_dialog_dup_diff_text  (CdHistoryDialog *self) G_GNUC_WARN_UNUSED_RESULT;
/* For tests: whether @text is shown as inserted (TRUE) or deleted (FALSE)
 * in the comparison. */
gboolean         cd_history_dialog_has_change     (CdHistoryDialog *self,
                                                   const char      *text,
                                                   gboolean         inserted);

G_END_DECLS
