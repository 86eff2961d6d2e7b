/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-session"

#include "cd-session.h"

/**
 * CdSession:
 *
 * The recovery copy and autosave of one document, with their clocks, kept
 * out of the window so that they can be tested without a display and so
 * that a window only says what the user wants (the settings, a question
 * being open, a close) and shows what happened (the signals).
 *
 * The recovery copy is the crash protection that never touches the user's
 * file: a change must be on disk within 2 s. The clock fires short of that,
 * to leave time for the key to reach us, for a busy main loop and for the
 * write, which waits for the disk. Firing at 2 s, a crash just after lost it.
 *
 * An autosave is written without a cancellable: closing the window must not
 * abandon a save, so the running one holds the session until it ends.
 */

#define DEFAULT_RECOVERY_DELAY_MS     1000
#define DEFAULT_RECOVERY_MAX_DELAY_MS 1500
#define DEFAULT_AUTOSAVE_DELAY_MS     30000

struct _CdSession
{
  GObject     parent_instance;

  CdDocument *document;

  guint       autosave_delay;
  guint       recovery_delay;
  guint       recovery_max_delay;

  guint       recovery_source;
  /* Monotonic time by which the recovery copy must be written; 0 when no
   * change waits for it. */
  gint64      recovery_deadline;
  guint       autosave_source;

  guint       autosave : 1;
  guint       paused : 1;
  guint       autosave_blocked : 1;
  guint       autosaving : 1;
  /* "flush" is being emitted: the changes it makes are the ones about to be
   * written, not new ones. */
  guint       flushing : 1;
  /* A recovery failure was reported, and no write has succeeded since. */
  guint       recovery_failed : 1;
  guint       closed : 1;
};

G_DEFINE_FINAL_TYPE (CdSession, cd_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_AUTOSAVE,
  PROP_AUTOSAVE_DELAY,
  PROP_RECOVERY_DELAY,
  PROP_RECOVERY_MAX_DELAY,
  PROP_PAUSED,
  PROP_AUTOSAVE_BLOCKED,
  PROP_AUTOSAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FLUSH,
  RECOVERY_FAILED,
  AUTOSAVE_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_autosave (CdSession *self);

static void
clear_timeouts (CdSession *self)
{
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->recovery_deadline = 0;
}

static void
flush (CdSession *self)
{
  self->flushing = TRUE;
  g_signal_emit (self, signals[FLUSH], 0);
  self->flushing = FALSE;
}

/* Recovery copies */

static void
write_recovery (CdSession *self)
{
  g_autoptr(GError) error = NULL;

  /* Changes made by flushing are the ones written now. */
  flush (self);

  if (!cd_document_get_modified (self->document))
    return;

  if (!cd_document_write_recovery (self->document, &error))
    {
      /* Once until it works again: the same failure would repeat at every
       * change. */
      if (!self->recovery_failed)
        {
          self->recovery_failed = TRUE;
          g_signal_emit (self, signals[RECOVERY_FAILED], 0, error);
        }
      return;
    }

  self->recovery_failed = FALSE;
}

static gboolean
recovery_timeout_cb (gpointer user_data)
{
  CdSession *self = user_data;

  self->recovery_source = 0;
  self->recovery_deadline = 0;
  if (!self->paused && !self->closed)
    write_recovery (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_recovery (CdSession *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 left_ms;

  if (self->flushing || self->closed || self->paused)
    return;

  if (self->recovery_deadline == 0)
    self->recovery_deadline = now + (gint64) self->recovery_max_delay * G_TIME_SPAN_MILLISECOND;
  left_ms = MAX (0, (self->recovery_deadline - now) / G_TIME_SPAN_MILLISECOND);

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  self->recovery_source = g_timeout_add (MIN (self->recovery_delay, left_ms),
                                         recovery_timeout_cb, self);
}

/* Autosave */

static void
set_autosaving (CdSession *self,
                gboolean   autosaving)
{
  autosaving = !!autosaving;
  if (self->autosaving == autosaving)
    return;

  self->autosaving = autosaving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVING]);
}

static void
set_autosave_blocked (CdSession *self,
                      gboolean   blocked)
{
  blocked = !!blocked;
  if (self->autosave_blocked == blocked)
    return;

  self->autosave_blocked = blocked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_BLOCKED]);
}

static void
autosave_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CdSession) self = user_data;
  g_autoptr(GError) error = NULL;

  set_autosaving (self, FALSE);

  if (!cd_document_save_finish (CD_DOCUMENT (object), result, &error))
    {
      /* Until the user saves, which shows the error in full. */
      set_autosave_blocked (self, TRUE);
      g_signal_emit (self, signals[AUTOSAVE_FINISHED], 0, error);
      return;
    }

  /* Changes made while the snapshot was written still need a recovery copy,
   * which the successful save has just removed. */
  cd_session_schedule (self);
  g_signal_emit (self, signals[AUTOSAVE_FINISHED], 0, NULL);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  CdSession *self = user_data;

  self->autosave_source = 0;

  if (self->autosave_blocked || self->paused || self->closed)
    return G_SOURCE_REMOVE;

  /* The user's own save is running: after it. */
  if (self->autosaving || cd_document_get_busy (self->document))
    {
      schedule_autosave (self);
      return G_SOURCE_REMOVE;
    }

  flush (self);
  if (!cd_document_get_modified (self->document) ||
      cd_document_get_file (self->document) == NULL)
    return G_SOURCE_REMOVE;

  /* Flushing may have started the clock again: this save writes it all. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  set_autosaving (self, TRUE);
  cd_document_autosave_async (self->document, NULL, autosave_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (CdSession *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (!self->autosave ||
      self->autosave_blocked ||
      self->paused ||
      self->closed ||
      cd_document_get_file (self->document) == NULL)
    return;

  self->autosave_source = g_timeout_add (self->autosave_delay, autosave_timeout_cb, self);
}

/* The document */

static void
article_changed_cb (CdSession *self)
{
  cd_session_note_change (self);
}

static void
disk_state_changed_cb (CdSession *self)
{
  /* The file is gone: the article is now nowhere else, and gets a recovery
   * copy too. */
  if (cd_document_get_disk_state (self->document) == CD_DOCUMENT_DISK_DELETED)
    schedule_recovery (self);
}

/* GObject */

static void
cd_session_constructed (GObject *object)
{
  CdSession *self = CD_SESSION (object);

  G_OBJECT_CLASS (cd_session_parent_class)->constructed (object);

  g_assert (self->document != NULL);

  g_signal_connect_object (cd_document_get_article (self->document), "changed",
                           G_CALLBACK (article_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::disk-state",
                           G_CALLBACK (disk_state_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
cd_session_dispose (GObject *object)
{
  CdSession *self = CD_SESSION (object);

  clear_timeouts (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cd_session_parent_class)->dispose (object);
}

static void
cd_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdSession *self = CD_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_AUTOSAVE:
      g_value_set_boolean (value, self->autosave);
      break;

    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;

    case PROP_RECOVERY_DELAY:
      g_value_set_uint (value, self->recovery_delay);
      break;

    case PROP_RECOVERY_MAX_DELAY:
      g_value_set_uint (value, self->recovery_max_delay);
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;

    case PROP_AUTOSAVE_BLOCKED:
      g_value_set_boolean (value, self->autosave_blocked);
      break;

    case PROP_AUTOSAVING:
      g_value_set_boolean (value, self->autosaving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CdSession *self = CD_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_assert (self->document == NULL);
      self->document = g_value_dup_object (value);
      break;

    case PROP_AUTOSAVE:
      cd_session_set_autosave (self, g_value_get_boolean (value));
      break;

    case PROP_AUTOSAVE_DELAY:
      cd_session_set_autosave_delay (self, g_value_get_uint (value));
      break;

    case PROP_RECOVERY_DELAY:
      cd_session_set_recovery_delay (self, g_value_get_uint (value));
      break;

    case PROP_RECOVERY_MAX_DELAY:
      cd_session_set_recovery_max_delay (self, g_value_get_uint (value));
      break;

    case PROP_PAUSED:
      cd_session_set_paused (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_session_class_init (CdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  const GParamFlags ro = (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  object_class->constructed = cd_session_constructed;
  object_class->dispose = cd_session_dispose;
  object_class->get_property = cd_session_get_property;
  object_class->set_property = cd_session_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOSAVE] =
    g_param_spec_boolean ("autosave", NULL, NULL, FALSE, rw);
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 1, G_MAXUINT, DEFAULT_AUTOSAVE_DELAY_MS, rw);
  properties[PROP_RECOVERY_DELAY] =
    g_param_spec_uint ("recovery-delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_RECOVERY_DELAY_MS, rw);
  properties[PROP_RECOVERY_MAX_DELAY] =
    g_param_spec_uint ("recovery-max-delay", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_RECOVERY_MAX_DELAY_MS, rw);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE, rw);
  properties[PROP_AUTOSAVE_BLOCKED] =
    g_param_spec_boolean ("autosave-blocked", NULL, NULL, FALSE, ro);
  properties[PROP_AUTOSAVING] =
    g_param_spec_boolean ("autosaving", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdSession::flush:
   *
   * Emitted before the session reads the article to write it, so that edits
   * waiting in a view (the body editor copies its text on a debounce) get
   * into the article first.
   */
  signals[FLUSH] =
    g_signal_new ("flush", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CdSession::recovery-failed:
   * @error: why the recovery copy was not written
   *
   * The recovery copy could not be written; emitted once until a write
   * succeeds again.
   */
  signals[RECOVERY_FAILED] =
    g_signal_new ("recovery-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * CdSession::autosave-finished:
   * @error: (nullable): why the automatic save failed, or %NULL
   *
   * An automatic save has ended. After a failure autosave stops
   * (#CdSession:autosave-blocked) until cd_session_unblock_autosave().
   */
  signals[AUTOSAVE_FINISHED] =
    g_signal_new ("autosave-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
cd_session_init (CdSession *self)
{
  self->autosave_delay = DEFAULT_AUTOSAVE_DELAY_MS;
  self->recovery_delay = DEFAULT_RECOVERY_DELAY_MS;
  self->recovery_max_delay = DEFAULT_RECOVERY_MAX_DELAY_MS;
}

/**
 * cd_session_new:
 * @document: the document to protect
 *
 * Makes the session of @document. Its clocks start with the next change, or
 * now when @document already has unsaved changes (a restored or imported
 * article).
 *
 * Returns: (transfer full): a new #CdSession
 */
CdSession *
cd_session_new (CdDocument *document)
{
  CdSession *self;

  g_return_val_if_fail (CD_IS_DOCUMENT (document), NULL);

  self = g_object_new (CD_TYPE_SESSION, "document", document, NULL);
  if (cd_document_get_modified (document))
    schedule_recovery (self);
  return self;
}

/**
 * cd_session_get_document:
 * @self: a #CdSession
 *
 * Returns: (transfer none): the document
 */
CdDocument *
cd_session_get_document (CdSession *self)
{
  g_return_val_if_fail (CD_IS_SESSION (self), NULL);

  return self->document;
}

gboolean
cd_session_get_autosave (CdSession *self)
{
  g_return_val_if_fail (CD_IS_SESSION (self), FALSE);

  return self->autosave;
}

/**
 * cd_session_set_autosave:
 * @self: a #CdSession
 * @autosave: whether to save automatically
 *
 * Turns autosave on (its clock starts now) or off (a waiting autosave is
 * dropped; a running one finishes).
 */
void
cd_session_set_autosave (CdSession *self,
                         gboolean   autosave)
{
  g_return_if_fail (CD_IS_SESSION (self));

  autosave = !!autosave;
  if (self->autosave == autosave)
    return;

  self->autosave = autosave;
  schedule_autosave (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE]);
}

guint
cd_session_get_autosave_delay (CdSession *self)
{
  g_return_val_if_fail (CD_IS_SESSION (self), 0);

  return self->autosave_delay;
}

/**
 * cd_session_set_autosave_delay:
 * @self: a #CdSession
 * @delay_ms: milliseconds from the last change to the autosave, at least 1
 *
 * Takes effect from the next change.
 */
void
cd_session_set_autosave_delay (CdSession *self,
                               guint      delay_ms)
{
  g_return_if_fail (CD_IS_SESSION (self));
  g_return_if_fail (delay_ms > 0);

  if (self->autosave_delay == delay_ms)
    return;

  self->autosave_delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

guint
cd_session_get_recovery_delay (CdSession *self)
{
  g_return_val_if_fail (CD_IS_SESSION (self), 0);

  return self->recovery_delay;
}

/**
 * cd_session_set_recovery_delay:
 * @self: a #CdSession
 * @delay_ms: milliseconds from the last change to the recovery copy
 *
 * Takes effect from the next change.
 */
void
cd_session_set_recovery_delay (CdSession *self,
                               guint      delay_ms)
{
  g_return_if_fail (CD_IS_SESSION (self));

  if (self->recovery_delay == delay_ms)
    return;

  self->recovery_delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_DELAY]);
}

guint
cd_session_get_recovery_max_delay (CdSession *self)
{
  g_return_val_if_fail (CD_IS_SESSION (self), 0);

  return self->recovery_max_delay;
}

/**
 * cd_session_set_recovery_max_delay:
 * @self: a #CdSession
 * @delay_ms: the longest a change waits for its recovery copy, in milliseconds
 *
 * Takes effect from the next change that finds none waiting.
 */
void
cd_session_set_recovery_max_delay (CdSession *self,
                                   guint      delay_ms)
{
  g_return_if_fail (CD_IS_SESSION (self));

  if (self->recovery_max_delay == delay_ms)
    return;

  self->recovery_max_delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_MAX_DELAY]);
}

gboolean
cd_session_get_paused (CdSession *self)
{
  g_return_val_if_fail (CD_IS_SESSION (self), FALSE);

  return self->paused;
}

/**
 * cd_session_set_paused:
 * @self: a #CdSession
 * @paused: whether the user is being asked something about the article
 *
 * While paused nothing is written: an autosave while "Save Changes?" was open
 * put into the file the very edit the user was about to discard. Pausing
 * writes the pending recovery copy first; resuming starts the clocks again
 * when the document has unsaved changes.
 */
void
cd_session_set_paused (CdSession *self,
                       gboolean   paused)
{
  g_return_if_fail (CD_IS_SESSION (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  if (paused)
    {
      cd_session_write_pending_recovery (self);
      clear_timeouts (self);
      self->paused = TRUE;
    }
  else
    {
      self->paused = FALSE;
      cd_session_schedule (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

gboolean
cd_session_get_autosave_blocked (CdSession *self)
{
  g_return_val_if_fail (CD_IS_SESSION (self), FALSE);

  return self->autosave_blocked;
}

gboolean
cd_session_get_autosaving (CdSession *self)
{
  g_return_val_if_fail (CD_IS_SESSION (self), FALSE);

  return self->autosaving;
}

/**
 * cd_session_note_change:
 * @self: a #CdSession
 *
 * Restarts the clocks of the recovery copy and of autosave after a change
 * that is not in the article yet (typing, before the editor's debounce).
 * Changes to the article itself do so by themselves.
 */
void
cd_session_note_change (CdSession *self)
{
  g_return_if_fail (CD_IS_SESSION (self));

  schedule_recovery (self);
  schedule_autosave (self);
}

/**
 * cd_session_schedule:
 * @self: a #CdSession
 *
 * Restarts the clocks if the document has unsaved changes, as after a save
 * that did not write them all.
 */
void
cd_session_schedule (CdSession *self)
{
  g_return_if_fail (CD_IS_SESSION (self));

  if (cd_document_get_modified (self->document))
    cd_session_note_change (self);
}

/**
 * cd_session_stop:
 * @self: a #CdSession
 *
 * Stops both clocks without writing what is pending.
 */
void
cd_session_stop (CdSession *self)
{
  g_return_if_fail (CD_IS_SESSION (self));

  clear_timeouts (self);
}

/**
 * cd_session_stop_autosave:
 * @self: a #CdSession
 *
 * Stops the autosave clock: the user's own save is starting.
 */
void
cd_session_stop_autosave (CdSession *self)
{
  g_return_if_fail (CD_IS_SESSION (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
}

/**
 * cd_session_unblock_autosave:
 * @self: a #CdSession
 *
 * Lets autosave run again after it failed: the user saved.
 */
void
cd_session_unblock_autosave (CdSession *self)
{
  g_return_if_fail (CD_IS_SESSION (self));

  set_autosave_blocked (self, FALSE);
}

/**
 * cd_session_write_pending_recovery:
 * @self: a #CdSession
 *
 * Writes the recovery copy now if a change is waiting for it (before a
 * question, or when the window goes without the user's word).
 */
void
cd_session_write_pending_recovery (CdSession *self)
{
  g_return_if_fail (CD_IS_SESSION (self));

  if (!self->closed && !self->paused &&
      (self->recovery_source != 0 || self->recovery_deadline != 0))
    write_recovery (self);
}

/**
 * cd_session_close:
 * @self: a #CdSession
 *
 * Stops for good: nothing more is written, even if something keeps the
 * session alive for a while. A running autosave finishes.
 */
void
cd_session_close (CdSession *self)
{
  g_return_if_fail (CD_IS_SESSION (self));

  clear_timeouts (self);
  self->closed = TRUE;
}
