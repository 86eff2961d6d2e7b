/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-ninjs"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-export-ninjs.h"
#include "cd-export-private.h"
#include "cd-markdown.h"
#include "cd-text.h"
#include "cd-url.h"

/* IPTC ninjs 2.2, "News in JSON", the default export.
 *
 * The 2.2 schema allows no member it does not name, anywhere, so only the
 * members below are written, and an optional member whose value would be
 * empty (a blank string, an empty array) is left out rather than written
 * empty. The top-level members are written in this order:
 *
 *   uri, standard, type, version, pubstatus, contentcreated, firstcreated,
 *   versioncreated, embargoed, language, slugline, located, by, people,
 *   headlines, descriptions, subjects, ednote, bodies, associations
 *
 * and the lead image association's as: name, uri, type, by,
 * copyrightholder, copyrightnotice, descriptions, renditions (name, href or
 * title, contenttype, width, height).
 *
 * Decisions where ninjs and the article do not match one to one:
 *
 * - `by` is the article's byline (cd_article_get_byline(): "By A and B"
 *   in the article's language, no roles), the same string as the page's
 *   byline and WordPress's `copydesk_byline`; the ANS export gives each
 *   author's part of it. ninjs `people` has no member for a role.
 * - `uri` is the article id (`urn:uuid:…`). `version` is a string; the
 *   article has no revision counter, so it is the modification time as
 *   seconds since 1970 (UTC): it grows with every saved change, as
 *   NewsML-G2 versions do, and is the same for the same article.
 * - `pubstatus` (usable, withheld or canceled; ninjs has no draft): an
 *   approved or published article is usable, a draft or an article in review
 *   is withheld, a killed one is canceled. An approved article is exported
 *   for the CMS to publish, which is why it is usable.
 * - created → `contentcreated`, published → `firstcreated`, modified →
 *   `versioncreated`, embargo → `embargoed`, dateline → `located` (2.2 has
 *   the string member `located`), editor note → `ednote`.
 * - The body is HTML (cd_markdown_to_html(), the same HTML as the preview).
 *   Its `wordcount` and `charcount` describe the text a reader reads: the
 *   body's plain text (cd_markdown_to_plain_text()) counted by
 *   cd_text_count(), characters including spaces. These are the numbers
 *   the editor shows (CdStats counts the same text the same way), and
 *   markup does not inflate them.
 * - Tags are `subjects` with rel "about". An IPTC Media Topic gets `uri`
 *   http://cv.iptc.org/newscodes/mediatopic/<code> and `literal`
 *   medtop:<code>; a tag of another vocabulary keeps its own URI and code;
 *   a free tag is its name alone.
 * - The lead image is the association "featureimage" of type "picture",
 *   with one rendition, "original". ninjs has no member for alt text, so
 *   the alt text is a description with role "alt", beside the "caption" and
 *   the "creditline" descriptions, all text/plain. The photographer is the
 *   association's `by`, the copyright line its `copyrightnotice`, and the
 *   holder named in that line (the line without "©" and the years) its
 *   `copyrightholder`.
 * - The rendition "original" has the image's `href`, its `contenttype`
 *   (from the file name's extension) and, for an image on disk, its
 *   `width` and `height` in pixels, read from the file's header (a remote
 *   image is never fetched to learn them).
 * - `uri`, `href` and `schema` are `format: uri` in the schema, which is an
 *   absolute URI; a relative reference is not valid. So the association's
 *   `uri` and the rendition's `href` are the image URL: the https URL, or
 *   the image base URL and the file name, also in a bundle when the options
 *   give a base URL. In a bundle without one, where the image is a file
 *   beside the export and has no URL, the association's `uri` is the
 *   article's uri with the fragment `#featureimage`, and the rendition has
 *   no `href` (it is optional) but the image's file name as its `title`.
 *
 * Before returning, the exporter checks the finished document: every
 * date-time must be RFC 3339 with "Z" or an offset, and every URI absolute,
 * since the validators commonly used do not check `format`. */

#define NINJS_VERSION    "2.2"
#define NINJS_SCHEMA_URI "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"

struct _CdNinjsExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdNinjsExporter, cd_ninjs_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

/* Appends {role, contenttype: text/plain, value} unless @value is blank. */
static void
add_text (JsonArray  *array,
          const char *role,
          const char *value)
{
  JsonObject *item;

  if (cd_text_is_blank (value))
    return;

  item = json_object_new ();
  json_object_set_string_member (item, "role", role);
  json_object_set_string_member (item, "contenttype", "text/plain");
  json_object_set_string_member (item, "value", value);
  json_array_add_object_element (array, item);
}

static const char *
pubstatus_for_status (CdArticleStatus status)
{
  switch (status)
    {
    case CD_ARTICLE_STATUS_APPROVED:
    case CD_ARTICLE_STATUS_PUBLISHED:
      return "usable";

    case CD_ARTICLE_STATUS_KILLED:
      return "canceled";

    case CD_ARTICLE_STATUS_DRAFT:
    case CD_ARTICLE_STATUS_IN_REVIEW:
    default:
      return "withheld";
    }
}

static JsonArray *
build_people (CdArticle *article)
{
  GListModel *authors = cd_article_get_authors (article);
  JsonArray *people = json_array_new ();
  guint n = g_list_model_get_n_items (authors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      const char *name = cd_author_get_name (author);
      const char *url = cd_author_get_url (author);
      JsonObject *person;

      if (cd_text_is_blank (name) && cd_text_is_blank (url))
        continue;

      person = json_object_new ();
      cd_export_set_string (person, "name", name);
      json_object_set_string_member (person, "rel", "author");
      cd_export_set_string (person, "uri", url);
      json_array_add_object_element (people, person);
    }

  return people;
}

static JsonArray *
build_subjects (CdArticle *article)
{
  GListModel *tags = cd_article_get_tags (article);
  JsonArray *subjects = json_array_new ();
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      JsonObject *subject = json_object_new ();

      cd_export_set_string (subject, "name", cd_tag_get_name (tag));
      json_object_set_string_member (subject, "rel", "about");

      if (cd_tag_is_media_topic (tag))
        {
          const char *code = cd_tag_get_code (tag);
          g_autofree char *uri = cd_export_media_topic_uri (code);

          json_object_set_string_member (subject, "uri", uri);
          json_object_set_string_member (subject, "literal", code);
        }
      else
        {
          cd_export_set_string (subject, "uri", cd_tag_get_uri (tag));
          cd_export_set_string (subject, "literal", cd_tag_get_code (tag));
        }

      json_array_add_object_element (subjects, subject);
    }

  return subjects;
}

static JsonArray *
build_bodies (CdArticle *article)
{
  /* Readers' text only: no suggestion or review comment leaves the file. */
  g_autofree char *body = cd_article_dup_reader_body (article);
  JsonArray *bodies = json_array_new ();
  g_autofree char *html = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *corrections = NULL;
  CdTextCounts counts;
  JsonObject *main_body;

  /* ninjs has no corrections property: the log ends the body, as on the
   * page, and the counts are those of the body's value, log included, so
   * that a receiver that counts the value finds the same figures. The log
   * is rendered on its own and joined after the rendered body: a body that
   * ends in a code fence or HTML block never closed must not take the log
   * into its code. */
  corrections = cd_article_dup_corrections_markdown (article);
  if (cd_text_is_blank (body) && corrections == NULL)
    return bodies;

  html = cd_markdown_to_html (body, -1);
  plain = cd_markdown_to_plain_text (body, -1);
  if (corrections != NULL)
    {
      g_autofree char *log_html = cd_markdown_to_html (corrections, -1);
      g_autofree char *log_plain = cd_markdown_to_plain_text (corrections, -1);
      gboolean blank = cd_text_is_blank (body);
      char *joined;

      joined = g_strconcat (blank ? "" : html, log_html, NULL);
      g_free (html);
      html = joined;
      joined = g_strconcat (blank ? "" : plain, blank ? "" : "\n\n", log_plain, NULL);
      g_free (plain);
      plain = joined;
    }
  cd_text_count (plain, -1, &counts);

  main_body = json_object_new ();
  json_object_set_string_member (main_body, "role", "main");
  json_object_set_string_member (main_body, "contenttype", "text/html");
  json_object_set_string_member (main_body, "value", html);
  json_object_set_int_member (main_body, "wordcount", (gint64) counts.words);
  json_object_set_int_member (main_body, "charcount", (gint64) counts.characters);
  json_array_add_object_element (bodies, main_body);

  return bodies;
}

/* The holder named in a copyright line such as "© 2026 Owen Clarke" or
 * "Copyright (c) 2020–2026 Example Agency": the line without the copyright
 * sign or word and the years. NULL when the line does not start with a
 * copyright sign or word, so that nothing is guessed. */
static char *
copyright_holder (const char *notice)
{
  const char *p = notice;
  gboolean marked = FALSE;

  for (;;)
    {
      while (*p == ' ' || *p == ',')
        p++;

      if (g_str_has_prefix (p, "©"))
        p += strlen ("©");
      else if (g_ascii_strncasecmp (p, "(c)", 3) == 0)
        p += 3;
      else if (g_ascii_strncasecmp (p, "copyright", 9) == 0 && !g_ascii_isalnum (p[9]))
        p += 9;
      else if (marked && g_ascii_isdigit (*p))
        {
          const char *end = p;

          /* A year, not the start of a name such as "3M". */
          while (g_ascii_isdigit (*end))
            end++;
          if (g_ascii_isalpha (*end))
            break;
          p = end;
          continue;
        }
      else if (marked && (*p == '-' || g_str_has_prefix (p, "–")))
        {
          p += *p == '-' ? 1 : strlen ("–");
          continue;
        }
      else
        break;

      marked = TRUE;
    }

  if (!marked || cd_text_is_blank (p))
    return NULL;

  return g_strstrip (g_strdup (p));
}

static JsonObject *
build_association (CdArticle             *article,
                   const CdExportOptions *options)
{
  CdImage *image = cd_article_get_image (article);
  JsonObject *association = json_object_new ();
  JsonArray *descriptions = json_array_new ();
  JsonArray *renditions = json_array_new ();
  JsonObject *rendition;
  g_autofree char *href = cd_export_dup_absolute_image_href (article, options);
  g_autofree char *href_name = cd_export_href_file_name (options->image_href);
  const char *content_type = cd_export_image_mime_type (href_name, FALSE);
  const char *copyright = cd_image_get_copyright (image);
  g_autofree char *holder = NULL;

  json_object_set_string_member (association, "name", "featureimage");

  /* Outside a bundle the resolved href is absolute (a file:// URI for a
   * proof read on this computer). */
  if (href == NULL &&
      !(options->image_mode == CD_EXPORT_IMAGE_BUNDLE && !cd_image_is_remote (image)))
    href = g_strdup (options->image_href);

  rendition = json_object_new ();
  json_object_set_string_member (rendition, "name", "original");

  if (href != NULL)
    {
      json_object_set_string_member (association, "uri", href);
      json_object_set_string_member (rendition, "href", href);
    }
  else
    {
      /* A bundle's image without a base URL has no absolute URI: see the
       * top of this file. */
      g_autofree char *uri = g_strconcat (cd_article_get_id (article), "#featureimage", NULL);
      g_autofree char *file_name = g_uri_unescape_string (options->image_href, NULL);

      json_object_set_string_member (association, "uri", uri);
      json_object_set_string_member (rendition, "title",
                                     file_name != NULL ? file_name : options->image_href);
    }

  if (content_type != NULL)
    json_object_set_string_member (rendition, "contenttype", content_type);

  if (options->image_width > 0 && options->image_height > 0)
    {
      json_object_set_int_member (rendition, "width", options->image_width);
      json_object_set_int_member (rendition, "height", options->image_height);
    }

  json_object_set_string_member (association, "type", "picture");
  cd_export_set_string (association, "by", cd_image_get_photographer (image));

  if (!cd_text_is_blank (copyright))
    holder = copyright_holder (copyright);
  cd_export_set_string (association, "copyrightholder", holder);
  cd_export_set_string (association, "copyrightnotice", copyright);

  add_text (descriptions, "caption", cd_image_get_caption (image));
  add_text (descriptions, "alt", cd_image_get_alt (image));
  add_text (descriptions, "creditline", cd_image_get_credit (image));
  cd_export_set_array (association, "descriptions", descriptions);

  json_array_add_object_element (renditions, rendition);
  json_object_set_array_member (association, "renditions", renditions);

  return association;
}

static JsonNode *
build_document (CdArticle             *article,
                const CdExportOptions *options)
{
  JsonObject *root = json_object_new ();
  JsonObject *standard = json_object_new ();
  JsonArray *headlines = json_array_new ();
  JsonArray *descriptions = json_array_new ();
  JsonArray *associations = json_array_new ();
  GDateTime *modified = cd_article_get_modified (article);
  JsonNode *node;

  cd_export_set_string (root, "uri", cd_article_get_id (article));

  json_object_set_string_member (standard, "name", "ninjs");
  json_object_set_string_member (standard, "version", NINJS_VERSION);
  json_object_set_string_member (standard, "schema", NINJS_SCHEMA_URI);
  json_object_set_object_member (root, "standard", standard);

  json_object_set_string_member (root, "type", "text");

  if (modified != NULL)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  g_date_time_to_unix (modified));

      json_object_set_string_member (root, "version", version);
    }

  json_object_set_string_member (root, "pubstatus",
                                 pubstatus_for_status (cd_article_get_status (article)));

  cd_export_set_date (root, "contentcreated", cd_article_get_created (article));
  cd_export_set_date (root, "firstcreated", cd_article_get_published (article));
  cd_export_set_date (root, "versioncreated", modified);
  cd_export_set_date (root, "embargoed", cd_article_get_embargo (article));

  cd_export_set_string (root, "language", cd_article_get_language (article));
  cd_export_set_string (root, "slugline", cd_article_get_slug (article));
  cd_export_set_string (root, "located", cd_article_get_dateline (article));
  cd_export_set_string (root, "by", cd_article_get_byline (article));
  cd_export_set_array (root, "people", build_people (article));

  add_text (headlines, "main", cd_article_get_headline (article));
  cd_export_set_array (root, "headlines", headlines);
  add_text (descriptions, "summary", cd_article_get_standfirst (article));
  cd_export_set_array (root, "descriptions", descriptions);

  cd_export_set_array (root, "subjects", build_subjects (article));
  cd_export_set_string (root, "ednote", cd_article_get_editor_note (article));
  cd_export_set_array (root, "bodies", build_bodies (article));

  if (options->image_href != NULL)
    json_array_add_object_element (associations, build_association (article, options));
  cd_export_set_array (root, "associations", associations);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

/* Which article field a member of the document comes from, for messages. */
static const CdExportSource sources[] = {
  { "uri", N_("the article id") },
  { "contentcreated", N_("the creation date") },
  { "firstcreated", N_("the publication date") },
  { "versioncreated", N_("the modification date") },
  { "embargoed", N_("the embargo") },
  { "people[].uri", N_("an author’s web address") },
  { "subjects[].uri", N_("a tag’s vocabulary URI or code") },
  { "associations[].uri", N_("the lead image’s address or the image base URL") },
  { "associations[].renditions[].href", N_("the lead image’s address or the image base URL") },
};

static const char *
describe_source (const char *pattern)
{
  return cd_export_describe_source (sources, G_N_ELEMENTS (sources), pattern);
}

/* Checks every date-time and URI member; see cd_export_check_document(). */
static gboolean
check_member (JsonObject  *object,
              const char  *name,
              const char  *value,
              const char  *path,
              const char  *pattern,
              gpointer     user_data,
              GError     **error)
{
  static const char * const uri_members[] = { "uri", "href", "schema", NULL };
  static const char * const date_members[] = {
    "firstcreated", "versioncreated", "contentcreated", "embargoed", "expires", NULL
  };

  if (g_strv_contains (uri_members, name) &&
      (value == NULL || !cd_url_is_absolute_uri (value)))
    {
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                   _("Cannot export ninjs: “%s” would be “%s”, which is not an "
                     "absolute URI such as https://example.com/… or urn:uuid:…. "
                     "Correct %s."),
                   path, value != NULL ? value : "", describe_source (pattern));
      return FALSE;
    }

  if (g_strv_contains (date_members, name) &&
      (value == NULL || !cd_export_is_rfc3339_date_time (value)))
    {
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                   _("Cannot export ninjs: “%s” would be “%s”, which is not an "
                     "RFC 3339 date and time with an offset. Correct %s."),
                   path, value != NULL ? value : "", describe_source (pattern));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_document (JsonNode  *root,
                GError   **error)
{
  /* `uri` is the one member ninjs requires. */
  if (!json_object_has_member (json_node_get_object (root), "uri"))
    {
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                   _("Cannot export ninjs: the article has no id, and ninjs requires one "
                     "as its “uri”. Save the article as a Copydesk file, which gives it "
                     "one."));
      return FALSE;
    }

  return cd_export_check_document (root, check_member, NULL, error);
}

static GBytes *
cd_ninjs_exporter_export (CdExporter             *exporter,
                          CdArticle              *article,
                          const CdExportOptions  *options,
                          GError                **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_assert (CD_IS_NINJS_EXPORTER (exporter));
  g_assert (CD_IS_ARTICLE (article));
  g_assert (options != NULL);

  root = build_document (article, options);
  if (!check_document (root, error))
    return NULL;

  return cd_export_json_to_bytes (root);
}

static void
exporter_iface_init (CdExporterInterface *iface)
{
  iface->id = "ninjs";
  iface->name = N_("ninjs 2.2 (IPTC)");
  iface->extension = "json";
  iface->mime_type = "application/json";
  iface->export = cd_ninjs_exporter_export;
}

static void
cd_ninjs_exporter_class_init (CdNinjsExporterClass *klass)
{
}

static void
cd_ninjs_exporter_init (CdNinjsExporter *self)
{
}
