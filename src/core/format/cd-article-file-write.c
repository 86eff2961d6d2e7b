/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Writing an article as a .copydesk file: the members in their fixed order
 * (see the format's description in cd-article-file.c), the members that
 * this version does not know written back after them, and dates in RFC 3339
 * with their offset. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include "cd-article-file-private.h"
#include "cd-json.h"
#include "cd-time-zones.h"

static void
set_text (JsonObject *object,
          const char *member,
          const char *value)
{
  json_object_set_string_member (object, member, value != NULL ? value : "");
}

static void
set_optional_text (JsonObject *object,
                   const char *member,
                   const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (object, member, value);
}

static void
set_date_member (JsonObject *object,
                 const char *member,
                 GDateTime  *value)
{
  if (value == NULL)
    json_object_set_null_member (object, member);
  else
    {
      g_autofree char *text = cd_date_time_to_string (value);
      json_object_set_string_member (object, member, text);
    }
}

/* A chosen time's zone goes beside it ("published_zone": "Asia/Dubai") when
 * it has a name: the offset alone cannot tell Dubai from Muscat, nor say
 * what the clock will read after a change of rules. */
static void
set_date_zone_member (JsonObject *object,
                      const char *member,
                      GDateTime  *value)
{
  g_autofree char *zone_member = NULL;
  g_autofree char *zone_id = NULL;

  if (value == NULL)
    return;

  zone_id = cd_time_zone_dup_iana_id (g_date_time_get_timezone (value));
  if (zone_id == NULL)
    return;

  zone_member = g_strconcat (member, "_zone", NULL);
  json_object_set_string_member (object, zone_member, zone_id);
}

static void
append_extra (JsonObject *object,
              JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!json_object_has_member (object, l->data))
        json_object_set_member (object, l->data, json_object_dup_member (extra, l->data));
    }
}

/**
 * cd_date_time_to_string:
 * @date_time: a #GDateTime
 *
 * Formats a date-time as RFC 3339 with its offset, as saved and exported:
 * `2026-11-27T09:30:00+01:00`, `Z` for UTC, with fractional seconds only when
 * there are any.
 *
 * Returns: (transfer full): the text
 */
char *
cd_date_time_to_string (GDateTime *date_time)
{
  GTimeSpan offset;
  GString *text;
  int usec;

  g_return_val_if_fail (date_time != NULL, NULL);

  text = g_string_new (NULL);
  g_string_printf (text, "%04d-%02d-%02dT%02d:%02d:%02d",
                   g_date_time_get_year (date_time),
                   g_date_time_get_month (date_time),
                   g_date_time_get_day_of_month (date_time),
                   g_date_time_get_hour (date_time),
                   g_date_time_get_minute (date_time),
                   g_date_time_get_second (date_time));

  usec = g_date_time_get_microsecond (date_time);
  if (usec != 0)
    {
      char frac[8];

      g_snprintf (frac, sizeof frac, "%06d", usec);
      for (int i = 5; i > 0 && frac[i] == '0'; i--)
        frac[i] = '\0';
      g_string_append_printf (text, ".%s", frac);
    }

  offset = g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_MINUTE;
  if (offset == 0)
    g_string_append_c (text, 'Z');
  else
    g_string_append_printf (text, "%c%02d:%02d",
                            offset < 0 ? '-' : '+',
                            (int)(ABS (offset) / 60), (int)(ABS (offset) % 60));

  return g_string_free (text, FALSE);
}

/**
 * cd_article_to_json:
 * @article: a #CdArticle
 *
 * Returns: (transfer full): the article as a JSON object in the .copydesk layout
 */
JsonNode *
cd_article_to_json (CdArticle *article)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) authors = json_array_new ();
  g_autoptr(JsonArray) tags = json_array_new ();
  CdImage *image;
  GListModel *model;
  guint n;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  json_object_set_string_member (root, "format", CD_FILE_FORMAT_NAME);
  json_object_set_int_member (root, "version", CD_FILE_FORMAT_VERSION);
  set_text (root, "id", cd_article_get_id (article));
  set_date_member (root, "created", cd_article_get_created (article));
  set_date_member (root, "modified", cd_article_get_modified (article));
  set_text (root, "status", cd_article_status_to_string (cd_article_get_status (article)));
  if (cd_article_get_planned_words (article) > 0)
    json_object_set_int_member (root, "planned_words", cd_article_get_planned_words (article));
  set_text (root, "language", cd_article_get_language (article));
  set_text (root, "headline", cd_article_get_headline (article));
  set_text (root, "standfirst", cd_article_get_standfirst (article));
  set_text (root, "slug", cd_article_get_slug (article));
  set_text (root, "section", cd_article_get_section (article));

  model = cd_article_get_authors (article);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (model, i);
      g_autoptr(JsonObject) object = json_object_new ();

      set_text (object, "name", cd_author_get_name (author));
      set_optional_text (object, "role", cd_author_get_role (author));
      set_optional_text (object, "email", cd_author_get_email (author));
      set_optional_text (object, "url", cd_author_get_url (author));
      append_extra (object, cd_author_get_extra (author));
      json_array_add_object_element (authors, g_steal_pointer (&object));
    }
  json_object_set_array_member (root, "authors", g_steal_pointer (&authors));

  set_text (root, "dateline", cd_article_get_dateline (article));
  set_date_member (root, "published", cd_article_get_published (article));
  set_date_zone_member (root, "published", cd_article_get_published (article));
  set_date_member (root, "embargo", cd_article_get_embargo (article));
  set_date_zone_member (root, "embargo", cd_article_get_embargo (article));

  image = cd_article_get_image (article);
  if (cd_image_is_empty (image))
    {
      json_object_set_null_member (root, "image");
    }
  else
    {
      g_autoptr(JsonObject) object = json_object_new ();

      set_text (object, "source", cd_image_get_source (image));
      set_text (object, "alt", cd_image_get_alt (image));
      set_text (object, "caption", cd_image_get_caption (image));
      set_text (object, "credit", cd_image_get_credit (image));
      set_text (object, "photographer", cd_image_get_photographer (image));
      set_text (object, "copyright", cd_image_get_copyright (image));
      append_extra (object, cd_image_get_extra (image));
      json_object_set_object_member (root, "image", g_steal_pointer (&object));
    }

  model = cd_article_get_tags (article);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (model, i);
      g_autoptr(JsonObject) object = json_object_new ();

      set_text (object, "name", cd_tag_get_name (tag));
      set_optional_text (object, "uri", cd_tag_get_uri (tag));
      set_optional_text (object, "code", cd_tag_get_code (tag));
      append_extra (object, cd_tag_get_extra (tag));
      json_array_add_object_element (tags, g_steal_pointer (&object));
    }
  json_object_set_array_member (root, "tags", g_steal_pointer (&tags));

  json_object_set_boolean_member (root, "comments", cd_article_get_comments (article));
  set_text (root, "editor_note", cd_article_get_editor_note (article));
  set_text (root, "body", cd_article_get_body (article));
  cd_article_file_write_review (article, root);
  {
    JsonArray *publications = cd_article_file_write_publications (article);

    if (publications != NULL)
      json_object_set_array_member (root, "publications", publications);
  }
  append_extra (root, cd_article_get_extra (article));

  return json_node_init_object (json_node_alloc (), root);
}

/**
 * cd_article_to_data:
 * @article: a #CdArticle
 * @length: (out) (optional): the length of the result in bytes
 *
 * Returns: (transfer full): the article in the canonical .copydesk form
 */
char *
cd_article_to_data (CdArticle *article,
                    gsize     *length)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  root = cd_article_to_json (article);
  return cd_json_to_string (root, length);
}
