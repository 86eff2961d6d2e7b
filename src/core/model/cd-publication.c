/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The record of one publication: which post on which site the article
 * became, so that the next publish updates that post. A record is a plain
 * value without notifications: the article keeps its own copies, and a
 * change is made on a copy that is then set on the article again, which is
 * what the article notifies. */

#include "config.h"

#define G_LOG_DOMAIN "cd-publication"

#include <string.h>

#include "cd-publication.h"

struct _CdPublication
{
  GObject     parent_instance;

  char       *site;
  gint64      post_id;
  char       *link;
  gint64      media_id;
  char       *media_source;
  char       *modified_gmt;
  char       *fingerprint;
  char       *status;
  char       *slug;
  GArray     *tag_ids;
  GArray     *category_ids;
  GDateTime  *pushed;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (CdPublication, cd_publication, G_TYPE_OBJECT)

static void
cd_publication_finalize (GObject *object)
{
  CdPublication *self = (CdPublication *)object;

  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->link, g_free);
  g_clear_pointer (&self->media_source, g_free);
  g_clear_pointer (&self->modified_gmt, g_free);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->tag_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->pushed, g_date_time_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cd_publication_parent_class)->finalize (object);
}

static void
cd_publication_class_init (CdPublicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_publication_finalize;
}

static void
cd_publication_init (CdPublication *self)
{
  self->site = g_strdup ("");
  self->link = g_strdup ("");
  self->media_source = g_strdup ("");
  self->modified_gmt = g_strdup ("");
  self->fingerprint = g_strdup ("");
  self->status = g_strdup ("");
  self->slug = g_strdup ("");
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * cd_publication_normalize_site:
 * @url: a site's address as the user typed it
 *
 * The one spelling of a site's address that records are filed under, so
 * that "HTTPS://News.Example" and "https://news.example/" are the same
 * site: scheme and host in lower case, the default port left out, no query,
 * fragment or user information, and a path that ends with "/" (a WordPress
 * installed in a folder keeps its folder). Text that is not an absolute
 * address is only trimmed.
 *
 * Returns: (transfer full): the normalised address
 */
char *
cd_publication_normalize_site (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  const char *path;
  int port;
  GString *text;

  g_return_val_if_fail (url != NULL, NULL);

  trimmed = g_strstrip (g_strdup (url));
  uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return g_steal_pointer (&trimmed);

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  if ((port == 443 && strcmp (scheme, "https") == 0) ||
      (port == 80 && strcmp (scheme, "http") == 0))
    port = -1;

  text = g_string_new (scheme);
  g_string_append (text, "://");
  /* GUri gives an IPv6 literal without its brackets. */
  if (strchr (host, ':') != NULL)
    g_string_append_printf (text, "[%s]", host);
  else
    g_string_append (text, host);
  if (port > 0)
    g_string_append_printf (text, ":%d", port);

  path = g_uri_get_path (uri);
  if (path == NULL || path[0] != '/')
    g_string_append_c (text, '/');
  if (path != NULL)
    g_string_append (text, path);
  if (text->str[text->len - 1] != '/')
    g_string_append_c (text, '/');

  return g_string_free (text, FALSE);
}

/**
 * cd_publication_new:
 * @site: the site's address; it is normalised
 *
 * Returns: (transfer full): a record for @site with no post yet
 */
CdPublication *
cd_publication_new (const char *site)
{
  CdPublication *self;

  g_return_val_if_fail (site != NULL, NULL);

  self = g_object_new (CD_TYPE_PUBLICATION, NULL);
  g_free (self->site);
  self->site = cd_publication_normalize_site (site);
  return self;
}

static JsonObject *copy_object (JsonObject *object);

/* A deep copy: json_node_copy () shares the objects and arrays inside, and
 * a record is a value that another copy must not change. The depth is the
 * file's, which the reader bounds. */
static JsonNode *
copy_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) object = copy_object (json_node_get_object (node));

      return json_node_init_object (json_node_alloc (), object);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      g_autoptr(JsonArray) array = json_array_sized_new (json_array_get_length (source));

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (array, copy_node (json_array_get_element (source, i)));
      return json_node_init_array (json_node_alloc (), array);
    }

  return json_node_copy (node);
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(GList) members = NULL;
  JsonObject *copy;

  if (object == NULL)
    return NULL;

  copy = json_object_new ();
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, copy_node (json_object_get_member (object, l->data)));
  return copy;
}

/**
 * cd_publication_copy:
 * @self: a #CdPublication
 *
 * Returns: (transfer full): an independent copy
 */
CdPublication *
cd_publication_copy (CdPublication *self)
{
  CdPublication *copy;

  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);

  copy = g_object_new (CD_TYPE_PUBLICATION, NULL);
  g_free (copy->site);
  copy->site = g_strdup (self->site);
  copy->post_id = self->post_id;
  cd_publication_set_link (copy, self->link);
  cd_publication_set_media (copy, self->media_id, self->media_source);
  cd_publication_set_modified_gmt (copy, self->modified_gmt);
  cd_publication_set_fingerprint (copy, self->fingerprint);
  cd_publication_set_status (copy, self->status);
  cd_publication_set_slug (copy, self->slug);
  cd_publication_set_tag_ids (copy, (const gint64 *) self->tag_ids->data, self->tag_ids->len);
  cd_publication_set_category_ids (copy, (const gint64 *) self->category_ids->data,
                                   self->category_ids->len);
  cd_publication_set_pushed (copy, self->pushed);
  copy->extra = copy_object (self->extra);
  return copy;
}

static gboolean
ids_equal (GArray *a,
           GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

static gboolean
extras_equal (JsonObject *a,
              JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty == b_empty;

  return json_object_equal (a, b);
}

/**
 * cd_publication_equal:
 * @a: a #CdPublication
 * @b: another #CdPublication
 *
 * Returns: %TRUE when the two records would be saved alike
 */
gboolean
cd_publication_equal (CdPublication *a,
                      CdPublication *b)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (a), FALSE);
  g_return_val_if_fail (CD_IS_PUBLICATION (b), FALSE);

  if (a == b)
    return TRUE;

  return a->post_id == b->post_id &&
         a->media_id == b->media_id &&
         strcmp (a->site, b->site) == 0 &&
         strcmp (a->link, b->link) == 0 &&
         strcmp (a->media_source, b->media_source) == 0 &&
         strcmp (a->modified_gmt, b->modified_gmt) == 0 &&
         strcmp (a->fingerprint, b->fingerprint) == 0 &&
         strcmp (a->status, b->status) == 0 &&
         strcmp (a->slug, b->slug) == 0 &&
         ids_equal (a->tag_ids, b->tag_ids) &&
         ids_equal (a->category_ids, b->category_ids) &&
         ((a->pushed == NULL && b->pushed == NULL) ||
          (a->pushed != NULL && b->pushed != NULL &&
           g_date_time_equal (a->pushed, b->pushed) &&
           g_date_time_get_utc_offset (a->pushed) == g_date_time_get_utc_offset (b->pushed))) &&
         extras_equal (a->extra, b->extra);
}

const char *
cd_publication_get_site (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->site;
}

gint64
cd_publication_get_post_id (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), 0);
  return self->post_id;
}

void
cd_publication_set_post_id (CdPublication *self,
                            gint64         post_id)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  self->post_id = MAX (post_id, 0);
}

static void
replace_text (char       **field,
              const char  *value)
{
  char *copy = g_strdup (value != NULL ? value : "");

  g_free (*field);
  *field = copy;
}

const char *
cd_publication_get_link (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->link;
}

void
cd_publication_set_link (CdPublication *self,
                         const char    *link)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  replace_text (&self->link, link);
}

gint64
cd_publication_get_media_id (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), 0);
  return self->media_id;
}

const char *
cd_publication_get_media_source (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->media_source;
}

void
cd_publication_set_media (CdPublication *self,
                          gint64         media_id,
                          const char    *source)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  self->media_id = MAX (media_id, 0);
  replace_text (&self->media_source, source);
}

const char *
cd_publication_get_modified_gmt (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->modified_gmt;
}

void
cd_publication_set_modified_gmt (CdPublication *self,
                                 const char    *modified_gmt)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  replace_text (&self->modified_gmt, modified_gmt);
}

const char *
cd_publication_get_fingerprint (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->fingerprint;
}

void
cd_publication_set_fingerprint (CdPublication *self,
                                const char    *fingerprint)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  replace_text (&self->fingerprint, fingerprint);
}

const char *
cd_publication_get_status (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->status;
}

void
cd_publication_set_status (CdPublication *self,
                           const char    *status)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  replace_text (&self->status, status);
}

const char *
cd_publication_get_slug (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->slug;
}

void
cd_publication_set_slug (CdPublication *self,
                         const char    *slug)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  replace_text (&self->slug, slug);
}

/**
 * cd_publication_get_tag_ids:
 * @self: a #CdPublication
 * @n_ids: (out): the number of ids
 *
 * Returns: (array length=n_ids) (transfer none) (nullable): the tag ids
 */
const gint64 *
cd_publication_get_tag_ids (CdPublication *self,
                            gsize         *n_ids)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->tag_ids->len;
  return (const gint64 *) self->tag_ids->data;
}

static void
replace_ids (GArray       *array,
             const gint64 *ids,
             gsize         n_ids)
{
  /* The caller may hand back the array's own data. */
  g_autofree gint64 *copy = n_ids > 0 ? g_memdup2 (ids, n_ids * sizeof (gint64)) : NULL;

  g_array_set_size (array, 0);
  if (n_ids > 0)
    g_array_append_vals (array, copy, n_ids);
}

void
cd_publication_set_tag_ids (CdPublication *self,
                            const gint64  *ids,
                            gsize          n_ids)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  g_return_if_fail (ids != NULL || n_ids == 0);
  replace_ids (self->tag_ids, ids, n_ids);
}

/**
 * cd_publication_get_category_ids:
 * @self: a #CdPublication
 * @n_ids: (out): the number of ids
 *
 * Returns: (array length=n_ids) (transfer none) (nullable): the category ids
 */
const gint64 *
cd_publication_get_category_ids (CdPublication *self,
                                 gsize         *n_ids)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->category_ids->len;
  return (const gint64 *) self->category_ids->data;
}

void
cd_publication_set_category_ids (CdPublication *self,
                                 const gint64  *ids,
                                 gsize          n_ids)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));
  g_return_if_fail (ids != NULL || n_ids == 0);
  replace_ids (self->category_ids, ids, n_ids);
}

/**
 * cd_publication_get_pushed:
 * @self: a #CdPublication
 *
 * Returns: (transfer none) (nullable): when the last push was answered
 */
GDateTime *
cd_publication_get_pushed (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->pushed;
}

void
cd_publication_set_pushed (CdPublication *self,
                           GDateTime     *pushed)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));

  if (pushed != NULL)
    g_date_time_ref (pushed);
  g_clear_pointer (&self->pushed, g_date_time_unref);
  self->pushed = pushed;
}

/**
 * cd_publication_get_extra:
 * @self: a #CdPublication
 *
 * Returns: (transfer none) (nullable): the members this version does not know
 */
JsonObject *
cd_publication_get_extra (CdPublication *self)
{
  g_return_val_if_fail (CD_IS_PUBLICATION (self), NULL);
  return self->extra;
}

void
cd_publication_set_extra (CdPublication *self,
                          JsonObject    *extra)
{
  g_return_if_fail (CD_IS_PUBLICATION (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
