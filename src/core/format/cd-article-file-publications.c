/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Reading and writing the article's "publications": one record per site
 * where the article was published, so that the next publish to that site
 * updates the same post. The member is optional and written only when the
 * article has a record, after "body", so that articles never published stay
 * byte for byte as they were. Each record is checked like the rest of the
 * file: a wrong member stops the load with a message naming it. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file-private.h"
#include "cd-json.h"

static gboolean
read_id (Loader     *loader,
         JsonObject *object,
         const char *member,
         const char *path,
         gint64     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = 0;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    return cd_article_file_wrong_type (loader, path, _("a whole number from 0 up"), node);

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_ids (Loader     *loader,
          JsonObject *object,
          const char *member,
          const char *path,
          GArray     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return cd_article_file_wrong_type (loader, path, _("a list of whole numbers"), node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > CD_LIMIT_TAGS)
    return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                 _("%s has %u entries; a post has at most %d"),
                                 path, n, CD_LIMIT_TAGS);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_INT64 ||
          json_node_get_int (item) < 1)
        {
          g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);

          return cd_article_file_wrong_type (loader, item_path, _("a whole number from 1 up"), item);
        }

      id = json_node_get_int (item);
      g_array_append_val (out, id);
    }

  return TRUE;
}

static gboolean
read_pushed (Loader      *loader,
             JsonObject  *object,
             const char  *path,
             GDateTime  **out)
{
  g_autoptr(JsonObject) named = json_object_new ();
  JsonNode *node = json_object_get_member (object, "pushed");

  *out = NULL;
  if (node == NULL)
    return TRUE;

  /* The date reader names the member it reads; under its full path here. */
  json_object_set_member (named, path, json_node_copy (node));
  return cd_article_file_read_date (loader, named, path, TRUE, out);
}

static gboolean
is_modified_gmt (const char *text)
{
  return text[0] == '\0' ||
         g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$", text, 0, 0);
}

/* A SHA-256 digest in lower-case hex, or empty for none. */
static gboolean
is_fingerprint (const char *text)
{
  return text[0] == '\0' || g_regex_match_simple ("^[0-9a-f]{64}$", text, 0, 0);
}

static CdPublication *
read_record (Loader   *loader,
             JsonNode *item,
             guint     index)
{
  g_autofree char *path = g_strdup_printf ("publications[%u]", index);
  g_autofree char *site_path = g_strconcat (path, ".site", NULL);
  g_autofree char *post_path = g_strconcat (path, ".post_id", NULL);
  g_autofree char *link_path = g_strconcat (path, ".link", NULL);
  g_autofree char *media_path = g_strconcat (path, ".media_id", NULL);
  g_autofree char *source_path = g_strconcat (path, ".media_source", NULL);
  g_autofree char *modified_path = g_strconcat (path, ".modified_gmt", NULL);
  g_autofree char *fingerprint_path = g_strconcat (path, ".fingerprint", NULL);
  g_autofree char *status_path = g_strconcat (path, ".status", NULL);
  g_autofree char *slug_path = g_strconcat (path, ".slug", NULL);
  g_autofree char *tags_path = g_strconcat (path, ".tags", NULL);
  g_autofree char *categories_path = g_strconcat (path, ".categories", NULL);
  g_autofree char *pushed_path = g_strconcat (path, ".pushed", NULL);
  g_autoptr(CdPublication) record = NULL;
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) pushed = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *site, *link, *source, *modified, *fingerprint, *status, *slug;
  gint64 post_id, media_id;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (item))
    {
      cd_article_file_wrong_type (loader, path, _("an object with a site"), item);
      return NULL;
    }

  object = json_node_get_object (item);
  if (!cd_article_file_read_text (loader, object, "site", site_path, MAX_TEXT_BYTES, &site) ||
      !read_id (loader, object, "post_id", post_path, &post_id) ||
      !cd_article_file_read_text (loader, object, "link", link_path, MAX_TEXT_BYTES, &link) ||
      !read_id (loader, object, "media_id", media_path, &media_id) ||
      !cd_article_file_read_text (loader, object, "media_source", source_path, MAX_TEXT_BYTES, &source) ||
      !cd_article_file_read_text (loader, object, "modified_gmt", modified_path, MAX_TEXT_BYTES, &modified) ||
      !cd_article_file_read_text (loader, object, "fingerprint", fingerprint_path, MAX_TEXT_BYTES, &fingerprint) ||
      !cd_article_file_read_text (loader, object, "status", status_path, MAX_TEXT_BYTES, &status) ||
      !cd_article_file_read_text (loader, object, "slug", slug_path, MAX_TEXT_BYTES, &slug) ||
      !read_ids (loader, object, "tags", tags_path, tags) ||
      !read_ids (loader, object, "categories", categories_path, categories) ||
      !read_pushed (loader, object, pushed_path, &pushed))
    return NULL;

  if (site == NULL || site[0] == '\0')
    {
      cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                            _("%s has no site; each record names the site’s address, "
                              "as in “https://news.example/”"),
                            path);
      return NULL;
    }

  if (modified != NULL && !is_modified_gmt (modified))
    {
      g_autofree char *excerpt = cd_json_excerpt (modified);

      cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                            _("%s “%s” is not a time as WordPress gives it; write it as in "
                              "“2026-11-27T08:30:00” (UTC, no offset), or leave it empty"),
                            modified_path, excerpt);
      return NULL;
    }

  if (fingerprint != NULL && !is_fingerprint (fingerprint))
    {
      g_autofree char *excerpt = cd_json_excerpt (fingerprint);

      cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                            _("%s “%s” is not a fingerprint Copydesk wrote: it is 64 "
                              "hexadecimal digits in lower case. Remove the member; the "
                              "next publish records it again"),
                            fingerprint_path, excerpt);
      return NULL;
    }

  record = cd_publication_new (site);
  cd_publication_set_post_id (record, post_id);
  cd_publication_set_link (record, link);
  cd_publication_set_media (record, media_id, source);
  cd_publication_set_modified_gmt (record, modified);
  cd_publication_set_fingerprint (record, fingerprint);
  cd_publication_set_status (record, status);
  cd_publication_set_slug (record, slug);
  cd_publication_set_tag_ids (record, (const gint64 *) tags->data, tags->len);
  cd_publication_set_category_ids (record, (const gint64 *) categories->data, categories->len);
  cd_publication_set_pushed (record, pushed);
  extra = cd_article_file_collect_extra (object, publication_members);
  cd_publication_set_extra (record, extra);

  return g_steal_pointer (&record);
}

gboolean
cd_article_file_read_publications (Loader     *loader,
                                   JsonObject *root,
                                   CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "publications");
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return cd_article_file_wrong_type (loader, "publications", _("a list"), node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > CD_LIMIT_PUBLICATIONS)
    return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                 _("publications has %u entries; an article has at most %d"),
                                 n, CD_LIMIT_PUBLICATIONS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdPublication) record = read_record (loader, json_array_get_element (array, i), i);

      if (record == NULL)
        return FALSE;

      /* Two records for one site could not say which post to update. */
      if (cd_article_lookup_publication (article, cd_publication_get_site (record)) != NULL)
        return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                     _("publications[%u] is a second record for %s; "
                                       "keep only one record per site"),
                                     i, cd_publication_get_site (record));

      cd_article_set_publication (article, record);
    }

  return TRUE;
}

static JsonArray *
ids_to_json (const gint64 *ids,
             gsize         n_ids)
{
  JsonArray *array = json_array_new ();

  for (gsize i = 0; i < n_ids; i++)
    json_array_add_int_element (array, ids[i]);
  return array;
}

/* The records in the file's layout; NULL when there are none. */
JsonArray *
cd_article_file_write_publications (CdArticle *article)
{
  GListModel *model = cd_article_get_publications (article);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(JsonArray) array = NULL;

  if (n == 0)
    return NULL;

  array = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdPublication) record = g_list_model_get_item (model, i);
      g_autoptr(JsonObject) object = json_object_new ();
      JsonObject *extra = cd_publication_get_extra (record);
      GDateTime *pushed = cd_publication_get_pushed (record);
      const gint64 *ids;
      gsize n_ids;

      json_object_set_string_member (object, "site", cd_publication_get_site (record));
      json_object_set_int_member (object, "post_id", cd_publication_get_post_id (record));
      json_object_set_string_member (object, "link", cd_publication_get_link (record));
      json_object_set_int_member (object, "media_id", cd_publication_get_media_id (record));
      json_object_set_string_member (object, "media_source", cd_publication_get_media_source (record));
      json_object_set_string_member (object, "modified_gmt", cd_publication_get_modified_gmt (record));
      /* Written only when known, so that a record from before fingerprints
       * saves as it was. */
      if (cd_publication_get_fingerprint (record)[0] != '\0')
        json_object_set_string_member (object, "fingerprint", cd_publication_get_fingerprint (record));
      json_object_set_string_member (object, "status", cd_publication_get_status (record));
      json_object_set_string_member (object, "slug", cd_publication_get_slug (record));
      ids = cd_publication_get_tag_ids (record, &n_ids);
      json_object_set_array_member (object, "tags", ids_to_json (ids, n_ids));
      ids = cd_publication_get_category_ids (record, &n_ids);
      json_object_set_array_member (object, "categories", ids_to_json (ids, n_ids));
      if (pushed == NULL)
        {
          json_object_set_null_member (object, "pushed");
        }
      else
        {
          g_autofree char *text = cd_date_time_to_string (pushed);

          json_object_set_string_member (object, "pushed", text);
        }

      if (extra != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (extra);

          for (const GList *l = members; l != NULL; l = l->next)
            if (!json_object_has_member (object, l->data))
              json_object_set_member (object, l->data, json_object_dup_member (extra, l->data));
        }

      json_array_add_object_element (array, g_steal_pointer (&object));
    }

  return g_steal_pointer (&array);
}
