/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Reading the members of a ninjs document: strings and arrays checked for
 * their type and size, and the place of a member in the document for
 * messages ("people[2].name"). A reader stops at the first wrong member
 * with a message that names the file and the member and says what was
 * expected; what ninjs allows but Copydesk cannot use is left out with a
 * warning instead. */

#include "config.h"

#define G_LOG_DOMAIN "cd-import-ninjs"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-import-ninjs-private.h"
#include "cd-json.h"

gboolean G_GNUC_PRINTF (3, 4)
cd_import_ninjs_fail (Importer      *self,
                      CdImportError  code,
                      const char    *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (self->error, CD_IMPORT_ERROR, code, "%s: %s", self->display_name, message);
  return FALSE;
}

gboolean
cd_import_ninjs_wrong_type (Importer   *self,
                            const char *path,
                            const char *expected,
                            JsonNode   *node)
{
  /* Translators: e.g. "“headlines[1].value” must be text, not a number". */
  return cd_import_ninjs_fail (self, CD_IMPORT_ERROR_INVALID, _("“%s” must be %s, not %s"),
                               path, expected, cd_json_describe_node (node));
}

char *
cd_import_ninjs_member_path (const char *parent,
                             const char *member)
{
  if (parent == NULL || parent[0] == '\0')
    return g_strdup (member);

  return g_strconcat (parent, ".", member, NULL);
}

/* Reads an optional text member: missing or null leaves *out NULL. */
gboolean
cd_import_ninjs_read_string (Importer    *self,
                             JsonObject  *object,
                             const char  *parent,
                             const char  *member,
                             const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *path = cd_import_ninjs_member_path (parent, member);

      return cd_import_ninjs_wrong_type (self, path, _("text"), node);
    }

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
cd_import_ninjs_read_array (Importer    *self,
                            JsonObject  *object,
                            const char  *parent,
                            const char  *member,
                            JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *path = cd_import_ninjs_member_path (parent, member);

      return cd_import_ninjs_wrong_type (self, path, _("a list"), node);
    }

  *out = json_node_get_array (node);
  return TRUE;
}

/* Gets element @index of an array that must hold objects. */
gboolean
cd_import_ninjs_array_object (Importer    *self,
                              JsonArray   *array,
                              const char  *path,
                              guint        index,
                              JsonObject **out)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", path, index);

      return cd_import_ninjs_wrong_type (self, element, _("an object"), node);
    }

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
cd_import_ninjs_check_length (Importer   *self,
                              const char *path,
                              const char *value,
                              gsize       max_bytes)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length > max_bytes)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (max_bytes);

      return cd_import_ninjs_fail (self, CD_IMPORT_ERROR_INVALID,
                                   _("“%s” is %s long, more than the %s Copydesk accepts in this field"),
                                   path, size, limit);
    }

  return TRUE;
}

gboolean
cd_import_ninjs_role_is (const char *role,
                         const char *name)
{
  return role != NULL && g_ascii_strcasecmp (role, name) == 0;
}
