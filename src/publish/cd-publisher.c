/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-exporter.h"
#include "cd-publisher.h"
#include "cd-text.h"
#include "cd-wp-post.h"
#include "cd-wp-site-private.h"

/* WordPress publishes a "future" post at once when its time has passed by
 * the time the request arrives; two minutes leave room for a slow upload
 * and for the Date header's one-second precision. */
#define SCHEDULE_MARGIN (120 * G_TIME_SPAN_SECOND)

/* ---------------------------------------------------------------- result */

struct _CdPublishResult
{
  GObject           parent_instance;

  CdPublishOutcome  outcome;
  CdPublication    *publication;
  char             *link;
  gint64            post_id;
  char             *status;
  GDateTime        *date;
  GPtrArray        *differences;
  GPtrArray        *warnings;
  GPtrArray        *site_changes;
  JsonObject       *site_post;
};

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

/* One publish, run in a worker thread. */
typedef struct
{
  CdPublisher   *publisher;
  CdWpSite      *site;
  GMainContext  *context;
  CdArticle     *article;
  char          *status;
  gboolean       change_slug;
  gboolean       overwrite;
  char          *article_dir;

  GCancellable  *cancellable;
  CdWpAccount   *account;
  CdPublishResult *result;
  double         upload_from;
  double         upload_to;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->publisher);
  g_clear_object (&job->site);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->article);
  g_free (job->status);
  g_free (job->article_dir);
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
static void
job_progress (Job        *job,
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

static void
job_warn (Job        *job,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
job_warn (Job        *job,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (job->result->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static const char *
site_label (Job *job)
{
  return cd_wp_site_get_label (job->site);
}

/* ------------------------------------------------------- JSON helpers */

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
object_int (JsonObject *object,
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

static JsonObject *
object_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* "raw" of a rendered field ({raw, rendered}) in context=edit, else the text. */
static const char *
object_raw (JsonObject *object,
            const char *member)
{
  JsonObject *field = object_object (object, member);

  if (field != NULL)
    return object_string (field, "raw") != NULL ? object_string (field, "raw")
                                                : object_string (field, "rendered");
  return object_string (object, member);
}

static GArray *
object_ids (JsonObject *object,
            const char *member)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_INT64)
            {
              gint64 id = json_node_get_int (element);

              g_array_append_val (ids, id);
            }
        }
    }
  return ids;
}

static JsonObject *
require_post (Job       *job,
              JsonNode  *node,
              GError   **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
               _("%s answered with JSON that is not a post. Check the site’s "
                 "address in Preferences"), site_label (job));
  return NULL;
}

/* "YYYY-MM-DDTHH:MM:SS" in UTC, as WordPress's *_gmt fields are. */
static GDateTime *
parse_gmt (const char *text)
{
  g_autofree char *iso = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  iso = g_strconcat (text, "Z", NULL);
  return g_date_time_new_from_iso8601 (iso, NULL);
}

static char *
route_for_post (gint64 post_id)
{
  return g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, post_id);
}

static JsonNode *
get_post (Job        *job,
          gint64      post_id,
          GError    **error)
{
  g_autofree char *route = route_for_post (post_id);

  return cd_wp_site_rest_sync (job->site, "GET", route, "context=edit", NULL,
                               job->cancellable, error);
}

/* ------------------------------------------------------------ conflict */

/* The revision the last push made: the newest not after the record's
 * modified_gmt. A revision's date_gmt is the post's modified_gmt when it
 * was made (its own modified_gmt can be a second later). Dates are to the
 * second, so an edit on the site in the same second as the push makes a
 * revision with the same date: of those, the push's is the first made, the
 * lowest id. NULL when the site keeps no revisions or hides them. */
static JsonObject *
find_pushed_revision (Job           *job,
                      gint64         post_id,
                      CdPublication *record)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT "/revisions", post_id);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDateTime) pushed = parse_gmt (cd_publication_get_modified_gmt (record));
  JsonObject *best = NULL;
  g_autoptr(GDateTime) best_time = NULL;
  JsonArray *array;

  node = cd_wp_site_rest_sync (job->site, "GET", route, "context=edit&per_page=100", NULL,
                               job->cancellable, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || pushed == NULL)
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) modified = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      modified = parse_gmt (object_string (json_node_get_object (element), "date_gmt"));
      if (modified == NULL)
        modified = parse_gmt (object_string (json_node_get_object (element), "modified_gmt"));
      if (modified == NULL || g_date_time_compare (modified, pushed) > 0)
        continue;
      if (best_time == NULL || g_date_time_compare (modified, best_time) > 0 ||
          (g_date_time_compare (modified, best_time) == 0 &&
           object_int (json_node_get_object (element), "id") < object_int (best, "id")))
        {
          best = json_node_get_object (element);
          g_clear_pointer (&best_time, g_date_time_unref);
          best_time = g_date_time_ref (modified);
        }
    }
  return best != NULL ? json_object_ref (best) : NULL;
}

/* ------------------------------------------------------ earlier pushes */

/* A post that an earlier push of this article made but whose answer never
 * came (a timeout): found by the copydesk_id meta when the site has the
 * plugin, else by slug with the same id in meta or the same title. */
static JsonObject *
find_earlier_push (Job     *job,
                   GError **error)
{
  const char *id = cd_article_get_id (job->article);
  const char *slug = cd_article_get_slug (job->article);
  const char *headline = cd_article_get_headline (job->article);
  g_autoptr(GString) query = g_string_new ("context=edit&status=any&per_page=10");
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  if (job->account->accepts_meta && id != NULL && *id != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

      g_string_append_printf (query, "&copydesk_id=%s", escaped);
    }
  else if (slug != NULL && *slug != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (slug, NULL, FALSE);

      g_string_append_printf (query, "&slug=%s", escaped);
    }
  else
    return NULL;

  node = cd_wp_site_rest_sync (job->site, "GET", "wp/v2/posts", query->str, NULL,
                               job->cancellable, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *post;
      const char *their_id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      post = json_node_get_object (element);
      their_id = object_string (object_object (post, "meta"), "copydesk_id");
      /* A site that filters by copydesk_id answered only matches; without
       * the plugin, the slug alone could be someone else's post. */
      if ((their_id != NULL && g_strcmp0 (their_id, id) == 0)
          || (!job->account->accepts_meta && g_strcmp0 (object_raw (post, "title"), headline) == 0))
        return json_object_ref (post);
    }
  return NULL;
}

/* ---------------------------------------------------------------- terms */

static gboolean
term_name_matches (const char *theirs,
                   const char *ours)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GString) decoded = NULL;

  if (theirs == NULL)
    return FALSE;
  /* WordPress keeps "&" in term names as "&amp;". */
  decoded = g_string_new (theirs);
  g_string_replace (decoded, "&amp;", "&", 0);
  a = g_utf8_casefold (decoded->str, -1);
  b = g_utf8_casefold (ours, -1);
  return g_strcmp0 (a, b) == 0;
}

/* The id of the term @name in @taxonomy ("tags", "categories"), created when
 * missing and the account may; 0 with a warning when it may not. */
static gint64
resolve_term (Job         *job,
              const char  *taxonomy,
              const char  *name,
              gboolean     may_create,
              GError     **error)
{
  g_autofree char *route = g_strconcat ("wp/v2/", taxonomy, NULL);
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("search=%s&per_page=100", escaped);
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(CdWpResponse) response = NULL;
  g_autoptr(JsonObject) term = NULL;
  gboolean is_tag = g_str_equal (taxonomy, "tags");

  found = cd_wp_site_rest_sync (job->site, "GET", route, query, NULL, job->cancellable, error);
  if (found == NULL)
    return -1;
  if (JSON_NODE_HOLDS_ARRAY (found))
    {
      JsonArray *array = json_node_get_array (found);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element)
              && term_name_matches (object_string (json_node_get_object (element), "name"), name))
            return object_int (json_node_get_object (element), "id");
        }
    }

  if (!may_create)
    {
      if (is_tag)
        job_warn (job, _("Your account on %s may not create the tag “%s”: the post has it not"),
                  site_label (job), name);
      else
        job_warn (job, _("Your account on %s may not create the category “%s”: the post "
                         "is in the site’s default category. Ask an editor to create it"),
                  site_label (job), name);
      return 0;
    }

  term = json_object_new ();
  json_object_set_string_member (term, "name", name);
  body = json_node_init_object (json_node_alloc (), term);
  response = cd_wp_site_request_sync (job->site, "POST", route, NULL, body, job->cancellable, error);
  if (response == NULL)
    return -1;
  if (response->status == 201 || response->status == 200)
    {
      if (response->json != NULL && JSON_NODE_HOLDS_OBJECT (response->json))
        return object_int (json_node_get_object (response->json), "id");
    }
  else if (g_strcmp0 (cd_wp_response_get_code (response), "term_exists") == 0
           && JSON_NODE_HOLDS_OBJECT (response->json))
    {
      /* Someone made it between the search and now, or the search missed
       * it: WordPress names the term it has. */
      JsonObject *data = object_object (json_node_get_object (response->json), "data");

      if (object_int (data, "term_id") > 0)
        return object_int (data, "term_id");
    }
  else if (response->status == 403 || response->status == 401)
    {
      if (is_tag)
        job_warn (job, _("Your account on %s may not create the tag “%s”: the post has it not"),
                  site_label (job), name);
      else
        job_warn (job, _("Your account on %s may not create the category “%s”: the post "
                         "is in the site’s default category. Ask an editor to create it"),
                  site_label (job), name);
      return 0;
    }
  if (!cd_wp_site_check_response (job->site, response, error))
    return -1;
  g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
               _("%s answered with JSON that is not a term. Check the site’s "
                 "address in Preferences"), site_label (job));
  return -1;
}

static gboolean
resolve_terms (Job     *job,
               GArray  *tag_ids,
               GArray  *category_ids,
               GError **error)
{
  GListModel *tags = cd_article_get_tags (job->article);
  guint n = g_list_model_get_n_items (tags);
  const char *section = cd_article_get_section (job->article);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      const char *name = cd_tag_get_name (tag);
      gint64 id;

      if (name == NULL || *name == '\0')
        continue;
      id = resolve_term (job, "tags", name, TRUE, error);
      if (id < 0)
        return FALSE;
      if (id > 0)
        g_array_append_val (tag_ids, id);
    }
  if (section != NULL && *section != '\0')
    {
      gint64 id = resolve_term (job, "categories", section,
                                job->account->can_create_categories, error);

      if (id < 0)
        return FALSE;
      if (id > 0)
        g_array_append_val (category_ids, id);
    }
  return TRUE;
}

/* -------------------------------------------------------------- authors */

static gboolean
user_matches (JsonObject *user,
              CdAuthor   *author)
{
  const char *name = cd_author_get_name (author);
  const char *email = cd_author_get_email (author);
  g_autofree char *slug = name != NULL ? cd_text_slugify (name) : NULL;
  const char *their_email = object_string (user, "email");

  if (email != NULL && *email != '\0' && their_email != NULL
      && g_ascii_strcasecmp (email, their_email) == 0)
    return TRUE;
  if (slug != NULL && g_strcmp0 (object_string (user, "slug"), slug) == 0)
    return TRUE;
  return name != NULL && term_name_matches (object_string (user, "name"), name);
}

/* The site user for @author, or 0. Every user, and by e-mail, only with
 * list_users (context=edit); without it WordPress lists the authors of
 * published posts, which are searched by name, then by slug. */
static gint64
map_author (Job      *job,
            CdAuthor *author)
{
  const char *name = cd_author_get_name (author);
  const char *email = cd_author_get_email (author);
  g_autofree char *slug = NULL;
  g_autofree char *name_escaped = NULL;
  g_autofree char *email_escaped = NULL;
  g_autofree char *slug_escaped = NULL;
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  gboolean may_list = TRUE;

  if (name == NULL || *name == '\0')
    return 0;
  slug = cd_text_slugify (name);
  if (term_name_matches (job->account->user_name, name)
      || g_strcmp0 (job->account->user_slug, slug) == 0)
    return job->account->user_id;

  name_escaped = g_uri_escape_string (name, NULL, FALSE);
  slug_escaped = g_uri_escape_string (slug != NULL ? slug : "", NULL, FALSE);
  if (email != NULL && *email != '\0')
    {
      email_escaped = g_uri_escape_string (email, NULL, FALSE);
      g_ptr_array_add (queries, g_strdup_printf ("context=edit&per_page=100&search=%s", email_escaped));
    }
  g_ptr_array_add (queries, g_strdup_printf ("context=edit&per_page=100&search=%s", name_escaped));
  g_ptr_array_add (queries, g_strdup_printf ("per_page=100&search=%s", name_escaped));
  if (slug != NULL && *slug != '\0')
    g_ptr_array_add (queries, g_strdup_printf ("per_page=100&slug=%s", slug_escaped));

  for (guint i = 0; i < queries->len; i++)
    {
      const char *query = g_ptr_array_index (queries, i);
      g_autoptr(CdWpResponse) response = NULL;

      if (g_str_has_prefix (query, "context=edit") && !may_list)
        continue;
      response = cd_wp_site_request_sync (job->site, "GET", "wp/v2/users", query, NULL,
                                          job->cancellable, NULL);
      if (g_cancellable_is_cancelled (job->cancellable))
        return 0;
      if (response == NULL)
        continue;
      if (response->status == 401 || response->status == 403)
        {
          may_list = FALSE;
          continue;
        }
      if (response->status != 200 || response->json == NULL || !JSON_NODE_HOLDS_ARRAY (response->json))
        continue;
      for (guint j = 0; j < json_array_get_length (json_node_get_array (response->json)); j++)
        {
          JsonNode *element = json_array_get_element (json_node_get_array (response->json), j);

          if (JSON_NODE_HOLDS_OBJECT (element)
              && user_matches (json_node_get_object (element), author))
            return object_int (json_node_get_object (element), "id");
        }
    }
  return 0;
}

static gint64
map_authors (Job *job)
{
  GListModel *authors = cd_article_get_authors (job->article);
  guint n = g_list_model_get_n_items (authors);
  gint64 author_id = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      gint64 id = map_author (job, author);

      if (g_cancellable_is_cancelled (job->cancellable))
        return 0;
      if (i == 0 && id > 0)
        {
          if (id == job->account->user_id || job->account->can_edit_others)
            author_id = id;
          else
            job_warn (job, _("Your account on %s may not make %s the post’s author: the "
                             "site shows your account as its author and the byline "
                             "names %s"),
                      site_label (job), cd_author_get_name (author), cd_author_get_name (author));
        }
      else if (id == 0)
        job_warn (job, _("%s has no user on %s: the post’s byline names them, but the "
                         "site does not list the post under their name"),
                  cd_author_get_name (author), site_label (job));
    }
  return author_id;
}

/* ---------------------------------------------------------------- image */

static void
on_upload_progress (guint64  written,
                    guint64  total,
                    gpointer user_data)
{
  Job *job = user_data;
  double part = total > 0 ? (double) written / (double) total : 1.0;

  job_progress (job, NULL, job->upload_from + part * (job->upload_to - job->upload_from));
}

/* The featured image: the record's or the earlier push's when the image is
 * the one uploaded then, else uploaded now. 0 without an image; -1 on error. */
static gint64
upload_image (Job           *job,
              CdPublication *record,
              JsonObject    *existing,
              const char   **media_source,
              GError       **error)
{
  CdImage *image = cd_article_get_image (job->article);
  const char *source = image != NULL ? cd_image_get_source (image) : NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) media = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *caption = NULL;
  JsonObject *fields;
  gint64 media_id;
  gsize size;
  const guchar *data;

  *media_source = NULL;
  if (image == NULL || !cd_image_is_set (image) || source == NULL || *source == '\0')
    return 0;
  *media_source = source;

  if (record != NULL && cd_publication_get_media_id (record) > 0
      && g_strcmp0 (cd_publication_get_media_source (record), source) == 0)
    return cd_publication_get_media_id (record);
  if (existing != NULL && object_int (existing, "featured_media") > 0)
    return object_int (existing, "featured_media");

  if (cd_image_is_remote (image))
    {
      job_warn (job, _("The lead image is a web address (%s): Copydesk leaves it where "
                       "it is, and the post on %s has no featured image"),
                source, site_label (job));
      *media_source = NULL;
      return 0;
    }
  if (!job->account->can_upload)
    {
      job_warn (job, _("Your account on %s may not upload files: the post has no "
                       "featured image. Ask the site’s administrator for the right"),
                site_label (job));
      *media_source = NULL;
      return 0;
    }

  folder = g_file_new_for_path (job->article_dir != NULL ? job->article_dir : ".");
  file = cd_image_source_resolve (source, folder);
  if (file != NULL)
    bytes = g_file_load_bytes (file, job->cancellable, NULL, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The lead image “%s” cannot be read (%s). Choose the image "
                     "again in the article’s Image field"),
                   source, local_error != NULL ? local_error->message : _("outside the article’s folder"));
      return -1;
    }

  basename = g_file_get_basename (file);
  data = g_bytes_get_data (bytes, &size);
  content_type = g_content_type_guess (basename, data, size, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  if (mime_type == NULL || !g_str_has_prefix (mime_type, "image/"))
    {
      g_free (mime_type);
      mime_type = g_strdup ("application/octet-stream");
    }

  job_progress (job, _("Uploading the lead image…"), job->upload_from);
  media = cd_wp_site_upload_sync (job->site, bytes, basename, mime_type,
                                  on_upload_progress, job, job->cancellable, error);
  if (media == NULL)
    return -1;
  if (!JSON_NODE_HOLDS_OBJECT (media) || object_int (json_node_get_object (media), "id") <= 0)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
                   _("%s answered the upload with JSON that is not a media item. "
                     "Check the site’s address in Preferences"), site_label (job));
      return -1;
    }
  media_id = object_int (json_node_get_object (media), "id");

  /* The alt text and caption go in a second request: the upload's body is
   * the file itself. */
  fields = json_object_new ();
  json_object_set_string_member (fields, "alt_text",
                                 cd_image_get_alt (image) != NULL ? cd_image_get_alt (image) : "");
  caption = cd_wp_media_caption (cd_image_get_caption (image), cd_image_get_credit (image));
  if (caption != NULL)
    json_object_set_string_member (fields, "caption", caption);
  body = json_node_init_object (json_node_alloc (), fields);
  json_object_unref (fields);
  {
    g_autofree char *route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, media_id);

    updated = cd_wp_site_rest_sync (job->site, "POST", route, NULL, body, job->cancellable, error);
  }
  if (updated == NULL)
    return -1;
  return media_id;
}

/* -------------------------------------------------------------- JSON-LD */

/* The address WordPress serves the media item at, or NULL. */
static char *
media_url (Job    *job,
           gint64  media_id)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, media_id);
  g_autoptr(JsonNode) media = NULL;

  media = cd_wp_site_rest_sync (job->site, "GET", route, NULL, NULL, job->cancellable, NULL);
  if (media == NULL || !JSON_NODE_HOLDS_OBJECT (media))
    return NULL;
  return g_strdup (object_string (json_node_get_object (media), "source_url"));
}

/* The article's JSON-LD with "url" the post's address and the lead image
 * where WordPress serves it, or NULL with a warning when it cannot be
 * made. */
static char *
build_jsonld (Job        *job,
              const char *link,
              gint64      media_id)
{
  CdExporter *exporter = cd_exporters_lookup ("jsonld");
  CdExportOptions options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CdArticle) copy = cd_article_copy (job->article);
  CdImage *image = cd_article_get_image (copy);
  JsonNode *root;
  gsize size;
  const char *data;

  if (exporter == NULL)
    return NULL;
  if (media_id > 0 && image != NULL && cd_image_is_set (image) && !cd_image_is_remote (image))
    {
      g_autofree char *url = media_url (job, media_id);

      if (url != NULL)
        cd_image_set_source (image, url);
    }
  options.image_mode = CD_EXPORT_IMAGE_NONE;
  options.article_dir = job->article_dir;
  bytes = cd_exporter_export (exporter, copy, &options, &error);
  if (bytes == NULL)
    {
      /* The JSON-LD names only https images; without one it goes without
       * the image rather than not at all. */
      g_clear_error (&error);
      cd_image_clear (image);
      bytes = cd_exporter_export (exporter, copy, &options, &error);
    }
  if (bytes == NULL)
    {
      job_warn (job, _("The article’s JSON-LD could not be made (%s): the page on %s "
                       "has none from Copydesk"), error->message, site_label (job));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) && link != NULL)
    json_object_set_string_member (json_node_get_object (root), "url", link);
  return json_to_string (root, FALSE);
}

/* ------------------------------------------------------------- schedule */

static gboolean
is_live_status (const char *status)
{
  return g_strcmp0 (status, "publish") == 0 || g_strcmp0 (status, "future") == 0;
}

/* Never hands WordPress a time it would treat as past, nor a live status
 * before the embargo: both would put the story out early. */
static gboolean
check_schedule (Job         *job,
                const char  *status,
                const char  *date_gmt,
                GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) site_now = g_date_time_add (now, job->account->clock_skew);
  g_autoptr(GDateTime) date = parse_gmt (date_gmt);
  GDateTime *embargo = cd_article_get_embargo (job->article);

  if (!is_live_status (status))
    return TRUE;

  if (embargo != NULL && g_date_time_compare (embargo, site_now) > 0
      && (date == NULL || g_date_time_compare (date, embargo) < 0))
    {
      g_autofree char *when = g_date_time_format (embargo, "%F %R %Z");

      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE,
                   _("The article is under embargo until %s, and would appear on %s "
                     "before that. Set its publication time to the embargo or later, "
                     "or publish it as a draft"),
                   when, site_label (job));
      return FALSE;
    }

  if (date != NULL && g_date_time_compare (date, site_now) > 0
      && g_date_time_difference (date, site_now) < SCHEDULE_MARGIN)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE,
                   _("The article is due in less than two minutes on %s’s clock; "
                     "WordPress would publish it at once. Set a later time or "
                     "publish now without the embargo"),
                   site_label (job));
      return FALSE;
    }
  if (g_strcmp0 (status, "future") == 0 && date == NULL)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE,
                   _("A scheduled post needs a publication time in the future on "
                     "%s’s clock. Set the article’s publication time, or publish now"),
                   site_label (job));
      return FALSE;
    }
  return TRUE;
}

/* "future" for a time that has passed (an embargo that is over) is what
 * WordPress publishes at once anyway: say so with "publish". */
static const char *
status_for_date (Job        *job,
                 const char *status,
                 const char *date_gmt)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) site_now = g_date_time_add (now, job->account->clock_skew);
  g_autoptr(GDateTime) date = parse_gmt (date_gmt);

  if (g_strcmp0 (status, "future") == 0 && date != NULL
      && g_date_time_compare (date, site_now) <= 0)
    return "publish";
  return status;
}

/* ------------------------------------------------------------- the run */

static CdPublication *
find_record (Job        *job,
             const char *site)
{
  CdPublication *record = cd_article_lookup_publication (job->article, site);

  return record != NULL ? cd_publication_copy (record) : NULL;
}

static gboolean
member_is_absent (JsonObject *object,
                             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* Whether someone edited the post on the site since the push @record
 * describes. WordPress keeps modified_gmt to the second, so an edit in the
 * same second as the push leaves it as it was: the fingerprint of what was
 * read back after the push finds that edit too. A record from before
 * fingerprints has only modified_gmt. */
static gboolean
changed_on_site (CdPublication *record,
                 JsonObject    *post)
{
  const char *recorded = cd_publication_get_fingerprint (record);
  g_autofree char *current = NULL;

  if (g_strcmp0 (object_string (post, "modified_gmt"),
                 cd_publication_get_modified_gmt (record)) != 0)
    return TRUE;
  if (recorded[0] == '\0')
    return FALSE;
  current = cd_wp_post_fingerprint (post);
  return strcmp (current, recorded) != 0;
}

static CdPublishResult *
run (Job     *job,
     GError **error)
{
  g_autofree char *site = cd_publication_normalize_site (cd_wp_site_get_url (job->site));
  g_autoptr(CdPublication) record = NULL;
  g_autoptr(JsonObject) existing = NULL;
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) read_tags = NULL;
  g_autoptr(GArray) read_categories = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autoptr(JsonNode) sent_node = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) read_back_node = NULL;
  g_autoptr(GDateTime) pushed = NULL;
  g_autofree char *date_gmt = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *jsonld = NULL;
  g_autofree char *route = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  CdWpPostOptions post_options = { 0 };
  CdPublishResult *result = job->result;
  JsonObject *read_back;
  const char *media_source = NULL;
  const char *status;
  const char *effective_status;
  gint64 post_id = 0;
  gint64 media_id;
  gint64 author_id;
  gboolean update = FALSE;

  job_progress (job, _("Checking the account…"), 0.02);
  job->account = cd_wp_site_check_sync (job->site, job->cancellable, error);
  if (job->account == NULL)
    return NULL;

  record = find_record (job, site);
  if (record != NULL && cd_publication_get_post_id (record) > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) current = NULL;
      JsonObject *post;

      job_progress (job, _("Looking for changes made on the site…"), 0.1);
      post_id = cd_publication_get_post_id (record);
      current = get_post (job, post_id, &local_error);
      if (current == NULL)
        {
          if (g_error_matches (local_error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND))
            g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND,
                         _("The post %" G_GINT64_FORMAT " this article was published as "
                           "is no longer on %s: it was deleted there. Remove the "
                           "article’s link to that post to publish it as a new post"),
                         post_id, site_label (job));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      post = require_post (job, current, error);
      if (post == NULL)
        return NULL;
      if (g_strcmp0 (object_string (post, "status"), "trash") == 0)
        {
          g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND,
                       _("The post %" G_GINT64_FORMAT " this article was published as is "
                         "in the trash on %s. Restore it there, or remove the article’s "
                         "link to that post to publish it as a new post"),
                       post_id, site_label (job));
          return NULL;
        }
      if (changed_on_site (record, post) && !job->overwrite)
        {
          g_autoptr(JsonObject) revision = find_pushed_revision (job, post_id, record);
          g_autoptr(GPtrArray) changes = NULL;

          if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
            return NULL;
          changes = cd_wp_post_site_changes (record, revision, post);
          result->outcome = CD_PUBLISH_CONFLICT;
          g_ptr_array_extend_and_steal (result->site_changes, g_steal_pointer (&changes));
          result->site_post = json_object_ref (post);
          result->post_id = post_id;
          result->link = g_strdup (object_string (post, "link"));
          result->status = g_strdup (object_string (post, "status"));
          result->date = parse_gmt (object_string (post, "date_gmt"));
          return g_object_ref (result);
        }
      existing = json_object_ref (post);
      update = TRUE;
    }
  else
    {
      job_progress (job, _("Looking for an earlier attempt…"), 0.1);
      existing = find_earlier_push (job, error);
      if (existing == NULL && error != NULL && *error != NULL)
        return NULL;
      if (existing != NULL)
        {
          post_id = object_int (existing, "id");
          update = TRUE;
        }
    }

  /* The status: a new post's from the options or the article; an update
   * keeps the post's unless the user chose one. */
  if (job->status != NULL)
    status = job->status;
  else if (!update)
    status = cd_wp_post_status_for_article (job->article);
  else
    status = NULL;
  effective_status = status != NULL ? status : object_string (existing, "status");
  date_gmt = cd_wp_post_date_gmt (job->article);
  if (!check_schedule (job, effective_status, date_gmt, error))
    return NULL;
  status = status_for_date (job, status, date_gmt);

  job_progress (job, _("Finding tags and the section on the site…"), 0.2);
  if (!resolve_terms (job, tag_ids, category_ids, error))
    return NULL;
  job_progress (job, _("Finding the authors on the site…"), 0.25);
  author_id = map_authors (job);
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return NULL;

  job->upload_from = 0.3;
  job->upload_to = 0.75;
  media_id = upload_image (job, record, existing, &media_source, error);
  if (media_id < 0)
    return NULL;

  if (job->account->accepts_meta && update)
    jsonld = build_jsonld (job, object_string (existing, "link"), media_id);

  post_options.update = update;
  post_options.status = status;
  post_options.send_slug = !update || job->change_slug;
  post_options.tag_ids = (const gint64 *) tag_ids->data;
  post_options.n_tag_ids = tag_ids->len;
  post_options.category_ids = (const gint64 *) category_ids->data;
  post_options.n_category_ids = category_ids->len;
  post_options.author_id = author_id;
  post_options.featured_media = media_id;
  post_options.jsonld = jsonld;
  post_options.send_meta = job->account->accepts_meta;
  sent = cd_wp_post_build (job->article, &post_options);
  sent_node = json_node_init_object (json_node_alloc (), sent);

  job_progress (job, update ? _("Updating the post…") : _("Creating the post…"), 0.8);
  if (update)
    route = route_for_post (post_id);
  else
    route = g_strdup ("wp/v2/posts");
  answer = cd_wp_site_rest_sync (job->site, "POST", route, NULL, sent_node,
                                 job->cancellable, error);
  if (answer == NULL || require_post (job, answer, error) == NULL)
    return NULL;
  post_id = object_int (json_node_get_object (answer), "id");

  /* A new post gets one more request. Its address is known only now, so
   * the JSON-LD that names it goes here; and WordPress keeps no revision of
   * a post until its first update, while a later conflict needs the
   * revision of what was pushed to show what changed on the site. Without
   * JSON-LD to send, the update is empty. */
  if (!update)
    {
      g_autofree char *new_jsonld = NULL;
      g_autoptr(JsonObject) patch = json_object_new ();
      g_autoptr(JsonNode) patch_node = NULL;
      g_autoptr(JsonNode) patched = NULL;
      g_autofree char *post_route = route_for_post (post_id);

      if (job->account->accepts_meta)
        new_jsonld = build_jsonld (job, object_string (json_node_get_object (answer), "link"),
                                   media_id);
      if (new_jsonld != NULL)
        {
          JsonObject *meta = json_object_new ();
          JsonObject *sent_meta = object_object (sent, "meta");

          json_object_set_string_member (meta, "copydesk_jsonld", new_jsonld);
          json_object_set_object_member (patch, "meta", meta);
          if (sent_meta == NULL)
            {
              sent_meta = json_object_new ();
              json_object_set_object_member (sent, "meta", sent_meta);
            }
          json_object_set_string_member (sent_meta, "copydesk_jsonld", new_jsonld);
        }
      patch_node = json_node_init_object (json_node_alloc (), patch);
      patched = cd_wp_site_rest_sync (job->site, "POST", post_route, NULL, patch_node,
                                      job->cancellable, error);
      if (patched == NULL)
        return NULL;
    }

  job_progress (job, _("Reading the post back…"), 0.9);
  read_back_node = get_post (job, post_id, error);
  if (read_back_node == NULL)
    return NULL;
  read_back = require_post (job, read_back_node, error);
  if (read_back == NULL)
    return NULL;
  pushed = g_date_time_new_now_utc ();

  differences = cd_wp_post_compare (sent, read_back);
  g_ptr_array_extend_and_steal (result->differences, g_steal_pointer (&differences));
  if (!member_is_absent (sent, "status")
      && g_strcmp0 (object_string (sent, "status"), object_string (read_back, "status")) != 0
      && !(g_strcmp0 (object_string (sent, "status"), "publish") == 0
           && g_strcmp0 (object_string (read_back, "status"), "future") == 0))
    job_warn (job, _("%s set the post’s status to “%s”, not “%s” as asked: your account "
                     "may lack the right. An editor can publish it"),
              site_label (job), object_string (read_back, "status"),
              object_string (sent, "status"));

  if (update && g_strcmp0 (object_string (existing, "status"), "publish") == 0
      && g_strcmp0 (object_string (existing, "slug"), object_string (read_back, "slug")) != 0)
    job_warn (job, _("The post’s address on %s changed from %s to %s. WordPress sends "
                     "readers of the old address to the new one; links elsewhere still "
                     "name the old one"),
              site_label (job), object_string (existing, "link"),
              object_string (read_back, "link"));

  if (record == NULL)
    record = cd_publication_new (site);
  cd_publication_set_post_id (record, post_id);
  cd_publication_set_link (record, object_string (read_back, "link"));
  cd_publication_set_modified_gmt (record, object_string (read_back, "modified_gmt"));
  fingerprint = cd_wp_post_fingerprint (read_back);
  cd_publication_set_fingerprint (record, fingerprint);
  cd_publication_set_status (record, object_string (read_back, "status"));
  cd_publication_set_slug (record, object_string (read_back, "slug"));
  read_tags = object_ids (read_back, "tags");
  read_categories = object_ids (read_back, "categories");
  cd_publication_set_tag_ids (record, (const gint64 *) read_tags->data, read_tags->len);
  cd_publication_set_category_ids (record, (const gint64 *) read_categories->data,
                                   read_categories->len);
  cd_publication_set_media (record, media_id, media_id > 0 ? media_source : NULL);
  cd_publication_set_pushed (record, pushed);

  result->outcome = CD_PUBLISH_DONE;
  result->publication = g_steal_pointer (&record);
  result->post_id = post_id;
  result->link = g_strdup (object_string (read_back, "link"));
  result->status = g_strdup (object_string (read_back, "status"));
  result->date = parse_gmt (object_string (read_back, "date_gmt"));
  job_progress (job, _("Published"), 1.0);
  return g_object_ref (result);
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
  result = run (job, &error);
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
  job->result = g_object_new (CD_TYPE_PUBLISH_RESULT, NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cd_publisher_publish_async);
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
