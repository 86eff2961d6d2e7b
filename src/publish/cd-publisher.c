/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The publisher as the caller sees it: the result of a publish, the
 * CdPublisher object with its progress properties, the job a publish runs
 * in a worker thread, the helpers every part of the run shares, and the
 * asynchronous call. The run itself is in cd-publisher-run.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-publisher-private.h"

/* ---------------------------------------------------------------- result */

G_DEFINE_TYPE (CdPublishResult, cd_publish_result, G_TYPE_OBJECT)

static void
cd_publish_result_finalize (GObject *object)
{
  CdPublishResult *self = CD_PUBLISH_RESULT (object);

  g_clear_object (&self->publication);
  g_free (self->link);
  g_free (self->status);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->differences, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->site_changes, g_ptr_array_unref);
  g_clear_pointer (&self->site_post, json_object_unref);
  g_free (self->site_modified_gmt);
  g_free (self->site_fingerprint);

  G_OBJECT_CLASS (cd_publish_result_parent_class)->finalize (object);
}

static void
cd_publish_result_class_init (CdPublishResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_publish_result_finalize;
}

static void
cd_publish_result_init (CdPublishResult *self)
{
  self->differences = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_wp_difference_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->site_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_wp_difference_free);
}

CdPublishOutcome
cd_publish_result_get_outcome (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), CD_PUBLISH_DONE);
  return self->outcome;
}

CdPublication *
cd_publish_result_get_publication (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->publication;
}

const char *
cd_publish_result_get_link (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->link;
}

gint64
cd_publish_result_get_post_id (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), 0);
  return self->post_id;
}

const char *
cd_publish_result_get_status (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->status;
}

GDateTime *
cd_publish_result_get_date (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->date;
}

GPtrArray *
cd_publish_result_get_differences (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->differences;
}

GPtrArray *
cd_publish_result_get_warnings (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->warnings;
}

GPtrArray *
cd_publish_result_get_site_changes (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->site_changes;
}

JsonObject *
cd_publish_result_get_site_post (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->site_post;
}

const char *
cd_publish_result_get_site_modified_gmt (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->site_modified_gmt;
}

const char *
cd_publish_result_get_site_fingerprint (CdPublishResult *self)
{
  g_return_val_if_fail (CD_IS_PUBLISH_RESULT (self), NULL);
  return self->site_fingerprint;
}

/* ------------------------------------------------------------- publisher */

struct _CdPublisher
{
  GObject   parent_instance;

  CdWpSite *site;
  char     *stage;
  double    fraction;
};

enum
{
  PROP_0,
  PROP_STAGE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE (CdPublisher, cd_publisher, G_TYPE_OBJECT)

static void
cd_publisher_finalize (GObject *object)
{
  CdPublisher *self = CD_PUBLISHER (object);

  g_clear_object (&self->site);
  g_free (self->stage);

  G_OBJECT_CLASS (cd_publisher_parent_class)->finalize (object);
}

static void
cd_publisher_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CdPublisher *self = CD_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_publisher_class_init (CdPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_publisher_finalize;
  object_class->get_property = cd_publisher_get_property;

  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_publisher_init (CdPublisher *self)
{
}

CdPublisher *
cd_publisher_new (CdWpSite *site)
{
  CdPublisher *self;

  g_return_val_if_fail (CD_IS_WP_SITE (site), NULL);

  self = g_object_new (CD_TYPE_PUBLISHER, NULL);
  self->site = g_object_ref (site);
  return self;
}

const char *
cd_publisher_get_stage (CdPublisher *self)
{
  g_return_val_if_fail (CD_IS_PUBLISHER (self), NULL);
  return self->stage;
}

double
cd_publisher_get_fraction (CdPublisher *self)
{
  g_return_val_if_fail (CD_IS_PUBLISHER (self), 0.0);
  return self->fraction;
}

/* ------------------------------------------------------------------- job */

static void
job_free (Job *job)
{
  g_clear_object (&job->publisher);
  g_clear_object (&job->site);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->article);
  g_free (job->status);
  g_free (job->article_dir);
  g_free (job->expected_modified_gmt);
  g_free (job->expected_fingerprint);
  g_clear_pointer (&job->account, cd_wp_account_free);
  g_clear_object (&job->result);
  g_free (job);
}

typedef struct
{
  CdPublisher *publisher;
  char        *stage;
  double       fraction;
} Progress;

static gboolean
progress_in_main (gpointer user_data)
{
  Progress *progress = user_data;
  CdPublisher *self = progress->publisher;

  if (progress->stage != NULL && g_strcmp0 (progress->stage, self->stage) != 0)
    {
      g_free (self->stage);
      self->stage = g_strdup (progress->stage);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
  if (progress->fraction != self->fraction)
    {
      self->fraction = progress->fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->publisher);
  g_free (progress->stage);
  g_free (progress);
}

/* The properties change in the caller's thread, where its handlers run. */
void
cd_publish_job_progress (Job        *job,
                         const char *stage,
                         double      fraction)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->publisher = g_object_ref (job->publisher);
  progress->stage = g_strdup (stage);
  progress->fraction = CLAMP (fraction, 0.0, 1.0);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_in_main,
                              progress, progress_free);
}

void
cd_publish_job_warn (Job        *job,
                     const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (job->result->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

const char *
cd_publish_site_label (Job *job)
{
  return cd_wp_site_get_label (job->site);
}

/* ------------------------------------------------------- JSON helpers */

const char *
cd_publish_object_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
cd_publish_object_int (JsonObject *object,
                       const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  return 0;
}

JsonObject *
cd_publish_object_object (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  CdPublishResult *result;

  job->cancellable = cancellable;
  result = cd_publish_run (job, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/**
 * cd_publisher_publish_async:
 * @self: the publisher
 * @article: the article; a copy is published, so it may change meanwhile
 * @options: how to publish
 * @cancellable: (nullable): stops the publish between requests
 * @callback: called in the caller's thread when it is done
 * @user_data: for @callback
 */
void
cd_publisher_publish_async (CdPublisher            *self,
                            CdArticle              *article,
                            const CdPublishOptions *options,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CD_IS_PUBLISHER (self));
  g_return_if_fail (CD_IS_ARTICLE (article));
  g_return_if_fail (options != NULL);

  job = g_new0 (Job, 1);
  job->publisher = g_object_ref (self);
  job->site = g_object_ref (self->site);
  job->context = g_main_context_ref_thread_default ();
  job->article = cd_article_copy (article);
  job->status = g_strdup (options->status);
  job->change_slug = options->change_slug;
  job->overwrite = options->overwrite;
  job->article_dir = g_strdup (options->article_dir);
  job->expected_modified_gmt = g_strdup (options->expected_modified_gmt);
  job->expected_fingerprint = g_strdup (options->expected_fingerprint);
  job->result = g_object_new (CD_TYPE_PUBLISH_RESULT, NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_publisher_publish_async);
  /* The run says itself when a cancel stopped it: once the post is
   * written, a cancel comes too late and the result must still arrive. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, publish_thread);
}

CdPublishResult *
cd_publisher_publish_finish (CdPublisher   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
