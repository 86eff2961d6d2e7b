/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-media-topics"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "cd-core-resources.h"
#include "cd-json.h"
#include "cd-media-topics.h"
#include "cd-text.h"

/**
 * CdMediaTopics:
 *
 * The IPTC Media Topics vocabulary (CC BY 4.0, © IPTC; see
 * data/mediatopics/NOTICE.md).
 *
 * The data is IPTC's JSON export (IKOS/SKOS-like): an object whose
 * `conceptSet` lists concepts with `uri`, `prefLabel` (an object from
 * language tag to label), `definition`, `broader` (parent URIs) and
 * `retired` (a date, for retired concepts). Copydesk ships a compact subset
 * of IPTC's file that build-aux/derive-mediatopics.py writes; this parser
 * reads either, and ignores every other member.
 *
 * IPTC's file names Swedish “se” and Danish “dk”, which in BCP 47 are
 * Northern Sami and no language; they are read as “sv” and “da”, the tags
 * articles use.
 *
 * Everything is read once, into plain arrays. Each search language gets its
 * labels folded (case, accents) the first time it is searched, under a lock,
 * so that searching only compares bytes afterwards. A loaded vocabulary
 * never changes, so it can be searched from any thread.
 */

#define DEFAULT_RESOURCE "/io/github/copydesk/Copydesk/core/mediatopics/mediatopics.json"
#define CODE_PREFIX      "medtop:"

typedef struct
{
  const char *uri;
  const char *code;
  const char *definition;      /* English; nullable */
  const char *retired;         /* the date it was retired; NULL when active */
  int         parent;          /* index of the first broader concept, or -1 */
} Concept;

/* One language's labels, folded for searching. */
typedef struct
{
  const char **folded;         /* [n_concepts], the folded display labels */
} Folded;

struct _CdMediaTopics
{
  GObject       parent_instance;

  GStringChunk *strings;       /* every string below */
  Concept      *concepts;
  guint         n_concepts;
  GPtrArray    *languages;     /* (element-type utf8): BCP 47 tags in the data */
  const char  **labels;        /* [n_concepts * n_languages]; NULL where missing */
  int           english;       /* index of en-GB, en-US or en; -1 if none */
  GHashTable   *by_key;        /* code, URI → index + 1 */

  GMutex        folded_lock;
  Folded      **folded;        /* [n_languages], filled on first use */
};

G_DEFINE_FINAL_TYPE (CdMediaTopics, cd_media_topics, G_TYPE_OBJECT)

struct _CdMediaTopic
{
  GObject        parent_instance;

  CdMediaTopics *topics;       /* owns the strings */
  guint          index;
  int            language;
};

G_DEFINE_FINAL_TYPE (CdMediaTopic, cd_media_topic, G_TYPE_OBJECT)

/* Language tags IPTC's file uses that are not the BCP 47 tags of the
 * languages it means. */
static const struct
{
  const char *data;
  const char *bcp47;
} language_aliases[] = {
  { "se", "sv" },              /* Swedish */
  { "dk", "da" },              /* Danish */
};

/* English labels, in order of preference; every IPTC concept has en-GB. */
static const char * const english_tags[] = { "en-GB", "en-US", "en" };

/* ------------------------------------------------------------------------ */
/* Folding                                                                  */

static gboolean
is_word_start (const char *text,
               const char *at)
{
  const char *prev;

  if (at == text)
    return TRUE;
  prev = g_utf8_find_prev_char (text, at);
  return prev == NULL || !g_unichar_isalnum (g_utf8_get_char (prev));
}

/* ------------------------------------------------------------------------ */
/* Languages                                                                */

static int
find_language (CdMediaTopics *self,
               const char    *tag)
{
  for (guint i = 0; i < self->languages->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->languages, i), tag) == 0)
      return (int) i;
  return -1;
}

/* The language of the labels shown for @language: the same tag; else one
 * with the same primary language (the bare tag first, then the first in
 * alphabetical order: “pt” finds pt-BR, “de-AT” finds de); else English.
 * @language may be a locale name such as “de_DE.UTF-8”. */
static int
resolve_language (CdMediaTopics *self,
                  const char    *language)
{
  g_autofree char *tag = NULL;
  g_autofree char *primary = NULL;
  char *cut;
  int found;
  int best = -1;

  if (language == NULL || *language == '\0')
    return self->english;

  tag = g_strdup (language);
  g_strstrip (tag);
  if ((cut = strpbrk (tag, ".@")) != NULL)
    *cut = '\0';
  g_strdelimit (tag, "_", '-');

  if ((found = find_language (self, tag)) >= 0)
    return found;

  primary = g_strdup (tag);
  if ((cut = strchr (primary, '-')) != NULL)
    *cut = '\0';
  if (*primary == '\0')
    return self->english;

  if ((found = find_language (self, primary)) >= 0)
    return found;

  for (guint i = 0; i < self->languages->len; i++)
    {
      const char *other = g_ptr_array_index (self->languages, i);
      gsize len = strlen (primary);

      if (g_ascii_strncasecmp (other, primary, len) == 0 && other[len] == '-' &&
          (best < 0 || strcmp (other, g_ptr_array_index (self->languages, best)) < 0))
        best = (int) i;
    }

  return best >= 0 ? best : self->english;
}

/* The label of concept @index in @language, else in English, else in the
 * first language it has one in. Never NULL for a loaded concept. */
static const char *
concept_label (CdMediaTopics *self,
               guint          index,
               int            language)
{
  const char **labels = self->labels + (gsize) index * self->languages->len;

  if (language >= 0 && labels[language] != NULL)
    return labels[language];
  if (self->english >= 0 && labels[self->english] != NULL)
    return labels[self->english];
  for (guint i = 0; i < self->languages->len; i++)
    if (labels[i] != NULL)
      return labels[i];
  g_return_val_if_reached ("");
}

/* The folded labels for @language (an index or -1), computed on first use. */
static const Folded *
get_folded (CdMediaTopics *self,
            int            language)
{
  guint slot = language >= 0 ? (guint) language : self->languages->len;
  Folded *folded;

  g_mutex_lock (&self->folded_lock);

  folded = self->folded[slot];
  if (folded == NULL)
    {
      folded = g_new0 (Folded, 1);
      folded->folded = g_new0 (const char *, MAX (self->n_concepts, 1));
      for (guint i = 0; i < self->n_concepts; i++)
        {
          g_autofree char *text = cd_text_fold (concept_label (self, i, language));
          folded->folded[i] = g_string_chunk_insert_const (self->strings, text);
        }
      self->folded[slot] = folded;
    }

  g_mutex_unlock (&self->folded_lock);

  return folded;
}

/* ------------------------------------------------------------------------ */
/* CdMediaTopic                                                             */

static CdMediaTopic *
topic_new (CdMediaTopics *topics,
           guint          index,
           int            language)
{
  CdMediaTopic *self = g_object_new (CD_TYPE_MEDIA_TOPIC, NULL);

  self->topics = g_object_ref (topics);
  self->index = index;
  self->language = language;
  return self;
}

static void
cd_media_topic_finalize (GObject *object)
{
  CdMediaTopic *self = CD_MEDIA_TOPIC (object);

  g_clear_object (&self->topics);

  G_OBJECT_CLASS (cd_media_topic_parent_class)->finalize (object);
}

static void
cd_media_topic_class_init (CdMediaTopicClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_media_topic_finalize;
}

static void
cd_media_topic_init (CdMediaTopic *self)
{
}

/**
 * cd_media_topic_get_code:
 * @self: a #CdMediaTopic
 *
 * Returns: the topic's code, such as `medtop:20000343`
 */
const char *
cd_media_topic_get_code (CdMediaTopic *self)
{
  g_return_val_if_fail (CD_IS_MEDIA_TOPIC (self), NULL);
  return self->topics->concepts[self->index].code;
}

/**
 * cd_media_topic_get_uri:
 * @self: a #CdMediaTopic
 *
 * Returns: the concept's URI, such as
 *   `http://cv.iptc.org/newscodes/mediatopic/20000343`
 */
const char *
cd_media_topic_get_uri (CdMediaTopic *self)
{
  g_return_val_if_fail (CD_IS_MEDIA_TOPIC (self), NULL);
  return self->topics->concepts[self->index].uri;
}

/**
 * cd_media_topic_get_label:
 * @self: a #CdMediaTopic
 *
 * Returns: the label in the language the topic was looked up or searched in,
 *   or in English when the vocabulary has none in that language
 */
const char *
cd_media_topic_get_label (CdMediaTopic *self)
{
  g_return_val_if_fail (CD_IS_MEDIA_TOPIC (self), NULL);
  return concept_label (self->topics, self->index, self->language);
}

/**
 * cd_media_topic_get_parent_label:
 * @self: a #CdMediaTopic
 *
 * Returns: (nullable): the label of the topic's first broader concept, in
 *   the same language as cd_media_topic_get_label(); %NULL for a top-level topic
 */
const char *
cd_media_topic_get_parent_label (CdMediaTopic *self)
{
  int parent;

  g_return_val_if_fail (CD_IS_MEDIA_TOPIC (self), NULL);

  parent = self->topics->concepts[self->index].parent;
  if (parent < 0)
    return NULL;
  return concept_label (self->topics, (guint) parent, self->language);
}

/**
 * cd_media_topic_get_definition:
 * @self: a #CdMediaTopic
 *
 * Returns: (nullable): IPTC's definition of the topic, in English
 */
const char *
cd_media_topic_get_definition (CdMediaTopic *self)
{
  g_return_val_if_fail (CD_IS_MEDIA_TOPIC (self), NULL);
  return self->topics->concepts[self->index].definition;
}

/**
 * cd_media_topic_to_tag:
 * @self: a #CdMediaTopic
 *
 * Returns: (transfer full): a tag named with the topic's label, with its
 *   URI and code
 */
CdTag *
cd_media_topic_to_tag (CdMediaTopic *self)
{
  g_return_val_if_fail (CD_IS_MEDIA_TOPIC (self), NULL);
  return cd_tag_new (cd_media_topic_get_label (self),
                     cd_media_topic_get_uri (self),
                     cd_media_topic_get_code (self));
}

/* ------------------------------------------------------------------------ */
/* CdMediaTopics                                                            */

static void
cd_media_topics_finalize (GObject *object)
{
  CdMediaTopics *self = CD_MEDIA_TOPICS (object);

  if (self->folded != NULL)
    {
      for (guint i = 0; i <= self->languages->len; i++)
        {
          if (self->folded[i] != NULL)
            g_free (self->folded[i]->folded);
          g_free (self->folded[i]);
        }
      g_free (self->folded);
    }
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_free);
  g_clear_pointer (&self->concepts, g_free);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_mutex_clear (&self->folded_lock);

  G_OBJECT_CLASS (cd_media_topics_parent_class)->finalize (object);
}

static void
cd_media_topics_class_init (CdMediaTopicsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cd_media_topics_finalize;
}

static void
cd_media_topics_init (CdMediaTopics *self)
{
  g_mutex_init (&self->folded_lock);
  self->strings = g_string_chunk_new (64 * 1024);
  self->languages = g_ptr_array_new ();
  self->english = -1;
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
}

static const char *
canonical_language (const char *tag)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_aliases); i++)
    if (strcmp (tag, language_aliases[i].data) == 0)
      return language_aliases[i].bcp47;
  return tag;
}

static gboolean
is_alias (const char *tag)
{
  return canonical_language (tag) != tag;
}

static void
add_language (CdMediaTopics *self,
              const char    *tag)
{
  const char *canonical = canonical_language (tag);

  if (find_language (self, canonical) < 0)
    g_ptr_array_add (self->languages,
                     (gpointer) g_string_chunk_insert_const (self->strings, canonical));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The first non-blank string of @object's member @name (an array of strings),
 * or NULL. */
static const char *
first_array_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) &&
          json_node_get_value_type (element) == G_TYPE_STRING &&
          *json_node_get_string (element) != '\0')
        return json_node_get_string (element);
    }
  return NULL;
}

static const char *
nonblank (const char *text)
{
  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0' ? text : NULL;
}

static char *
strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static gboolean
invalid (GError    **error,
         guint       index,
         const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %u is the concept's position in the file, from 1;
                * %s says what is wrong with it. */
               _("Media Topics data: concept %u: %s"), index + 1, what);
  return FALSE;
}

static gboolean
load_concepts (CdMediaTopics *self,
               JsonArray     *set,
               GError       **error)
{
  guint n = json_array_get_length (set);
  guint n_languages;
  g_autofree const char **broader = NULL;

  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Media Topics data: the concept set is empty"));
      return FALSE;
    }

  /* First the languages, so that each concept's labels are one row. */
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (set, i);
      JsonObject *labels;
      JsonObjectIter iter;
      const char *tag;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, i, _("not an object"));
      labels = member_object (json_node_get_object (node), "prefLabel");
      if (labels == NULL)
        return invalid (error, i, _("no prefLabel object"));

      json_object_iter_init (&iter, labels);
      while (json_object_iter_next (&iter, &tag, &value))
        if (*tag != '\0')
          add_language (self, tag);
    }

  for (guint i = 0; i < G_N_ELEMENTS (english_tags) && self->english < 0; i++)
    self->english = find_language (self, english_tags[i]);

  n_languages = self->languages->len;
  self->n_concepts = n;
  self->concepts = g_new0 (Concept, n);
  self->labels = g_new0 (const char *, (gsize) n * MAX (n_languages, 1));
  broader = g_new0 (const char *, n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (set, i);
      Concept *concept = &self->concepts[i];
      const char **labels = self->labels + (gsize) i * n_languages;
      JsonObject *labels_object = member_object (object, "prefLabel");
      JsonObject *definitions = member_object (object, "definition");
      const char *uri = nonblank (member_string (object, "uri"));
      const char *id;
      gboolean has_label = FALSE;
      JsonObjectIter iter;
      const char *tag;
      JsonNode *value;
      g_autofree char *code = NULL;

      if (uri == NULL)
        return invalid (error, i, _("no uri"));
      {
        g_autofree char *stripped = strip_dup (uri);
        uri = concept->uri = g_string_chunk_insert_const (self->strings, stripped);
      }

      /* The code is the URI's last segment with the scheme's alias. */
      id = strrchr (uri, '/');
      id = id != NULL ? id + 1 : uri;
      if (*id == '\0' || strpbrk (id, " \t#?") != NULL)
        return invalid (error, i, _("the uri does not end in a code"));
      code = g_strconcat (CODE_PREFIX, id, NULL);
      concept->code = g_string_chunk_insert_const (self->strings, code);

      if (g_hash_table_contains (self->by_key, concept->uri) ||
          g_hash_table_contains (self->by_key, concept->code))
        return invalid (error, i, _("the uri appears twice"));
      g_hash_table_insert (self->by_key, (gpointer) concept->uri, GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (self->by_key, (gpointer) concept->code, GUINT_TO_POINTER (i + 1));

      json_object_iter_init (&iter, labels_object);
      while (json_object_iter_next (&iter, &tag, &value))
        {
          int language;
          g_autofree char *label = NULL;

          if (*tag == '\0' || !JSON_NODE_HOLDS_VALUE (value) ||
              json_node_get_value_type (value) != G_TYPE_STRING ||
              nonblank (json_node_get_string (value)) == NULL)
            continue;
          language = find_language (self, canonical_language (tag));
          /* A real “sv” label wins over IPTC's “se”. */
          if (is_alias (tag) && labels[language] != NULL)
            continue;
          label = strip_dup (json_node_get_string (value));
          labels[language] = g_string_chunk_insert_const (self->strings, label);
          has_label = TRUE;
        }
      if (!has_label)
        return invalid (error, i, _("no label"));

      if (definitions != NULL)
        {
          const char *definition = NULL;

          for (guint e = 0; e < G_N_ELEMENTS (english_tags) && definition == NULL; e++)
            definition = nonblank (member_string (definitions, english_tags[e]));
          if (definition != NULL)
            {
              g_autofree char *stripped = strip_dup (definition);
              concept->definition = g_string_chunk_insert_const (self->strings, stripped);
            }
        }

      if (nonblank (member_string (object, "retired")) != NULL)
        concept->retired = g_string_chunk_insert_const (self->strings,
                                                        member_string (object, "retired"));

      broader[i] = first_array_string (object, "broader");
      concept->parent = -1;
    }

  /* Parents once every concept is known; one outside the set is no parent. */
  for (guint i = 0; i < n; i++)
    {
      gpointer found;

      if (broader[i] == NULL)
        continue;
      found = g_hash_table_lookup (self->by_key, broader[i]);
      if (found != NULL && GPOINTER_TO_UINT (found) - 1 != i)
        self->concepts[i].parent = (int) GPOINTER_TO_UINT (found) - 1;
    }

  self->folded = g_new0 (Folded *, n_languages + 1);
  return TRUE;
}

static CdMediaTopics *
load (const char  *data,
      gsize        length,
      const char  *display_name,
      GError     **error)
{
  g_autoptr(CdMediaTopics) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *set;

  root = cd_json_parse (data, length, display_name, 0, error);
  if (root == NULL)
    return NULL;

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  set = object != NULL ? json_object_get_member (object, "conceptSet") : NULL;
  if (set == NULL || !JSON_NODE_HOLDS_ARRAY (set))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a Media Topics vocabulary: there is no “conceptSet” list"),
                   display_name);
      return NULL;
    }

  self = g_object_new (CD_TYPE_MEDIA_TOPICS, NULL);
  if (!load_concepts (self, json_node_get_array (set), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cd_media_topics_get_default:
 *
 * The vocabulary that Copydesk ships (data/mediatopics/mediatopics.json, in
 * the core resources). It is parsed on the first call, from whichever thread
 * makes it; later calls return the same object.
 *
 * Returns: (transfer none): the shipped vocabulary
 */
CdMediaTopics *
cd_media_topics_get_default (void)
{
  static CdMediaTopics *default_topics = NULL;

  if (g_once_init_enter (&default_topics))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      CdMediaTopics *topics = NULL;

      bytes = g_resource_lookup_data (cd_core_get_resource (), DEFAULT_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        {
          gsize length = 0;
          const char *data = g_bytes_get_data (bytes, &length);

          topics = load (data, length, "resource://" DEFAULT_RESOURCE, &error);
        }

      if (topics == NULL)
        {
          /* Compiled in and checked by the tests: a packaging bug. Tagging
           * still works, with free tags only. */
          g_critical ("The Media Topics vocabulary does not load: %s", error->message);
          topics = g_object_new (CD_TYPE_MEDIA_TOPICS, NULL);
          topics->folded = g_new0 (Folded *, 1);
        }

      g_once_init_leave (&default_topics, topics);
    }

  return default_topics;
}

/**
 * cd_media_topics_load_from_data:
 * @data: (array length=length): IPTC's JSON export of the vocabulary, or
 *   the compact subset of it that Copydesk ships
 * @length: the length of @data in bytes
 * @error: return location for a #GError
 *
 * Errors are in %CD_JSON_ERROR for text that is not JSON and
 * %G_IO_ERROR_INVALID_DATA for JSON that is not a vocabulary: no
 * `conceptSet`, an empty one, or a concept without a URI or a label.
 *
 * Returns: (transfer full) (nullable): the vocabulary, or %NULL on error
 */
CdMediaTopics *
cd_media_topics_load_from_data (const char  *data,
                                gsize        length,
                                GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load (data != NULL ? data : "", length, _("Media Topics data"), error);
}

guint
cd_media_topics_get_n_topics (CdMediaTopics *self)
{
  g_return_val_if_fail (CD_IS_MEDIA_TOPICS (self), 0);
  return self->n_concepts;
}

typedef struct
{
  guint       index;
  guint       rank;            /* 0 label prefix, 1 word prefix, 2 substring */
  const char *folded;
  const char *label;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a;
  const Match *y = b;
  int cmp;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if ((cmp = strcmp (x->folded, y->folded)) != 0)
    return cmp;
  if ((cmp = strcmp (x->label, y->label)) != 0)
    return cmp;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/**
 * cd_media_topics_search:
 * @self: a #CdMediaTopics
 * @query: what the user typed
 * @language: (nullable): the language of the labels to search and return,
 *   a BCP 47 tag such as “de” or “fr-CH”; %NULL for English
 * @max_results: the most topics to return, or 0 for all that match
 *
 * Finds the active topics whose label contains @query, ignoring case and
 * accents (“economie” finds “Économie”). Labels that start with @query come
 * first, then those with a word that starts with it, then the rest; each
 * group in alphabetical order. A query of only white space finds nothing.
 *
 * Returns: (transfer full): a #GListModel of #CdMediaTopic
 */
GListModel *
cd_media_topics_search (CdMediaTopics *self,
                        const char    *query,
                        const char    *language,
                        guint          max_results)
{
  g_autofree char *needle = NULL;
  g_autoptr(GArray) matches = NULL;
  GListStore *store;
  const Folded *folded;
  int lang;

  g_return_val_if_fail (CD_IS_MEDIA_TOPICS (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  store = g_list_store_new (CD_TYPE_MEDIA_TOPIC);
  needle = cd_text_fold (query);
  if (*needle == '\0' || self->n_concepts == 0)
    return G_LIST_MODEL (store);

  lang = resolve_language (self, language);
  folded = get_folded (self, lang);
  matches = g_array_new (FALSE, FALSE, sizeof (Match));

  for (guint i = 0; i < self->n_concepts; i++)
    {
      const char *haystack = folded->folded[i];
      const char *at;
      Match match;

      if (self->concepts[i].retired != NULL)
        continue;
      if ((at = strstr (haystack, needle)) == NULL)
        continue;

      if (at == haystack)
        match.rank = 0;
      else
        {
          match.rank = 2;
          for (; at != NULL; at = strstr (at + 1, needle))
            if (is_word_start (haystack, at))
              {
                match.rank = 1;
                break;
              }
        }
      match.index = i;
      match.folded = haystack;
      match.label = concept_label (self, i, lang);
      g_array_append_val (matches, match);
    }

  g_array_sort (matches, compare_matches);

  for (guint i = 0; i < matches->len && (max_results == 0 || i < max_results); i++)
    {
      g_autoptr(CdMediaTopic) topic =
        topic_new (self, g_array_index (matches, Match, i).index, lang);
      g_list_store_append (store, topic);
    }

  return G_LIST_MODEL (store);
}

/**
 * cd_media_topics_lookup:
 * @self: a #CdMediaTopics
 * @code_or_uri: a code such as `medtop:20000343` or a concept URI, with
 *   `http` or `https`
 * @language: (nullable): the language of the topic's labels; %NULL for English
 *
 * Finds a topic, retired ones included: old articles may name them.
 *
 * Returns: (transfer full) (nullable): the topic, or %NULL if there is none
 */
CdMediaTopic *
cd_media_topics_lookup (CdMediaTopics *self,
                        const char    *code_or_uri,
                        const char    *language)
{
  g_autofree char *key = NULL;
  gpointer found;

  g_return_val_if_fail (CD_IS_MEDIA_TOPICS (self), NULL);
  g_return_val_if_fail (code_or_uri != NULL, NULL);

  key = g_strstrip (g_strdup (code_or_uri));
  found = g_hash_table_lookup (self->by_key, key);
  if (found == NULL && g_str_has_prefix (key, "https://"))
    {
      g_autofree char *http = g_strconcat ("http://", key + strlen ("https://"), NULL);
      found = g_hash_table_lookup (self->by_key, http);
    }
  if (found == NULL)
    return NULL;

  return topic_new (self, GPOINTER_TO_UINT (found) - 1, resolve_language (self, language));
}
