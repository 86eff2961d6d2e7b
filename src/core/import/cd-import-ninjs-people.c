/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The people and subjects of a ninjs document: the authors (people with
 * rel "author", else the by line) with their e-mail address and web page,
 * and every subject as a tag, with IPTC Media Topics given Copydesk's
 * canonical uri and code. */

#include "config.h"

#define G_LOG_DOMAIN "cd-import-ninjs"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-import-ninjs-private.h"
#include "cd-text.h"
#include "cd-url.h"

static gboolean
rel_is_author (const char *rel)
{
  const char *last;

  if (rel == NULL)
    return FALSE;

  /* A vocabulary URI or QCode such as "…/author" or "x:author" counts. */
  last = MAX (strrchr (rel, '/'), strrchr (rel, ':'));
  last = last != NULL ? last + 1 : rel;

  return g_ascii_strcasecmp (last, "author") == 0 || g_ascii_strcasecmp (last, "creator") == 0;
}

static gboolean
import_person (Importer   *self,
               JsonObject *person,
               const char *path,
               gboolean    v1,
               GPtrArray  *authors)
{
  g_autoptr(CdAuthor) author = NULL;
  JsonArray *contacts;
  const char *name;
  const char *rel;
  const char *uri;

  if (!cd_import_ninjs_read_string (self, person, path, "rel", &rel) ||
      !cd_import_ninjs_read_string (self, person, path, "name", &name) ||
      !cd_import_ninjs_read_string (self, person, path, v1 ? "code" : "uri", &uri) ||
      !cd_import_ninjs_read_array (self, person, path, "contactinfo", &contacts))
    return FALSE;

  if (!rel_is_author (rel))
    return TRUE;

  if (v1 && uri != NULL && !cd_url_is_web_address (uri))
    uri = NULL;

  if (!cd_import_ninjs_check_length (self, path, name, MAX_TEXT_BYTES) ||
      !cd_import_ninjs_check_length (self, path, uri, MAX_TEXT_BYTES))
    return FALSE;

  author = cd_author_new (name != NULL ? name : "");
  if (uri != NULL)
    cd_author_set_url (author, uri);

  for (guint i = 0; contacts != NULL && i < json_array_get_length (contacts); i++)
    {
      g_autofree char *contacts_path = cd_import_ninjs_member_path (path, "contactinfo");
      g_autofree char *contact_path = g_strdup_printf ("%s[%u]", contacts_path, i);
      JsonObject *contact;
      const char *type;
      const char *value;

      if (!cd_import_ninjs_array_object (self, contacts, contacts_path, i, &contact) ||
          !cd_import_ninjs_read_string (self, contact, contact_path, "type", &type) ||
          !cd_import_ninjs_read_string (self, contact, contact_path, "value", &value))
        return FALSE;

      if (cd_import_ninjs_role_is (type, "email") && !cd_text_is_blank (value))
        {
          if (!cd_import_ninjs_check_length (self, contact_path, value, MAX_TEXT_BYTES))
            return FALSE;

          if (g_str_has_prefix (value, "mailto:"))
            value += strlen ("mailto:");
          cd_author_set_email (author, value);
          break;
        }
    }

  g_ptr_array_add (authors, g_steal_pointer (&author));
  return TRUE;
}

gboolean
cd_import_ninjs_import_authors (Importer   *self,
                                JsonObject *root,
                                CdArticle  *article)
{
  static const struct
  {
    const char *member;
    gboolean    v1;
  } lists[] = { { "people", FALSE }, { "person", TRUE } };
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_object_unref);
  const char *by;

  for (size_t l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *people;

      if (!cd_import_ninjs_read_array (self, root, NULL, lists[l].member, &people))
        return FALSE;

      for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", lists[l].member, i);
          JsonObject *person;

          if (!cd_import_ninjs_array_object (self, people, lists[l].member, i, &person) ||
              !import_person (self, person, path, lists[l].v1, authors))
            return FALSE;

          if (authors->len > CD_LIMIT_AUTHORS)
            return cd_import_ninjs_fail (self, CD_IMPORT_ERROR_INVALID,
                                         _("the document names more than %d authors; an article has at most %d"),
                                         CD_LIMIT_AUTHORS, CD_LIMIT_AUTHORS);
        }
    }
  /* Added together: the byline is built once, not once an author. */
  cd_article_add_authors (article, authors);

  if (g_list_model_get_n_items (cd_article_get_authors (article)) > 0)
    return TRUE;

  if (!cd_import_ninjs_read_string (self, root, NULL, "by", &by))
    return FALSE;
  if (by == NULL && !cd_import_ninjs_read_string (self, root, NULL, "byline", &by))
    return FALSE;

  if (!cd_text_is_blank (by))
    {
      g_autofree char *name = g_strstrip (g_strdup (by));
      g_autoptr(CdAuthor) author = NULL;
      const char *start = name;

      if (!cd_import_ninjs_check_length (self, "by", by, MAX_TEXT_BYTES))
        return FALSE;

      if (g_ascii_strncasecmp (start, "by ", 3) == 0)
        start += 3;
      while (g_ascii_isspace (*start))
        start++;

      if (*start != '\0')
        {
          author = cd_author_new (start);
          cd_article_add_author (article, author);
        }
    }

  return TRUE;
}

static gboolean
import_subject (Importer   *self,
                JsonObject *subject,
                const char *path,
                gboolean    v1,
                CdArticle  *article)
{
  g_autoptr(CdTag) tag = NULL;
  g_autofree char *joined_uri = NULL;
  g_autofree char *topic_uri = NULL;
  g_autofree char *topic_code = NULL;
  const char *name;
  const char *uri;
  const char *code;
  const char *topic = NULL;

  if (!cd_import_ninjs_read_string (self, subject, path, "name", &name))
    return FALSE;

  if (v1)
    {
      const char *scheme;

      if (!cd_import_ninjs_read_string (self, subject, path, "scheme", &scheme) ||
          !cd_import_ninjs_read_string (self, subject, path, "code", &code))
        return FALSE;

      if (scheme != NULL && code != NULL)
        joined_uri = g_strconcat (scheme, code, NULL);
      uri = joined_uri != NULL ? joined_uri : scheme;
    }
  else if (!cd_import_ninjs_read_string (self, subject, path, "uri", &uri) ||
           !cd_import_ninjs_read_string (self, subject, path, "literal", &code))
    {
      return FALSE;
    }

  if (uri != NULL && (g_str_has_prefix (uri, MEDIA_TOPIC_URI) ||
                      g_str_has_prefix (uri, "https://cv.iptc.org/newscodes/mediatopic/")))
    topic = strrchr (uri, '/') + 1;
  else if (code != NULL && g_str_has_prefix (code, MEDIA_TOPIC_CODE))
    topic = code + strlen (MEDIA_TOPIC_CODE);

  if (topic != NULL && topic[0] != '\0')
    {
      topic_uri = g_strconcat (MEDIA_TOPIC_URI, topic, NULL);
      topic_code = g_strconcat (MEDIA_TOPIC_CODE, topic, NULL);
      uri = topic_uri;
      code = topic_code;
    }

  if (cd_text_is_blank (name))
    name = !cd_text_is_blank (code) ? code : uri;
  if (cd_text_is_blank (name))
    return TRUE;

  if (!cd_import_ninjs_check_length (self, path, name, MAX_TEXT_BYTES) ||
      !cd_import_ninjs_check_length (self, path, uri, MAX_TEXT_BYTES) ||
      !cd_import_ninjs_check_length (self, path, code, MAX_TEXT_BYTES))
    return FALSE;

  tag = cd_tag_new (name, uri, code);
  cd_article_add_tag (article, tag);
  return TRUE;
}

gboolean
cd_import_ninjs_import_subjects (Importer   *self,
                                 JsonObject *root,
                                 CdArticle  *article)
{
  static const struct
  {
    const char *member;
    gboolean    v1;
  } lists[] = { { "subjects", FALSE }, { "subject", TRUE } };

  for (size_t l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *subjects;

      if (!cd_import_ninjs_read_array (self, root, NULL, lists[l].member, &subjects))
        return FALSE;

      for (guint i = 0; subjects != NULL && i < json_array_get_length (subjects); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", lists[l].member, i);
          JsonObject *subject;

          if (!cd_import_ninjs_array_object (self, subjects, lists[l].member, i, &subject) ||
              !import_subject (self, subject, path, lists[l].v1, article))
            return FALSE;

          if (g_list_model_get_n_items (cd_article_get_tags (article)) > CD_LIMIT_TAGS)
            return cd_import_ninjs_fail (self, CD_IMPORT_ERROR_INVALID,
                                         _("the document has more than %d subjects; an article has at most %d tags"),
                                         CD_LIMIT_TAGS, CD_LIMIT_TAGS);
        }
    }

  return TRUE;
}
