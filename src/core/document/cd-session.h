/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gio/gio.h>
#include "cd-document.h"

G_BEGIN_DECLS

/* The clocks that protect a document against a crash while it is edited:
 * its recovery copy and autosave. One per document; a window makes one for
 * the document it shows, forwards its settings and tells it about edits.
 *
 * Recovery copy: written "recovery-delay" ms after the last change, but
 * never later than "recovery-max-delay" ms after the first change it has not
 * got, so that a steady typist is protected too. Autosave: when "autosave"
 * is on and the document has a file, an automatic save
 * (cd_document_autosave_async) "autosave-delay" ms after the last change.
 *
 * Properties: "document" (CdDocument, construct-only), "autosave" (boolean),
 * "autosave-delay", "recovery-delay", "recovery-max-delay" (uint, ms),
 * "paused" (boolean: while the user is asked something about the article
 * nothing is written; pausing writes what is pending first, and resuming
 * starts the clocks again if the document is modified), "autosave-blocked"
 * (boolean, read-only: an autosave failed, and none runs until
 * cd_session_unblock_autosave, after the user's own save), "autosaving"
 * (boolean, read-only: an autosave is being written).
 *
 * Signals: "flush" (before the article is read, so that edits waiting in a
 * view get into it), "recovery-failed" (GError: the first failure to write
 * the recovery copy after a success; the same failure is not repeated at
 * every change), "autosave-finished" (GError, nullable: an automatic save
 * ended, NULL when it succeeded).
 *
 * The article's own changes restart the clocks by themselves; edits not yet
 * in the article are reported with cd_session_note_change. */
#define CD_TYPE_SESSION (cd_session_get_type ())
G_DECLARE_FINAL_TYPE (CdSession, cd_session, CD, SESSION, GObject)

CdSession  *cd_session_new                     (CdDocument *document) G_GNUC_WARN_UNUSED_RESULT;
CdDocument *cd_session_get_document            (CdSession  *self);
gboolean    cd_session_get_autosave            (CdSession  *self);
void        cd_session_set_autosave            (CdSession  *self,
                                                gboolean    autosave);
guint       cd_session_get_autosave_delay      (CdSession  *self);
void        cd_session_set_autosave_delay      (CdSession  *self,
                                                guint       delay_ms);
guint       cd_session_get_recovery_delay      (CdSession  *self);
void        cd_session_set_recovery_delay      (CdSession  *self,
                                                guint       delay_ms);
guint       cd_session_get_recovery_max_delay  (CdSession  *self);
void        cd_session_set_recovery_max_delay  (CdSession  *self,
                                                guint       delay_ms);
gboolean    cd_session_get_paused              (CdSession  *self);
void        cd_session_set_paused              (CdSession  *self,
                                                gboolean    paused);
gboolean    cd_session_get_autosave_blocked    (CdSession  *self);
gboolean    cd_session_get_autosaving          (CdSession  *self);

/* Restarts the clocks after a change not yet in the article. */
void        cd_session_note_change             (CdSession  *self);
/* Restarts the clocks if the document has unsaved changes (after a save
 * that left some). */
void        cd_session_schedule                (CdSession  *self);
/* Stops the clocks: what is pending is not written (the user discarded it,
 * reverted, reloaded or is saving). */
void        cd_session_stop                    (CdSession  *self);
/* Stops the autosave clock only (an explicit save starts). */
void        cd_session_stop_autosave           (CdSession  *self);
/* Lets autosave run again after a failure: the user saved. */
void        cd_session_unblock_autosave        (CdSession  *self);
/* Writes the recovery copy now if a change is waiting for it. */
void        cd_session_write_pending_recovery  (CdSession  *self);
/* Stops for good: nothing more is written, even if something keeps the
 * session alive (the window closed, or the user discarded the changes). */
void        cd_session_close                   (CdSession  *self);

G_END_DECLS
