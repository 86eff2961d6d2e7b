/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-jsonld"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-export-jsonld.h"
#include "cd-export-private.h"
#include "cd-article-file.h"
#include "cd-markdown.h"
#include "cd-text.h"
#include "cd-url.h"

/* schema.org NewsArticle as JSON-LD: the structured data a search engine
 * reads from an article page, and a plain description of the article for
 * any consumer of schema.org.
 *
 * An optional member whose value would be empty (a blank string, an empty
 * array) is left out rather than written empty. The members are written in
 * this order:
 *
 *   @context, @type, @id, headline, description, inLanguage, dateCreated,
 *   datePublished, dateModified, dateline, articleSection,
 *   creativeWorkStatus, author, keywords, about, image, wordCount,
 *   articleBody
 *
 * and the image's as: @type, url, contentUrl, caption, description,
 * creditText, copyrightNotice, creator, width, height.
 *
 * Decisions where schema.org and the article do not match one to one:
 *
 * - `@id` is the article id (`urn:uuid:…`), which names the article
 *   wherever it is published. `url` is left out: Copydesk does not know
 *   the address the CMS will give the article.
 * - Google's Article structured data recommends headline, image,
 *   datePublished, dateModified and author (with name and url): each is
 *   written whenever the article has it. `publisher`, `mainEntityOfPage`
 *   and `isAccessibleForFree` are left out, since the article does not
 *   know them, and nothing is guessed.
 * - created → `dateCreated`, published → `datePublished`, modified →
 *   `dateModified`, all RFC 3339 with "Z" or an offset. schema.org has no
 *   embargo, so the embargo is not exported; the slug, the editor's note
 *   (a note for the desk, never public), the comments switch and the
 *   authors' e-mail addresses are not exported either.
 * - `creativeWorkStatus` uses the terms schema.org gives as examples:
 *   draft and in-review are "Draft"; approved and published are
 *   "Published" (an approved article is exported to be published, as the
 *   ninjs export marks it usable); killed is "Obsolete", the one term that
 *   says the work must no longer be used.
 * - Each author with a name is a Person with `name`, `url` (the author's
 *   web address) and `jobTitle` (the author's role). `author` is always an
 *   array, one author or several. schema.org has no byline: the names, in
 *   order and as the byline shows them, joined with the words of the
 *   article's language (cd_byline_for_names()), give the article's byline.
 * - `keywords` is an array of every tag's name: a comma-separated string
 *   would break a name that holds a comma. An IPTC Media Topic tag is also
 *   an `about` Thing with its `name`, its concept URI
 *   http://cv.iptc.org/newscodes/mediatopic/<code> as `sameAs` and its
 *   code medtop:<code> as `identifier`. Tags of other vocabularies stay
 *   keywords, since their URI may name the vocabulary rather than the
 *   concept.
 * - `articleBody` is the body's plain text (cd_markdown_to_plain_text())
 *   and `wordCount` the number of its words as cd_text_count() counts
 *   them: the numbers the editor shows.
 * - The lead image is an ImageObject whose `url` and `contentUrl` are the
 *   image's absolute URL; `caption` is the caption, `creditText` the
 *   credit line, `copyrightNotice` the copyright line and `creator` the
 *   photographer, as a Person. These are the members Google reads for an
 *   image's licence details.
 * - The alt text is the ImageObject's `description`. schema.org has no
 *   member named for a text alternative; `description` ("a description of
 *   the item") is the one whose meaning it fits: alt text describes what
 *   the picture shows for someone who cannot see it, while `caption` is
 *   the caption a reader sees and `accessibilitySummary` describes the
 *   accessibility of a work, not its content. Alt text is public (it is in
 *   the page's HTML), so nothing internal is given away.
 * - `width` and `height` are the image's size in pixels, read from the
 *   header of an image on disk (a remote image is never fetched to learn
 *   it). schema.org's range for them is Distance or QuantitativeValue, not
 *   a bare number, so each is a QuantitativeValue with `value` and
 *   `unitCode` E37, UN/CEFACT's code for a pixel.
 * - The image's URL is absolute whenever one is known: an https URL, or
 *   the image base URL and the file name, also in a bundle when the
 *   options give a base URL. In a bundle without one the image is a file
 *   beside the export and has no absolute URL; its `url` and `contentUrl`
 *   are then its file name, a relative reference that JSON-LD resolves
 *   against the document's own address.
 *
 * The text is JSON as cd_json_to_string() writes it. It is not escaped for
 * a <script> element: whoever embeds it in a page must escape "</".
 *
 * Before returning, the exporter checks every address that comes from the
 * user: `@id` must be an absolute URI, and each author's `url`, each
 * `sameAs` and the image's address an absolute http or https URL, since a
 * relative or malformed one would be resolved against the page and point
 * somewhere else. */

#define SCHEMA_ORG_CONTEXT "https://schema.org"

struct _CdJsonldExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdJsonldExporter, cd_jsonld_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

static const char *
work_status_for_status (CdArticleStatus status)
{
  switch (status)
    {
    case CD_ARTICLE_STATUS_APPROVED:
    case CD_ARTICLE_STATUS_PUBLISHED:
      return "Published";

    case CD_ARTICLE_STATUS_KILLED:
      return "Obsolete";

    case CD_ARTICLE_STATUS_DRAFT:
    case CD_ARTICLE_STATUS_IN_REVIEW:
    default:
      return "Draft";
    }
}

static JsonObject *
new_typed_object (const char *type)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "@type", type);
  return object;
}

static JsonArray *
build_authors (CdArticle  *article,
               GError    **error)
{
  GListModel *authors = cd_article_get_authors (article);
  g_autoptr(JsonArray) people = json_array_new ();
  guint n = g_list_model_get_n_items (authors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      const char *name = cd_author_get_name (author);
      const char *url = cd_author_get_url (author);
      g_autofree char *stripped = NULL;
      JsonObject *person;

      /* A Person without a name tells a reader nothing. */
      if (cd_text_is_blank (name))
        continue;

      if (!cd_text_is_blank (url) && !cd_url_is_web_address (url))
        {
          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                       _("Cannot export JSON-LD: the web address of author %u, %s, is "
                         "“%s”, which is not an absolute http or https address such as "
                         "https://example.com/…. Correct it in the author’s details."),
                       i + 1, name, url);
          return NULL;
        }

      person = new_typed_object ("Person");
      stripped = g_strstrip (g_strdup (name));
      json_object_set_string_member (person, "name", stripped);
      cd_export_set_string (person, "url", url);
      cd_export_set_string (person, "jobTitle", cd_author_get_role (author));
      json_array_add_object_element (people, person);
    }

  return g_steal_pointer (&people);
}

static JsonArray *
build_keywords (CdArticle *article)
{
  GListModel *tags = cd_article_get_tags (article);
  JsonArray *keywords = json_array_new ();
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      const char *name = cd_tag_get_name (tag);

      if (!cd_text_is_blank (name))
        json_array_add_string_element (keywords, name);
    }

  return keywords;
}

static JsonArray *
build_about (CdArticle  *article,
             GError    **error)
{
  GListModel *tags = cd_article_get_tags (article);
  g_autoptr(JsonArray) about = json_array_new ();
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      const char *code = cd_tag_get_code (tag);
      g_autofree char *uri = NULL;
      JsonObject *thing;

      if (!cd_tag_is_media_topic (tag))
        continue;

      uri = cd_export_media_topic_uri (code);
      if (!cd_url_is_web_address (uri))
        {
          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                       _("Cannot export JSON-LD: the Media Topic code “%s” of the tag "
                         "“%s” does not make a valid address. Choose the tag again from "
                         "the Media Topics list."),
                       code, cd_tag_get_name (tag));
          return NULL;
        }

      thing = new_typed_object ("Thing");
      cd_export_set_string (thing, "name", cd_tag_get_name (tag));
      json_object_set_string_member (thing, "sameAs", uri);
      json_object_set_string_member (thing, "identifier", code);
      json_array_add_object_element (about, thing);
    }

  return g_steal_pointer (&about);
}

/* A length in pixels, as a QuantitativeValue; see the top of this file. */
static JsonObject *
new_pixels (guint pixels)
{
  JsonObject *value = new_typed_object ("QuantitativeValue");

  json_object_set_int_member (value, "value", pixels);
  json_object_set_string_member (value, "unitCode", "E37");
  return value;
}

static JsonObject *
build_image (CdArticle              *article,
             const CdExportOptions  *options,
             GError                **error)
{
  CdImage *image = cd_article_get_image (article);
  g_autofree char *absolute = cd_export_dup_absolute_image_href (article, options);
  const char *href = absolute != NULL ? absolute : options->image_href;
  const char *photographer = cd_image_get_photographer (image);
  gboolean relative = absolute == NULL &&
                      options->image_mode == CD_EXPORT_IMAGE_BUNDLE && !cd_image_is_remote (image);
  JsonObject *object;

  /* A bundle's image is a file beside the export: see the top of this file. */
  if (!relative && !cd_url_is_web_address (href))
    {
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                   _("Cannot export JSON-LD: the lead image’s address “%s” is not an "
                     "absolute http or https address. Correct the image’s source or the "
                     "image base URL."),
                   href);
      return NULL;
    }

  object = new_typed_object ("ImageObject");
  json_object_set_string_member (object, "url", href);
  json_object_set_string_member (object, "contentUrl", href);
  cd_export_set_string (object, "caption", cd_image_get_caption (image));
  cd_export_set_string (object, "description", cd_image_get_alt (image));
  cd_export_set_string (object, "creditText", cd_image_get_credit (image));
  cd_export_set_string (object, "copyrightNotice", cd_image_get_copyright (image));

  if (!cd_text_is_blank (photographer))
    {
      JsonObject *creator = new_typed_object ("Person");

      json_object_set_string_member (creator, "name", photographer);
      json_object_set_object_member (object, "creator", creator);
    }

  if (options->image_width > 0 && options->image_height > 0)
    {
      json_object_set_object_member (object, "width", new_pixels (options->image_width));
      json_object_set_object_member (object, "height", new_pixels (options->image_height));
    }

  return object;
}

static JsonNode *
build_document (CdArticle              *article,
                const CdExportOptions  *options,
                GError                **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  const char *id = cd_article_get_id (article);
  /* Readers' text only: no suggestion or review comment leaves the file. */
  g_autofree char *body = cd_article_dup_reader_body (article);
  JsonArray *authors;
  JsonArray *about;
  JsonNode *node;

  json_object_set_string_member (root, "@context", SCHEMA_ORG_CONTEXT);
  json_object_set_string_member (root, "@type", "NewsArticle");

  if (!cd_text_is_blank (id))
    {
      if (!cd_url_is_absolute_iri (id))
        {
          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                       _("Cannot export JSON-LD: the article id “%s” is not an absolute "
                         "URI such as urn:uuid:…. Save the article as a new Copydesk "
                         "file to give it one."),
                       id);
          return NULL;
        }
      json_object_set_string_member (root, "@id", id);
    }

  cd_export_set_string (root, "headline", cd_article_get_headline (article));
  cd_export_set_string (root, "description", cd_article_get_standfirst (article));
  cd_export_set_string (root, "inLanguage", cd_article_get_language (article));
  cd_export_set_date (root, "dateCreated", cd_article_get_created (article));
  cd_export_set_date (root, "datePublished", cd_article_get_published (article));
  cd_export_set_date (root, "dateModified", cd_article_get_modified (article));
  cd_export_set_string (root, "dateline", cd_article_get_dateline (article));
  cd_export_set_string (root, "articleSection", cd_article_get_section (article));
  json_object_set_string_member (root, "creativeWorkStatus",
                                 work_status_for_status (cd_article_get_status (article)));

  authors = build_authors (article, error);
  if (authors == NULL)
    return NULL;
  cd_export_set_array (root, "author", authors);

  cd_export_set_array (root, "keywords", build_keywords (article));

  about = build_about (article, error);
  if (about == NULL)
    return NULL;
  cd_export_set_array (root, "about", about);

  if (options->image_href != NULL)
    {
      JsonObject *image = build_image (article, options, error);

      if (image == NULL)
        return NULL;
      json_object_set_object_member (root, "image", image);
    }

  if (!cd_text_is_blank (body))
    {
      g_autofree char *plain = cd_markdown_to_plain_text (body, -1);
      CdTextCounts counts;

      cd_text_count (plain, -1, &counts);
      json_object_set_int_member (root, "wordCount", (gint64) counts.words);
      json_object_set_string_member (root, "articleBody", plain);
    }

  /* schema.org's `correction`: one CorrectionComment per entry of the log. */
  if (g_list_model_get_n_items (cd_article_get_corrections (article)) > 0)
    {
      GListModel *corrections = cd_article_get_corrections (article);
      JsonArray *items = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (corrections); i++)
        {
          g_autoptr(CdCorrection) correction = g_list_model_get_item (corrections, i);
          g_autofree char *date = cd_date_time_to_string (cd_correction_get_date (correction));
          JsonObject *item = json_object_new ();

          json_object_set_string_member (item, "@type", "CorrectionComment");
          json_object_set_string_member (item, "text", cd_correction_get_text (correction));
          json_object_set_string_member (item, "datePublished", date);
          json_array_add_object_element (items, item);
        }
      json_object_set_array_member (root, "correction", items);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&root));
  return node;
}

static GBytes *
cd_jsonld_exporter_export (CdExporter             *exporter,
                           CdArticle              *article,
                           const CdExportOptions  *options,
                           GError                **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_assert (CD_IS_JSONLD_EXPORTER (exporter));
  g_assert (CD_IS_ARTICLE (article));
  g_assert (options != NULL);

  root = build_document (article, options, error);
  if (root == NULL)
    return NULL;

  return cd_export_json_to_bytes (root);
}

static void
exporter_iface_init (CdExporterInterface *iface)
{
  iface->id = "jsonld";
  iface->name = N_("schema.org NewsArticle (JSON-LD)");
  iface->extension = "jsonld";
  iface->mime_type = "application/ld+json";
  iface->export = cd_jsonld_exporter_export;
}

static void
cd_jsonld_exporter_class_init (CdJsonldExporterClass *klass)
{
}

static void
cd_jsonld_exporter_init (CdJsonldExporter *self)
{
}
