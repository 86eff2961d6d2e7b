/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The run of one publish in the worker thread: the post read and written
 * over REST, a change made on the site found before an update, an earlier
 * attempt whose answer never came found again, the schedule checked
 * against the site's clock, and the post read back into the record. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-publisher-private.h"

/* WordPress publishes a "future" post at once when its time has passed by
 * the time the request arrives; two minutes leave room for a slow upload
 * and for the Date header's one-second precision. */
#define SCHEDULE_MARGIN (120 * G_TIME_SPAN_SECOND)

/* ----------------------------------------------------------------- posts */

/* "raw" of a rendered field ({raw, rendered}) in context=edit, else the text. */
static const char *
object_raw (JsonObject *object,
            const char *member)
{
  JsonObject *field = cd_publish_object_object (object, member);

  if (field != NULL)
    return cd_publish_object_string (field, "raw") != NULL
           ? cd_publish_object_string (field, "raw")
           : cd_publish_object_string (field, "rendered");
  return cd_publish_object_string (object, member);
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
                 "address in Preferences"), cd_publish_site_label (job));
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

/* The post with its terms, author and image embedded, so that a conflict
 * can open the site's version whole (cd_wp_post_to_article ()). */
static JsonNode *
get_post (Job        *job,
          gint64      post_id,
          GError    **error)
{
  g_autofree char *route = route_for_post (post_id);

  return cd_wp_site_rest_sync (job->site, "GET", route, "context=edit&_embed=1", NULL,
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
      modified = parse_gmt (cd_publish_object_string (json_node_get_object (element), "date_gmt"));
      if (modified == NULL)
        modified = parse_gmt (cd_publish_object_string (json_node_get_object (element),
                                                        "modified_gmt"));
      if (modified == NULL || g_date_time_compare (modified, pushed) > 0)
        continue;
      if (best_time == NULL || g_date_time_compare (modified, best_time) > 0 ||
          (g_date_time_compare (modified, best_time) == 0 &&
           cd_publish_object_int (json_node_get_object (element), "id")
           < cd_publish_object_int (best, "id")))
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
      their_id = cd_publish_object_string (cd_publish_object_object (post, "meta"), "copydesk_id");
      /* A site that filters by copydesk_id answered only matches; without
       * the plugin, the slug alone could be someone else's post. */
      if ((their_id != NULL && g_strcmp0 (their_id, id) == 0)
          || (!job->account->accepts_meta && g_strcmp0 (object_raw (post, "title"), headline) == 0))
        return json_object_ref (post);
    }
  return NULL;
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
                   when, cd_publish_site_label (job));
      return FALSE;
    }

  if (date != NULL && g_date_time_compare (date, site_now) > 0
      && g_date_time_difference (date, site_now) < SCHEDULE_MARGIN)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE,
                   _("The article is due in less than two minutes on %s’s clock; "
                     "WordPress would publish it at once. Set a later time or "
                     "publish now without the embargo"),
                   cd_publish_site_label (job));
      return FALSE;
    }
  if (g_strcmp0 (status, "future") == 0 && date == NULL)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE,
                   _("A scheduled post needs a publication time in the future on "
                     "%s’s clock. Set the article’s publication time, or publish now"),
                   cd_publish_site_label (job));
      return FALSE;
    }
  return TRUE;
}

/* An update that keeps the post's status must not move it as a side effect:
 * WordPress takes a live post whose date is ahead of its clock off the site
 * ("future"), and publishes a scheduled post whose date has passed. The
 * user chooses a status to do either on purpose. */
static gboolean
check_kept_status (Job         *job,
                   const char  *existing_status,
                   const char  *date_gmt,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) site_now = g_date_time_add (now, job->account->clock_skew);
  g_autoptr(GDateTime) date = parse_gmt (date_gmt);

  if (date == NULL)
    return TRUE;

  if (g_strcmp0 (existing_status, "publish") == 0 && g_date_time_compare (date, site_now) > 0)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (date);
      g_autofree char *when = g_date_time_format (local, "%F %R %Z");

      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE,
                   _("The post is live on %s, and the article’s publication time, %s, "
                     "is still ahead: WordPress would take the post off the site until "
                     "then. To reschedule it, choose Scheduled; to keep it live, set a "
                     "time that has passed"),
                   cd_publish_site_label (job), when);
      return FALSE;
    }
  if (g_strcmp0 (existing_status, "future") == 0 && g_date_time_compare (date, site_now) <= 0)
    {
      g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_SCHEDULE,
                   _("The post is scheduled on %s, and the article’s publication time has "
                     "passed: WordPress would publish it at once. To publish it now, "
                     "choose Publish; to keep it scheduled, set a later time"),
                   cd_publish_site_label (job));
      return FALSE;
    }
  return TRUE;
}

/* "future" for a time that has passed (an embargo that is over) is what
 * WordPress publishes at once anyway: say so with "publish", and tell the
 * user, who may have meant to schedule it. */
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
    {
      cd_publish_job_warn (job, _("The post was to be scheduled on %s, but its time had passed, "
                                  "so WordPress published it at once"),
                           cd_publish_site_label (job));
      return "publish";
    }
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

  if (g_strcmp0 (cd_publish_object_string (post, "modified_gmt"),
                 cd_publication_get_modified_gmt (record)) != 0)
    return TRUE;
  if (recorded[0] == '\0')
    return FALSE;
  current = cd_wp_post_fingerprint (post);
  return strcmp (current, recorded) != 0;
}

/* Whether the post is still as the user saw it in the conflict they chose
 * to overwrite; TRUE when the caller could not say what they saw. */
static gboolean
as_expected (Job        *job,
             JsonObject *post)
{
  g_autofree char *current = NULL;

  if (job->expected_modified_gmt == NULL && job->expected_fingerprint == NULL)
    return TRUE;
  if (job->expected_modified_gmt != NULL
      && g_strcmp0 (cd_publish_object_string (post, "modified_gmt"),
                    job->expected_modified_gmt) != 0)
    return FALSE;
  if (job->expected_fingerprint == NULL)
    return TRUE;
  current = cd_wp_post_fingerprint (post);
  return strcmp (current, job->expected_fingerprint) == 0;
}

/* Fills the result in as a CONFLICT over @post with @changes; nothing was
 * sent. */
static CdPublishResult *
conflict_result (Job        *job,
                 JsonObject *post,
                 GPtrArray  *changes)
{
  CdPublishResult *result = job->result;

  result->outcome = CD_PUBLISH_CONFLICT;
  g_ptr_array_extend_and_steal (result->site_changes, changes);
  result->site_post = json_object_ref (post);
  result->post_id = cd_publish_object_int (post, "id");
  result->link = g_strdup (cd_publish_object_string (post, "link"));
  result->status = g_strdup (cd_publish_object_string (post, "status"));
  result->date = parse_gmt (cd_publish_object_string (post, "date_gmt"));
  result->site_modified_gmt = g_strdup (cd_publish_object_string (post, "modified_gmt"));
  result->site_fingerprint = cd_wp_post_fingerprint (post);
  return g_object_ref (result);
}

/* How the post an earlier push made (found without a record: its answer
 * was lost) differs from what this publish would send: its title, excerpt
 * and body. Someone may have edited it on the site since; with no record
 * of what was pushed, any difference is one the user must see first. */
static GPtrArray *
earlier_push_changes (Job        *job,
                      const char *site,
                      JsonObject *post)
{
  g_autoptr(CdPublication) record = cd_publication_new (site);
  g_autoptr(GArray) tags = object_ids (post, "tags");
  g_autoptr(GArray) categories = object_ids (post, "categories");
  g_autoptr(JsonObject) would_send = NULL;
  CdWpPostOptions options = { 0 };

  /* The terms and status come from the post itself: only the text is
   * compared. */
  cd_publication_set_tag_ids (record, (const gint64 *) tags->data, tags->len);
  cd_publication_set_category_ids (record, (const gint64 *) categories->data, categories->len);
  would_send = cd_wp_post_build (job->article, &options);
  return cd_wp_post_site_changes (record, would_send, post);
}

/* Whether the article has an image that could be the post's featured
 * image; without one, an update takes the post's away. */
static gboolean
has_local_image (Job *job)
{
  CdImage *image = cd_article_get_image (job->article);

  return image != NULL && cd_image_is_set (image) && !cd_image_is_remote (image);
}

CdPublishResult *
cd_publish_run (Job     *job,
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
  g_autoptr(JsonObject) latest = NULL;
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

  cd_publish_job_progress (job, _("Checking the account…"), 0.02);
  job->account = cd_wp_site_check_sync (job->site, job->cancellable, error);
  if (job->account == NULL)
    return NULL;

  record = find_record (job, site);
  if (record != NULL && cd_publication_get_post_id (record) > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) current = NULL;
      g_autofree char *post_number = NULL;
      JsonObject *post;

      cd_publish_job_progress (job, _("Looking for changes made on the site…"), 0.1);
      post_id = cd_publication_get_post_id (record);
      /* A number formatted apart: xgettext cannot read a message that
       * G_GINT64_FORMAT splits. */
      post_number = g_strdup_printf ("%" G_GINT64_FORMAT, post_id);
      current = get_post (job, post_id, &local_error);
      if (current == NULL)
        {
          if (g_error_matches (local_error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND))
            g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND,
                         /* Translators: the first %s is the post's number on
                          * the site, the second the site's name. */
                         _("The post %s this article was published as "
                           "is no longer on %s: it was deleted there. Remove the "
                           "article’s link to that post to publish it as a new post"),
                         post_number, cd_publish_site_label (job));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      post = require_post (job, current, error);
      if (post == NULL)
        return NULL;
      if (g_strcmp0 (cd_publish_object_string (post, "status"), "trash") == 0)
        {
          g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_NOT_FOUND,
                       /* Translators: the first %s is the post's number on
                        * the site, the second the site's name. */
                       _("The post %s this article was published as is "
                         "in the trash on %s. Restore it there, or remove the article’s "
                         "link to that post to publish it as a new post"),
                       post_number, cd_publish_site_label (job));
          return NULL;
        }
      /* Overwriting replaces what the user saw in the conflict, not an
       * edit made on the site since: that is a new conflict. */
      if (changed_on_site (record, post) && (!job->overwrite || !as_expected (job, post)))
        {
          g_autoptr(JsonObject) revision = find_pushed_revision (job, post_id, record);

          if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
            return NULL;
          return conflict_result (job, post, cd_wp_post_site_changes (record, revision, post));
        }
      existing = json_object_ref (post);
      update = TRUE;
    }
  else
    {
      cd_publish_job_progress (job, _("Looking for an earlier attempt…"), 0.1);
      existing = find_earlier_push (job, error);
      if (existing == NULL && error != NULL && *error != NULL)
        return NULL;
      if (existing != NULL)
        {
          g_autoptr(GPtrArray) changes = earlier_push_changes (job, site, existing);

          post_id = cd_publish_object_int (existing, "id");
          if ((changes->len > 0 && !job->overwrite)
              || (job->overwrite && !as_expected (job, existing)))
            {
              g_autofree char *post_number = g_strdup_printf ("%" G_GINT64_FORMAT, post_id);

              cd_publish_job_warn (job,
                                   /* Translators: the first %s is the site's
                                    * name, the second the post's number. */
                                   _("An earlier publish of this article was found on %s "
                                     "(post %s), and it differs from the article: someone may "
                                     "have edited it there. Keep the site’s version or replace "
                                     "it with yours"),
                                   cd_publish_site_label (job), post_number);
              return conflict_result (job, existing, g_steal_pointer (&changes));
            }
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
  effective_status = status != NULL ? status : cd_publish_object_string (existing, "status");
  date_gmt = cd_wp_post_date_gmt (job->article);
  if (!check_schedule (job, effective_status, date_gmt, error))
    return NULL;
  if (update && status == NULL
      && !check_kept_status (job, cd_publish_object_string (existing, "status"), date_gmt, error))
    return NULL;
  status = status_for_date (job, status, date_gmt);

  cd_publish_job_progress (job, _("Finding tags and the section on the site…"), 0.2);
  if (!cd_publish_resolve_terms (job, tag_ids, category_ids, error))
    return NULL;
  cd_publish_job_progress (job, _("Finding the authors on the site…"), 0.25);
  author_id = cd_publish_map_authors (job);
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return NULL;

  job->upload_from = 0.3;
  job->upload_to = 0.75;
  media_id = cd_publish_upload_image (job, record, existing, &media_source, error);
  if (media_id < 0)
    return NULL;

  if (job->account->accepts_meta && update)
    jsonld = cd_publish_build_jsonld (job, cd_publish_object_string (existing, "link"), media_id);

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
  /* The builder leaves featured_media out when there is none to send;
   * an update must take away the image the article no longer has. */
  if (update && media_id == 0 && !has_local_image (job))
    json_object_set_int_member (sent, "featured_media", 0);
  sent_node = json_node_init_object (json_node_alloc (), sent);

  cd_publish_job_progress (job, update ? _("Updating the post…") : _("Creating the post…"), 0.8);
  if (update)
    route = route_for_post (post_id);
  else
    route = g_strdup ("wp/v2/posts");
  answer = cd_wp_site_rest_sync (job->site, "POST", route, NULL, sent_node,
                                 job->cancellable, error);
  if (answer == NULL || require_post (job, answer, error) == NULL)
    return NULL;
  post_id = cd_publish_object_int (json_node_get_object (answer), "id");
  latest = json_object_ref (json_node_get_object (answer));

  /* The post is on the site now. Failing from here on would lose its
   * number, and a retry without the plugin could make a second post: a
   * cancel is too late to take back, and a later step that fails is a
   * warning on a record built from what is known. */
  job->cancellable = NULL;

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
      g_autoptr(GError) patch_error = NULL;
      g_autofree char *post_route = route_for_post (post_id);

      if (job->account->accepts_meta)
        new_jsonld = cd_publish_build_jsonld (job, cd_publish_object_string (latest, "link"),
                                              media_id);
      if (new_jsonld != NULL)
        {
          JsonObject *meta = json_object_new ();
          JsonObject *sent_meta = cd_publish_object_object (sent, "meta");

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
                                      NULL, &patch_error);
      if (patched != NULL && JSON_NODE_HOLDS_OBJECT (patched))
        {
          json_object_unref (latest);
          latest = json_object_ref (json_node_get_object (patched));
        }
      else if (patched == NULL)
        {
          /* Without the JSON-LD the compare below lists it as dropped. */
          cd_publish_job_warn (job, _("The post is on %s, but the request that completes it "
                                      "failed (%s): it may lack its JSON-LD, and a conflict "
                                      "later cannot show what changed. Publish again to "
                                      "complete it"),
                               cd_publish_site_label (job), patch_error->message);
        }
    }

  cd_publish_job_progress (job, _("Reading the post back…"), 0.9);
  {
    g_autoptr(GError) read_error = NULL;

    read_back_node = get_post (job, post_id, &read_error);
    if (read_back_node != NULL && JSON_NODE_HOLDS_OBJECT (read_back_node))
      read_back = json_node_get_object (read_back_node);
    else
      {
        /* The last answer is the post as the site saved it: enough for
         * the record, though what the site dropped goes unchecked. */
        cd_publish_job_warn (job, _("The post is on %s, but reading it back failed (%s): "
                                    "what the site kept of the article was not checked"),
                             cd_publish_site_label (job),
                             read_error != NULL ? read_error->message : _("not a post"));
        read_back = latest;
      }
  }
  pushed = g_date_time_new_now_utc ();

  differences = cd_wp_post_compare (sent, read_back);
  g_ptr_array_extend_and_steal (result->differences, g_steal_pointer (&differences));
  if (!member_is_absent (sent, "status")
      && g_strcmp0 (cd_publish_object_string (sent, "status"),
                    cd_publish_object_string (read_back, "status")) != 0
      && !(g_strcmp0 (cd_publish_object_string (sent, "status"), "publish") == 0
           && g_strcmp0 (cd_publish_object_string (read_back, "status"), "future") == 0))
    cd_publish_job_warn (job, _("%s set the post’s status to “%s”, not “%s” as asked: your account "
                                "may lack the right. An editor can publish it"),
                         cd_publish_site_label (job), cd_publish_object_string (read_back, "status"),
                         cd_publish_object_string (sent, "status"));

  if (update && g_strcmp0 (cd_publish_object_string (existing, "status"), "publish") == 0
      && g_strcmp0 (cd_publish_object_string (existing, "slug"),
                    cd_publish_object_string (read_back, "slug")) != 0)
    cd_publish_job_warn (job, _("The post’s address on %s changed from %s to %s. WordPress sends "
                                "readers of the old address to the new one; links elsewhere still "
                                "name the old one"),
                         cd_publish_site_label (job), cd_publish_object_string (existing, "link"),
                         cd_publish_object_string (read_back, "link"));

  if (record == NULL)
    record = cd_publication_new (site);
  cd_publication_set_post_id (record, post_id);
  cd_publication_set_link (record, cd_publish_object_string (read_back, "link"));
  cd_publication_set_modified_gmt (record, cd_publish_object_string (read_back, "modified_gmt"));
  fingerprint = cd_wp_post_fingerprint (read_back);
  cd_publication_set_fingerprint (record, fingerprint);
  cd_publication_set_status (record, cd_publish_object_string (read_back, "status"));
  cd_publication_set_slug (record, cd_publish_object_string (read_back, "slug"));
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
  result->link = g_strdup (cd_publish_object_string (read_back, "link"));
  result->status = g_strdup (cd_publish_object_string (read_back, "status"));
  result->date = parse_gmt (cd_publish_object_string (read_back, "date_gmt"));
  cd_publish_job_progress (job, _("Published"), 1.0);
  return g_object_ref (result);
}
