/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cd-article-file.h"
#include "cd-file-util.h"
#include "cd-json.h"

/*
 * The .copydesk file format
 *
 * A Copydesk article is one JSON object in UTF-8, written with two-space
 * indentation, one member per line and a final newline, its members always in
 * the order below so that articles diff and merge cleanly in version control:
 *
 *   format, version, id, created, modified, status, planned_words, language,
 *   headline, standfirst, slug, section, authors, dateline, published, embargo,
 *   image, tags, comments, editor_note, body
 *
 * Every member is always written except planned_words, which is written only
 * when the article has a planned length, so that articles without one stay
 * byte for byte as they were.
 *
 * data/copydesk-article.schema.json describes every member. Members this version
 * does not know (written by a newer Copydesk of the same format version) are kept
 * and written back after the known ones, in their original order; the same holds
 * inside authors, tags and the image.
 *
 * Loading is all or nothing: any problem gives an error that names the file and
 * the field, and no article.
 */

#define MAX_DEPTH      64
#define MAX_TEXT_BYTES CD_LIMIT_TEXT_BYTES
#define MAX_BODY_BYTES CD_LIMIT_BODY_BYTES

G_DEFINE_QUARK (cd-file-error-quark, cd_file_error)

static const char * const known_members[] = {
  "format", "version", "id", "created", "modified", "status", "planned_words",
  "language", "headline", "standfirst", "slug", "section", "authors", "dateline",
  "published", "embargo", "image", "tags", "comments", "editor_note", "body",
  NULL
};

static const char * const author_members[] = { "name", "role", "email", "url", NULL };
static const char * const tag_members[] = { "name", "uri", "code", NULL };
static const char * const image_members[] = {
  "source", "alt", "caption", "credit", "photographer", "copyright", NULL
};

typedef struct
{
  const char *display_name;
  GError    **error;
} Loader;

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return _("null");

    case JSON_NODE_ARRAY:
      return _("a list");

    case JSON_NODE_OBJECT:
      return _("an object");

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return _("true or false");

    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");

    case G_TYPE_STRING:
      return _("text");

    default:
      return _("something else");
    }
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Loader     *loader,
      CdFileError code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (loader->error, CD_FILE_ERROR, code, "%s: %s", loader->display_name, message);
  return FALSE;
}

static gboolean
wrong_type (Loader     *loader,
            const char *path,
            const char *expected,
            JsonNode   *node)
{
  /* Translators: e.g. "authors[1].name must be text, not a number". */
  return fail (loader, CD_FILE_ERROR_INVALID, _("%s must be %s, not %s"),
               path, expected, describe_node (node));
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Reads an optional text member; a missing member leaves *out at NULL. */
static gboolean
read_text (Loader      *loader,
           JsonObject  *object,
           const char  *member,
           const char  *path,
           gsize        max_bytes,
           const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;
  gsize len;

  *out = NULL;

  if (node == NULL)
    return TRUE;

  if (!is_string (node))
    return wrong_type (loader, path, _("text"), node);

  value = json_node_get_string (node);
  len = strlen (value);
  if (len > max_bytes)
    {
      g_autofree char *size = g_format_size_full (len, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_LONG_FORMAT);

      return fail (loader, CD_FILE_ERROR_INVALID,
                   _("%s is %s long, more than the %s Copydesk accepts in this field; "
                     "shorten it in another editor"),
                   path, size, limit);
    }

  *out = value;
  return TRUE;
}

static gboolean
read_date (Loader      *loader,
           JsonObject  *object,
           const char  *member,
           gboolean     nullable,
           GDateTime  **out)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!is_string (node))
    return wrong_type (loader, member,
                       nullable ? _("a date and time as text, or null") : _("a date and time as text"),
                       node);

  text = json_node_get_string (node);

  /* RFC 3339 wants the full date and time with a "Z" or ±hh:mm offset; GLib's
   * ISO 8601 parser also takes week dates, a space for the "T", "+01" and other
   * forms, which are refused here so that what is saved is what is exported. */
  if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                            "([Zz]|[+-][0-9]{2}:[0-9]{2})$", text, 0, 0))
    *out = g_date_time_new_from_iso8601 (text, NULL);

  if (*out == NULL)
    {
      /* Only the start of a long value is quoted. */
      g_autofree char *excerpt = cd_json_excerpt (text);

      if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?$",
                                text, 0, 0))
        return fail (loader, CD_FILE_ERROR_INVALID,
                     _("%s “%s” has no time zone offset; add one, such as “Z” for UTC "
                       "or “+01:00”"),
                     member, excerpt);

      return fail (loader, CD_FILE_ERROR_INVALID,
                   _("%s “%s” is not a date and time; write it as in "
                     "“2026-11-27T09:30:00+01:00”"),
                   member, excerpt);
    }

  return TRUE;
}

/* Collects the members of @object that are not in @known, in document order. */
static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(JsonObject) extra = NULL;

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (known, name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_object_dup_member (object, name));
    }

  return g_steal_pointer (&extra);
}

static gboolean
read_authors (Loader     *loader,
              JsonObject *root,
              CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "authors");
  g_autoptr(GPtrArray) all = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (loader, "authors", _("a list"), node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  /* No byline or form has room for more; refusing them first also keeps
   * loading a hostile file fast. */
  if (n > CD_LIMIT_AUTHORS)
    return fail (loader, CD_FILE_ERROR_INVALID,
                 _("authors has %u entries; an article has at most %d authors"),
                 n, CD_LIMIT_AUTHORS);

  /* Added together at the end: the byline is built once. */
  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("authors[%u]", i);
      g_autofree char *name_path = g_strdup_printf ("authors[%u].name", i);
      g_autofree char *role_path = g_strdup_printf ("authors[%u].role", i);
      g_autofree char *email_path = g_strdup_printf ("authors[%u].email", i);
      g_autofree char *url_path = g_strdup_printf ("authors[%u].url", i);
      g_autoptr(CdAuthor) author = NULL;
      g_autoptr(JsonObject) extra = NULL;
      JsonObject *object;
      const char *name, *role, *email, *url;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return wrong_type (loader, path, _("an object with a name"), item);

      object = json_node_get_object (item);
      if (!read_text (loader, object, "name", name_path, MAX_TEXT_BYTES, &name) ||
          !read_text (loader, object, "role", role_path, MAX_TEXT_BYTES, &role) ||
          !read_text (loader, object, "email", email_path, MAX_TEXT_BYTES, &email) ||
          !read_text (loader, object, "url", url_path, MAX_TEXT_BYTES, &url))
        return FALSE;

      if (name == NULL)
        return fail (loader, CD_FILE_ERROR_INVALID, _("%s has no name"), path);

      author = cd_author_new (name);
      cd_author_set_role (author, role);
      cd_author_set_email (author, email);
      cd_author_set_url (author, url);
      extra = collect_extra (object, author_members);
      cd_author_set_extra (author, extra);
      g_ptr_array_add (all, g_steal_pointer (&author));
    }

  cd_article_add_authors (article, all);
  return TRUE;
}

static gboolean
read_tags (Loader     *loader,
           JsonObject *root,
           CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "tags");
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (loader, "tags", _("a list"), node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (n > CD_LIMIT_TAGS)
    return fail (loader, CD_FILE_ERROR_INVALID,
                 _("tags has %u entries; an article has at most %d tags"),
                 n, CD_LIMIT_TAGS);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("tags[%u]", i);
      g_autofree char *name_path = g_strdup_printf ("tags[%u].name", i);
      g_autofree char *uri_path = g_strdup_printf ("tags[%u].uri", i);
      g_autofree char *code_path = g_strdup_printf ("tags[%u].code", i);
      g_autoptr(CdTag) tag = NULL;
      g_autoptr(JsonObject) extra = NULL;
      JsonObject *object;
      const char *name, *uri, *code;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return wrong_type (loader, path, _("an object with a name"), item);

      object = json_node_get_object (item);
      if (!read_text (loader, object, "name", name_path, MAX_TEXT_BYTES, &name) ||
          !read_text (loader, object, "uri", uri_path, MAX_TEXT_BYTES, &uri) ||
          !read_text (loader, object, "code", code_path, MAX_TEXT_BYTES, &code))
        return FALSE;

      if (name == NULL || name[0] == '\0')
        return fail (loader, CD_FILE_ERROR_INVALID, _("%s has no name"), path);

      tag = cd_tag_new (name, uri, code);
      extra = collect_extra (object, tag_members);
      cd_tag_set_extra (tag, extra);
      cd_article_add_tag (article, tag);
    }

  return TRUE;
}

static gboolean
read_image (Loader     *loader,
            JsonObject *root,
            CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "image");
  CdImage *image = cd_article_get_image (article);
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  const char *values[G_N_ELEMENTS (image_members)] = { NULL, };

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (loader, "image", _("an object or null"), node);

  object = json_node_get_object (node);
  for (guint i = 0; image_members[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("image.", image_members[i], NULL);

      if (!read_text (loader, object, image_members[i], path, MAX_TEXT_BYTES, &values[i]))
        return FALSE;
    }

  cd_image_set_source (image, values[0]);
  cd_image_set_alt (image, values[1]);
  cd_image_set_caption (image, values[2]);
  cd_image_set_credit (image, values[3]);
  cd_image_set_photographer (image, values[4]);
  cd_image_set_copyright (image, values[5]);
  extra = collect_extra (object, image_members);
  cd_image_set_extra (image, extra);

  return TRUE;
}

/* The planned length is optional; when present it is a whole number of words
 * written as a JSON integer, never 0 (which the saver leaves out). */
static gboolean
read_planned_words (Loader     *loader,
                    JsonObject *root,
                    CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "planned_words");
  g_autofree char *text = NULL;
  GType type;
  double value;

  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return wrong_type (loader, "planned_words", _("a whole number of words"), node);

  if (type == G_TYPE_INT64)
    {
      gint64 words = json_node_get_int (node);

      if (words >= 1 && words <= CD_ARTICLE_MAX_PLANNED_WORDS)
        {
          cd_article_set_planned_words (article, (guint) words);
          return TRUE;
        }

      text = g_strdup_printf ("%" G_GINT64_FORMAT, words);
      value = (double) words;
    }
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      value = json_node_get_double (node);
      text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
    }

  if (value < 1 || value > CD_ARTICLE_MAX_PLANNED_WORDS)
    return fail (loader, CD_FILE_ERROR_INVALID,
                 _("planned_words %s is out of range: a planned length is from 1 to %d "
                   "words; leave the member out when there is none"),
                 text, CD_ARTICLE_MAX_PLANNED_WORDS);

  /* Numbers such as 800.0, 8e2 or 799.5: the saver writes a plain integer. */
  return fail (loader, CD_FILE_ERROR_INVALID,
               _("planned_words %s must be a whole number of words written without a "
                 "decimal point or exponent, such as 800"),
               text);
}

static gboolean
check_header (Loader     *loader,
              JsonNode   *root_node)
{
  JsonObject *root;
  JsonNode *format;
  JsonNode *version;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (loader, CD_FILE_ERROR_NOT_ARTICLE,
                 _("this is not a Copydesk article: the file holds %s, not an article object"),
                 describe_node (root_node));

  root = json_node_get_object (root_node);
  format = json_object_get_member (root, "format");

  if (format == NULL || !is_string (format) ||
      strcmp (json_node_get_string (format), CD_FILE_FORMAT_NAME) != 0)
    {
      if (json_object_has_member (root, "uri") &&
          (json_object_has_member (root, "headlines") || json_object_has_member (root, "headline")))
        return fail (loader, CD_FILE_ERROR_NOT_ARTICLE,
                     _("this is a ninjs document, not a Copydesk article; import it instead"));

      return fail (loader, CD_FILE_ERROR_NOT_ARTICLE,
                   _("this is not a Copydesk article: it has no “format”: “%s” member"),
                   CD_FILE_FORMAT_NAME);
    }

  version = json_object_get_member (root, "version");
  if (version == NULL)
    return fail (loader, CD_FILE_ERROR_INVALID, _("the format version is missing"));

  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    return fail (loader, CD_FILE_ERROR_INVALID,
                 _("version must be a whole number from 1 up"));

  if (json_node_get_int (version) > CD_FILE_FORMAT_VERSION)
    return fail (loader, CD_FILE_ERROR_NEWER_VERSION,
                 /* Translators: both %lld and %d are format version numbers. */
                 _("the article was saved by a newer Copydesk (format version %lld); "
                   "this Copydesk reads format version %d. Update Copydesk to open it"),
                 (long long) json_node_get_int (version), CD_FILE_FORMAT_VERSION);

  return TRUE;
}

static CdArticle *
article_from_json (Loader   *loader,
                   JsonNode *root_node)
{
  static const struct {
    const char *member;
    void      (*setter) (CdArticle *, const char *);
    gsize       max_bytes;
  } text_fields[] = {
    { "id", cd_article_set_id, MAX_TEXT_BYTES },
    { "language", cd_article_set_language, MAX_TEXT_BYTES },
    { "headline", cd_article_set_headline, MAX_TEXT_BYTES },
    { "standfirst", cd_article_set_standfirst, MAX_TEXT_BYTES },
    { "slug", cd_article_set_slug, MAX_TEXT_BYTES },
    { "section", cd_article_set_section, MAX_TEXT_BYTES },
    { "dateline", cd_article_set_dateline, MAX_TEXT_BYTES },
    { "editor_note", cd_article_set_editor_note, MAX_TEXT_BYTES },
    { "body", cd_article_set_body, MAX_BODY_BYTES },
  };
  static const struct {
    const char *member;
    void      (*setter) (CdArticle *, GDateTime *);
  } date_fields[] = {
    { "created", cd_article_set_created },
    { "modified", cd_article_set_modified },
    { "published", cd_article_set_published },
    { "embargo", cd_article_set_embargo },
  };
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *root;
  JsonNode *node;

  if (!check_header (loader, root_node))
    return NULL;

  root = json_node_get_object (root_node);
  article = cd_article_new_empty ();

  /* The headline goes first so that the slug read after it can tell whether it
   * was derived or edited by hand. */
  for (size_t i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value;

      if (!read_text (loader, root, text_fields[i].member, text_fields[i].member,
                      text_fields[i].max_bytes, &value))
        return NULL;

      if (value != NULL)
        text_fields[i].setter (article, value);
    }

  for (size_t i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      g_autoptr(GDateTime) value = NULL;
      gboolean nullable = i >= 2;

      if (!read_date (loader, root, date_fields[i].member, nullable, &value))
        return NULL;

      if (value == NULL && !nullable)
        {
          if (json_object_has_member (root, date_fields[i].member))
            fail (loader, CD_FILE_ERROR_INVALID, _("%s must be a date and time, not null"),
                  date_fields[i].member);
          else
            fail (loader, CD_FILE_ERROR_INVALID,
                  _("%s is missing; every article records when it was created and last "
                    "changed, as in “2026-11-27T09:30:00+01:00”"),
                  date_fields[i].member);
          return NULL;
        }

      date_fields[i].setter (article, value);
    }

  node = json_object_get_member (root, "status");
  if (node != NULL)
    {
      CdArticleStatus status;

      if (!is_string (node))
        {
          wrong_type (loader, "status", _("text"), node);
          return NULL;
        }

      if (!cd_article_status_from_string (json_node_get_string (node), &status))
        {
          g_autofree char *excerpt = cd_json_excerpt (json_node_get_string (node));

          fail (loader, CD_FILE_ERROR_INVALID,
                _("status “%s” is not one of draft, in-review, approved, published, killed"),
                excerpt);
          return NULL;
        }

      cd_article_set_status (article, status);
    }

  if (!read_planned_words (loader, root, article))
    return NULL;

  node = json_object_get_member (root, "comments");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          wrong_type (loader, "comments", _("true or false"), node);
          return NULL;
        }

      cd_article_set_comments (article, json_node_get_boolean (node));
    }

  if (!read_authors (loader, root, article) ||
      !read_tags (loader, root, article) ||
      !read_image (loader, root, article))
    return NULL;

  extra = collect_extra (root, known_members);
  cd_article_set_extra (article, extra);

  return g_steal_pointer (&article);
}

static void
forget_member_number_texts (JsonObject         *object,
                            const char * const *known)
{
  for (guint i = 0; known[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, known[i]);

      if (node != NULL)
        cd_json_node_forget_number_text (node);
    }
}

static void
forget_list_number_texts (JsonObject         *root,
                          const char         *member,
                          const char * const *known)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      cd_json_node_forget_number_text (item);
      if (JSON_NODE_HOLDS_OBJECT (item))
        forget_member_number_texts (json_node_get_object (item), known);
    }
}

/* The members Copydesk knows are read as values, so a number in one of
 * them must be a plain number node again, whatever its text; only unknown
 * members keep the text of their numbers. */
static void
forget_known_number_texts (JsonNode *root_node)
{
  JsonObject *root;
  JsonNode *image;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return;

  root = json_node_get_object (root_node);
  forget_member_number_texts (root, known_members);
  forget_list_number_texts (root, "authors", author_members);
  forget_list_number_texts (root, "tags", tag_members);

  image = json_object_get_member (root, "image");
  if (image != NULL && JSON_NODE_HOLDS_OBJECT (image))
    forget_member_number_texts (json_node_get_object (image), image_members);
}

/**
 * cd_article_load_from_data:
 * @data: the file's contents
 * @length: the length of @data in bytes
 * @display_name: the file's name as shown in messages
 * @error: return location for a #GError
 *
 * Reads an article in the .copydesk format. Loading is all or nothing.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error set
 */
CdArticle *
cd_article_load_from_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) json_error = NULL;
  Loader loader = { display_name, error };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > CD_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (CD_FILE_MAX_SIZE);

      fail (&loader, CD_FILE_ERROR_TOO_LARGE,
            _("the file is %s, larger than any article (at most %s); "
              "it is probably not a Copydesk article"),
            size, limit);
      return NULL;
    }

  /* Numbers keep their text so that members this version does not know
   * are saved as they were, even 12345678901234567890, which no double
   * holds; the members it knows are read as plain numbers. */
  root = cd_json_parse_full (data, length, display_name, MAX_DEPTH,
                             CD_JSON_PARSE_KEEP_NUMBER_TEXT, NULL, &json_error);
  if (root == NULL)
    {
      CdFileError code;

      switch (json_error->code)
        {
        case CD_JSON_ERROR_ENCODING:
          code = CD_FILE_ERROR_ENCODING;
          break;

        case CD_JSON_ERROR_EMPTY:
          code = CD_FILE_ERROR_NOT_ARTICLE;
          break;

        default:
          code = CD_FILE_ERROR_SYNTAX;
          break;
        }

      /* cd_json_parse() already starts its message with the file name and position. */
      g_set_error_literal (error, CD_FILE_ERROR, code, json_error->message);
      return NULL;
    }

  forget_known_number_texts (root);

  return article_from_json (&loader, root);
}

/**
 * cd_article_load_from_file:
 * @file: the article's file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads an article from a .copydesk file.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error set
 */
CdArticle *
cd_article_load_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return cd_article_load_from_file_full (file, NULL, cancellable, error);
}

/**
 * cd_article_load_from_file_full:
 * @file: a .copydesk file
 * @contents: (out) (optional) (transfer full): the file's bytes as read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads an article from a .copydesk file like cd_article_load_from_file(),
 * and hands back the bytes it was read from, so that a document can put the
 * file back exactly as it was (Revert, Discard). The article remembers the
 * file's folder (see cd_article_file_set_folder()).
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error set
 */
CdArticle *
cd_article_load_from_file_full (GFile         *file,
                                GBytes       **contents_out,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);

  /* A folder, a device or a pipe is refused before anything is read, and a
   * huge file before more than the limit is. */
  if (!cd_file_read_bounded (file, CD_FILE_MAX_SIZE, cancellable, &contents, &length,
                             &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        {
          g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_READ,
                       _("Could not open %s: it is a folder, not an article"), display_name);
        }
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          g_autofree char *size = g_format_size (length);
          g_autofree char *limit = g_format_size (CD_FILE_MAX_SIZE);

          g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                       _("%s: the file is %s, larger than any article (at most %s); "
                         "it is probably not a Copydesk article"),
                       display_name, size, limit);
        }
      else
        {
          g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_READ,
                       _("Could not read %s: %s"), display_name, local_error->message);
        }
      return NULL;
    }

  article = cd_article_load_from_data (contents, length, display_name, error);
  if (article == NULL)
    return NULL;

  folder = g_file_get_parent (file);
  cd_article_file_set_folder (article, folder);
  if (contents_out != NULL)
    *contents_out = g_bytes_new_take (g_steal_pointer (&contents), length);

  return g_steal_pointer (&article);
}

static GQuark
folder_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cd-article-file-folder");
  return quark;
}

/**
 * cd_article_file_set_folder:
 * @article: a #CdArticle
 * @folder: (nullable): the folder of the file the article belongs to, or
 *   %NULL for an article that has none
 *
 * Remembers where the article's file is, which is where the relative paths
 * inside it (the lead image) start from. Checks that look at files, such as
 * cd_preflight_check(), read it, so that every caller that checks an article
 * from a file checks the same thing. A #CdDocument keeps it up to date as the
 * article is loaded and saved under new names; cd_article_load_from_file()
 * sets it too.
 */
void
cd_article_file_set_folder (CdArticle *article,
                            GFile     *folder)
{
  g_return_if_fail (CD_IS_ARTICLE (article));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_object_set_qdata_full (G_OBJECT (article), folder_quark (),
                           folder != NULL ? g_object_ref (folder) : NULL,
                           g_object_unref);
}

/**
 * cd_article_file_get_folder:
 * @article: a #CdArticle
 *
 * Returns: (transfer none) (nullable): the folder set with
 *   cd_article_file_set_folder(), or %NULL
 */
GFile *
cd_article_file_get_folder (CdArticle *article)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  return g_object_get_qdata (G_OBJECT (article), folder_quark ());
}

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
  set_date_member (root, "embargo", cd_article_get_embargo (article));

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

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += written;
      length -= (gsize)written;
    }

  return TRUE;
}

static gboolean
replace_local_file (const char  *path,
                    const char  *display_name,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  gboolean existed;
  int saved_errno;
  int fd;

  /* Saving through a symbolic link replaces the file it points to and keeps
   * the link. */
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  existed = stat (target, &st) == 0;
  if (existed && S_ISDIR (st.st_mode))
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
                   _("Could not save %s: it is a folder. Choose another name."), display_name);
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    goto failed_no_temp;

  /* The new file takes the old one's permissions and, where allowed, its owner;
   * a new file gets the usual ones (0666 less the umask). */
  if (existed)
    {
      if (fchown (fd, st.st_uid, st.st_gid) != 0)
        {
          /* Only root may give a file away; keeping our own ownership is fine. */
        }
      if (fchmod (fd, st.st_mode & 07777) != 0)
        goto failed;
    }
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      if (fchmod (fd, 0666 & ~mask) != 0)
        goto failed;
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;

  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (rename (temp, target) != 0)
    goto failed;

  /* Make the rename itself durable. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  unlink (temp);
  errno = saved_errno;

failed_no_temp:
  saved_errno = errno;
  g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
               _("Could not save %s: %s. The file on disk was not changed."),
               display_name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * cd_file_replace_contents:
 * @file: the file to write
 * @data: the new contents
 * @length: the length of @data
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces a file's contents atomically: the data goes to a temporary file in
 * the same folder, which is flushed to disk and then renamed over the old file,
 * so a crash leaves either the old file or the new one, never a truncated one.
 * If the temporary file cannot be made (a read-only folder, a full disk), the
 * old file is left as it was. The file's permissions are kept.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_file_replace_contents (GFile         *file,
                          const char    *data,
                          gsize          length,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  display_name = g_file_get_parse_name (file);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
                   _("Could not save %s: the save was cancelled. The file on disk was not changed."),
                   display_name);
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path != NULL)
    return replace_local_file (path, display_name, data, length, error);

  /* Files that are not on a local file system go through GIO. */
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &local_error))
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
                   _("Could not save %s: %s. The file on disk was not changed."),
                   display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * cd_article_save_to_file:
 * @article: a #CdArticle
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves the article in the canonical .copydesk form, atomically.
 *
 * Returns: %TRUE on success
 */
typedef struct
{
  const char *label;
  const char *text;
  gsize       limit;
} LimitedText;

static gboolean
check_text (const LimitedText  *field,
            GError            **error)
{
  gsize length = field->text != NULL ? strlen (field->text) : 0;
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;

  if (length <= field->limit)
    return TRUE;

  size = g_format_size (length);
  limit = g_format_size (field->limit);
  g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
               /* Translators: the first %s is a field such as "the headline" */
               _("%s is %s long, more than the %s an article can hold there. Shorten it."),
               _(field->label), size, limit);
  return FALSE;
}

/**
 * cd_article_check_limits:
 * @article: a #CdArticle
 * @error: return location for a %CD_FILE_ERROR_TOO_LARGE error
 *
 * Whether @article fits the limits that loading enforces (cd-limits.h): the
 * length of each text, the number of authors and tags. Whatever is saved must
 * open again, so saving, importing and the window's edits all ask this.
 *
 * Returns: %TRUE when the article fits
 */
gboolean
cd_article_check_limits (CdArticle  *article,
                         GError    **error)
{
  CdImage *image;
  GListModel *authors, *tags;
  guint n;

  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);

  image = cd_article_get_image (article);
  {
    const LimitedText fields[] = {
      { N_("The body"), cd_article_get_body (article), CD_LIMIT_BODY_BYTES },
      { N_("The headline"), cd_article_get_headline (article), CD_LIMIT_TEXT_BYTES },
      { N_("The standfirst"), cd_article_get_standfirst (article), CD_LIMIT_TEXT_BYTES },
      { N_("The slug"), cd_article_get_slug (article), CD_LIMIT_TEXT_BYTES },
      { N_("The section"), cd_article_get_section (article), CD_LIMIT_TEXT_BYTES },
      { N_("The language"), cd_article_get_language (article), CD_LIMIT_TEXT_BYTES },
      { N_("The dateline"), cd_article_get_dateline (article), CD_LIMIT_TEXT_BYTES },
      { N_("The editor’s note"), cd_article_get_editor_note (article), CD_LIMIT_TEXT_BYTES },
      { N_("The article’s id"), cd_article_get_id (article), CD_LIMIT_TEXT_BYTES },
      { N_("The lead image’s source"), cd_image_get_source (image), CD_LIMIT_TEXT_BYTES },
      { N_("The alt text"), cd_image_get_alt (image), CD_LIMIT_TEXT_BYTES },
      { N_("The caption"), cd_image_get_caption (image), CD_LIMIT_TEXT_BYTES },
      { N_("The credit"), cd_image_get_credit (image), CD_LIMIT_TEXT_BYTES },
      { N_("The photographer"), cd_image_get_photographer (image), CD_LIMIT_TEXT_BYTES },
      { N_("The copyright"), cd_image_get_copyright (image), CD_LIMIT_TEXT_BYTES },
    };

    for (size_t i = 0; i < G_N_ELEMENTS (fields); i++)
      if (!check_text (&fields[i], error))
        return FALSE;
  }

  authors = cd_article_get_authors (article);
  n = g_list_model_get_n_items (authors);
  if (n > CD_LIMIT_AUTHORS)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article has %u authors, more than the %d it can hold."),
                   n, CD_LIMIT_AUTHORS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      const LimitedText fields[] = {
        { N_("An author’s name"), cd_author_get_name (author), CD_LIMIT_TEXT_BYTES },
        { N_("An author’s role"), cd_author_get_role (author), CD_LIMIT_TEXT_BYTES },
        { N_("An author’s e-mail address"), cd_author_get_email (author), CD_LIMIT_TEXT_BYTES },
        { N_("An author’s web address"), cd_author_get_url (author), CD_LIMIT_TEXT_BYTES },
      };

      for (size_t j = 0; j < G_N_ELEMENTS (fields); j++)
        if (!check_text (&fields[j], error))
          return FALSE;
    }

  tags = cd_article_get_tags (article);
  n = g_list_model_get_n_items (tags);
  if (n > CD_LIMIT_TAGS)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article has %u tags, more than the %d it can hold."),
                   n, CD_LIMIT_TAGS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      const LimitedText fields[] = {
        { N_("A tag"), cd_tag_get_name (tag), CD_LIMIT_TEXT_BYTES },
        { N_("A tag’s address"), cd_tag_get_uri (tag), CD_LIMIT_TEXT_BYTES },
        { N_("A tag’s code"), cd_tag_get_code (tag), CD_LIMIT_TEXT_BYTES },
      };

      for (size_t j = 0; j < G_N_ELEMENTS (fields); j++)
        if (!check_text (&fields[j], error))
          return FALSE;
    }

  return TRUE;
}

/* The bytes of @article as saved, if they will open again. */
char *
cd_article_to_checked_data (CdArticle  *article,
                            gsize      *length,
                            GError    **error)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  if (!cd_article_check_limits (article, error))
    return NULL;

  data = cd_article_to_data (article, &size);
  if (size > CD_LIMIT_FILE_SIZE)
    {
      g_autofree char *actual = g_format_size (size);
      g_autofree char *limit = g_format_size (CD_LIMIT_FILE_SIZE);

      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_TOO_LARGE,
                   _("The article would take %s, more than the %s an article file may have. "
                     "Shorten the body or the other texts."),
                   actual, limit);
      return NULL;
    }

  if (length != NULL)
    *length = size;
  return g_steal_pointer (&data);
}

gboolean
cd_article_save_to_file (CdArticle     *article,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = cd_article_to_checked_data (article, &length, error);
  if (data == NULL)
    return FALSE;
  return cd_file_replace_contents (file, data, length, cancellable, error);
}

/* Whether two files hold the same bytes; FALSE when either cannot be read. */
static gboolean
same_contents (GFile        *a,
               GFile        *b,
               GCancellable *cancellable)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;

  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                              cancellable, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                              cancellable, NULL);
  if (info_a == NULL || info_b == NULL ||
      g_file_info_get_size (info_a) != g_file_info_get_size (info_b))
    return FALSE;

  first = g_file_load_bytes (a, cancellable, NULL, NULL);
  second = g_file_load_bytes (b, cancellable, NULL, NULL);

  return first != NULL && second != NULL && g_bytes_equal (first, second);
}

/* "photo.jpg" → "photo-2.jpg" for @n = 2. */
static char *
numbered_name (const char *basename,
               guint       n)
{
  const char *dot = strrchr (basename, '.');

  if (dot == NULL || dot == basename)
    return g_strdup_printf ("%s-%u", basename, n);

  return g_strdup_printf ("%.*s-%u%s", (int) (dot - basename), basename, n, dot);
}

/**
 * cd_article_file_copy_image:
 * @image: the lead image file
 * @folder: the article's folder
 * @name: (out) (transfer full): the copy's name in @folder, the new source
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies a lead image into the article's folder, so that the article can
 * name it by a relative path as the file format asks. The copy keeps the
 * image's name; if another file of that name is there, it is used when it
 * holds the same bytes, and otherwise the copy gets a free name such as
 * `photo-2.jpg`. An image that is already in @folder is not copied. Only a
 * regular file is copied.
 *
 * Returns: %TRUE with @name set, or %FALSE with a %CD_FILE_ERROR that names
 *   the image
 */
gboolean
cd_article_file_copy_image (GFile         *image,
                            GFile         *folder,
                            char         **name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (image), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *name = NULL;
  display_name = g_file_get_parse_name (image);
  basename = g_file_get_basename (image);

  info = g_file_query_info (image, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_READ,
                   _("Could not copy the lead image %s beside the article: %s"),
                   display_name, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || basename == NULL)
    {
      g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_READ,
                   _("Could not copy the lead image %s beside the article: it is not "
                     "an ordinary file. Choose the picture again."),
                   display_name);
      return FALSE;
    }

  parent = g_file_get_parent (image);
  if (parent != NULL && g_file_equal (parent, folder))
    {
      *name = g_steal_pointer (&basename);
      return TRUE;
    }

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (basename) : numbered_name (basename, n);
      g_autoptr(GFile) target = g_file_get_child (folder, candidate);

      g_clear_error (&local_error);
      if (g_file_copy (image, target, G_FILE_COPY_TARGET_DEFAULT_PERMS,
                       cancellable, NULL, NULL, &local_error))
        {
          *name = g_steal_pointer (&candidate);
          return TRUE;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;

      /* The same picture is already there, from an earlier save. */
      if (same_contents (image, target, cancellable))
        {
          *name = g_steal_pointer (&candidate);
          return TRUE;
        }
    }

  {
    g_autofree char *folder_name = g_file_get_parse_name (folder);

    g_set_error (error, CD_FILE_ERROR, CD_FILE_ERROR_WRITE,
                 _("Could not copy the lead image %s into %s: %s"),
                 display_name, folder_name,
                 local_error != NULL ? local_error->message : _("no free file name"));
  }
  return FALSE;
}
