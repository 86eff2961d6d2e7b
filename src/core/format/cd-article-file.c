/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-article-file"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file-private.h"
#include "cd-file-util.h"
#include "cd-json.h"
#include "cd-time-zones.h"

/*
 * The .copydesk file format
 *
 * A Copydesk article is one JSON object in UTF-8, written with two-space
 * indentation, one member per line and a final newline, its members always in
 * the order below so that articles diff and merge cleanly in version control:
 *
 *   format, version, id, created, modified, status, planned_words, language,
 *   headline, standfirst, slug, section, authors, dateline, published, embargo,
 *   image, tags, comments, editor_note, body, review_comments, corrections,
 *   publications
 *
 * Every member is always written except planned_words, which is written only
 * when the article has a planned length, review_comments and corrections,
 * written only when the article has any (cd-article-file-review.c), and
 * publications, written only when the article was published somewhere
 * (cd-article-file-publications.c), so that articles without them stay byte
 * for byte as they were.
 *
 * data/copydesk-article.schema.json describes every member. Members this version
 * does not know (written by a newer Copydesk of the same format version) are kept
 * and written back after the known ones, in their original order; the same holds
 * inside authors, tags and the image.
 *
 * Loading is all or nothing: any problem gives an error that names the file and
 * the field, and no article.
 *
 * This file reads a whole article: the header, the members in order, and the
 * article's folder. The readers of single members are in
 * cd-article-file-fields.c; writing is in cd-article-file-write.c, saving to
 * disk in cd-article-file-save.c, the size limits in cd-article-file-limits.c
 * and copying images beside the article in cd-article-file-image.c.
 */

#define MAX_DEPTH      64

G_DEFINE_QUARK (cd-file-error-quark, cd_file_error)

static gboolean
check_header (Loader     *loader,
              JsonNode   *root_node)
{
  JsonObject *root;
  JsonNode *format;
  JsonNode *version;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return cd_article_file_fail (loader, CD_FILE_ERROR_NOT_ARTICLE,
                                 _("this is not a Copydesk article: the file holds %s, not an article object"),
                                 cd_json_describe_node (root_node));

  root = json_node_get_object (root_node);
  format = json_object_get_member (root, "format");

  if (format == NULL || !cd_article_file_is_string (format) ||
      strcmp (json_node_get_string (format), CD_FILE_FORMAT_NAME) != 0)
    {
      if (json_object_has_member (root, "uri") &&
          (json_object_has_member (root, "headlines") || json_object_has_member (root, "headline")))
        return cd_article_file_fail (loader, CD_FILE_ERROR_NOT_ARTICLE,
                                     _("this is a ninjs document, not a Copydesk article; import it instead"));

      return cd_article_file_fail (loader, CD_FILE_ERROR_NOT_ARTICLE,
                                   _("this is not a Copydesk article: it has no “format”: “%s” member"),
                                   CD_FILE_FORMAT_NAME);
    }

  version = json_object_get_member (root, "version");
  if (version == NULL)
    return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID, _("the format version is missing"));

  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    return cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                 _("version must be a whole number from 1 up"));

  if (json_node_get_int (version) > CD_FILE_FORMAT_VERSION)
    return cd_article_file_fail (loader, CD_FILE_ERROR_NEWER_VERSION,
                                 /* Translators: both %lld and %d are format version numbers. */
                                 _("the article was saved by a newer Copydesk (format version %lld); "
                                   "this Copydesk reads format version %d. Update Copydesk to open it"),
                                 (long long) json_node_get_int (version), CD_FILE_FORMAT_VERSION);

  return TRUE;
}

/* Reads "published_zone" (for @member "published"), the IANA name of the
 * zone the time was chosen in, and puts *@value in that zone when the system
 * knows it and its offset then is the one saved: a name from a newer tzdata,
 * or one whose rules have changed since, leaves the offset as it is. */
static gboolean
read_date_zone (Loader      *loader,
                JsonObject  *root,
                const char  *member,
                GDateTime  **value)
{
  g_autofree char *zone_member = g_strconcat (member, "_zone", NULL);
  g_autoptr(GDateTime) named = NULL;
  const char *zone_id = NULL;

  if (!cd_article_file_read_text (loader, root, zone_member, zone_member, MAX_TEXT_BYTES, &zone_id))
    return FALSE;

  if (zone_id == NULL)
    return TRUE;

  named = cd_date_time_in_named_zone (*value, zone_id);
  if (named != NULL)
    {
      g_date_time_unref (*value);
      *value = g_steal_pointer (&named);
    }

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

      if (!cd_article_file_read_text (loader, root, text_fields[i].member, text_fields[i].member,
                                      text_fields[i].max_bytes, &value))
        return NULL;

      if (value != NULL)
        text_fields[i].setter (article, value);
    }

  for (size_t i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      g_autoptr(GDateTime) value = NULL;
      gboolean nullable = i >= 2;

      if (!cd_article_file_read_date (loader, root, date_fields[i].member, nullable, &value))
        return NULL;

      if (value == NULL && !nullable)
        {
          if (json_object_has_member (root, date_fields[i].member))
            cd_article_file_fail (loader, CD_FILE_ERROR_INVALID, _("%s must be a date and time, not null"),
                                  date_fields[i].member);
          else
            cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                  _("%s is missing; every article records when it was created and last "
                                    "changed, as in “2026-11-27T09:30:00+01:00”"),
                                  date_fields[i].member);
          return NULL;
        }

      if (value != NULL && nullable &&
          !read_date_zone (loader, root, date_fields[i].member, &value))
        return NULL;

      date_fields[i].setter (article, value);
    }

  node = json_object_get_member (root, "status");
  if (node != NULL)
    {
      CdArticleStatus status;

      if (!cd_article_file_is_string (node))
        {
          cd_article_file_wrong_type (loader, "status", _("text"), node);
          return NULL;
        }

      if (!cd_article_status_from_string (json_node_get_string (node), &status))
        {
          g_autofree char *excerpt = cd_json_excerpt (json_node_get_string (node));

          cd_article_file_fail (loader, CD_FILE_ERROR_INVALID,
                                _("status “%s” is not one of draft, in-review, approved, published, killed"),
                                excerpt);
          return NULL;
        }

      cd_article_set_status (article, status);
    }

  if (!cd_article_file_read_planned_words (loader, root, article))
    return NULL;

  node = json_object_get_member (root, "comments");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          cd_article_file_wrong_type (loader, "comments", _("true or false"), node);
          return NULL;
        }

      cd_article_set_comments (article, json_node_get_boolean (node));
    }

  if (!cd_article_file_read_authors (loader, root, article) ||
      !cd_article_file_read_tags (loader, root, article) ||
      !cd_article_file_read_image (loader, root, article) ||
      !cd_article_file_read_review (loader, root, article) ||
      !cd_article_file_read_publications (loader, root, article))
    return NULL;

  extra = cd_article_file_collect_extra (root, known_members);
  cd_article_set_extra (article, extra);

  return g_steal_pointer (&article);
}

static void
forget_member_number_texts (JsonObject         *object,
                            const char * const *known)
{
  for (guint i = 0; known != NULL && known[i] != NULL; i++)
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
  forget_list_number_texts (root, "publications", publication_members);
  {
    JsonNode *publications = json_object_get_member (root, "publications");

    /* The records' term ids are numbers too. */
    if (publications != NULL && JSON_NODE_HOLDS_ARRAY (publications))
      {
        JsonArray *records = json_node_get_array (publications);

        for (guint i = 0; i < json_array_get_length (records); i++)
          {
            JsonNode *record = json_array_get_element (records, i);

            if (!JSON_NODE_HOLDS_OBJECT (record))
              continue;
            forget_list_number_texts (json_node_get_object (record), "tags", NULL);
            forget_list_number_texts (json_node_get_object (record), "categories", NULL);
          }
      }
  }

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

      cd_article_file_fail (&loader, CD_FILE_ERROR_TOO_LARGE,
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
