/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Comparing posts: what the site kept of what Copydesk sent (read back
 * after a publish), and what someone changed on the site since the last
 * push (before an update, so that nothing is overwritten silently). Both
 * give CdWpDifference records for people: the body as readable text, and
 * cd_wp_differences_to_text() shows it paragraph by paragraph. */

#include "config.h"

#define G_LOG_DOMAIN "cd-wp-post"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-wp-post-private.h"

/**
 * cd_wp_difference_free:
 * @difference: (nullable): a #CdWpDifference
 */
void
cd_wp_difference_free (CdWpDifference *difference)
{
  if (difference == NULL)
    return;

  g_free (difference->field);
  g_free (difference->label);
  g_free (difference->before);
  g_free (difference->after);
  g_free (difference);
}

static void
add_difference (GPtrArray  *differences,
                const char *field,
                const char *label,
                const char *before,
                const char *after)
{
  CdWpDifference *difference = g_new0 (CdWpDifference, 1);

  difference->field = g_strdup (field);
  difference->label = g_strdup (label);
  difference->before = g_strdup (before);
  difference->after = g_strdup (after);
  g_ptr_array_add (differences, difference);
}

static GPtrArray *
differences_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cd_wp_difference_free);
}

/* Text with its runs of white space as one space and none at the ends:
 * WordPress trims titles and excerpts, and kses may reflow them. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
ids_to_text (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static int
id_order (gconstpointer a,
          gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Whether two lists of term ids hold the same terms, in any order. */
static gboolean
same_ids (GArray *a,
          GArray *b)
{
  g_autoptr(GArray) sa = NULL;
  g_autoptr(GArray) sb = NULL;
  guint na = a != NULL ? a->len : 0;
  guint nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  if (na == 0)
    return TRUE;

  sa = g_array_copy (a);
  sb = g_array_copy (b);
  g_array_sort (sa, id_order);
  g_array_sort (sb, id_order);
  return memcmp (sa->data, sb->data, na * sizeof (gint64)) == 0;
}

/* A slug as WordPress keeps it: non-ASCII percent-encoded in lower case. */
static char *
slug_text (const char *slug)
{
  g_autofree char *unescaped = g_uri_unescape_string (slug != NULL ? slug : "", NULL);

  return unescaped != NULL ? g_utf8_strdown (unescaped, -1) : g_strdup (slug != NULL ? slug : "");
}

static void
compare_text (GPtrArray  *differences,
              JsonObject *sent,
              JsonObject *read_back,
              const char *member,
              const char *label)
{
  const char *before = cd_wp_post_get_raw (sent, member, NULL);
  const char *after;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (before == NULL)
    return;

  after = cd_wp_post_get_raw (read_back, member, NULL);
  a = squeeze (before);
  b = squeeze (after);
  if (strcmp (a, b) != 0)
    add_difference (differences, member, label, before, after);
}

static void
compare_content (GPtrArray  *differences,
                 JsonObject *sent,
                 JsonObject *read_back)
{
  const char *before = cd_wp_post_get_raw (sent, "content", NULL);
  const char *after;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;

  if (before == NULL)
    return;

  after = cd_wp_post_get_raw (read_back, "content", NULL);
  a = g_strstrip (g_strdup (before));
  b = g_strstrip (g_strdup (after != NULL ? after : ""));
  if (strcmp (a, b) == 0)
    return;

  /* What readers see, where it differs; else the markup itself (a block
   * the site's filters changed without changing its words). */
  text_before = cd_wp_html_to_text (before);
  text_after = cd_wp_html_to_text (after);
  if (strcmp (text_before, text_after) != 0)
    add_difference (differences, "content", _("Body"), text_before, after != NULL ? text_after : NULL);
  else
    add_difference (differences, "content", _("Body markup"), a, after != NULL ? b : NULL);
}

static gboolean
is_scheduled_on_site (JsonObject *read_back)
{
  /* The post's date is ahead of the time the site saved it. */
  const char *date = cd_wp_post_get_string (read_back, "date_gmt");
  const char *modified = cd_wp_post_get_string (read_back, "modified_gmt");

  return date != NULL && modified != NULL && strcmp (date, modified) > 0;
}

static void
compare_status (GPtrArray  *differences,
                JsonObject *sent,
                JsonObject *read_back)
{
  const char *before = cd_wp_post_get_string (sent, "status");
  const char *after = cd_wp_post_get_string (read_back, "status");

  if (before == NULL || g_strcmp0 (before, after) == 0)
    return;

  /* WordPress publishes a "future" post whose time has come, and
   * schedules a "publish" post whose time is ahead: both on purpose. */
  if (g_strcmp0 (before, "future") == 0 && g_strcmp0 (after, "publish") == 0 &&
      !is_scheduled_on_site (read_back))
    return;
  if (g_strcmp0 (before, "publish") == 0 && g_strcmp0 (after, "future") == 0 &&
      is_scheduled_on_site (read_back))
    return;

  add_difference (differences, "status", _("Status"), before, after);
}

static void
compare_string (GPtrArray  *differences,
                JsonObject *sent,
                JsonObject *read_back,
                const char *member,
                const char *label)
{
  const char *before = cd_wp_post_get_string (sent, member);
  const char *after = cd_wp_post_get_string (read_back, member);

  if (before != NULL && g_strcmp0 (before, after) != 0)
    add_difference (differences, member, label, before, after);
}

static void
compare_date (GPtrArray  *differences,
              JsonObject *sent,
              JsonObject *read_back)
{
  const char *before = cd_wp_post_get_string (sent, "date_gmt");
  const char *after = cd_wp_post_get_string (read_back, "date_gmt");
  const char *status = cd_wp_post_get_string (read_back, "status");

  if (before == NULL)
    return;

  /* WordPress gives no date for a draft or pending post whose date
   * floats; it takes the date when the post is published. */
  if (after == NULL && (g_strcmp0 (status, "draft") == 0 || g_strcmp0 (status, "pending") == 0))
    return;

  if (after == NULL || strncmp (before, after, 19) != 0)
    add_difference (differences, "date_gmt", _("Publication time (UTC)"), before, after);
}

static void
compare_slug (GPtrArray  *differences,
              JsonObject *sent,
              JsonObject *read_back)
{
  const char *before = cd_wp_post_get_string (sent, "slug");
  const char *after = cd_wp_post_get_string (read_back, "slug");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (before == NULL)
    return;

  a = slug_text (before);
  b = slug_text (after);
  /* A changed slug (a "-2" that another post's slug forced, say) moves
   * the post to another address: always worth saying. */
  if (strcmp (a, b) != 0)
    add_difference (differences, "slug", _("Slug"), before, after);
}

static void
compare_ids (GPtrArray  *differences,
             JsonObject *sent,
             JsonObject *read_back,
             const char *member,
             const char *label)
{
  g_autoptr(GArray) before = cd_wp_post_get_ids (sent, member);
  g_autoptr(GArray) after = cd_wp_post_get_ids (read_back, member);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (before == NULL || same_ids (before, after))
    return;

  a = ids_to_text (before);
  b = after != NULL ? ids_to_text (after) : NULL;
  add_difference (differences, member, label, a, b);
}

static void
compare_int (GPtrArray  *differences,
             JsonObject *sent,
             JsonObject *read_back,
             const char *member,
             const char *label)
{
  gint64 before, after;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!json_object_has_member (sent, member))
    return;

  before = cd_wp_post_get_int (sent, member);
  after = cd_wp_post_get_int (read_back, member);
  if (before == after)
    return;

  a = g_strdup_printf ("%" G_GINT64_FORMAT, before);
  b = after != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, after) : NULL;
  add_difference (differences, member, label, a, b);
}

static void
compare_meta (GPtrArray  *differences,
              JsonObject *sent,
              JsonObject *read_back)
{
  JsonNode *sent_node = json_object_get_member (sent, "meta");
  JsonNode *read_node = json_object_get_member (read_back, "meta");
  JsonObject *sent_meta, *read_meta = NULL;
  g_autoptr(GList) keys = NULL;

  if (sent_node == NULL || !JSON_NODE_HOLDS_OBJECT (sent_node))
    return;

  sent_meta = json_node_get_object (sent_node);
  if (read_node != NULL && JSON_NODE_HOLDS_OBJECT (read_node))
    read_meta = json_node_get_object (read_node);

  keys = json_object_get_members (sent_meta);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *before = cd_wp_post_get_string (sent_meta, key);
      g_autofree char *field = g_strconcat ("meta.", key, NULL);
      /* Translators: %s is a post meta key such as copydesk_byline. */
      g_autofree char *label = g_strdup_printf (_("Post meta %s"), key);

      if (before == NULL)
        continue;

      /* An unregistered key is missing from the answer altogether. */
      if (read_meta == NULL || !json_object_has_member (read_meta, key))
        add_difference (differences, field, label, before, NULL);
      else if (g_strcmp0 (before, cd_wp_post_get_string (read_meta, key)) != 0)
        add_difference (differences, field, label, before, cd_wp_post_get_string (read_meta, key));
    }
}

/**
 * cd_wp_post_compare:
 * @sent: the post as sent (cd_wp_post_build())
 * @read_back: the post as `GET /wp/v2/posts/<id>?context=edit` returns it
 *
 * What the site dropped or changed of what Copydesk sent, field by field:
 * title, excerpt and content (the raw texts), status, slug, date_gmt,
 * comment_status, tags, categories, author, featured_media and each meta
 * key. Only what was sent is compared. What WordPress normalises on purpose
 * is not reported: white space around a title or excerpt, a "future" post
 * whose time had come published at once (or a "publish" post dated ahead
 * scheduled), a non-ASCII slug kept percent-encoded, no date for a
 * floating draft. A slug WordPress made unique ("-2") is reported: the
 * post is not at the address the article says. A meta key the site does
 * not have (not registered) is reported with no value after.
 *
 * Returns: (transfer container) (element-type CdWpDifference): the
 *   differences; empty when the site kept everything
 */
GPtrArray *
cd_wp_post_compare (JsonObject *sent,
                    JsonObject *read_back)
{
  GPtrArray *differences;

  g_return_val_if_fail (sent != NULL, NULL);
  g_return_val_if_fail (read_back != NULL, NULL);

  differences = differences_new ();
  compare_text (differences, sent, read_back, "title", _("Title"));
  compare_text (differences, sent, read_back, "excerpt", _("Excerpt"));
  compare_content (differences, sent, read_back);
  compare_status (differences, sent, read_back);
  compare_slug (differences, sent, read_back);
  compare_date (differences, sent, read_back);
  compare_string (differences, sent, read_back, "comment_status", _("Comments"));
  compare_ids (differences, sent, read_back, "tags", _("Tags"));
  compare_ids (differences, sent, read_back, "categories", _("Categories"));
  compare_int (differences, sent, read_back, "author", _("Author"));
  compare_int (differences, sent, read_back, "featured_media", _("Featured image"));
  compare_meta (differences, sent, read_back);

  return differences;
}

static void
site_text_change (GPtrArray  *differences,
                  JsonObject *pushed,
                  JsonObject *current,
                  const char *member,
                  const char *label)
{
  gboolean pushed_html, current_html;
  const char *before = cd_wp_post_get_raw (pushed, member, &pushed_html);
  const char *after = cd_wp_post_get_raw (current, member, &current_html);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (before == NULL && after == NULL)
    return;

  if (strcmp (member, "content") == 0 || pushed_html || current_html)
    {
      a = cd_wp_html_to_text (before);
      b = cd_wp_html_to_text (after);
    }
  else
    {
      a = squeeze (before);
      b = squeeze (after);
    }

  if (strcmp (a, b) != 0)
    add_difference (differences, member, label, a, b);
}

static GArray *
record_ids (const gint64 *ids,
            gsize         n_ids)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
  return array;
}

static void
site_ids_change (GPtrArray    *differences,
                 const gint64 *ids,
                 gsize         n_ids,
                 JsonObject   *current,
                 const char   *member,
                 const char   *label)
{
  g_autoptr(GArray) before = record_ids (ids, n_ids);
  g_autoptr(GArray) after = cd_wp_post_get_ids (current, member);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (after == NULL || same_ids (before, after))
    return;

  a = ids_to_text (before);
  b = ids_to_text (after);
  add_difference (differences, member, label, a, b);
}

/**
 * cd_wp_post_site_changes:
 * @record: what the last push left on the site
 * @pushed: (nullable): the revision of the post that the last push made,
 *   with context=edit; %NULL when the site keeps no revisions
 * @current: the post as it is now, with context=edit
 *
 * What someone changed on the site since Copydesk's last push: the status,
 * slug, tags and categories against the record, and the title, excerpt
 * and body against the pushed revision, compared as readable text (block
 * delimiters and markup stripped through the HTML converter).
 *
 * Returns: (transfer container) (element-type CdWpDifference): the
 *   changes, "before" being what Copydesk pushed and "after" what the site
 *   has; empty when nothing that Copydesk can tell changed
 */
GPtrArray *
cd_wp_post_site_changes (CdPublication *record,
                         JsonObject    *pushed,
                         JsonObject    *current)
{
  GPtrArray *differences;
  const char *before;
  const char *after;
  const gint64 *ids;
  gsize n_ids;

  g_return_val_if_fail (CD_IS_PUBLICATION (record), NULL);
  g_return_val_if_fail (current != NULL, NULL);

  differences = differences_new ();

  if (pushed != NULL)
    {
      site_text_change (differences, pushed, current, "title", _("Title"));
      site_text_change (differences, pushed, current, "excerpt", _("Excerpt"));
      site_text_change (differences, pushed, current, "content", _("Body"));
    }

  before = cd_publication_get_status (record);
  after = cd_wp_post_get_string (current, "status");
  if (before[0] != '\0' && after != NULL && strcmp (before, after) != 0)
    add_difference (differences, "status", _("Status"), before, after);

  before = cd_publication_get_slug (record);
  after = cd_wp_post_get_string (current, "slug");
  if (before[0] != '\0' && after != NULL)
    {
      g_autofree char *a = slug_text (before);
      g_autofree char *b = slug_text (after);

      if (strcmp (a, b) != 0)
        add_difference (differences, "slug", _("Slug"), before, after);
    }

  ids = cd_publication_get_tag_ids (record, &n_ids);
  site_ids_change (differences, ids, n_ids, current, "tags", _("Tags"));
  ids = cd_publication_get_category_ids (record, &n_ids);
  site_ids_change (differences, ids, n_ids, current, "categories", _("Categories"));

  return differences;
}

/* Paragraph-level diff of two texts whose paragraphs are separated by
 * blank lines: the longest common subsequence of paragraphs, then the
 * removed ones as "− " lines and the added ones as "+ " lines, in order.
 * Bodies have at most a few hundred paragraphs; a longer one is compared
 * whole rather than spending quadratic time. */
#define MAX_DIFF_PARAGRAPHS 2000

static void
append_lines (GString    *out,
              const char *prefix,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "  %s%s\n", i == 0 ? prefix : "  ", lines[i]);
}

static char **
paragraphs (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "\n\n", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (kept, g_strdup (parts[i]));
    }
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (kept, FALSE);
}

static void
append_paragraph_diff (GString    *out,
                       const char *before,
                       const char *after)
{
  g_auto(GStrv) a = paragraphs (before);
  g_auto(GStrv) b = paragraphs (after);
  guint na = g_strv_length (a);
  guint nb = g_strv_length (b);
  g_autofree guint *lcs = NULL;
  guint i = 0, j = 0;

  if (na > MAX_DIFF_PARAGRAPHS || nb > MAX_DIFF_PARAGRAPHS)
    {
      append_lines (out, "− ", before != NULL ? before : "");
      append_lines (out, "+ ", after != NULL ? after : "");
      return;
    }

  /* lcs[x * (nb + 1) + y]: the common length of a[x..] and b[y..]. */
  lcs = g_new0 (guint, (gsize) (na + 1) * (nb + 1));
  for (guint x = na; x-- > 0;)
    for (guint y = nb; y-- > 0;)
      lcs[x * (nb + 1) + y] = strcmp (a[x], b[y]) == 0
                              ? lcs[(x + 1) * (nb + 1) + y + 1] + 1
                              : MAX (lcs[(x + 1) * (nb + 1) + y], lcs[x * (nb + 1) + y + 1]);

  while (i < na || j < nb)
    {
      if (i < na && j < nb && strcmp (a[i], b[j]) == 0)
        {
          i++;
          j++;
        }
      else if (j >= nb || (i < na && lcs[(i + 1) * (nb + 1) + j] >= lcs[i * (nb + 1) + j + 1]))
        {
          append_lines (out, "− ", a[i++]);
        }
      else
        {
          append_lines (out, "+ ", b[j++]);
        }
    }
}

/**
 * cd_wp_differences_to_text:
 * @differences: (element-type CdWpDifference): differences
 *
 * The differences as text for a terminal or a dialog: each field's label
 * on a line of its own, then what was there before as lines starting with
 * "− " and what is there now as lines starting with "+ ". The body shows
 * only the paragraphs removed and added.
 *
 * Returns: (transfer full): the text; empty when there are no differences
 */
char *
cd_wp_differences_to_text (GPtrArray *differences)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (differences != NULL, NULL);

  for (guint i = 0; i < differences->len; i++)
    {
      CdWpDifference *difference = g_ptr_array_index (differences, i);

      g_string_append_printf (out, "%s\n", difference->label);
      if (g_strcmp0 (difference->field, "content") == 0 && difference->after != NULL)
        {
          append_paragraph_diff (out, difference->before, difference->after);
          continue;
        }

      append_lines (out, "− ", difference->before != NULL ? difference->before : _("(nothing)"));
      append_lines (out, "+ ", difference->after != NULL ? difference->after : _("(not kept by the site)"));
    }

  return g_string_free (out, FALSE);
}

/* One member in the fingerprint's text: its name, then "!" when the post
 * lacks it, or ":", the value's length in bytes, ":" and the value. The
 * length makes the text unambiguous whatever the value holds. */
static void
fingerprint_member (GString    *text,
                    const char *name,
                    const char *value)
{
  g_string_append (text, name);
  if (value == NULL)
    g_string_append (text, "!\n");
  else
    g_string_append_printf (text, ":%zu:%s\n", strlen (value), value);
}

static void
fingerprint_ids (GString    *text,
                 JsonObject *post,
                 const char *member)
{
  g_autoptr(GArray) ids = cd_wp_post_get_ids (post, member);
  g_autofree char *value = NULL;

  if (ids != NULL)
    {
      /* The order of a post's terms means nothing to WordPress. */
      g_array_sort (ids, id_order);
      value = ids_to_text (ids);
    }
  fingerprint_member (text, member, value);
}

static void
fingerprint_int (GString    *text,
                 JsonObject *post,
                 const char *member)
{
  JsonNode *node = json_object_get_member (post, member);
  g_autofree char *value = NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  fingerprint_member (text, member, value);
}

/**
 * cd_wp_post_fingerprint:
 * @post: a post as GET /wp/v2/posts/<id>?context=edit returns it
 *
 * A digest of what an editor on the site can change in a post: the raw
 * title, excerpt and content, the status, slug, tags, categories, featured
 * image and author. WordPress keeps modified_gmt only to the second, so an
 * edit made on the site in the same second as Copydesk's push leaves it as
 * it was; comparing this digest with the one recorded after the push finds
 * that edit too. The order of the members in @post and of the term ids does
 * not matter. A scheduled post that the site publishes when its time comes
 * keeps its fingerprint: WordPress changes "future" to "publish" without
 * touching the post, and that is no one's edit.
 *
 * Returns: (transfer full): the SHA-256 digest in lower-case hex
 */
char *
cd_wp_post_fingerprint (JsonObject *post)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *status;

  g_return_val_if_fail (post != NULL, NULL);

  fingerprint_member (text, "title", cd_wp_post_get_raw (post, "title", NULL));
  fingerprint_member (text, "excerpt", cd_wp_post_get_raw (post, "excerpt", NULL));
  fingerprint_member (text, "content", cd_wp_post_get_raw (post, "content", NULL));
  status = cd_wp_post_get_string (post, "status");
  if (g_strcmp0 (status, "future") == 0)
    status = "publish";
  fingerprint_member (text, "status", status);
  fingerprint_member (text, "slug", cd_wp_post_get_string (post, "slug"));
  fingerprint_ids (text, post, "tags");
  fingerprint_ids (text, post, "categories");
  fingerprint_int (text, post, "featured_media");
  fingerprint_int (text, post, "author");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
}
