/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The body of an ANS story: each top-level Markdown block becomes a typed
 * content element (text, header, list, quote, code, divider, table, image),
 * and every element gets an `_id` derived from the article id and its place
 * in the document, so that the same article always exports the same ids.
 * The story around the elements, and the rules for both, are in
 * cd-export-ans.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-ans"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-export-ans-private.h"
#include "cd-article-file.h"
#include "cd-markdown.h"
#include "cd-text.h"
#include "cd-url.h"

/* RFC 4648 base32 (A–Z, 2–7) without padding: 16 bytes give 26 characters. */
static char *
base32_encode (const guint8 *data,
               size_t        length)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  GString *out = g_string_sized_new ((length * 8 + 4) / 5);
  guint buffer = 0;
  int bits = 0;

  for (size_t i = 0; i < length; i++)
    {
      buffer = (buffer << 8) | data[i];
      bits += 8;

      while (bits >= 5)
        {
          g_string_append_c (out, alphabet[(buffer >> (bits - 5)) & 0x1f]);
          bits -= 5;
        }
    }

  if (bits > 0)
    g_string_append_c (out, alphabet[(buffer << (5 - bits)) & 0x1f]);

  return g_string_free (out, FALSE);
}

/* The 16 bytes of a `urn:uuid:` id, in the order the UUID is written. */
static gboolean
parse_uuid_urn (const char *id,
                guint8      bytes[ID_BYTES])
{
  const char *hex;

  if (g_ascii_strncasecmp (id, UUID_URN_PREFIX, strlen (UUID_URN_PREFIX)) != 0)
    return FALSE;

  hex = id + strlen (UUID_URN_PREFIX);
  if (!g_uuid_string_is_valid (hex))
    return FALSE;

  for (size_t i = 0; i < ID_BYTES; hex += 2)
    {
      if (*hex == '-')
        hex++;
      bytes[i++] = (guint8) (g_ascii_xdigit_value (hex[0]) << 4 | g_ascii_xdigit_value (hex[1]));
    }

  return TRUE;
}

/* An id in the shape of Arc's: base32 of the first 16 bytes of the
 * SHA-256 of @seed, a newline and @path. */
static char *
derive_id (const char *seed,
           const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) seed, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) path, -1);
  g_checksum_get_digest (checksum, digest, &length);
  g_assert (length == sizeof digest);

  return base32_encode (digest, ID_BYTES);
}

char *
cd_export_ans_story_id (const char *article_id)
{
  guint8 uuid[ID_BYTES];

  if (parse_uuid_urn (article_id, uuid))
    return base32_encode (uuid, ID_BYTES);

  return derive_id (article_id, "");
}

/* A new element {type, _id}, its id derived from its @path. */
JsonObject *
cd_export_ans_new_element (const Builder *builder,
                           const char    *type,
                           const char    *path)
{
  JsonObject *element = json_object_new ();
  g_autofree char *id = derive_id (builder->seed, path);

  json_object_set_string_member (element, "type", type);
  json_object_set_string_member (element, "_id", id);
  return element;
}

static JsonObject *
new_text_element (const Builder *builder,
                  const char    *type,
                  const char    *path,
                  const char    *content)
{
  JsonObject *element = cd_export_ans_new_element (builder, type, path);

  json_object_set_string_member (element, "content", content != NULL ? content : "");
  return element;
}

/* Whether @html, an item of a quote, is block-level HTML (a nested quote,
 * a list, a table …) rather than a paragraph's inline HTML. The Markdown
 * renderer escapes raw HTML, so an item that starts with one of these
 * tags was made by the renderer as a block. */
static gboolean
is_block_html (const char *html)
{
  static const char * const block_tags[] = {
    "p", "blockquote", "ul", "ol", "pre", "table", "hr", "figure", "div",
    "h1", "h2", "h3", "h4", "h5", "h6", NULL
  };
  size_t length;
  g_autofree char *name = NULL;

  if (html[0] != '<')
    return FALSE;

  for (length = 0; g_ascii_isalnum (html[1 + length]); length++)
    ;
  if (length == 0 || strchr (" \t\n/>", html[1 + length]) == NULL)
    return FALSE;

  name = g_strndup (html + 1, length);
  return g_strv_contains (block_tags, name);
}

/* A URL with a scheme (RFC 3986: a letter, then letters, digits, "+", "-"
 * or "."), as opposed to a relative reference. */
static gboolean
has_scheme (const char *url)
{
  const char *p = url;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;

  return *p == ':';
}

/* Whether @url names the http or https scheme, in any case, whether or
 * not the rest makes it a web address. */
static gboolean
has_web_scheme (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0);
}

/* What an image element in the body refers to its image by. Returns
 * %NULL with no error for a URL that names no image file (the caller
 * falls back to the alt text), and %NULL with @error set when the image
 * is a file on disk and the options give no way to reach it. */
static char *
body_image_href (const Builder  *builder,
                 const char     *url,
                 GError        **error)
{
  const CdExportOptions *options = builder->options;
  g_autofree char *path = NULL;
  const char *name;

  if (cd_url_is_web_address (url))
    return g_strdup (url);

  /* Meant for a picture on the web but malformed ("https://", a space, a
   * broken escape): refused, rather than dropped for its alt text. */
  if (url != NULL && has_web_scheme (url))
    {
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                   _("The body image “%s” is not a valid http or https address. "
                     "Correct it in the body."),
                   url);
      return NULL;
    }

  if (url == NULL || url[0] == '\0' || url[0] == '#' || url[0] == '?' || has_scheme (url))
    return NULL;

  /* A network-path reference ("//host/x.png") is on the web already. */
  if (g_str_has_prefix (url, "//"))
    return g_strconcat ("https:", url, NULL);

  path = g_strndup (url, strcspn (url, "?#"));
  name = strrchr (path, '/');
  name = name != NULL ? name + 1 : path;
  if (*name == '\0' || g_str_equal (name, ".") || g_str_equal (name, ".."))
    return NULL;

  switch (options->image_mode)
    {
    case CD_EXPORT_IMAGE_BUNDLE:
      return g_strdup (name);

    case CD_EXPORT_IMAGE_BASE_URL:
      if (!cd_url_is_web_address (options->image_base_url))
        {
          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE,
                       _("The image base URL “%s” is not an http or https address"),
                       options->image_base_url != NULL ? options->image_base_url : "");
          return NULL;
        }
      return g_strconcat (options->image_base_url,
                          g_str_has_suffix (options->image_base_url, "/") ? "" : "/",
                          name, NULL);

    case CD_EXPORT_IMAGE_NONE:
    default:
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_IMAGE,
                   _("The image “%s” in the body is a file on this computer, which a CMS "
                     "cannot reach. Export a bundle, set an image base URL in the house "
                     "rules, or use the image’s https address in the body."),
                   url);
      return NULL;
    }
}

/* Adds the element for an image block to @elements, or nothing for an
 * image with no address and no alt text. */
static gboolean
add_image_element (const Builder  *builder,
                   const CdBlock  *block,
                   const char     *path,
                   JsonArray      *elements,
                   GError        **error)
{
  const char *alt = cd_block_get_alt (block);
  g_autofree char *href = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *element;

  href = body_image_href (builder, cd_block_get_url (block), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (href == NULL)
    {
      /* A browser shows such an image as its alt text, so the story
       * keeps that text. */
      if (!cd_text_is_blank (alt))
        {
          g_autofree char *content = g_markup_escape_text (alt, -1);

          json_array_add_object_element (elements,
                                         new_text_element (builder, "text", path, content));
        }
      return TRUE;
    }

  element = cd_export_ans_new_element (builder, "image", path);
  json_object_set_string_member (element, "version", ANS_VERSION);
  json_object_set_string_member (element, "url", href);
  cd_export_set_string (element, "caption", cd_block_get_caption (block));
  cd_export_set_string (element, "alt_text", alt);
  json_array_add_object_element (elements, element);
  return TRUE;
}

static JsonObject *
build_list (const Builder *builder,
            const CdBlock *block,
            const char    *path)
{
  JsonObject *list = cd_export_ans_new_element (builder, "list", path);
  const char * const *items = cd_block_get_items (block);
  JsonArray *array = json_array_new ();
  gboolean ordered = cd_block_get_ordered (block);

  json_object_set_string_member (list, "list_type", ordered ? "ordered" : "unordered");

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s/items/%u", path, i);

      json_array_add_object_element (array,
                                     new_text_element (builder, "text", item_path, items[i]));
    }
  json_object_set_array_member (list, "items", array);

  if (ordered && cd_block_get_start (block) != 1)
    {
      JsonObject *additional = json_object_new ();

      json_object_set_int_member (additional, "start", cd_block_get_start (block));
      json_object_set_object_member (list, "additional_properties", additional);
    }

  return list;
}

static JsonObject *
build_quote (const Builder *builder,
             const CdBlock *block,
             const char    *path)
{
  JsonObject *quote;
  const char * const *items = cd_block_get_items (block);
  JsonArray *array;

  if (items == NULL || items[0] == NULL)
    return NULL;

  quote = cd_export_ans_new_element (builder, "quote", path);
  array = json_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s/content_elements/%u", path, i);
      const char *type = is_block_html (items[i]) ? "raw_html" : "text";

      json_array_add_object_element (array,
                                     new_text_element (builder, type, item_path, items[i]));
    }
  json_object_set_array_member (quote, "content_elements", array);

  return quote;
}

static JsonArray *
build_cells (const Builder      *builder,
             const char * const *cells,
             const char         *path)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; cells != NULL && cells[i] != NULL; i++)
    {
      g_autofree char *cell_path = g_strdup_printf ("%s/%u", path, i);

      json_array_add_object_element (array,
                                     new_text_element (builder, "text", cell_path, cells[i]));
    }

  return array;
}

static JsonObject *
build_table (const Builder *builder,
             const CdBlock *block,
             const char    *path)
{
  JsonObject *table = cd_export_ans_new_element (builder, "table", path);
  g_autofree char *header_path = g_strdup_printf ("%s/header", path);
  JsonArray *rows = json_array_new ();
  unsigned n_rows = cd_block_get_n_rows (block);

  cd_export_set_array (table, "header",
             build_cells (builder, cd_block_get_header_cells (block), header_path));

  for (unsigned i = 0; i < n_rows; i++)
    {
      g_autofree char *row_path = g_strdup_printf ("%s/rows/%u", path, i);

      json_array_add_array_element (rows,
                                    build_cells (builder, cd_block_get_row (block, i), row_path));
    }

  /* `rows` is required, even for a table with a header only. */
  json_object_set_array_member (table, "rows", rows);
  return table;
}

static JsonObject *
build_code (const Builder *builder,
            const CdBlock *block,
            const char    *path)
{
  JsonObject *code = new_text_element (builder, "code", path, cd_block_get_text (block));
  const char *language = cd_block_get_language (block);

  json_object_set_string_member (code, "language",
                                 !cd_text_is_blank (language) ? language : "plaintext");
  return code;
}

/* Appends the content element(s) for @block, at @index of the story's
 * content elements, to @elements. */
static gboolean
add_block (const Builder  *builder,
           const CdBlock  *block,
           guint           index,
           JsonArray      *elements,
           GError        **error)
{
  g_autofree char *path = g_strdup_printf ("content_elements/%u", index);
  JsonObject *element = NULL;

  switch (cd_block_get_block_type (block))
    {
    case CD_BLOCK_PARAGRAPH:
      if (!cd_text_is_blank (cd_block_get_content (block)))
        element = new_text_element (builder, "text", path, cd_block_get_content (block));
      break;

    case CD_BLOCK_HEADING:
      element = new_text_element (builder, "header", path, cd_block_get_content (block));
      json_object_set_int_member (element, "level", cd_block_get_level (block));
      break;

    case CD_BLOCK_LIST:
      element = build_list (builder, block, path);
      break;

    case CD_BLOCK_QUOTE:
      element = build_quote (builder, block, path);
      break;

    case CD_BLOCK_IMAGE:
      return add_image_element (builder, block, path, elements, error);

    case CD_BLOCK_TABLE:
      element = build_table (builder, block, path);
      break;

    case CD_BLOCK_CODE:
      element = build_code (builder, block, path);
      break;

    case CD_BLOCK_DIVIDER:
      element = cd_export_ans_new_element (builder, "divider", path);
      break;

    default:
      g_assert_not_reached ();
    }

  if (element != NULL)
    json_array_add_object_element (elements, element);

  return TRUE;
}

/* The corrections log at the end of the story: ANS's own `correction`
 * element, whose text is the correction. ANS gives it no date: the date
 * goes in its additional_properties as "date" (RFC 3339), for a CMS that
 * shows it. */
static void
add_corrections (const Builder *builder,
                 CdArticle     *article,
                 JsonArray     *elements)
{
  GListModel *corrections = cd_article_get_corrections (article);

  for (guint i = 0; i < g_list_model_get_n_items (corrections); i++)
    {
      g_autoptr(CdCorrection) correction = g_list_model_get_item (corrections, i);
      g_autofree char *path = g_strdup_printf ("corrections/%u", i);
      g_autofree char *date = cd_date_time_to_string (cd_correction_get_date (correction));
      JsonObject *element = cd_export_ans_new_element (builder, "correction", path);
      JsonObject *extra = json_object_new ();

      json_object_set_string_member (element, "correction_type", "correction");
      json_object_set_string_member (element, "text", cd_correction_get_text (correction));
      json_object_set_string_member (extra, "date", date);
      json_object_set_object_member (element, "additional_properties", extra);
      json_array_add_object_element (elements, element);
    }
}

JsonArray *
cd_export_ans_build_content_elements (const Builder  *builder,
                                      CdArticle      *article,
                                      GError        **error)
{
  g_autoptr(JsonArray) elements = json_array_new ();
  g_autoptr(GPtrArray) blocks = NULL;
  /* Readers' text only: no suggestion or review comment leaves the file. */
  g_autofree char *body = cd_article_dup_reader_body (article);

  if (cd_text_is_blank (body))
    {
      add_corrections (builder, article, elements);
      return g_steal_pointer (&elements);
    }

  /* The array frees its blocks. */
  blocks = cd_markdown_to_blocks (body, -1);

  for (guint i = 0; i < blocks->len; i++)
    {
      /* Element ids follow the element's place in the story, so that a
       * block left out (a blank paragraph) does not leave a gap. */
      if (!add_block (builder, g_ptr_array_index (blocks, i),
                      json_array_get_length (elements), elements, error))
        return NULL;
    }

  add_corrections (builder, article, elements);
  return g_steal_pointer (&elements);
}
