/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Reading and writing the article's review comments ("review_comments";
 * "comments" is the older switch for readers' comments on the page) and
 * its public corrections log ("corrections"). Both members are optional
 * and written only when the article has one, after "body", so that older
 * files load and save byte for byte. Every entry is checked like the rest
 * of the file, and a wrong one stops the load with a message naming it. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file-private.h"
#include "cd-field.h"
#include "cd-json.h"

static const char * const comment_members[] = {
  "id", "author", "time", "field", "quote", "text", "resolved", "replies", NULL
};
static const char * const reply_members[] = { "author", "time", "text", NULL };
static const char * const correction_members[] = { "date", "text", NULL };

/* Entries are written by Copydesk alone: a member it does not know is a
 * mistake to point at, not something to carry along. */
static gboolean
check_members (Loader             *loader,
               JsonObject         *object,
               const char         *path,
               const char * const *known)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *excerpt = cd_json_excerpt (l->data);

        return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                     _("%s has a member “%s” that Copydesk does not know; "
                                       "remove it"),
                                     path, excerpt);
      }
  return TRUE;
}

static gboolean
read_time (Loader      *loader,
           JsonObject  *object,
           const char  *member,
           const char  *path,
           GDateTime  **out)
{
  g_autoptr(JsonObject) named = json_object_new ();
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  /* The date reader names the member it reads; under its full path here. */
  json_object_set_member (named, path, json_node_copy (node));
  return cd_article_file_read_date (loader, named, path, TRUE, out);
}

static gboolean
require_text (Loader     *loader,
              const char *value,
              const char *path)
{
  if (value != NULL && value[0] != '\0')
    return TRUE;
  return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                               _("%s is missing or empty; write the text, or remove the entry"),
                               path);
}

static gboolean
object_at (Loader      *loader,
           JsonNode    *item,
           const char  *path,
           JsonObject **out)
{
  if (!JSON_NODE_HOLDS_OBJECT (item))
    return cd_article_file_wrong_type (loader, path, _("an object"), item);
  *out = json_node_get_object (item);
  return TRUE;
}

static gboolean
array_at (Loader      *loader,
          JsonObject  *object,
          const char  *member,
          const char  *path,
          guint        limit,
          JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, member);
  guint n;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return cd_article_file_wrong_type (loader, path, _("a list"), node);
  n = json_array_get_length (json_node_get_array (node));
  if (n > limit)
    return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                 _("%s has %u entries; at most %u are allowed"),
                                 path, n, limit);
  *out = json_node_get_array (node);
  return TRUE;
}

static void
clear_reply_time (gpointer data)
{
  CdCommentReply *reply = data;

  g_clear_pointer (&reply->time, g_date_time_unref);
}

static CdComment *
read_comment (Loader   *loader,
              JsonNode *item,
              guint     index)
{
  g_autofree char *path = g_strdup_printf ("review_comments[%u]", index);
  g_autofree char *id_path = g_strconcat (path, ".id", NULL);
  g_autofree char *author_path = g_strconcat (path, ".author", NULL);
  g_autofree char *time_path = g_strconcat (path, ".time", NULL);
  g_autofree char *field_path = g_strconcat (path, ".field", NULL);
  g_autofree char *quote_path = g_strconcat (path, ".quote", NULL);
  g_autofree char *text_path = g_strconcat (path, ".text", NULL);
  g_autofree char *resolved_path = g_strconcat (path, ".resolved", NULL);
  g_autofree char *replies_path = g_strconcat (path, ".replies", NULL);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(CdComment) comment = NULL;
  g_autoptr(GArray) thread = NULL;
  const char *id, *author, *field, *quote, *text;
  JsonObject *object = NULL;
  JsonArray *replies;
  JsonNode *resolved;

  if (!object_at (loader, item, path, &object) ||
      !check_members (loader, object, path, comment_members) ||
      !cd_article_file_read_text (loader, object, "id", id_path, MAX_TEXT_BYTES, &id) ||
      !cd_article_file_read_text (loader, object, "author", author_path, MAX_TEXT_BYTES, &author) ||
      !read_time (loader, object, "time", time_path, &time) ||
      !cd_article_file_read_text (loader, object, "field", field_path, MAX_TEXT_BYTES, &field) ||
      !cd_article_file_read_text (loader, object, "quote", quote_path, MAX_TEXT_BYTES, &quote) ||
      !cd_article_file_read_text (loader, object, "text", text_path, MAX_TEXT_BYTES, &text) ||
      !require_text (loader, id, id_path) ||
      !require_text (loader, text, text_path) ||
      !require_text (loader, field, field_path) ||
      !array_at (loader, object, "replies", replies_path, CD_LIMIT_COMMENT_REPLIES, &replies))
    return NULL;

  if (cd_field_lookup (field) == NULL)
    {
      g_autofree char *excerpt = cd_json_excerpt (field);

      cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                            _("%s “%s” is not a field of an article; name one such as "
                              "“headline” or “body”"),
                            field_path, excerpt);
      return NULL;
    }

  resolved = json_object_get_member (object, "resolved");
  if (resolved != NULL && (!JSON_NODE_HOLDS_VALUE (resolved) ||
                           json_node_get_value_type (resolved) != G_TYPE_BOOLEAN))
    {
      cd_article_file_wrong_type (loader, resolved_path, _("true or false"), resolved);
      return NULL;
    }

  /* The whole thread at once: adding replies one by one would copy the
   * thread each time. The array borrows the loaded strings. */
  thread = g_array_new (FALSE, TRUE, sizeof (CdCommentReply));
  g_array_set_clear_func (thread, clear_reply_time);
  for (guint i = 0; replies != NULL && i < json_array_get_length (replies); i++)
    {
      g_autofree char *reply_path = g_strdup_printf ("%s[%u]", replies_path, i);
      g_autofree char *r_author_path = g_strconcat (reply_path, ".author", NULL);
      g_autofree char *r_time_path = g_strconcat (reply_path, ".time", NULL);
      g_autofree char *r_text_path = g_strconcat (reply_path, ".text", NULL);
      CdCommentReply reply = { NULL, NULL, NULL };
      const char *r_author, *r_text;
      JsonObject *reply_object = NULL;

      if (!object_at (loader, json_array_get_element (replies, i), reply_path, &reply_object) ||
          !check_members (loader, reply_object, reply_path, reply_members) ||
          !cd_article_file_read_text (loader, reply_object, "author", r_author_path, MAX_TEXT_BYTES, &r_author) ||
          !read_time (loader, reply_object, "time", r_time_path, &reply.time) ||
          !cd_article_file_read_text (loader, reply_object, "text", r_text_path, MAX_TEXT_BYTES, &r_text) ||
          !require_text (loader, r_text, r_text_path))
        {
          g_clear_pointer (&reply.time, g_date_time_unref);
          return NULL;
        }
      reply.author = (char *) r_author;
      reply.text = (char *) r_text;
      g_array_append_val (thread, reply);
    }

  comment = cd_comment_new_full (id, author, time, text, field, quote,
                                 resolved != NULL && json_node_get_boolean (resolved),
                                 (const CdCommentReply *) thread->data, thread->len);
  return g_steal_pointer (&comment);
}

/* Called by cd-article-file.c for "review_comments" and "corrections". */
gboolean
cd_article_file_read_review (Loader     *loader,
                             JsonObject *root,
                             CdArticle  *article)
{
  JsonArray *comments;
  JsonArray *corrections;

  if (!array_at (loader, root, "review_comments", "review_comments", CD_LIMIT_COMMENTS, &comments) ||
      !array_at (loader, root, "corrections", "corrections", CD_LIMIT_CORRECTIONS, &corrections))
    return FALSE;

  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      g_autoptr(CdComment) comment = read_comment (loader, json_array_get_element (comments, i), i);

      if (comment == NULL)
        return FALSE;
      if (cd_article_lookup_review_comment (article, cd_comment_get_id (comment), NULL) != NULL)
        {
          g_autofree char *excerpt = cd_json_excerpt (cd_comment_get_id (comment));

          return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                       _("review_comments[%u] has the id “%s” of an earlier "
                                         "comment; give each comment its own id"),
                                       i, excerpt);
        }
      cd_article_add_review_comment (article, comment);
    }

  for (guint i = 0; corrections != NULL && i < json_array_get_length (corrections); i++)
    {
      g_autofree char *path = g_strdup_printf ("corrections[%u]", i);
      g_autofree char *date_path = g_strconcat (path, ".date", NULL);
      g_autofree char *text_path = g_strconcat (path, ".text", NULL);
      g_autoptr(GDateTime) date = NULL;
      g_autoptr(CdCorrection) correction = NULL;
      const char *text;
      JsonObject *object = NULL;

      if (!object_at (loader, json_array_get_element (corrections, i), path, &object) ||
          !check_members (loader, object, path, correction_members) ||
          !read_time (loader, object, "date", date_path, &date) ||
          !cd_article_file_read_text (loader, object, "text", text_path, MAX_TEXT_BYTES, &text) ||
          !require_text (loader, text, text_path))
        return FALSE;
      if (date == NULL)
        return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                     _("%s is missing; readers see when each correction was "
                                       "made, as in “2026-12-08T10:15:00Z”"),
                                     date_path);
      correction = cd_correction_new (date, text);
      cd_article_add_correction (article, correction);
    }

  return TRUE;
}

static void
set_time (JsonObject *object,
          const char *member,
          GDateTime  *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    return;
  text = cd_date_time_to_string (time);
  json_object_set_string_member (object, member, text);
}

/* Called by cd-article-file-write.c: the two members, when there is
 * anything to write. */
void
cd_article_file_write_review (CdArticle  *article,
                              JsonObject *root)
{
  GListModel *comments = cd_article_get_review_comments (article);
  GListModel *corrections = cd_article_get_corrections (article);

  if (g_list_model_get_n_items (comments) > 0)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
        {
          g_autoptr(CdComment) comment = g_list_model_get_item (comments, i);
          JsonObject *object = json_object_new ();
          guint n_replies = cd_comment_get_n_replies (comment);

          json_object_set_string_member (object, "id", cd_comment_get_id (comment));
          json_object_set_string_member (object, "author", cd_comment_get_author (comment));
          set_time (object, "time", cd_comment_get_time (comment));
          json_object_set_string_member (object, "field", cd_comment_get_field (comment));
          if (cd_comment_get_quote (comment) != NULL)
            json_object_set_string_member (object, "quote", cd_comment_get_quote (comment));
          json_object_set_string_member (object, "text", cd_comment_get_text (comment));
          json_object_set_boolean_member (object, "resolved", cd_comment_get_resolved (comment));
          if (n_replies > 0)
            {
              JsonArray *replies = json_array_new ();

              for (guint j = 0; j < n_replies; j++)
                {
                  const CdCommentReply *reply = cd_comment_get_reply (comment, j);
                  JsonObject *r = json_object_new ();

                  json_object_set_string_member (r, "author", reply->author);
                  set_time (r, "time", reply->time);
                  json_object_set_string_member (r, "text", reply->text);
                  json_array_add_object_element (replies, r);
                }
              json_object_set_array_member (object, "replies", replies);
            }
          json_array_add_object_element (array, object);
        }
      json_object_set_array_member (root, "review_comments", array);
    }

  if (g_list_model_get_n_items (corrections) > 0)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (corrections); i++)
        {
          g_autoptr(CdCorrection) correction = g_list_model_get_item (corrections, i);
          JsonObject *object = json_object_new ();

          set_time (object, "date", cd_correction_get_date (correction));
          json_object_set_string_member (object, "text", cd_correction_get_text (correction));
          json_array_add_object_element (array, object);
        }
      json_object_set_array_member (root, "corrections", array);
    }
}
