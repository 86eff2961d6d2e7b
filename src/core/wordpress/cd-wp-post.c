/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The post Copydesk sends to WordPress's REST API, and a post read back
 * from it turned into an article. The `wordpress` exporter and the
 * publisher both build the post here, so that a file exported for a script
 * and a post published from the window never disagree. Comparing posts is
 * in cd-wp-compare.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-wp-post"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-html-markdown.h"
#include "cd-language.h"
#include "cd-limits.h"
#include "cd-markdown.h"
#include "cd-text.h"
#include "cd-url.h"
#include "cd-wp-blocks.h"
#include "cd-wp-post-private.h"

/**
 * cd_wp_post_status_for_article:
 * @article: a #CdArticle
 *
 * The post status for the article's workflow status: draft → "draft",
 * in-review → "pending", approved and published → "publish", or "future"
 * when the article has an embargo, so that WordPress holds it until then;
 * killed → "draft", which takes a post that is online off the site, as
 * WordPress's own "Switch to draft" does.
 *
 * Returns: (transfer none): the status
 */
const char *
cd_wp_post_status_for_article (CdArticle *article)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  switch (cd_article_get_status (article))
    {
    case CD_ARTICLE_STATUS_IN_REVIEW:
      return "pending";

    case CD_ARTICLE_STATUS_APPROVED:
    case CD_ARTICLE_STATUS_PUBLISHED:
      return cd_article_get_embargo (article) != NULL ? "future" : "publish";

    case CD_ARTICLE_STATUS_DRAFT:
    case CD_ARTICLE_STATUS_KILLED:
    default:
      return "draft";
    }
}

/**
 * cd_wp_post_date_gmt:
 * @article: a #CdArticle
 *
 * When the post is to appear, as WordPress's `date_gmt`: the publication
 * time, or the embargo when that is later (or when there is no publication
 * time), so that a post never goes out before its embargo. It is in UTC
 * without an offset, rounded up to the second, since WordPress keeps whole
 * seconds and rounding down could put the post a fraction of a second
 * before its embargo.
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DDTHH:MM:SS", or %NULL when
 *   the article has neither time
 */
char *
cd_wp_post_date_gmt (CdArticle *article)
{
  GDateTime *published;
  GDateTime *embargo;
  GDateTime *when;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) rounded = NULL;
  int usec;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  published = cd_article_get_published (article);
  embargo = cd_article_get_embargo (article);
  if (published == NULL)
    when = embargo;
  else if (embargo == NULL)
    when = published;
  else
    when = g_date_time_compare (embargo, published) > 0 ? embargo : published;

  if (when == NULL)
    return NULL;

  utc = g_date_time_to_utc (when);
  usec = g_date_time_get_microsecond (utc);
  rounded = g_date_time_add (utc, usec != 0 ? G_USEC_PER_SEC - usec : 0);

  return g_date_time_format (rounded, "%Y-%m-%dT%H:%M:%S");
}

/**
 * cd_wp_media_caption:
 * @caption: (nullable): the image's caption
 * @credit: (nullable): the image's credit line
 *
 * The caption for WordPress's media library, which has no credit field and
 * shows the caption under the image: the caption with the credit line
 * after it, unless the caption already holds it, so that the credit
 * appears once.
 *
 * Returns: (transfer full): the caption; empty when both are
 */
char *
cd_wp_media_caption (const char *caption,
                     const char *credit)
{
  g_autofree char *stripped_caption = g_strstrip (g_strdup (caption != NULL ? caption : ""));
  g_autofree char *stripped_credit = g_strstrip (g_strdup (credit != NULL ? credit : ""));

  if (*stripped_credit == '\0' || strstr (stripped_caption, stripped_credit) != NULL)
    return g_steal_pointer (&stripped_caption);
  if (*stripped_caption == '\0')
    return g_steal_pointer (&stripped_credit);

  return g_strconcat (stripped_caption, " ", stripped_credit, NULL);
}

static JsonArray *
ids_array (const gint64 *ids,
           gsize         n_ids)
{
  JsonArray *array = json_array_new ();

  for (gsize i = 0; i < n_ids; i++)
    json_array_add_int_element (array, ids[i]);
  return array;
}

static void
set_text (JsonObject *post,
          const char *member,
          const char *value,
          gboolean    always)
{
  if (always || !cd_text_is_blank (value))
    json_object_set_string_member (post, member, value != NULL ? value : "");
}

/* The authors' names as the byline joins them, without its opening words
 * ("Helen Marsh and Kwame Osei"): what a site shows where its theme names
 * the post's author (the Copydesk plugin's the_author filter), so that
 * co-authors with no user on the site stay in the visible byline. */
static void
append_author_text (CdBylinePart  part,
                    const char   *text,
                    guint         index,
                    gpointer      user_data)
{
  GString *names = user_data;

  /* The words before the first name are the byline's "By ". */
  if (part == CD_BYLINE_PART_WORDS && names->len == 0)
    return;
  g_string_append (names, text);
}

static char *
authors_text (CdArticle *article)
{
  GListModel *authors = cd_article_get_authors (article);
  guint n = g_list_model_get_n_items (authors);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      CdAuthor *author = g_list_model_get_item (authors, i);

      g_ptr_array_add (held, author);
      names[i] = cd_author_get_name (author);
    }
  cd_byline_build (names, cd_article_get_language (article), append_author_text, text);
  return g_string_free (text, FALSE);
}

/**
 * cd_wp_post_build:
 * @article: a #CdArticle
 * @options: what the publisher knows about the site
 *
 * The body of `POST /wp/v2/posts` (or `/wp/v2/posts/<id>` for an update):
 *
 * - `title` is the headline and `excerpt` the standfirst, as the plain text
 *   WordPress's own editor stores; `content` is the body as block markup
 *   (cd_wp_blocks_from_markdown()). A new post leaves out the empty ones
 *   (WordPress refuses a post whose three are all empty); an update sends
 *   them all, so that a field emptied in Copydesk is emptied on the site.
 * - `slug`: a new post's always (when the article has one); an update's
 *   only when @options asks for it, so that a changed headline never
 *   moves a live post to another address.
 * - `status`: @options' status, else for a new post
 *   cd_wp_post_status_for_article() and for an update none, so that an
 *   update never takes a post offline or publishes it by the way.
 * - `date_gmt`: cd_wp_post_date_gmt(), when the article has a time.
 * - `comment_status`: "open" or "closed".
 * - `meta` (only when the site accepts Copydesk's keys): copydesk_id,
 *   copydesk_status, copydesk_byline, copydesk_authors (the names alone,
 *   for the site's visible byline), copydesk_dateline,
 *   copydesk_language, and copydesk_jsonld when there is JSON-LD; a new
 *   post leaves the empty ones out, an update sends them all.
 * - `tags` and `categories` only when there are ids (an empty list would
 *   take every term off the post), `author` and `featured_media` only when
 *   not 0.
 *
 * The editor's note is never sent: it stays in Copydesk.
 *
 * Returns: (transfer full): the post
 */
JsonObject *
cd_wp_post_build (CdArticle             *article,
                  const CdWpPostOptions *options)
{
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *content = NULL;
  g_autofree char *reader_body = NULL;
  g_autofree char *corrections = NULL;
  g_autofree char *date_gmt = NULL;
  const char *status;
  gboolean update;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  update = options->update;
  post = json_object_new ();

  set_text (post, "title", cd_article_get_headline (article), update);
  /* Readers' text only: no suggestion or review comment leaves the file. */
  reader_body = cd_article_dup_reader_body (article);
  content = cd_wp_blocks_from_markdown (reader_body, -1);
  /* The corrections log ends the post, as on the page: its own blocks
   * after the body's, so that a body that ends in a code fence or HTML
   * block never closed cannot take the log into its code. */
  corrections = cd_article_dup_corrections_markdown (article);
  if (corrections != NULL)
    {
      g_autofree char *log = cd_wp_blocks_from_markdown (corrections, -1);
      char *joined = g_strconcat (content, content[0] != '\0' ? "\n\n" : "", log, NULL);

      g_free (content);
      content = joined;
    }
  set_text (post, "content", content, update);
  set_text (post, "excerpt", cd_article_get_standfirst (article), update);

  if (!update || options->send_slug)
    set_text (post, "slug", cd_article_get_slug (article), FALSE);

  status = options->status;
  if (status == NULL && !update)
    status = cd_wp_post_status_for_article (article);
  if (status != NULL)
    json_object_set_string_member (post, "status", status);

  date_gmt = cd_wp_post_date_gmt (article);
  if (date_gmt != NULL)
    json_object_set_string_member (post, "date_gmt", date_gmt);

  json_object_set_string_member (post, "comment_status",
                                 cd_article_get_comments (article) ? "open" : "closed");

  if (options->send_meta)
    {
      JsonObject *meta = json_object_new ();
      g_autofree char *names = authors_text (article);

      set_text (meta, "copydesk_id", cd_article_get_id (article), update);
      set_text (meta, "copydesk_status",
                cd_article_status_to_string (cd_article_get_status (article)), update);
      set_text (meta, "copydesk_byline", cd_article_get_byline (article), update);
      set_text (meta, "copydesk_authors", names, update);
      set_text (meta, "copydesk_dateline", cd_article_get_dateline (article), update);
      set_text (meta, "copydesk_language", cd_article_get_language (article), update);
      if (options->jsonld != NULL)
        set_text (meta, "copydesk_jsonld", options->jsonld, update);
      json_object_set_object_member (post, "meta", meta);
    }

  if (options->n_tag_ids > 0)
    json_object_set_array_member (post, "tags", ids_array (options->tag_ids, options->n_tag_ids));
  if (options->n_category_ids > 0)
    json_object_set_array_member (post, "categories",
                                  ids_array (options->category_ids, options->n_category_ids));
  if (options->author_id > 0)
    json_object_set_int_member (post, "author", options->author_id);
  if (options->featured_media > 0)
    json_object_set_int_member (post, "featured_media", options->featured_media);

  return g_steal_pointer (&post);
}

/* Reading posts */

/* The text of a member that context=edit gives as {"raw", "rendered"}:
 * the raw text, or else the rendered HTML as text; a plain string as it
 * is. *is_html says which. */
const char *
cd_wp_post_get_raw (JsonObject *post,
                    const char *member,
                    gboolean   *is_html)
{
  JsonNode *node;

  if (is_html != NULL)
    *is_html = FALSE;
  if (post == NULL)
    return NULL;

  node = json_object_get_member (post, member);
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *raw = json_object_get_member (object, "raw");
      JsonNode *rendered = json_object_get_member (object, "rendered");

      if (raw != NULL && JSON_NODE_HOLDS_VALUE (raw) && json_node_get_value_type (raw) == G_TYPE_STRING)
        return json_node_get_string (raw);
      if (rendered != NULL && JSON_NODE_HOLDS_VALUE (rendered) &&
          json_node_get_value_type (rendered) == G_TYPE_STRING)
        {
          if (is_html != NULL)
            *is_html = TRUE;
          return json_node_get_string (rendered);
        }
    }

  return NULL;
}

const char *
cd_wp_post_get_string (JsonObject *post,
                       const char *member)
{
  JsonNode *node;

  if (post == NULL)
    return NULL;

  node = json_object_get_member (post, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
cd_wp_post_get_int (JsonObject *post,
                    const char *member)
{
  JsonNode *node;

  if (post == NULL)
    return 0;

  node = json_object_get_member (post, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/* The integers of an array member; NULL when there is no such array. */
GArray *
cd_wp_post_get_ids (JsonObject *post,
                    const char *member)
{
  JsonNode *node;
  JsonArray *array;
  GArray *ids;

  if (post == NULL)
    return NULL;

  node = json_object_get_member (post, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_INT64)
        {
          gint64 id = json_node_get_int (item);

          g_array_append_val (ids, id);
        }
    }

  return ids;
}

/* Block markup or HTML without its block delimiters (<!-- wp:… --> and
 * <!-- /wp:… -->), which are comments to the HTML converter anyway but
 * would otherwise glue blocks together. */
char *
cd_wp_strip_block_comments (const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new ("<!--\\s*/?wp:[^>]*?-->", G_REGEX_DOTALL, 0, NULL);

  if (html == NULL)
    return g_strdup ("");

  return g_regex_replace_literal (regex, html, -1, 0, "\n", 0, NULL);
}

/**
 * cd_wp_html_to_text:
 * @html: (nullable): block markup or HTML
 *
 * The readable text of a post's content, through core's HTML-to-Markdown
 * converter and the plain-text renderer: paragraphs separated by a blank
 * line, no markup.
 *
 * Returns: (transfer full): the text
 */
char *
cd_wp_html_to_text (const char *html)
{
  g_autofree char *stripped = cd_wp_strip_block_comments (html);
  g_autofree char *markdown = cd_html_to_markdown (stripped, -1);

  return cd_markdown_to_plain_text (markdown, -1);
}

static GDateTime *
parse_gmt (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL ||
      !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$", text, 0, 0))
    return NULL;

  return g_date_time_new_from_iso8601 (text, utc);
}

static gboolean
status_for_post (const char      *status,
                 CdArticleStatus *out)
{
  static const struct
  {
    const char      *post;
    CdArticleStatus  article;
  } map[] = {
    { "publish", CD_ARTICLE_STATUS_PUBLISHED },
    { "private", CD_ARTICLE_STATUS_PUBLISHED },
    { "future", CD_ARTICLE_STATUS_APPROVED },
    { "pending", CD_ARTICLE_STATUS_IN_REVIEW },
    { "draft", CD_ARTICLE_STATUS_DRAFT },
  };

  for (size_t i = 0; status != NULL && i < G_N_ELEMENTS (map); i++)
    if (strcmp (status, map[i].post) == 0)
      {
        *out = map[i].article;
        return TRUE;
      }

  return FALSE;
}

/* Plain text of a title, term name or excerpt, which WordPress may hold
 * with entities (`Fish &amp; Chips`) or markup (`<p>…</p>`). */
static char *
plain_text (const char *text,
            gboolean    is_html)
{
  g_autofree char *converted = NULL;

  if (text == NULL)
    return g_strdup ("");

  if (!is_html && strpbrk (text, "<&") == NULL)
    return g_strstrip (g_strdup (text));

  converted = cd_wp_html_to_text (text);
  /* One line: the paragraphs of an excerpt, say, are joined. */
  g_strdelimit (converted, "\n", ' ');
  return g_strstrip (g_steal_pointer (&converted));
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The first object of an _embedded list ("author", "wp:featuredmedia"). */
static JsonObject *
first_embedded (JsonObject *embedded,
                const char *member)
{
  JsonArray *array = get_array (embedded, member);
  JsonNode *first;

  if (array == NULL || json_array_get_length (array) == 0)
    return NULL;

  first = json_array_get_element (array, 0);
  return JSON_NODE_HOLDS_OBJECT (first) ? json_node_get_object (first) : NULL;
}

static void
read_terms (JsonObject *embedded,
            CdArticle  *article)
{
  JsonArray *groups = get_array (embedded, "wp:term");
  gboolean have_section = FALSE;

  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonNode *group = json_array_get_element (groups, i);
      JsonArray *terms;

      if (!JSON_NODE_HOLDS_ARRAY (group))
        continue;

      terms = json_node_get_array (group);
      for (guint j = 0; j < json_array_get_length (terms); j++)
        {
          JsonNode *item = json_array_get_element (terms, j);
          JsonObject *term;
          const char *taxonomy;
          g_autofree char *name = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;

          term = json_node_get_object (item);
          taxonomy = cd_wp_post_get_string (term, "taxonomy");
          name = plain_text (cd_wp_post_get_string (term, "name"), FALSE);
          if (taxonomy == NULL || name[0] == '\0')
            continue;

          if (strcmp (taxonomy, "post_tag") == 0 &&
              !cd_article_has_tag (article, name) &&
              g_list_model_get_n_items (cd_article_get_tags (article)) < CD_LIMIT_TAGS)
            {
              g_autoptr(CdTag) tag = cd_tag_new (name, NULL, NULL);

              cd_article_add_tag (article, tag);
            }
          else if (strcmp (taxonomy, "category") == 0 && !have_section)
            {
              /* Copydesk has one section: the post's first category. */
              cd_article_set_section (article, name);
              have_section = TRUE;
            }
        }
    }
}

static void
set_limited (CdArticle  *article,
             void      (*setter) (CdArticle *, const char *),
             const char *value)
{
  /* What a hostile site sends must still make an article that saves. */
  if (value != NULL && strlen (value) <= CD_LIMIT_TEXT_BYTES)
    setter (article, value);
}

/* Whether @post is a draft or pending post whose date only follows its
 * saves (see cd_wp_post_to_article ()). */
static gboolean
is_undated_draft (JsonObject *post)
{
  const char *status = cd_wp_post_get_string (post, "status");
  const char *date_gmt = cd_wp_post_get_string (post, "date_gmt");

  if (g_strcmp0 (status, "draft") != 0 && g_strcmp0 (status, "pending") != 0
      && g_strcmp0 (status, "auto-draft") != 0)
    return FALSE;
  return date_gmt != NULL && g_strcmp0 (date_gmt, cd_wp_post_get_string (post, "modified_gmt")) == 0;
}

/**
 * cd_wp_post_to_article:
 * @post: a post as `GET /wp/v2/posts/<id>?context=edit&_embed` returns it
 * @site: the site's address
 * @error: return location for a #GError
 *
 * Makes a new article of a post: the headline from the raw title, the
 * standfirst from the raw excerpt as plain text, the body from the raw
 * content (without its block delimiters) through the HTML-to-Markdown
 * converter, the slug, the status (publish → published, future →
 * approved, pending → in-review, draft → draft), the publication time from
 * `date_gmt`, comments from `comment_status`, the author's name, tags and
 * the first category (as the section) from `_embedded`, the featured
 * image, and what Copydesk's meta keys hold (the article id when it is a
 * Copydesk id, the dateline and language). The article gets a publication
 * record for @site with the post's id, link, modified_gmt, status, slug,
 * terms and featured image, so that publishing it updates that post.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error
 *   set (%G_IO_ERROR_INVALID_DATA) when @post is not a post
 */
CdArticle *
cd_wp_post_to_article (JsonObject  *post,
                       const char  *site,
                       GError     **error)
{
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdPublication) record = NULL;
  g_autoptr(GArray) tags = NULL;
  g_autoptr(GArray) categories = NULL;
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *title = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *body = NULL;
  JsonObject *embedded;
  JsonObject *meta;
  JsonObject *author;
  JsonObject *media;
  const char *raw;
  const char *text;
  CdArticleStatus status;
  gboolean is_html;
  gint64 id;

  g_return_val_if_fail (post != NULL, NULL);
  g_return_val_if_fail (site != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normalized = cd_publication_normalize_site (site);
  id = cd_wp_post_get_int (post, "id");
  if (id <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The answer from %s is not a post: it has no id. Check that the address "
                     "is a WordPress site and try again."),
                   normalized);
      return NULL;
    }

  raw = cd_wp_post_get_raw (post, "content", &is_html);
  if (raw != NULL && strlen (raw) > CD_LIMIT_BODY_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Post %lld on %s is too long to open as an article."),
                   (long long) id, normalized);
      return NULL;
    }

  article = cd_article_new ();

  title = plain_text (cd_wp_post_get_raw (post, "title", &is_html), is_html);
  set_limited (article, cd_article_set_headline, title);

  text = cd_wp_post_get_raw (post, "excerpt", &is_html);
  excerpt = plain_text (text, is_html);
  set_limited (article, cd_article_set_standfirst, excerpt);

  stripped = cd_wp_strip_block_comments (raw);
  body = cd_html_to_markdown (stripped, -1);
  g_strstrip (body);
  if (strlen (body) <= CD_LIMIT_BODY_BYTES)
    cd_article_set_body (article, body);

  text = cd_wp_post_get_string (post, "slug");
  if (text != NULL && text[0] != '\0')
    {
      /* WordPress keeps a non-ASCII slug percent-encoded. */
      g_autofree char *unescaped = g_uri_unescape_string (text, NULL);

      set_limited (article, cd_article_set_slug, unescaped != NULL ? unescaped : text);
    }

  if (status_for_post (cd_wp_post_get_string (post, "status"), &status))
    cd_article_set_status (article, status);

  /* A draft that was never dated moves its date with every save, and
   * WordPress reports it as date_gmt equal to modified_gmt: that is no
   * publication time, and taking it for one would later publish the story
   * backdated to that save. */
  published = parse_gmt (cd_wp_post_get_string (post, "date_gmt"));
  if (published != NULL && is_undated_draft (post))
    g_clear_pointer (&published, g_date_time_unref);
  if (published != NULL)
    cd_article_set_published (article, published);

  text = cd_wp_post_get_string (post, "comment_status");
  if (text != NULL)
    cd_article_set_comments (article, strcmp (text, "open") == 0);

  meta = get_object (post, "meta");
  text = cd_wp_post_get_string (meta, "copydesk_id");
  if (text != NULL &&
      g_regex_match_simple ("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                            text, 0, 0))
    cd_article_set_id (article, text);
  set_limited (article, cd_article_set_dateline, cd_wp_post_get_string (meta, "copydesk_dateline"));
  set_limited (article, cd_article_set_language, cd_wp_post_get_string (meta, "copydesk_language"));

  embedded = get_object (post, "_embedded");
  author = first_embedded (embedded, "author");
  if (author != NULL)
    {
      g_autofree char *name = plain_text (cd_wp_post_get_string (author, "name"), FALSE);

      if (name[0] != '\0' && strlen (name) <= CD_LIMIT_TEXT_BYTES)
        {
          g_autoptr(CdAuthor) person = cd_author_new (name);

          cd_article_add_author (article, person);
        }
    }
  read_terms (embedded, article);

  record = cd_publication_new (normalized);
  cd_publication_set_post_id (record, id);
  cd_publication_set_link (record, cd_wp_post_get_string (post, "link"));
  cd_publication_set_modified_gmt (record, cd_wp_post_get_string (post, "modified_gmt"));
  cd_publication_set_status (record, cd_wp_post_get_string (post, "status"));
  cd_publication_set_slug (record, cd_wp_post_get_string (post, "slug"));
  tags = cd_wp_post_get_ids (post, "tags");
  if (tags != NULL && tags->len <= CD_LIMIT_TAGS)
    cd_publication_set_tag_ids (record, (const gint64 *) tags->data, tags->len);
  categories = cd_wp_post_get_ids (post, "categories");
  if (categories != NULL && categories->len <= CD_LIMIT_TAGS)
    cd_publication_set_category_ids (record, (const gint64 *) categories->data, categories->len);

  media = first_embedded (embedded, "wp:featuredmedia");
  if (cd_wp_post_get_int (post, "featured_media") > 0 && media != NULL)
    {
      const char *source = cd_wp_post_get_string (media, "source_url");

      if (source != NULL && cd_url_is_web_address (source) && strlen (source) <= CD_LIMIT_TEXT_BYTES)
        {
          CdImage *image = cd_article_get_image (article);
          g_autofree char *alt = plain_text (cd_wp_post_get_string (media, "alt_text"), FALSE);
          g_autofree char *caption = NULL;

          caption = plain_text (cd_wp_post_get_raw (media, "caption", &is_html), is_html);
          cd_image_set_source (image, source);
          if (strlen (alt) <= CD_LIMIT_TEXT_BYTES)
            cd_image_set_alt (image, alt);
          if (strlen (caption) <= CD_LIMIT_TEXT_BYTES)
            cd_image_set_caption (image, caption);
          /* The image is already on the site: publishing does not upload it again. */
          cd_publication_set_media (record, cd_wp_post_get_int (post, "featured_media"), source);
        }
    }

  cd_article_set_publication (article, record);
  return g_steal_pointer (&article);
}
