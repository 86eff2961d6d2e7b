/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Reading house rules from JSON: the checks of every key, limit and rule
 * in a house-rules file, the messages that say where a wrong value is and
 * what was meant, and the public loaders that build a CdHouseRules from
 * the shipped defaults, from data or from a file. */

#include "config.h"

#define G_LOG_DOMAIN "cd-house-rules"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-core-resources.h"
#include "cd-file-util.h"
#include "cd-house-rules-private.h"
#include "cd-json.h"
#include "cd-stats.h"
#include "cd-url.h"

#define HOUSE_RULES_FORMAT   "copydesk-house-rules"
#define HOUSE_RULES_VERSION  1
#define DEFAULT_RESOURCE     "/io/github/copydesk/Copydesk/core/house-rules.json"

static const char * const top_level_keys[] = {
  "$schema",
  "format",
  "version",
  "name",
  "reading_speed",
  "image_base_url",
  "limits",
  "rules",
  "words",
  NULL
};

/* Loading */

typedef struct
{
  const char *display_name;
  const char *data;
  gsize       length;
  /* JsonNode → offset of the member's key that holds it, recorded while
   * parsing so that a wrong value can be reported where it is. */
  GHashTable *offsets;
} LoadContext;

static void
load_context_clear (LoadContext *ctx)
{
  g_clear_pointer (&ctx->offsets, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadContext, load_context_clear)

/* Where the member holding @node is, or 0 when that is not known. */
static gsize
node_position (LoadContext *ctx,
               JsonNode    *node)
{
  if (node == NULL)
    return 0;

  return GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->offsets, node));
}

static void set_error_at (GError      **error,
                          LoadContext  *ctx,
                          gsize         position,
                          int           code,
                          const char   *format,
                          ...) G_GNUC_PRINTF (5, 6);

/* Reports a problem at @position (from node_position()), as the file,
 * line and column, then the message. */
static void
set_error_at (GError      **error,
              LoadContext  *ctx,
              gsize         position,
              int           code,
              const char   *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (position > 0)
    {
      guint line;
      guint column;

      cd_json_locate (ctx->data, ctx->length, position, &line, &column);
      g_set_error (error, CD_HOUSE_RULES_ERROR, code,
                   "%s:%u:%u: %s", ctx->display_name, line, column, message);
    }
  else
    g_set_error (error, CD_HOUSE_RULES_ERROR, code,
                 "%s: %s", ctx->display_name, message);
}

/* A JSON value as a person would recognise it in their file. */
static char *
describe_node (JsonNode *node)
{
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));

    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));

    case JSON_NODE_NULL:
      return g_strdup ("null");

    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    {
      g_autofree char *excerpt = cd_json_excerpt (json_node_get_string (node));

      return g_strdup_printf ("“%s”", excerpt);
    }

  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return g_strdup_printf ("%g", json_node_get_double (node));
}

static gboolean
node_get_positive_int (JsonNode *node,
                       int      *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    {
      gint64 number = json_node_get_int (node);

      if (number < 1 || number > G_MAXINT)
        return FALSE;

      *value = (int) number;
      return TRUE;
    }

  /* JSON does not tell 70 from 70.0, and neither does JSON Schema. */
  if (type == G_TYPE_DOUBLE)
    {
      double number = json_node_get_double (node);

      if (!(number >= 1 && number <= G_MAXINT) || number != (double) (int) number)
        return FALSE;

      *value = (int) number;
      return TRUE;
    }

  return FALSE;
}

static const char *
node_get_string (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The optimal string alignment distance, which counts a swap of two
 * neighbouring letters ("lenght") as one edit. */
static size_t
edit_distance (const char *a,
               const char *b)
{
  size_t la = strlen (a);
  size_t lb = strlen (b);
  g_autofree size_t *d = g_new0 (size_t, (la + 1) * (lb + 1));

#define D(i, j) d[(i) * (lb + 1) + (j)]
  for (size_t i = 0; i <= la; i++)
    D (i, 0) = i;
  for (size_t j = 0; j <= lb; j++)
    D (0, j) = j;

  for (size_t i = 1; i <= la; i++)
    {
      for (size_t j = 1; j <= lb; j++)
        {
          size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
          size_t best = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);

          best = MIN (best, D (i - 1, j - 1) + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, D (i - 2, j - 2) + 1);
          D (i, j) = best;
        }
    }

  return D (la, lb);
#undef D
}

/* The known id closest to a misspelt one, if one is close enough to be
 * what was meant. */
static const char *
closest_id (const char * const *ids,
            const char         *unknown)
{
  const char *closest = NULL;
  size_t closest_distance = 3;

  /* The distance takes time and memory in the product of the lengths; a
   * name this long is no misspelling of a short id anyway. */
  if (strlen (unknown) > 64)
    return NULL;

  for (size_t i = 0; ids[i] != NULL; i++)
    {
      size_t distance = edit_distance (unknown, ids[i]);

      if (distance < closest_distance)
        {
          closest = ids[i];
          closest_distance = distance;
        }
    }

  return closest;
}

static char *
join_ids (const char * const *ids)
{
  return g_strjoinv (", ", (char **) ids);
}

static gboolean
load_limits (CdHouseRules  *self,
             LoadContext   *ctx,
             JsonNode      *limits_node,
             GError       **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *limits;

  if (!JSON_NODE_HOLDS_OBJECT (limits_node))
    {
      g_autofree char *found = describe_node (limits_node);

      set_error_at (error, ctx, node_position (ctx, limits_node), CD_HOUSE_RULES_ERROR_INVALID,
                    _("“limits” must be an object of limit names and numbers, not %s."),
                    found);
      return FALSE;
    }

  limits = json_node_get_object (limits_node);
  members = json_object_get_members (limits);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *limit_id = l->data;
      JsonNode *node = json_object_get_member (limits, limit_id);
      int index = cd_house_rules_find_id (limit_ids, limit_id);
      int value;

      if (index < 0)
        {
          g_autofree char *known = join_ids (limit_ids);
          g_autofree char *quoted = cd_json_excerpt (limit_id);
          const char *closest = closest_id (limit_ids, limit_id);

          if (closest != NULL)
            set_error_at (error, ctx, node_position (ctx, node), CD_HOUSE_RULES_ERROR_INVALID,
                          _("unknown limit “%s” in “limits”; did you mean “%s”? "
                            "Known limits are %s."),
                          quoted, closest, known);
          else
            set_error_at (error, ctx, node_position (ctx, node), CD_HOUSE_RULES_ERROR_INVALID,
                          _("unknown limit “%s” in “limits”; known limits are %s."),
                          quoted, known);
          return FALSE;
        }

      if (!node_get_positive_int (node, &value))
        {
          g_autofree char *found = describe_node (node);

          set_error_at (error, ctx, node_position (ctx, node), CD_HOUSE_RULES_ERROR_INVALID,
                        _("the limit “%s” must be a positive whole number, not %s."),
                        limit_id, found);
          return FALSE;
        }

      self->limits[index] = value;
    }

  /* Checked on the merged values: a file that lowers only the hard limit
   * below the default soft one is as wrong as one that sets both. */
  for (size_t i = 0; limit_ids[i] != NULL; i++)
    {
      g_autofree char *prefix = NULL;
      g_autofree char *hard_id = NULL;
      JsonNode *node;
      int hard_index;

      if (!g_str_has_suffix (limit_ids[i], ".soft"))
        continue;

      prefix = g_strndup (limit_ids[i], strlen (limit_ids[i]) - strlen (".soft"));
      hard_id = g_strconcat (prefix, ".hard", NULL);
      hard_index = cd_house_rules_find_id (limit_ids, hard_id);
      g_assert (hard_index >= 0);

      if (self->limits[i] <= self->limits[hard_index])
        continue;

      node = json_object_get_member (limits, limit_ids[i]);
      if (node == NULL)
        node = json_object_get_member (limits, hard_id);

      set_error_at (error, ctx, node_position (ctx, node), CD_HOUSE_RULES_ERROR_INVALID,
                    _("the soft limit “%s” (%d) is greater than the hard limit “%s” (%d). "
                      "Lower the soft limit or raise the hard one."),
                    limit_ids[i], self->limits[i], hard_id, self->limits[hard_index]);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_rules (CdHouseRules  *self,
            LoadContext   *ctx,
            JsonNode      *rules_node,
            GError       **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *rules;

  if (!JSON_NODE_HOLDS_OBJECT (rules_node))
    {
      g_autofree char *found = describe_node (rules_node);

      set_error_at (error, ctx, node_position (ctx, rules_node), CD_HOUSE_RULES_ERROR_INVALID,
                    _("“rules” must be an object of rule names and severities, not %s."),
                    found);
      return FALSE;
    }

  rules = json_node_get_object (rules_node);
  members = json_object_get_members (rules);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *rule_id = l->data;
      JsonNode *node = json_object_get_member (rules, rule_id);
      int index = cd_house_rules_find_id (rule_ids, rule_id);
      const char *level;

      if (index < 0)
        {
          g_autofree char *known = join_ids (rule_ids);
          g_autofree char *quoted = cd_json_excerpt (rule_id);
          const char *closest = closest_id (rule_ids, rule_id);

          if (closest != NULL)
            set_error_at (error, ctx, node_position (ctx, node), CD_HOUSE_RULES_ERROR_INVALID,
                          _("unknown rule “%s” in “rules”; did you mean “%s”? "
                            "Known rules are %s."),
                          quoted, closest, known);
          else
            set_error_at (error, ctx, node_position (ctx, node), CD_HOUSE_RULES_ERROR_INVALID,
                          _("unknown rule “%s” in “rules”; known rules are %s."),
                          quoted, known);
          return FALSE;
        }

      level = node_get_string (node);

      if (g_strcmp0 (level, "error") == 0)
        self->levels[index] = CD_RULE_LEVEL_ERROR;
      else if (g_strcmp0 (level, "warning") == 0)
        self->levels[index] = CD_RULE_LEVEL_WARNING;
      else if (g_strcmp0 (level, "off") == 0)
        self->levels[index] = CD_RULE_LEVEL_OFF;
      else
        {
          g_autofree char *found = describe_node (node);

          set_error_at (error, ctx, node_position (ctx, node), CD_HOUSE_RULES_ERROR_INVALID,
                        _("the rule “%s” is set to %s; use “error”, “warning” or “off”."),
                        rule_id, found);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_member (CdHouseRules  *self,
             LoadContext   *ctx,
             const char    *key,
             JsonNode      *node,
             GError       **error)
{
  gsize position = node_position (ctx, node);

  if (strcmp (key, "format") == 0 || strcmp (key, "version") == 0)
    {
      /* Checked before anything else. */
      return TRUE;
    }
  else if (strcmp (key, "$schema") == 0)
    {
      if (node_get_string (node) == NULL)
        {
          set_error_at (error, ctx, position, CD_HOUSE_RULES_ERROR_INVALID,
                        _("“$schema” must be the text of a URL."));
          return FALSE;
        }
    }
  else if (strcmp (key, "name") == 0)
    {
      const char *name = node_get_string (node);

      if (name == NULL || name[0] == '\0')
        {
          set_error_at (error, ctx, position, CD_HOUSE_RULES_ERROR_INVALID,
                        _("“name” must be a non-empty text naming these house rules."));
          return FALSE;
        }

      g_free (self->name);
      self->name = g_strdup (name);
    }
  else if (strcmp (key, "reading_speed") == 0)
    {
      int speed;

      if (!node_get_positive_int (node, &speed))
        {
          g_autofree char *found = describe_node (node);

          set_error_at (error, ctx, position, CD_HOUSE_RULES_ERROR_INVALID,
                        _("“reading_speed” must be a positive whole number of words per minute, "
                          "not %s."),
                        found);
          return FALSE;
        }

      self->reading_speed = (guint) speed;
    }
  else if (strcmp (key, "image_base_url") == 0)
    {
      const char *url = node_get_string (node);

      if (url == NULL || (url[0] != '\0' && !cd_url_is_web_address (url)))
        {
          g_autofree char *found = describe_node (node);

          set_error_at (error, ctx, position, CD_HOUSE_RULES_ERROR_INVALID,
                        _("“image_base_url” must be empty or an absolute http or https URL "
                          "such as “https://images.example.com/”, not %s."),
                        found);
          return FALSE;
        }

      g_free (self->image_base_url);
      self->image_base_url = g_strdup (url);
    }
  else if (strcmp (key, "limits") == 0)
    {
      return load_limits (self, ctx, node, error);
    }
  else if (strcmp (key, "rules") == 0)
    {
      return load_rules (self, ctx, node, error);
    }
  else if (strcmp (key, "words") == 0)
    {
      g_autofree char *problem = NULL;

      if (!cd_house_rules_load_words (self, node, &problem))
        {
          set_error_at (error, ctx, position, CD_HOUSE_RULES_ERROR_INVALID, "%s", problem);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *known = join_ids (top_level_keys);
      g_autofree char *quoted = cd_json_excerpt (key);
      const char *closest = closest_id (top_level_keys, key);

      if (closest != NULL)
        set_error_at (error, ctx, position, CD_HOUSE_RULES_ERROR_INVALID,
                      _("unknown key “%s”; did you mean “%s”? Known keys are %s."),
                      quoted, closest, known);
      else
        set_error_at (error, ctx, position, CD_HOUSE_RULES_ERROR_INVALID,
                      _("unknown key “%s”; known keys are %s."),
                      quoted, known);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_format_and_version (LoadContext  *ctx,
                         JsonObject   *root,
                         GError      **error)
{
  JsonNode *format_node = json_object_get_member (root, "format");
  JsonNode *version_node = json_object_get_member (root, "version");
  const char *format;
  int version;

  if (format_node == NULL)
    {
      set_error_at (error, ctx, 0, CD_HOUSE_RULES_ERROR_INVALID,
                    _("this is not a house-rules file: it has no “format”. "
                      "House rules start with \"format\": \"%s\", \"version\": %d."),
                    HOUSE_RULES_FORMAT, HOUSE_RULES_VERSION);
      return FALSE;
    }

  format = node_get_string (format_node);

  if (g_strcmp0 (format, HOUSE_RULES_FORMAT) != 0)
    {
      g_autofree char *found = describe_node (format_node);

      set_error_at (error, ctx, node_position (ctx, format_node), CD_HOUSE_RULES_ERROR_INVALID,
                    _("this is not a house-rules file: “format” is %s, not “%s”."),
                    found, HOUSE_RULES_FORMAT);
      return FALSE;
    }

  if (version_node == NULL)
    {
      set_error_at (error, ctx, 0, CD_HOUSE_RULES_ERROR_INVALID,
                    _("the file has no “version”; add \"version\": %d."),
                    HOUSE_RULES_VERSION);
      return FALSE;
    }

  if (!node_get_positive_int (version_node, &version))
    {
      g_autofree char *found = describe_node (version_node);

      set_error_at (error, ctx, node_position (ctx, version_node), CD_HOUSE_RULES_ERROR_INVALID,
                    _("“version” must be a positive whole number, not %s."),
                    found);
      return FALSE;
    }

  if (version > HOUSE_RULES_VERSION)
    {
      set_error_at (error, ctx, node_position (ctx, version_node), CD_HOUSE_RULES_ERROR_INVALID,
                    _("the file is house-rules version %d, but this version of Copydesk "
                      "reads up to version %d. Update Copydesk, or write the file for version %d."),
                    version, HOUSE_RULES_VERSION, HOUSE_RULES_VERSION);
      return FALSE;
    }

  return TRUE;
}

static CdHouseRules *
house_rules_load (const char  *data,
                  gsize        length,
                  const char  *display_name,
                  GError     **error)
{
  g_autoptr(CdHouseRules) self = NULL;
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  g_auto(LoadContext) ctx = { 0 };
  JsonObject *root;

  ctx.display_name = display_name;

  if (length > CD_HOUSE_RULES_MAX_SIZE)
    {
      set_error_at (error, &ctx, 0, CD_HOUSE_RULES_ERROR_INVALID,
                    _("the file is larger than 1 MiB; house rules take a few kilobytes. "
                      "Check that this is the right file."));
      return NULL;
    }

  ctx.data = data;
  ctx.length = length;
  ctx.offsets = g_hash_table_new (NULL, NULL);

  /* Copydesk's own parser, as for articles: it does not recurse, so a file
   * nested thousands of levels deep is an error, not a crash; it refuses
   * duplicate keys, which would otherwise make an edit to the first one be
   * ignored without a word; and its messages are UTF-8 with the file, line
   * and column, quoting only short excerpts. */
  root_node = cd_json_parse_full (data, length, display_name, CD_LIMIT_JSON_DEPTH,
                                  CD_JSON_PARSE_DEFAULT, ctx.offsets, &local_error);
  if (root_node == NULL)
    {
      if (g_error_matches (local_error, CD_JSON_ERROR, CD_JSON_ERROR_EMPTY))
        set_error_at (error, &ctx, 0, CD_HOUSE_RULES_ERROR_SYNTAX,
                      _("the file is empty. House rules are a JSON object that starts with "
                        "\"format\": \"%s\", \"version\": %d."),
                      HOUSE_RULES_FORMAT, HOUSE_RULES_VERSION);
      else if (g_error_matches (local_error, CD_JSON_ERROR, CD_JSON_ERROR_DUPLICATE_KEY))
        g_set_error_literal (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_INVALID,
                             local_error->message);
      else
        g_set_error_literal (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_SYNTAX,
                             local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *found = describe_node (root_node);

      set_error_at (error, &ctx, 0, CD_HOUSE_RULES_ERROR_INVALID,
                    _("house rules are a JSON object, not %s."), found);
      return NULL;
    }

  root = json_node_get_object (root_node);

  if (!load_format_and_version (&ctx, root, error))
    return NULL;

  self = g_object_new (CD_TYPE_HOUSE_RULES, NULL);

  /* A file without a name of its own is known by its file name, so that it is
   * not mistaken for the defaults it inherits from. */
  g_free (self->name);
  self->name = g_path_get_basename (display_name);

  members = json_object_get_members (root);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!load_member (self, &ctx, l->data, json_object_get_member (root, l->data), error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/* Public API */

/**
 * cd_house_rules_new_default:
 *
 * Creates the house rules that Copydesk ships (data/house-rules.json), which
 * are also what a newsroom's own file inherits for every key it leaves out.
 *
 * Returns: (transfer full): the default house rules
 */
CdHouseRules *
cd_house_rules_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CdHouseRules *self = NULL;

  bytes = g_resource_lookup_data (cd_core_get_resource (), DEFAULT_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (bytes != NULL)
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);

      self = house_rules_load (data, length, "resource://" DEFAULT_RESOURCE, &error);
    }

  if (self == NULL)
    {
      /* The file is compiled in and checked by the tests, so this is a
       * packaging bug; the built-in values are the same rules. */
      g_critical ("The default house rules do not load: %s", error->message);
      return g_object_new (CD_TYPE_HOUSE_RULES, NULL);
    }

  return self;
}

/**
 * cd_house_rules_load_from_data:
 * @data: (array length=length): the contents of a house-rules file, in UTF-8
 * @length: the length of @data in bytes
 * @display_name: the name of the file for error messages, such as its path
 * @error: return location for a #GError
 *
 * Reads house rules from JSON. Every key the file leaves out keeps its
 * default value, so a newsroom can change one limit with a short file.
 *
 * Errors are in the %CD_HOUSE_RULES_ERROR domain and start with
 * @display_name, and the line and column when they are known: %CD_HOUSE_RULES_ERROR_SYNTAX
 * for JSON that does not parse, %CD_HOUSE_RULES_ERROR_INVALID for a file that
 * is larger than %CD_HOUSE_RULES_MAX_SIZE, is not version 1 house rules, or
 * names an unknown key, rule or limit, or has a wrong value.
 *
 * Returns: (transfer full): the house rules, or %NULL with @error set
 */
CdHouseRules *
cd_house_rules_load_from_data (const char  *data,
                               gsize        length,
                               const char  *display_name,
                               GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return house_rules_load (data != NULL ? data : "", length, display_name, error);
}

/**
 * cd_house_rules_load_from_file:
 * @file: a house-rules file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads house rules from @file, like cd_house_rules_load_from_data(), with
 * the file's parse name in error messages. A file that cannot be read gives
 * %CD_HOUSE_RULES_ERROR_READ; cancelling gives %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the house rules, or %NULL with @error set
 */
CdHouseRules *
cd_house_rules_load_from_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);

  /* A device or a pipe is refused before it is read, and no more than one
   * byte past the limit is read, which is enough to tell that a file is
   * too large. */
  if (!cd_file_read_bounded (file, CD_HOUSE_RULES_MAX_SIZE, cancellable,
                             &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          g_set_error (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_INVALID,
                       "%s: %s", display_name,
                       _("the file is larger than 1 MiB; house rules take a few kilobytes. "
                         "Check that this is the right file."));
          return NULL;
        }

      g_set_error (error, CD_HOUSE_RULES_ERROR, CD_HOUSE_RULES_ERROR_READ,
                   _("Could not read %s: %s"), display_name, local_error->message);
      return NULL;
    }

  return house_rules_load (data, length, display_name, error);
}
