/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Terms and authors for a post: the article's tags and section found on the
 * site as tags and a category (created when missing and the account may),
 * and its authors matched to the site's users. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-publisher-private.h"

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
              && term_name_matches (cd_publish_object_string (json_node_get_object (element),
                                                              "name"),
                                    name))
            return cd_publish_object_int (json_node_get_object (element), "id");
        }
    }

  if (!may_create)
    {
      if (is_tag)
        cd_publish_job_warn (job, _("Your account on %s may not create the tag “%s”: the post has it not"),
                             cd_publish_site_label (job), name);
      else
        cd_publish_job_warn (job, _("Your account on %s may not create the category “%s”: the post "
                                    "is in the site’s default category. Ask an editor to create it"),
                             cd_publish_site_label (job), name);
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
        return cd_publish_object_int (json_node_get_object (response->json), "id");
    }
  else if (g_strcmp0 (cd_wp_response_get_code (response), "term_exists") == 0
           && JSON_NODE_HOLDS_OBJECT (response->json))
    {
      /* Someone made it between the search and now, or the search missed
       * it: WordPress names the term it has. */
      JsonObject *data = cd_publish_object_object (json_node_get_object (response->json), "data");

      if (cd_publish_object_int (data, "term_id") > 0)
        return cd_publish_object_int (data, "term_id");
    }
  else if (response->status == 403 || response->status == 401)
    {
      if (is_tag)
        cd_publish_job_warn (job, _("Your account on %s may not create the tag “%s”: the post has it not"),
                             cd_publish_site_label (job), name);
      else
        cd_publish_job_warn (job, _("Your account on %s may not create the category “%s”: the post "
                                    "is in the site’s default category. Ask an editor to create it"),
                             cd_publish_site_label (job), name);
      return 0;
    }
  if (!cd_wp_site_check_response (job->site, response, error))
    return -1;
  g_set_error (error, CD_WP_ERROR, CD_WP_ERROR_MALFORMED,
               _("%s answered with JSON that is not a term. Check the site’s "
                 "address in Preferences"), cd_publish_site_label (job));
  return -1;
}

gboolean
cd_publish_resolve_terms (Job     *job,
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
  const char *their_email = cd_publish_object_string (user, "email");

  if (email != NULL && *email != '\0' && their_email != NULL
      && g_ascii_strcasecmp (email, their_email) == 0)
    return TRUE;
  if (slug != NULL && g_strcmp0 (cd_publish_object_string (user, "slug"), slug) == 0)
    return TRUE;
  return name != NULL && term_name_matches (cd_publish_object_string (user, "name"), name);
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
            return cd_publish_object_int (json_node_get_object (element), "id");
        }
    }
  return 0;
}

gint64
cd_publish_map_authors (Job *job)
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
            cd_publish_job_warn (job, _("Your account on %s may not make %s the post’s author: the "
                                        "site shows your account as its author and the byline "
                                        "names %s"),
                                 cd_publish_site_label (job), cd_author_get_name (author),
                                 cd_author_get_name (author));
        }
      else if (id == 0)
        cd_publish_job_warn (job, _("%s has no user on %s: the post’s byline names them, but the "
                                    "site does not list the post under their name"),
                             cd_author_get_name (author), cd_publish_site_label (job));
    }
  return author_id;
}
