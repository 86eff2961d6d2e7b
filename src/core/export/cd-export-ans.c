/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-ans"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-export-ans-private.h"
#include "cd-text.h"
#include "cd-url.h"

/* Arc XP's ANS (Arc Native Specification) 0.10.12, a `story`.
 *
 * The story schema allows no top-level member it does not name, and most
 * element schemas (text, header, list, image, code, divider, raw_html)
 * allow none either, so only the members below are written. An optional
 * member whose value would be empty (a blank string, an empty array or
 * object) is left out. The top-level members are written in this order:
 *
 *   type, version, _id, source, language, created_date, last_updated_date,
 *   first_publish_date, display_date, status, workflow,
 *   content_restrictions, slug, location, headlines, subheadlines,
 *   description, credits, planning, comments, taxonomy, promo_items,
 *   content_elements
 *
 * Decisions where ANS and the article do not match one to one:
 *
 * - `_id`: the schema takes any string, but the ids Arc XP makes are 26
 *   upper-case letters and digits, which a `urn:uuid:` (45 characters,
 *   with colons and hyphens) is not. The article's UUID is 16 bytes, which
 *   RFC 4648 base32 (A–Z, 2–7) encodes in exactly 26 characters without
 *   padding, so `_id` is that encoding: the same article always has the
 *   same `_id`, and the UUID can be read back from it. An id that is not a `urn:uuid:` is hashed
 *   (SHA-256, first 16 bytes) instead. The article id itself is kept as
 *   `source.source_id`, with `source.system` "Copydesk".
 * - Every element the exporter writes (content elements, the blocks of a
 *   quote, list items, table cells, the lead image) has an `_id` of the
 *   same shape: the first 16 bytes of the SHA-256 of the article id, a
 *   newline and the element's path in the document
 *   ("content_elements/3/items/1"). Ids are unique in a story, the same
 *   on every export, and never depend on the time.
 * - `status` is the article's status as Copydesk names it (draft,
 *   in-review, approved, published, killed): ANS leaves its values to the
 *   newsroom. `workflow.status_code` (an integer of at least 1, "to match
 *   the values configured in WebSked") is the status's place in Copydesk's
 *   workflow: 1 draft, 2 in review, 3 approved, 4 published, 5 killed. A
 *   site whose WebSked numbers differ maps them on import.
 * - created → `created_date`, modified → `last_updated_date`, published →
 *   `first_publish_date` and `display_date`. An embargo is
 *   `content_restrictions.embargo` {active: true, end_time}: 0.10.12's
 *   embargo is an object that requires `active`, and the article's embargo
 *   is the time until which it must not go live, which is `end_time`.
 *   `active` is always true: whether the embargo has passed is for the CMS
 *   to decide at publishing time, and an export never depends on "now".
 * - Standfirst → `subheadlines.basic` and `description.basic`; dateline →
 *   `location`; comments → `comments.allow_comments`.
 * - The editor's note is for the desk and never for readers, so it is
 *   `planning.internal_note` ("shared communication inside the
 *   newsroom"). ANS's `editor_note` is the opposite: "additional
 *   information to be displayed near the content", and is never written.
 * - Authors are `credits.by` entries of type "author" with `name`,
 *   `byline`, `role` and `url`. An author with a blank name is left out,
 *   since ANS requires a name.
 * - The byline: ANS has no byline of the whole story, and an author's
 *   `byline` is "the public-facing name" of that one author. So it is the
 *   name exactly as the article's byline shows it (stripped, without "By"
 *   or joiners, and without the role, which is `role`), and the rule that
 *   holds for every export is: joining the `credits.by[].byline` values
 *   with the words of the story's language (cd_byline_for_names()) gives
 *   the article's byline, the same string as ninjs `by`, WordPress's
 *   `copydesk_byline` and the page's byline. The e-mail address is not exported: it is the
 *   desk's contact, and no other export publishes it either.
 * - Tags are `taxonomy.tags` {text, slug} with the slug made by
 *   cd_text_slugify(); a name that has no ASCII slug (Greek, Japanese …)
 *   has no `slug`. A tag from a vocabulary keeps its URI and code in the
 *   tag's `additional_properties` (an IPTC Media Topic: uri
 *   http://cv.iptc.org/newscodes/mediatopic/<code>, code medtop:<code>).
 * - The lead image is `promo_items.basic`, an ANS image (which requires
 *   `version`) with `url` (the reference cd_export_resolve_image() chose),
 *   `width` and `height` (its pixel size, for an image on disk, read from
 *   the file's header), `caption`, `alt_text` and `copyright`.
 * - The image's credits: ANS credits are author objects, whose type is
 *   always "author" and whose `name` is "the full human name", so they
 *   hold people only. `credits.by` ("for an image, it is the
 *   photographer") is the photographer. The credit line is text as shown
 *   ("Photo: Owen Clarke", "Reuters"), not a person: when it names the
 *   photographer, it is how that person is credited, so it is the
 *   photographer's `byline` in `vanity_credits.by` (the schema's place
 *   for how credits are presented); otherwise it names who the picture
 *   comes from, which is the image's `distributor.name` ("the
 *   human-readable name of the distributor of this content. E.g.,
 *   Reuters"). A credit line equal to the photographer's name adds
 *   nothing.
 * - The body becomes typed `content_elements`, one per top-level Markdown
 *   block (cd_markdown_to_blocks()): a paragraph is `text` and a heading
 *   `header` with its `level`, both with the inline HTML of the preview as
 *   `content`. A list is `list` with `list_type` ordered or unordered and
 *   one `text` item per list item (an item holding more than one
 *   paragraph or a nested list keeps that HTML); an ordered list that does
 *   not start at 1 keeps its first number in `additional_properties.start`.
 *   A quote is `quote` with `content_elements`: a quoted paragraph is
 *   `text`, anything richer (a nested quote, a list) `raw_html` with its
 *   HTML. A code block is `code` with its text and `language`, which ANS
 *   requires: "plaintext" when the fence names none. A thematic break is
 *   `divider`.
 * - A table is ANS 0.10.12's `table`: `header` and `rows` of `text`
 *   elements holding each cell's inline HTML. (ANS's validator recurses
 *   into `rows` only for the older table_row types, not for `table`.) The
 *   columns' alignment has no place in it and is left out.
 * - A paragraph holding one image only is an ANS `image` element with
 *   `url`, `caption` (the Markdown title) and `alt_text`. An http or https
 *   URL is kept. A relative reference is a file beside the article, and is
 *   treated like a local lead image: with an image base URL it becomes the
 *   base URL and the file name, in a bundle the file name alone, and with
 *   neither the export fails, so that an export never points at the
 *   author's disk. An image whose URL names no file (mailto:, a fragment)
 *   becomes a `text` element of its alt text, which is all a browser shows
 *   of it. Images inside a paragraph stay in its HTML as they are.
 *
 * Before returning, the exporter checks the finished document: every
 * date-time must be RFC 3339 with "Z" or an offset, and every `url` an
 * absolute URL (in a bundle, an image's may be its file name), since the
 * Python validators commonly used do not check `format`.
 *
 * This file builds the story around the body and checks it; the body's
 * content elements and the ids are built in cd-export-ans-content.c. */

#define SOURCE_SYSTEM    "Copydesk"

struct _CdAnsExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdAnsExporter, cd_ans_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

/* Takes @value; an empty object is dropped instead of being written. */
static void
set_object (JsonObject *object,
            const char *member,
            JsonObject *value)
{
  if (json_object_get_size (value) > 0)
    json_object_set_object_member (object, member, value);
  else
    json_object_unref (value);
}

/* A dictionary trait ({"basic": …}), left out when @value is blank. */
static void
set_basic (JsonObject *object,
           const char *member,
           const char *value)
{
  JsonObject *dictionary = json_object_new ();

  cd_export_set_string (dictionary, "basic", value);
  set_object (object, member, dictionary);
}

static gint64
status_code (CdArticleStatus status)
{
  switch (status)
    {
    case CD_ARTICLE_STATUS_DRAFT:
      return 1;
    case CD_ARTICLE_STATUS_IN_REVIEW:
      return 2;
    case CD_ARTICLE_STATUS_APPROVED:
      return 3;
    case CD_ARTICLE_STATUS_PUBLISHED:
      return 4;
    case CD_ARTICLE_STATUS_KILLED:
      return 5;
    default:
      g_assert_not_reached ();
      return 1;
    }
}

static JsonObject *
new_author (const char *name)
{
  JsonObject *author = json_object_new ();

  json_object_set_string_member (author, "type", "author");
  json_object_set_string_member (author, "name", name);
  return author;
}

/* {by: [one author named @name]}, empty when @name is blank. */
static JsonObject *
credits_for (const char *name)
{
  JsonObject *credits = json_object_new ();
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (stripped[0] != '\0')
    {
      JsonArray *by = json_array_new ();

      json_array_add_object_element (by, new_author (stripped));
      json_object_set_array_member (credits, "by", by);
    }

  return credits;
}

static JsonObject *
build_credits (CdArticle *article)
{
  GListModel *authors = cd_article_get_authors (article);
  JsonObject *credits = json_object_new ();
  JsonArray *by = json_array_new ();
  guint n = g_list_model_get_n_items (authors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      g_autofree char *name = g_strstrip (g_strdup (cd_author_get_name (author)));
      JsonObject *entry;

      /* ANS requires a name; the byline leaves blank names out too. */
      if (name[0] == '\0')
        continue;

      entry = new_author (name);
      json_object_set_string_member (entry, "byline", name);
      cd_export_set_string (entry, "role", cd_author_get_role (author));
      cd_export_set_string (entry, "url", cd_author_get_url (author));
      json_array_add_object_element (by, entry);
    }

  cd_export_set_array (credits, "by", by);
  return credits;
}

/* {internal_note}: the editor's note; see the top of this file. */
static JsonObject *
build_planning (CdArticle *article)
{
  JsonObject *planning = json_object_new ();

  cd_export_set_string (planning, "internal_note", cd_article_get_editor_note (article));
  return planning;
}

static JsonObject *
build_taxonomy (CdArticle *article)
{
  GListModel *tags = cd_article_get_tags (article);
  JsonObject *taxonomy = json_object_new ();
  JsonArray *array = json_array_new ();
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      const char *name = cd_tag_get_name (tag);
      g_autofree char *slug = NULL;
      JsonObject *entry;
      JsonObject *additional;

      if (cd_text_is_blank (name))
        continue;

      entry = json_object_new ();
      json_object_set_string_member (entry, "text", name);
      slug = cd_text_slugify (name);
      cd_export_set_string (entry, "slug", slug);

      additional = json_object_new ();
      if (cd_tag_is_media_topic (tag))
        {
          const char *code = cd_tag_get_code (tag);
          g_autofree char *uri = cd_export_media_topic_uri (code);

          json_object_set_string_member (additional, "uri", uri);
          json_object_set_string_member (additional, "code", code);
        }
      else
        {
          cd_export_set_string (additional, "uri", cd_tag_get_uri (tag));
          cd_export_set_string (additional, "code", cd_tag_get_code (tag));
        }
      set_object (entry, "additional_properties", additional);

      json_array_add_object_element (array, entry);
    }

  cd_export_set_array (taxonomy, "tags", array);
  return taxonomy;
}

static JsonObject *
build_promo_image (const Builder *builder,
                   CdArticle     *article)
{
  CdImage *image = cd_article_get_image (article);
  JsonObject *promo = cd_export_ans_new_element (builder, "image", "promo_items/basic");
  const char *photographer = cd_image_get_photographer (image);
  const char *credit = cd_image_get_credit (image);

  g_autofree char *stripped_photographer = g_strstrip (g_strdup (photographer != NULL
                                                                 ? photographer : ""));
  g_autofree char *stripped_credit = g_strstrip (g_strdup (credit != NULL ? credit : ""));
  const CdExportOptions *options = builder->options;

  json_object_set_string_member (promo, "version", ANS_VERSION);
  json_object_set_string_member (promo, "url", options->image_href);
  if (options->image_width > 0 && options->image_height > 0)
    {
      json_object_set_int_member (promo, "width", options->image_width);
      json_object_set_int_member (promo, "height", options->image_height);
    }
  cd_export_set_string (promo, "caption", cd_image_get_caption (image));
  cd_export_set_string (promo, "alt_text", cd_image_get_alt (image));

  /* Credits of type "author" are people: the photographer. See the top of
   * this file for the credit line. */
  set_object (promo, "credits", credits_for (stripped_photographer));

  if (stripped_credit[0] != '\0' && !g_str_equal (stripped_credit, stripped_photographer))
    {
      if (stripped_photographer[0] != '\0' &&
          strstr (stripped_credit, stripped_photographer) != NULL)
        {
          g_autoptr(JsonObject) vanity = credits_for (stripped_photographer);
          JsonObject *person = json_array_get_object_element (json_object_get_array_member (vanity,
                                                                                            "by"),
                                                              0);

          json_object_set_string_member (person, "byline", stripped_credit);
          set_object (promo, "vanity_credits", g_steal_pointer (&vanity));
        }
      else
        {
          JsonObject *distributor = json_object_new ();

          json_object_set_string_member (distributor, "name", stripped_credit);
          json_object_set_object_member (promo, "distributor", distributor);
        }
    }

  cd_export_set_string (promo, "copyright", cd_image_get_copyright (image));
  return promo;
}

static JsonNode *
build_document (CdArticle              *article,
                const CdExportOptions  *options,
                GError                **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  const char *article_id = cd_article_get_id (article);
  Builder builder = { options, article_id != NULL ? article_id : "" };
  CdArticleStatus status = cd_article_get_status (article);
  GDateTime *published = cd_article_get_published (article);
  GDateTime *embargo = cd_article_get_embargo (article);
  JsonObject *source;
  JsonObject *workflow;
  JsonObject *comments;
  JsonArray *content_elements;
  JsonNode *node;

  content_elements = cd_export_ans_build_content_elements (&builder, article, error);
  if (content_elements == NULL)
    return NULL;

  json_object_set_string_member (root, "type", "story");
  json_object_set_string_member (root, "version", ANS_VERSION);

  if (!cd_text_is_blank (article_id))
    {
      g_autofree char *id = cd_export_ans_story_id (article_id);

      json_object_set_string_member (root, "_id", id);
    }

  source = json_object_new ();
  cd_export_set_string (source, "source_id", article_id);
  json_object_set_string_member (source, "system", SOURCE_SYSTEM);
  json_object_set_object_member (root, "source", source);

  cd_export_set_string (root, "language", cd_article_get_language (article));
  cd_export_set_date (root, "created_date", cd_article_get_created (article));
  cd_export_set_date (root, "last_updated_date", cd_article_get_modified (article));
  cd_export_set_date (root, "first_publish_date", published);
  cd_export_set_date (root, "display_date", published);

  json_object_set_string_member (root, "status", cd_article_status_to_string (status));
  workflow = json_object_new ();
  json_object_set_int_member (workflow, "status_code", status_code (status));
  json_object_set_object_member (root, "workflow", workflow);

  if (embargo != NULL)
    {
      JsonObject *restrictions = json_object_new ();
      JsonObject *embargo_object = json_object_new ();

      json_object_set_boolean_member (embargo_object, "active", TRUE);
      cd_export_set_date (embargo_object, "end_time", embargo);
      json_object_set_object_member (restrictions, "embargo", embargo_object);
      json_object_set_object_member (root, "content_restrictions", restrictions);
    }

  cd_export_set_string (root, "slug", cd_article_get_slug (article));
  cd_export_set_string (root, "location", cd_article_get_dateline (article));
  set_basic (root, "headlines", cd_article_get_headline (article));
  set_basic (root, "subheadlines", cd_article_get_standfirst (article));
  set_basic (root, "description", cd_article_get_standfirst (article));
  set_object (root, "credits", build_credits (article));
  set_object (root, "planning", build_planning (article));

  comments = json_object_new ();
  json_object_set_boolean_member (comments, "allow_comments", cd_article_get_comments (article));
  json_object_set_object_member (root, "comments", comments);

  set_object (root, "taxonomy", build_taxonomy (article));

  if (options->image_href != NULL)
    {
      JsonObject *promo_items = json_object_new ();

      json_object_set_object_member (promo_items, "basic", build_promo_image (&builder, article));
      json_object_set_object_member (root, "promo_items", promo_items);
    }

  cd_export_set_array (root, "content_elements", content_elements);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&root));
  return node;
}

/* Whether @text holds only characters a URI may hold, with valid percent
 * escapes; @allowed lists the punctuation allowed besides letters and
 * digits. */
static gboolean
has_uri_characters (const char *text,
                    const char *allowed)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%')
        {
          if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
            return FALSE;
          p += 2;
        }
      else if (!g_ascii_isalnum (*p) && strchr (allowed, *p) == NULL)
        {
          return FALSE;
        }
    }

  return TRUE;
}

/* An absolute URI as RFC 3986 defines it (cd_url_is_absolute_uri()),
 * which here may not end with a colon. */
static gboolean
is_absolute_uri (const char *text)
{
  return cd_url_is_absolute_uri (text) && !g_str_has_suffix (text, ":");
}

/* A bundle's image: a file name beside the export, as a relative URI
 * reference of one path segment. */
static gboolean
is_bundle_file_name (const char *text)
{
  return text[0] != '\0' &&
         !g_str_equal (text, ".") && !g_str_equal (text, "..") &&
         has_uri_characters (text, "-._~!$&'()*+,;=@");
}

/* Which article field a member of the document comes from, for messages. */
static const CdExportSource sources[] = {
  { "created_date", N_("the creation date") },
  { "last_updated_date", N_("the modification date") },
  { "first_publish_date", N_("the publication date") },
  { "display_date", N_("the publication date") },
  { "content_restrictions.embargo.end_time", N_("the embargo") },
  { "credits.by[].url", N_("an author’s web address") },
  { "promo_items.basic.url", N_("the lead image’s address or the image base URL") },
  { "content_elements[].url", N_("the address of an image in the body or the image base URL") },
};

static const char *
describe_source (const char *pattern)
{
  return cd_export_describe_source (sources, G_N_ELEMENTS (sources), pattern);
}

/* Checks every date-time and URL member; see cd_export_check_document().
 * @user_data is the CdExportOptions. */
static gboolean
check_member (JsonObject  *object,
              const char  *name,
              const char  *value,
              const char  *path,
              const char  *pattern,
              gpointer     user_data,
              GError     **error)
{
  static const char * const date_members[] = {
    "created_date", "last_updated_date", "first_publish_date", "display_date",
    "publish_date", "end_time", NULL
  };
  const CdExportOptions *options = user_data;

  if (g_str_equal (name, "url"))
    {
      const char *type = json_object_get_string_member_with_default (object, "type", "");
      gboolean is_image = g_str_equal (type, "image");

      if (value == NULL ||
          !(is_absolute_uri (value) ||
            (is_image && options->image_mode == CD_EXPORT_IMAGE_BUNDLE &&
             is_bundle_file_name (value))))
        {
          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                       _("Cannot export ANS: “%s” would be “%s”, which is not an "
                         "absolute URL such as https://example.com/…. Correct %s."),
                       path, value != NULL ? value : "", describe_source (pattern));
          return FALSE;
        }
    }

  if (g_strv_contains (date_members, name) &&
      (value == NULL || !cd_export_is_rfc3339_date_time (value)))
    {
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                   _("Cannot export ANS: “%s” would be “%s”, which is not an "
                     "RFC 3339 date and time with an offset. Correct %s."),
                   path, value != NULL ? value : "", describe_source (pattern));
      return FALSE;
    }

  return TRUE;
}

static GBytes *
cd_ans_exporter_export (CdExporter             *exporter,
                        CdArticle              *article,
                        const CdExportOptions  *options,
                        GError                **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_assert (CD_IS_ANS_EXPORTER (exporter));
  g_assert (CD_IS_ARTICLE (article));
  g_assert (options != NULL);

  root = build_document (article, options, error);
  if (root == NULL)
    return NULL;

  if (!cd_export_check_document (root, check_member, (gpointer) options, error))
    return NULL;

  return cd_export_json_to_bytes (root);
}

static void
exporter_iface_init (CdExporterInterface *iface)
{
  iface->id = "ans";
  iface->name = N_("Arc ANS 0.10.12 story");
  iface->extension = "json";
  iface->mime_type = "application/json";
  iface->export = cd_ans_exporter_export;
}

static void
cd_ans_exporter_class_init (CdAnsExporterClass *klass)
{
}

static void
cd_ans_exporter_init (CdAnsExporter *self)
{
}
