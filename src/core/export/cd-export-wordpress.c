/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-export-wordpress"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-export-private.h"
#include "cd-text.h"
#include "cd-url.h"
#include "cd-export-wordpress.h"
#include "cd-wp-post.h"

/* A post for the WordPress REST API (`POST /wp/v2/posts`), with what a
 * publishing script needs to finish it for a particular site.
 *
 * WordPress refers to tags, categories, authors and images by ids that only
 * the site knows, so the export is an object of up to four members:
 *
 *   {
 *     "post": { … },             the body of POST /wp/v2/posts, as is
 *     "tag_names": [ … ],        the tags, to resolve into post.tags
 *     "category_names": [ … ],   the section, to resolve into post.categories
 *     "featured_media": { … }    the lead image, to upload
 *   }
 *
 * How a publisher uses it:
 *
 * 1. For each name in `tag_names`, find the tag (GET /wp/v2/tags?search=…)
 *    or create it (POST /wp/v2/tags {"name": …}; a `term_exists` error
 *    carries the existing id in data.term_id), and set post.tags to the
 *    list of their ids (leave it out when there are none). Do the same for
 *    `category_names` with /wp/v2/categories and post.categories.
 * 2. If there is `featured_media`, upload the image: its bytes are the file
 *    `file_name` beside the export (a bundle) or what `source_url` serves.
 *    POST them to /wp/v2/media with the headers Content-Type: `mime_type`
 *    and Content-Disposition: attachment; filename="`file_name`", then
 *    POST /wp/v2/media/<id> {"alt_text": …, "caption": …} and set
 *    post.featured_media to <id>.
 * 3. Set post.author to a user id if the byline should be a WordPress
 *    user, then POST the post to /wp/v2/posts. To update that post later,
 *    POST to /wp/v2/posts/<id> without `status` and `slug`, so that the
 *    update neither takes it offline nor moves it (`copydesk-cli publish`
 *    does all of this, and remembers the post).
 *
 * The keys of post.meta must be registered on the site with
 * register_post_meta ('post', key, ['show_in_rest' => true, 'single' =>
 * true, 'type' => 'string']); WordPress ignores unregistered keys.
 *
 * The post holds only members that the API accepts, with the types it
 * expects:
 *
 * The post is built by cd_wp_post_build() as for a new post, so that an
 * export and a publish from Copydesk send the same thing:
 *
 * - `title` is the headline, `excerpt` the standfirst, both as the plain
 *   text that WordPress's own editor stores; `content` is the body as
 *   block markup (cd_wp_blocks_from_markdown(): `<!-- wp:paragraph -->`
 *   and so on), which opens as blocks in the site's editor and which
 *   WordPress does not run through wpautop; square brackets are escaped so
 *   that no text runs as a shortcode, and quotes are left as characters
 *   so that WordPress curls them. `slug` is the slug.
 * - `status` (cd_wp_post_status_for_article()): draft → "draft",
 *   in-review → "pending", approved and published → "publish", or
 *   "future" when the article has an embargo; killed → "draft", which
 *   takes a post that is already online off the site, as WordPress's own
 *   “Switch to draft” does, and which WordPress never publishes by itself.
 * - `date_gmt` (cd_wp_post_date_gmt()) is when the post is to appear, in
 *   UTC without an offset, as the API wants: the publication time, or the
 *   embargo when that is later (or when there is no publication time), so
 *   that a post never goes out before its embargo. It is rounded up to the
 *   second. With neither, there is no `date_gmt` and WordPress uses the
 *   time of publishing.
 * - The export does not depend on the time it is made: WordPress itself
 *   compares date_gmt with its clock, schedules a "publish" post whose
 *   date is still ahead and publishes a "future" post whose date has gone.
 *   (Copydesk's own publisher also refuses to send "future" less than two
 *   minutes ahead of the site's clock.)
 * - `comment_status` is "open" when the article allows comments, else
 *   "closed".
 * - `meta` holds the article id (`copydesk_id`), its status
 *   (`copydesk_status`), byline (`copydesk_byline`, the article's byline as
 *   the page and ninjs `by` give it), the authors' names alone
 *   (`copydesk_authors`, which the Copydesk plugin shows where the theme
 *   names the post's author), dateline
 *   (`copydesk_dateline`) and language (`copydesk_language`), which
 *   WordPress has no field for. The editor's note stays in Copydesk.
 * - `tags` and `categories` are left out for the publisher to add once it
 *   has the ids (an empty list sent with an update would take every term
 *   off the post). `author` and `featured_media` are left out until the
 *   publisher knows their ids.
 *
 * `featured_media` holds `source_url` (the image's absolute URL; not in a
 * bundle, where the image is the file beside the export), `file_name`,
 * `mime_type` (when the extension tells it), `alt_text` and `caption` (the
 * fields of /wp/v2/media). WordPress has no credit field and shows the
 * caption under the image, so the caption ends with the credit line,
 * unless it already holds it: the credit appears once, as the site shows
 * it. It is not repeated in a member of its own, which a publisher would
 * show a second time.
 *
 * WordPress refuses a new post whose title, content and excerpt are all
 * empty, so an article with no headline, standfirst or body is not
 * exported. Empty optional members are left out. */

struct _CdWordpressExporter
{
  GObject parent_instance;
};

static void exporter_iface_init (CdExporterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdWordpressExporter, cd_wordpress_exporter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CD_TYPE_EXPORTER, exporter_iface_init))

static JsonObject *
build_post (CdArticle *article)
{
  /* A new post as the publisher would send it, before the site's ids are
   * known: the same builder, so the two never disagree. */
  const CdWpPostOptions options = {
    .update = FALSE,
    .status = NULL,
    .send_slug = TRUE,
    .send_meta = TRUE,
  };

  return cd_wp_post_build (article, &options);
}

static JsonArray *
build_tag_names (CdArticle *article)
{
  GListModel *tags = cd_article_get_tags (article);
  JsonArray *names = json_array_new ();
  guint n = g_list_model_get_n_items (tags);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      const char *name = cd_tag_get_name (tag);

      if (!cd_text_is_blank (name))
        json_array_add_string_element (names, name);
    }

  return names;
}

static JsonArray *
build_category_names (CdArticle *article)
{
  JsonArray *names = json_array_new ();
  const char *section = cd_article_get_section (article);

  if (!cd_text_is_blank (section))
    json_array_add_string_element (names, section);

  return names;
}

/* The file name in the last segment of the path of @href, unescaped; NULL
 * when the path ends with a slash or the name does not unescape to text
 * that can be a file name. */
static char *
image_file_name (const char *href)
{
  g_autofree char *name = cd_export_href_file_name (href);
  g_autofree char *unescaped = NULL;

  if (*name == '\0')
    return NULL;

  unescaped = g_uri_unescape_string (name, "/");
  if (unescaped == NULL || !g_utf8_validate (unescaped, -1, NULL) || cd_text_is_blank (unescaped))
    return NULL;

  return g_steal_pointer (&unescaped);
}

static JsonObject *
build_featured_media (CdArticle              *article,
                      const CdExportOptions  *options,
                      GError                **error)
{
  CdImage *image = cd_article_get_image (article);
  const char *href = options->image_href;
  g_autofree char *file_name = image_file_name (href);
  g_autofree char *caption = cd_wp_media_caption (cd_image_get_caption (image),
                                                  cd_image_get_credit (image));
  JsonObject *media;

  media = json_object_new ();

  /* In a bundle the image is the file beside the export, with no URL. */
  if (options->image_mode != CD_EXPORT_IMAGE_BUNDLE || cd_image_is_remote (image))
    {
      if (!cd_url_is_web_address (href))
        {
          g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                       _("Cannot export the WordPress post: the lead image’s address "
                         "“%s” is not an absolute http or https address. Correct the "
                         "image’s source or the image base URL."),
                       href);
          json_object_unref (media);
          return NULL;
        }
      json_object_set_string_member (media, "source_url", href);
    }

  cd_export_set_string (media, "file_name", file_name);
  if (file_name != NULL && cd_export_image_mime_type (file_name, TRUE) != NULL)
    json_object_set_string_member (media, "mime_type", cd_export_image_mime_type (file_name, TRUE));
  cd_export_set_string (media, "alt_text", cd_image_get_alt (image));
  cd_export_set_string (media, "caption", caption);

  return media;
}

static JsonNode *
build_document (CdArticle              *article,
                const CdExportOptions  *options,
                GError                **error)
{
  g_autoptr(JsonObject) root = NULL;
  /* A body of pending insertions alone is empty for WordPress too. */
  g_autofree char *reader_body = cd_article_dup_reader_body (article);
  JsonNode *node;

  if (cd_text_is_blank (cd_article_get_headline (article)) &&
      cd_text_is_blank (cd_article_get_standfirst (article)) &&
      cd_text_is_blank (reader_body) &&
      g_list_model_get_n_items (cd_article_get_corrections (article)) == 0)
    {
      g_set_error (error, CD_EXPORT_ERROR, CD_EXPORT_ERROR_INVALID,
                   _("Cannot export the WordPress post: the article has no headline, "
                     "standfirst or body, and WordPress refuses an empty post. Write a "
                     "headline first."));
      return NULL;
    }

  root = json_object_new ();
  json_object_set_object_member (root, "post", build_post (article));
  cd_export_set_array (root, "tag_names", build_tag_names (article));
  cd_export_set_array (root, "category_names", build_category_names (article));

  if (options->image_href != NULL)
    {
      JsonObject *media = build_featured_media (article, options, error);

      if (media == NULL)
        return NULL;
      json_object_set_object_member (root, "featured_media", media);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&root));
  return node;
}

static GBytes *
cd_wordpress_exporter_export (CdExporter             *exporter,
                              CdArticle              *article,
                              const CdExportOptions  *options,
                              GError                **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_assert (CD_IS_WORDPRESS_EXPORTER (exporter));
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
  iface->id = "wordpress";
  iface->name = N_("WordPress REST post");
  iface->extension = "json";
  iface->mime_type = "application/json";
  iface->export = cd_wordpress_exporter_export;
}

static void
cd_wordpress_exporter_class_init (CdWordpressExporterClass *klass)
{
}

static void
cd_wordpress_exporter_init (CdWordpressExporter *self)
{
}
