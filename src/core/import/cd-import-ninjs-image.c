/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The lead image of a ninjs document: the association that is the feature
 * image (or the document itself when it is a picture), the rendition whose
 * href becomes the image's source, and its caption, alt text, credit,
 * photographer and copyright. */

#include "config.h"

#define G_LOG_DOMAIN "cd-import-ninjs"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-import-ninjs-private.h"
#include "cd-text.h"
#include "cd-url.h"

gboolean
cd_import_ninjs_is_picture_type (const char *type)
{
  return cd_import_ninjs_role_is (type, "picture") || cd_import_ninjs_role_is (type, "graphic");
}

/* Collects the renditions of an association or picture, 2.x (a list) or
 * 1.x (an object keyed by name), with their names and their paths for
 * messages. */
static gboolean
read_renditions (Importer    *self,
                 JsonObject  *object,
                 const char  *parent,
                 GPtrArray   *renditions,
                 GPtrArray   *names,
                 GPtrArray   *paths)
{
  g_autofree char *path = cd_import_ninjs_member_path (parent, "renditions");
  JsonNode *node = json_object_get_member (object, "renditions");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element = g_strdup_printf ("%s[%u]", path, i);
          JsonObject *rendition;
          const char *name;

          if (!cd_import_ninjs_array_object (self, array, path, i, &rendition) ||
              !cd_import_ninjs_read_string (self, rendition, element, "name", &name))
            return FALSE;

          g_ptr_array_add (renditions, rendition);
          g_ptr_array_add (names, (gpointer) (name != NULL ? name : ""));
          g_ptr_array_add (paths, g_steal_pointer (&element));
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *by_name = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (by_name);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (by_name, l->data);
          g_autofree char *element = cd_import_ninjs_member_path (path, l->data);

          if (!JSON_NODE_HOLDS_OBJECT (child))
            return cd_import_ninjs_wrong_type (self, element, _("an object"), child);

          g_ptr_array_add (renditions, json_node_get_object (child));
          g_ptr_array_add (names, l->data);
          g_ptr_array_add (paths, g_steal_pointer (&element));
        }
    }
  else
    {
      return cd_import_ninjs_wrong_type (self, path, _("a list"), node);
    }

  return TRUE;
}

/* The address of the image an association or picture document stands
 * for: see the top of this file. */
static gboolean
image_source (Importer    *self,
              JsonObject  *object,
              const char  *path,
              const char  *article_uri,
              char       **out)
{
  static const char * const preferred[] = { "original", "main", "highres", "baseimage", NULL };
  g_autoptr(GPtrArray) renditions = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *uri;
  const char *best = NULL;
  const char *widest = NULL;
  const char *bundle_name = NULL;
  const char *href;
  guint best_rank = G_MAXUINT;
  gint64 widest_width = -1;

  *out = NULL;

  if (!cd_import_ninjs_read_string (self, object, path, "uri", &uri) ||
      !read_renditions (self, object, path, renditions, names, paths))
    return FALSE;

  for (guint i = 0; i < renditions->len; i++)
    {
      JsonObject *rendition = g_ptr_array_index (renditions, i);
      const char *name = g_ptr_array_index (names, i);
      JsonNode *width_node = json_object_get_member (rendition, "width");
      gint64 width = 0;
      const char *candidate;
      const char *title;

      if (!cd_import_ninjs_read_string (self, rendition, g_ptr_array_index (paths, i), "href", &candidate) ||
          !cd_import_ninjs_read_string (self, rendition, g_ptr_array_index (paths, i), "title", &title))
        return FALSE;

      if (width_node != NULL && JSON_NODE_HOLDS_VALUE (width_node) &&
          json_node_get_value_type (width_node) == G_TYPE_INT64)
        width = json_node_get_int (width_node);

      if (candidate == NULL)
        {
          if (bundle_name == NULL && title != NULL && g_ascii_strcasecmp (name, "original") == 0)
            bundle_name = title;
          continue;
        }

      for (guint rank = 0; preferred[rank] != NULL && rank < best_rank; rank++)
        {
          if (g_ascii_strcasecmp (name, preferred[rank]) == 0)
            {
              best = candidate;
              best_rank = rank;
            }
        }

      if (width > widest_width)
        {
          widest = candidate;
          widest_width = width;
        }
    }

  href = best != NULL ? best : widest;

  /* An exported bundle: the image is the file beside the document, and
   * the association's uri is the document's with "#featureimage". */
  if (href == NULL && bundle_name != NULL && uri != NULL && article_uri != NULL &&
      g_str_has_prefix (uri, article_uri) &&
      strcmp (uri + strlen (article_uri), "#featureimage") == 0)
    href = bundle_name;

  if (href == NULL)
    href = uri;

  if (!cd_import_ninjs_check_length (self, path != NULL ? path : "renditions", href, MAX_TEXT_BYTES))
    return FALSE;

  *out = g_strdup (href);
  return TRUE;
}

static gboolean
import_image_from (Importer   *self,
                   JsonObject *object,
                   const char *path,
                   const char *article_uri,
                   CdArticle  *article)
{
  static const char * const caption_roles[] = {
    "caption", "text", "", "main", "usable", "richtext", "html", NULL
  };
  static const char * const alt_roles[] = { "alt", NULL };
  static const char * const credit_roles[] = { "creditline", NULL };
  CdImage *image = cd_article_get_image (article);
  g_autoptr(GArray) items = NULL;
  g_autofree char *source = NULL;
  const char *by;
  const char *notice;
  const char *holder;
  struct
  {
    const char * const *roles;
    void              (*setter) (CdImage *, const char *);
  } texts[] = {
    { caption_roles, cd_image_set_caption },
    { alt_roles, cd_image_set_alt },
    { credit_roles, cd_image_set_credit },
  };

  if (!image_source (self, object, path, article_uri, &source) ||
      !cd_import_ninjs_read_all_items (self, object, path, "descriptions", "description_", &items) ||
      !cd_import_ninjs_read_string (self, object, path, "by", &by) ||
      (by == NULL && !cd_import_ninjs_read_string (self, object, path, "byline", &by)) ||
      !cd_import_ninjs_read_string (self, object, path, "copyrightnotice", &notice) ||
      !cd_import_ninjs_read_string (self, object, path, "copyrightholder", &holder))
    return FALSE;

  if (cd_text_is_blank (source))
    return TRUE;

  /* A wire story is somebody else's document: it may name a picture on the
   * web or one beside it (an exported bundle), never another file of this
   * computer, which an export would then carry out. */
  if (!cd_url_is_web_address (source) && !cd_image_source_stays_inside (source))
    {
      char *warning = g_strdup_printf (_("%s: the lead image “%s” is not a web address or a "
                                         "file beside the document, so it was left out. "
                                         "Choose the picture again."),
                                       self->display_name, source);

      g_debug ("%s", warning);
      g_ptr_array_add (self->warnings, warning);
      g_clear_pointer (&source, g_free);
    }
  else
    {
      cd_image_set_source (image, source);
    }

  for (size_t i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const TextItem *item = cd_import_ninjs_pick_item (items, texts[i].roles, FALSE);
      g_autofree char *text = NULL;

      if (item == NULL)
        continue;

      text = cd_import_ninjs_item_text (item);
      if (!cd_import_ninjs_check_length (self, path, text, MAX_TEXT_BYTES))
        return FALSE;
      texts[i].setter (image, text);
    }

  if (!cd_import_ninjs_check_length (self, path, by, MAX_TEXT_BYTES) ||
      !cd_import_ninjs_check_length (self, path, notice, MAX_TEXT_BYTES) ||
      !cd_import_ninjs_check_length (self, path, holder, MAX_TEXT_BYTES))
    return FALSE;

  if (by != NULL)
    cd_image_set_photographer (image, by);
  if (notice != NULL)
    cd_image_set_copyright (image, notice);
  else if (holder != NULL)
    cd_image_set_copyright (image, holder);

  return TRUE;
}

/* Finds the association that is the lead image: "featureimage", else the
 * first picture, else the first graphic. */
gboolean
cd_import_ninjs_import_image (Importer   *self,
                              JsonObject *root,
                              gboolean    picture,
                              const char *uri,
                              CdArticle  *article)
{
  JsonNode *node = json_object_get_member (root, "associations");
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  JsonObject *chosen = NULL;
  const char *chosen_path = NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("associations[%u]", i);
          JsonObject *association;
          const char *name;
          const char *type;

          if (!cd_import_ninjs_array_object (self, array, "associations", i, &association) ||
              !cd_import_ninjs_read_string (self, association, path, "name", &name) ||
              !cd_import_ninjs_read_string (self, association, path, "type", &type))
            return FALSE;

          g_ptr_array_add (candidates, association);
          g_ptr_array_add (names, g_strdup (name != NULL ? name : ""));
          g_ptr_array_add (types, (gpointer) (type != NULL ? type : ""));
          g_ptr_array_add (paths, g_steal_pointer (&path));
        }
    }
  else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      /* 1.x: associations keyed by name. */
      JsonObject *by_name = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (by_name);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (by_name, l->data);
          g_autofree char *path = cd_import_ninjs_member_path ("associations", l->data);
          const char *type;

          if (!JSON_NODE_HOLDS_OBJECT (child))
            return cd_import_ninjs_wrong_type (self, path, _("an object"), child);

          if (!cd_import_ninjs_read_string (self, json_node_get_object (child), path, "type", &type))
            return FALSE;

          g_ptr_array_add (candidates, json_node_get_object (child));
          g_ptr_array_add (names, g_strdup (l->data));
          g_ptr_array_add (types, (gpointer) (type != NULL ? type : ""));
          g_ptr_array_add (paths, g_steal_pointer (&path));
        }
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      return cd_import_ninjs_wrong_type (self, "associations", _("a list"), node);
    }

  for (guint pass = 0; chosen == NULL && pass < 3; pass++)
    {
      for (guint i = 0; chosen == NULL && i < candidates->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          const char *type = g_ptr_array_index (types, i);

          if ((pass == 0 && strcmp (name, "featureimage") == 0) ||
              (pass == 1 && cd_import_ninjs_role_is (type, "picture")) ||
              (pass == 2 && cd_import_ninjs_role_is (type, "graphic")))
            {
              chosen = g_ptr_array_index (candidates, i);
              chosen_path = g_ptr_array_index (paths, i);
            }
        }
    }

  if (chosen != NULL)
    return import_image_from (self, chosen, chosen_path, uri, article);

  /* A picture document is its own lead image. */
  if (picture)
    return import_image_from (self, root, NULL, uri, article);

  return TRUE;
}
