/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-import-ninjs"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-file-util.h"
#include "cd-html-markdown.h"
#include "cd-import-ninjs.h"
#include "cd-json.h"
#include "cd-markdown.h"

/*
 * Importing ninjs
 *
 * Opens an IPTC ninjs document (2.x, and the 1.x forms where that is cheap)
 * as an article. The mapping is the reverse of the ninjs exporter
 * (cd-export-ninjs.c), so that exporting an article, importing the export
 * and exporting again gives the same bytes:
 *
 *   uri → id, headlines[role main] → headline, descriptions[role summary]
 *   → standfirst, people[rel author] → authors (uri → url), firstcreated →
 *   published, versioncreated → modified, contentcreated → created,
 *   embargoed → embargo, pubstatus → status, language, slugline → slug,
 *   located → dateline, ednote → editor note, subjects → tags,
 *   bodies[text/html] → body (through cd_html_to_markdown()), and the
 *   association "featureimage" → the lead image: its rendition's href,
 *   its caption, alt and creditline descriptions, `by` → photographer,
 *   copyrightnotice → copyright.
 *
 * Decisions where the two do not match one to one:
 *
 * - Status: ninjs has three values for our five. "usable" becomes
 *   approved (cleared for publication, which is what the exporter means by
 *   it: approved and published articles are usable), "withheld" becomes
 *   draft, "canceled" becomes killed, and no pubstatus is a draft. Another
 *   value is an error: ninjs knows only these three.
 * - Dates are RFC 3339. A date-time without an offset is taken as UTC, and
 *   a date alone as midnight UTC; anything else is an error naming the
 *   member. A document without contentcreated is created at its
 *   firstcreated, versioncreated or, failing those, at the time of the
 *   import; without versioncreated it was modified when created. A
 *   Copydesk article always has both dates.
 * - Authors: the people with rel "author" (or "creator"). Without any,
 *   the `by` line (without a leading "By ") is one author: a byline is not
 *   split at "and" or commas, since names and job titles contain both.
 *   An author's e-mail address comes from contactinfo of type "email".
 * - Headline: role "main", else one without a role, else the first; an
 *   HTML headline is taken as its text. 1.x: `headline`, `headline_main`,
 *   then any `headline_*`; `title` when there is no headline at all.
 * - Standfirst: the description with role "summary", else (not for a
 *   picture) one without a role or with role text, abstract or teaser.
 *   Captions, credit lines and alt text describe pictures, never the
 *   article.
 * - Body: an HTML body is preferred to a plain one (IPTC's examples carry
 *   the plain text as "main" and the markup as "richtext"), role "main"
 *   first. A body is HTML when its contenttype mentions html (text/html,
 *   application/xhtml+xml, body_xhtml) or, without a contenttype, when it
 *   starts with "<". Plain text is split into paragraphs at blank lines,
 *   and its other line breaks are kept as line breaks. 1.x: body_html,
 *   body_xhtml, body_richtext, then any body_* with HTML in it, then
 *   body_text, body_main and the other body_*.
 * - Tags: every subject, whatever its rel. A Media Topic (its uri under
 *   http://cv.iptc.org/newscodes/mediatopic/ or its literal medtop:…) gets
 *   our canonical uri and code; another subject keeps its uri and its
 *   literal as code; a subject without a name is named by its literal or
 *   uri. 1.x subjects give scheme + code as the uri.
 * - Lead image: the association named "featureimage", else the first
 *   picture, else the first graphic (1.x: associations keyed by name). A
 *   picture document without one is its own lead image. The source is the
 *   href of the rendition named "original" (else main, highres, else the
 *   widest, else the first with an href); a bundle's image, which has no
 *   href, is its file name; failing both, the association's uri. The
 *   caption is the "caption" description, else one with role text or none.
 * - A document is ninjs if it is an object with a `uri`, the one member
 *   ninjs requires. One with nothing else imports as an empty article:
 *   that is what exporting an empty article gives, and it must come back.
 * - Members Copydesk has no field for (urgency, places, genres …) are not
 *   kept.
 */

#define MAX_FILE_SIZE  CD_LIMIT_FILE_SIZE
#define MAX_DEPTH      64

/* The limits of the .copydesk format, so that an imported article can be
 * saved and opened again. */
#define MAX_TEXT_BYTES CD_LIMIT_TEXT_BYTES
#define MAX_BODY_BYTES CD_LIMIT_BODY_BYTES

#define MEDIA_TOPIC_URI  "http://cv.iptc.org/newscodes/mediatopic/"
#define MEDIA_TOPIC_CODE "medtop:"

/**
 * cd_import_error_quark:
 *
 * Returns: the error domain of importing documents as articles
 */
G_DEFINE_QUARK (cd-import-error-quark, cd_import_error)

typedef struct
{
  const char  *display_name;
  GError     **error;
  /* What was left out, for people: (element-type utf8). */
  GPtrArray   *warnings;
} Importer;

/* One entry of `headlines`, `descriptions` or `bodies`, or a 1.x
 * `headline_*`, `description_*` or `body_*` member; strings are borrowed
 * from the document. */
typedef struct
{
  const char *role;
  const char *contenttype;
  const char *value;
} TextItem;

static gboolean G_GNUC_PRINTF (3, 4)
fail (Importer      *self,
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

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return _("null");

    case JSON_NODE_ARRAY:
      return _("a list");

    case JSON_NODE_OBJECT:
      return _("an object");

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return _("true or false");

    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");

    case G_TYPE_STRING:
      return _("text");

    default:
      return _("something else");
    }
}

static gboolean
wrong_type (Importer   *self,
            const char *path,
            const char *expected,
            JsonNode   *node)
{
  /* Translators: e.g. "“headlines[1].value” must be text, not a number". */
  return fail (self, CD_IMPORT_ERROR_INVALID, _("“%s” must be %s, not %s"),
               path, expected, describe_node (node));
}

static char *
member_path (const char *parent,
             const char *member)
{
  if (parent == NULL || parent[0] == '\0')
    return g_strdup (member);

  return g_strconcat (parent, ".", member, NULL);
}

/* Reads an optional text member: missing or null leaves *out NULL. */
static gboolean
read_string (Importer    *self,
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
      g_autofree char *path = member_path (parent, member);

      return wrong_type (self, path, _("text"), node);
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_array (Importer    *self,
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
      g_autofree char *path = member_path (parent, member);

      return wrong_type (self, path, _("a list"), node);
    }

  *out = json_node_get_array (node);
  return TRUE;
}

/* Gets element @index of an array that must hold objects. */
static gboolean
array_object (Importer    *self,
              JsonArray   *array,
              const char  *path,
              guint        index,
              JsonObject **out)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", path, index);

      return wrong_type (self, element, _("an object"), node);
    }

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
check_length (Importer   *self,
              const char *path,
              const char *value,
              gsize       max_bytes)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length > max_bytes)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (max_bytes);

      return fail (self, CD_IMPORT_ERROR_INVALID,
                   _("“%s” is %s long, more than the %s Copydesk accepts in this field"),
                   path, size, limit);
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
role_is (const char *role,
         const char *name)
{
  return role != NULL && g_ascii_strcasecmp (role, name) == 0;
}

/* Text items */

/* Reads a 2.x array of {role, contenttype, value} objects; entries without
 * a value are left out. */
static gboolean
read_text_items (Importer    *self,
                 JsonObject  *object,
                 const char  *parent,
                 const char  *member,
                 GArray     **out)
{
  g_autofree char *path = member_path (parent, member);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (TextItem));
  JsonArray *array;

  *out = NULL;

  if (!read_array (self, object, parent, member, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", path, i);
      JsonObject *entry;
      TextItem item;

      if (!array_object (self, array, path, i, &entry) ||
          !read_string (self, entry, element, "role", &item.role) ||
          !read_string (self, entry, element, "contenttype", &item.contenttype) ||
          !read_string (self, entry, element, "value", &item.value))
        return FALSE;

      if (item.value != NULL)
        g_array_append_val (items, item);
    }

  *out = g_steal_pointer (&items);
  return TRUE;
}

/* Reads the 1.x members "@prefix<role>", such as body_html, as text items
 * whose role is the part after the prefix, in document order. */
static gboolean
read_prefixed_items (Importer    *self,
                     JsonObject  *object,
                     const char  *parent,
                     const char  *prefix,
                     GArray     **out)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (TextItem));
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      TextItem item = { NULL, NULL, NULL };

      if (!g_str_has_prefix (name, prefix) || name[strlen (prefix)] == '\0')
        continue;

      if (!read_string (self, object, parent, name, &item.value))
        return FALSE;

      item.role = name + strlen (prefix);
      if (item.value != NULL)
        g_array_append_val (items, item);
    }

  *out = g_steal_pointer (&items);
  return TRUE;
}

static gboolean
item_is_html (const TextItem *item)
{
  const char *p = item->value;

  if (item->contenttype != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (item->contenttype, -1);

      return strstr (lower, "html") != NULL;
    }

  /* 1.x names say what the text is. */
  if (item->role != NULL &&
      (role_is (item->role, "html") || role_is (item->role, "xhtml") ||
       role_is (item->role, "richtext")))
    return TRUE;

  while (g_ascii_isspace (*p))
    p++;

  return *p == '<';
}

/* The text of an HTML fragment on one line, for headlines and captions. */
static char *
html_to_line (const char *html)
{
  g_autofree char *markdown = cd_html_to_markdown (html, -1);
  g_autofree char *plain = cd_markdown_to_plain_text (markdown, -1);
  GString *line = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = plain; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = line->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_c (line, *p);
    }

  return g_string_free (line, FALSE);
}

/* The text of an item: HTML is reduced to its text on one line. */
static char *
item_text (const TextItem *item)
{
  if (item_is_html (item))
    return html_to_line (item->value);

  return g_strdup (item->value);
}

/* Plain text as Markdown: paragraphs at blank lines, other line breaks
 * kept, everything escaped to read literally. */
static char *
plain_to_markdown (const char *text)
{
  g_autoptr(GString) html = g_string_new ("<p>");
  g_autofree char *normalized = NULL;
  g_auto(GStrv) paragraphs = NULL;

  normalized = g_strdup (text);
  for (char *p = normalized; *p != '\0'; p++)
    {
      if (*p == '\r')
        *p = p[1] == '\n' ? ' ' : '\n';
    }

  paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n\\s*", normalized, 0, 0);
  for (size_t i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      if (i > 0)
        g_string_append (html, "</p>\n<p>");

      for (size_t j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[j], -1);

          if (j > 0)
            g_string_append (html, "<br>");
          g_string_append (html, escaped);
        }
    }
  g_string_append (html, "</p>");

  return cd_html_to_markdown (html->str, html->len);
}

/* Picks the item whose role is @role, else the first whose role is one of
 * @fallbacks (NULL in the list means "no role"), preferring HTML when
 * @prefer_html, else plain text. */
static const TextItem *
pick_item (GArray             *items,
           const char * const *roles,
           gboolean            prefer_html)
{
  if (items == NULL)
    return NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      for (size_t r = 0; roles[r] != NULL; r++)
        {
          for (guint i = 0; i < items->len; i++)
            {
              const TextItem *item = &g_array_index (items, TextItem, i);
              gboolean wanted = pass == 0 ? prefer_html : !prefer_html;
              gboolean matches;

              if (strcmp (roles[r], "") == 0)
                matches = item->role == NULL || item->role[0] == '\0';
              else if (strcmp (roles[r], "*") == 0)
                matches = TRUE;
              else
                matches = role_is (item->role, roles[r]);

              if (matches && item_is_html (item) == wanted)
                return item;
            }
        }
    }

  return NULL;
}

/* Dates */

static gboolean
read_date (Importer    *self,
           JsonObject  *object,
           const char  *member,
           GDateTime  **out)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text;

  *out = NULL;

  if (!read_string (self, object, NULL, member, &text))
    return FALSE;

  if (text == NULL)
    return TRUE;

  /* GLib's parser also takes ISO 8601 forms that RFC 3339 does not have
   * (week dates, basic format): require the RFC 3339 shape first. */
  if (strlen (text) >= 19 && text[4] == '-' && text[7] == '-' &&
      (text[10] == 'T' || text[10] == 't' || text[10] == ' ') && text[13] == ':')
    *out = g_date_time_new_from_iso8601 (text, utc);
  else if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00Z", NULL);

      *out = g_date_time_new_from_iso8601 (midnight, NULL);
    }

  if (*out == NULL)
    {
      g_autofree char *excerpt = cd_json_excerpt (text);

      return fail (self, CD_IMPORT_ERROR_INVALID,
                   _("“%s” is “%s”, which is not a date and time such as "
                     "“2026-11-27T09:30:00+01:00”"),
                   member, excerpt);
    }

  return TRUE;
}

/* The article */

static gboolean
import_status (Importer   *self,
               JsonObject *root,
               CdArticle  *article)
{
  const char *pubstatus;

  if (!read_string (self, root, NULL, "pubstatus", &pubstatus))
    return FALSE;

  if (pubstatus == NULL || strcmp (pubstatus, "withheld") == 0)
    cd_article_set_status (article, CD_ARTICLE_STATUS_DRAFT);
  else if (strcmp (pubstatus, "usable") == 0)
    cd_article_set_status (article, CD_ARTICLE_STATUS_APPROVED);
  else if (strcmp (pubstatus, "canceled") == 0)
    cd_article_set_status (article, CD_ARTICLE_STATUS_KILLED);
  else
    {
      g_autofree char *excerpt = cd_json_excerpt (pubstatus);

      return fail (self, CD_IMPORT_ERROR_INVALID,
                   _("“pubstatus” is “%s”; ninjs knows only usable, withheld and canceled"),
                   excerpt);
    }

  return TRUE;
}

static gboolean
import_dates (Importer   *self,
              JsonObject *root,
              CdArticle  *article)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) published = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) embargo = NULL;

  if (!read_date (self, root, "contentcreated", &created) ||
      !read_date (self, root, "firstcreated", &published) ||
      !read_date (self, root, "versioncreated", &modified) ||
      !read_date (self, root, "embargoed", &embargo))
    return FALSE;

  if (created == NULL && published != NULL)
    created = g_date_time_ref (published);
  if (created == NULL && modified != NULL)
    created = g_date_time_ref (modified);
  if (created == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      created = g_date_time_add (now, -g_date_time_get_microsecond (now));
    }
  if (modified == NULL)
    modified = g_date_time_ref (created);

  cd_article_set_created (article, created);
  cd_article_set_modified (article, modified);
  cd_article_set_published (article, published);
  cd_article_set_embargo (article, embargo);
  return TRUE;
}

static gboolean
rel_is_author (const char *rel)
{
  const char *last;

  if (rel == NULL)
    return FALSE;

  /* A vocabulary URI or QCode such as "…/author" or "x:author" counts. */
  last = MAX (strrchr (rel, '/'), strrchr (rel, ':'));
  last = last != NULL ? last + 1 : rel;

  return g_ascii_strcasecmp (last, "author") == 0 || g_ascii_strcasecmp (last, "creator") == 0;
}

static gboolean
import_person (Importer   *self,
               JsonObject *person,
               const char *path,
               gboolean    v1,
               GPtrArray  *authors)
{
  g_autoptr(CdAuthor) author = NULL;
  JsonArray *contacts;
  const char *name;
  const char *rel;
  const char *uri;

  if (!read_string (self, person, path, "rel", &rel) ||
      !read_string (self, person, path, "name", &name) ||
      !read_string (self, person, path, v1 ? "code" : "uri", &uri) ||
      !read_array (self, person, path, "contactinfo", &contacts))
    return FALSE;

  if (!rel_is_author (rel))
    return TRUE;

  if (v1 && uri != NULL &&
      !g_str_has_prefix (uri, "http://") && !g_str_has_prefix (uri, "https://"))
    uri = NULL;

  if (!check_length (self, path, name, MAX_TEXT_BYTES) ||
      !check_length (self, path, uri, MAX_TEXT_BYTES))
    return FALSE;

  author = cd_author_new (name != NULL ? name : "");
  if (uri != NULL)
    cd_author_set_url (author, uri);

  for (guint i = 0; contacts != NULL && i < json_array_get_length (contacts); i++)
    {
      g_autofree char *contacts_path = member_path (path, "contactinfo");
      g_autofree char *contact_path = g_strdup_printf ("%s[%u]", contacts_path, i);
      JsonObject *contact;
      const char *type;
      const char *value;

      if (!array_object (self, contacts, contacts_path, i, &contact) ||
          !read_string (self, contact, contact_path, "type", &type) ||
          !read_string (self, contact, contact_path, "value", &value))
        return FALSE;

      if (role_is (type, "email") && !is_blank (value))
        {
          if (!check_length (self, contact_path, value, MAX_TEXT_BYTES))
            return FALSE;

          if (g_str_has_prefix (value, "mailto:"))
            value += strlen ("mailto:");
          cd_author_set_email (author, value);
          break;
        }
    }

  g_ptr_array_add (authors, g_steal_pointer (&author));
  return TRUE;
}

static gboolean
import_authors (Importer   *self,
                JsonObject *root,
                CdArticle  *article)
{
  static const struct
  {
    const char *member;
    gboolean    v1;
  } lists[] = { { "people", FALSE }, { "person", TRUE } };
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_object_unref);
  const char *by;

  for (size_t l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *people;

      if (!read_array (self, root, NULL, lists[l].member, &people))
        return FALSE;

      for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", lists[l].member, i);
          JsonObject *person;

          if (!array_object (self, people, lists[l].member, i, &person) ||
              !import_person (self, person, path, lists[l].v1, authors))
            return FALSE;

          if (authors->len > CD_LIMIT_AUTHORS)
            return fail (self, CD_IMPORT_ERROR_INVALID,
                         _("the document names more than %d authors; an article has at most %d"),
                         CD_LIMIT_AUTHORS, CD_LIMIT_AUTHORS);
        }
    }
  /* Added together: the byline is built once, not once an author. */
  cd_article_add_authors (article, authors);

  if (g_list_model_get_n_items (cd_article_get_authors (article)) > 0)
    return TRUE;

  if (!read_string (self, root, NULL, "by", &by))
    return FALSE;
  if (by == NULL && !read_string (self, root, NULL, "byline", &by))
    return FALSE;

  if (!is_blank (by))
    {
      g_autofree char *name = g_strstrip (g_strdup (by));
      g_autoptr(CdAuthor) author = NULL;
      const char *start = name;

      if (!check_length (self, "by", by, MAX_TEXT_BYTES))
        return FALSE;

      if (g_ascii_strncasecmp (start, "by ", 3) == 0)
        start += 3;
      while (g_ascii_isspace (*start))
        start++;

      if (*start != '\0')
        {
          author = cd_author_new (start);
          cd_article_add_author (article, author);
        }
    }

  return TRUE;
}

static gboolean
import_subject (Importer   *self,
                JsonObject *subject,
                const char *path,
                gboolean    v1,
                CdArticle  *article)
{
  g_autoptr(CdTag) tag = NULL;
  g_autofree char *joined_uri = NULL;
  g_autofree char *topic_uri = NULL;
  g_autofree char *topic_code = NULL;
  const char *name;
  const char *uri;
  const char *code;
  const char *topic = NULL;

  if (!read_string (self, subject, path, "name", &name))
    return FALSE;

  if (v1)
    {
      const char *scheme;

      if (!read_string (self, subject, path, "scheme", &scheme) ||
          !read_string (self, subject, path, "code", &code))
        return FALSE;

      if (scheme != NULL && code != NULL)
        joined_uri = g_strconcat (scheme, code, NULL);
      uri = joined_uri != NULL ? joined_uri : scheme;
    }
  else if (!read_string (self, subject, path, "uri", &uri) ||
           !read_string (self, subject, path, "literal", &code))
    {
      return FALSE;
    }

  if (uri != NULL && (g_str_has_prefix (uri, MEDIA_TOPIC_URI) ||
                      g_str_has_prefix (uri, "https://cv.iptc.org/newscodes/mediatopic/")))
    topic = strrchr (uri, '/') + 1;
  else if (code != NULL && g_str_has_prefix (code, MEDIA_TOPIC_CODE))
    topic = code + strlen (MEDIA_TOPIC_CODE);

  if (topic != NULL && topic[0] != '\0')
    {
      topic_uri = g_strconcat (MEDIA_TOPIC_URI, topic, NULL);
      topic_code = g_strconcat (MEDIA_TOPIC_CODE, topic, NULL);
      uri = topic_uri;
      code = topic_code;
    }

  if (is_blank (name))
    name = !is_blank (code) ? code : uri;
  if (is_blank (name))
    return TRUE;

  if (!check_length (self, path, name, MAX_TEXT_BYTES) ||
      !check_length (self, path, uri, MAX_TEXT_BYTES) ||
      !check_length (self, path, code, MAX_TEXT_BYTES))
    return FALSE;

  tag = cd_tag_new (name, uri, code);
  cd_article_add_tag (article, tag);
  return TRUE;
}

static gboolean
import_subjects (Importer   *self,
                 JsonObject *root,
                 CdArticle  *article)
{
  static const struct
  {
    const char *member;
    gboolean    v1;
  } lists[] = { { "subjects", FALSE }, { "subject", TRUE } };

  for (size_t l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *subjects;

      if (!read_array (self, root, NULL, lists[l].member, &subjects))
        return FALSE;

      for (guint i = 0; subjects != NULL && i < json_array_get_length (subjects); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", lists[l].member, i);
          JsonObject *subject;

          if (!array_object (self, subjects, lists[l].member, i, &subject) ||
              !import_subject (self, subject, path, lists[l].v1, article))
            return FALSE;

          if (g_list_model_get_n_items (cd_article_get_tags (article)) > CD_LIMIT_TAGS)
            return fail (self, CD_IMPORT_ERROR_INVALID,
                         _("the document has more than %d subjects; an article has at most %d tags"),
                         CD_LIMIT_TAGS, CD_LIMIT_TAGS);
        }
    }

  return TRUE;
}

/* Texts of an item (the document or an association), 2.x and 1.x: the
 * 2.x array @member and the 1.x members "@prefix…" together. */
static gboolean
read_all_items (Importer    *self,
                JsonObject  *object,
                const char  *parent,
                const char  *member,
                const char  *prefix,
                GArray     **out)
{
  g_autoptr(GArray) prefixed = NULL;

  if (!read_text_items (self, object, parent, member, out) ||
      !read_prefixed_items (self, object, parent, prefix, &prefixed))
    return FALSE;

  g_array_append_vals (*out, prefixed->data, prefixed->len);
  return TRUE;
}

static gboolean
import_headline (Importer   *self,
                 JsonObject *root,
                 CdArticle  *article)
{
  static const char * const roles[] = { "main", "", "*", NULL };
  g_autoptr(GArray) items = NULL;
  g_autofree char *headline = NULL;
  const TextItem *item;
  const char *v1_headline;

  if (!read_all_items (self, root, NULL, "headlines", "headline_", &items) ||
      !read_string (self, root, NULL, "headline", &v1_headline))
    return FALSE;

  if (v1_headline != NULL)
    headline = g_strdup (v1_headline);
  else if ((item = pick_item (items, roles, FALSE)) != NULL)
    headline = item_text (item);
  else
    {
      const char *title;

      if (!read_string (self, root, NULL, "title", &title))
        return FALSE;
      headline = g_strdup (title);
    }

  if (!check_length (self, "headline", headline, MAX_TEXT_BYTES))
    return FALSE;

  cd_article_set_headline (article, headline);
  return TRUE;
}

static gboolean
is_picture_type (const char *type)
{
  return role_is (type, "picture") || role_is (type, "graphic");
}

static gboolean
import_standfirst (Importer   *self,
                   JsonObject *root,
                   gboolean    picture,
                   CdArticle  *article)
{
  static const char * const summary_roles[] = { "summary", NULL };
  static const char * const other_roles[] = {
    "", "text", "abstract", "teaser", "usable", "main", "richtext", NULL
  };
  g_autoptr(GArray) items = NULL;
  g_autofree char *standfirst = NULL;
  const TextItem *item;

  if (!read_all_items (self, root, NULL, "descriptions", "description_", &items))
    return FALSE;

  item = pick_item (items, summary_roles, FALSE);
  if (item == NULL && !picture)
    item = pick_item (items, other_roles, FALSE);
  if (item == NULL)
    return TRUE;

  standfirst = item_text (item);
  if (!check_length (self, "descriptions", standfirst, MAX_TEXT_BYTES))
    return FALSE;

  cd_article_set_standfirst (article, standfirst);
  return TRUE;
}

static gboolean
import_body (Importer   *self,
             JsonObject *root,
             CdArticle  *article)
{
  static const char * const roles[] = {
    "main", "html", "xhtml", "richtext", "text", "", "*", NULL
  };
  g_autoptr(GArray) items = NULL;
  g_autofree char *body = NULL;
  const TextItem *item;

  if (!read_all_items (self, root, NULL, "bodies", "body_", &items))
    return FALSE;

  item = pick_item (items, roles, TRUE);
  if (item == NULL)
    return TRUE;

  if (item_is_html (item))
    body = cd_html_to_markdown (item->value, -1);
  else
    body = plain_to_markdown (item->value);

  if (!check_length (self, "bodies", body, MAX_BODY_BYTES))
    return FALSE;

  cd_article_set_body (article, body);
  return TRUE;
}

/* The image */

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
  g_autofree char *path = member_path (parent, "renditions");
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

          if (!array_object (self, array, path, i, &rendition) ||
              !read_string (self, rendition, element, "name", &name))
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
          g_autofree char *element = member_path (path, l->data);

          if (!JSON_NODE_HOLDS_OBJECT (child))
            return wrong_type (self, element, _("an object"), child);

          g_ptr_array_add (renditions, json_node_get_object (child));
          g_ptr_array_add (names, l->data);
          g_ptr_array_add (paths, g_steal_pointer (&element));
        }
    }
  else
    {
      return wrong_type (self, path, _("a list"), node);
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

  if (!read_string (self, object, path, "uri", &uri) ||
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

      if (!read_string (self, rendition, g_ptr_array_index (paths, i), "href", &candidate) ||
          !read_string (self, rendition, g_ptr_array_index (paths, i), "title", &title))
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

  if (!check_length (self, path != NULL ? path : "renditions", href, MAX_TEXT_BYTES))
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
      !read_all_items (self, object, path, "descriptions", "description_", &items) ||
      !read_string (self, object, path, "by", &by) ||
      (by == NULL && !read_string (self, object, path, "byline", &by)) ||
      !read_string (self, object, path, "copyrightnotice", &notice) ||
      !read_string (self, object, path, "copyrightholder", &holder))
    return FALSE;

  if (is_blank (source))
    return TRUE;

  /* A wire story is somebody else's document: it may name a picture on the
   * web or one beside it (an exported bundle), never another file of this
   * computer, which an export would then carry out. */
  if (!g_str_has_prefix (source, "https://") && !g_str_has_prefix (source, "http://") &&
      !cd_image_source_stays_inside (source))
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
      const TextItem *item = pick_item (items, texts[i].roles, FALSE);
      g_autofree char *text = NULL;

      if (item == NULL)
        continue;

      text = item_text (item);
      if (!check_length (self, path, text, MAX_TEXT_BYTES))
        return FALSE;
      texts[i].setter (image, text);
    }

  if (!check_length (self, path, by, MAX_TEXT_BYTES) ||
      !check_length (self, path, notice, MAX_TEXT_BYTES) ||
      !check_length (self, path, holder, MAX_TEXT_BYTES))
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
static gboolean
import_image (Importer   *self,
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

          if (!array_object (self, array, "associations", i, &association) ||
              !read_string (self, association, path, "name", &name) ||
              !read_string (self, association, path, "type", &type))
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
          g_autofree char *path = member_path ("associations", l->data);
          const char *type;

          if (!JSON_NODE_HOLDS_OBJECT (child))
            return wrong_type (self, path, _("an object"), child);

          if (!read_string (self, json_node_get_object (child), path, "type", &type))
            return FALSE;

          g_ptr_array_add (candidates, json_node_get_object (child));
          g_ptr_array_add (names, g_strdup (l->data));
          g_ptr_array_add (types, (gpointer) (type != NULL ? type : ""));
          g_ptr_array_add (paths, g_steal_pointer (&path));
        }
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      return wrong_type (self, "associations", _("a list"), node);
    }

  for (guint pass = 0; chosen == NULL && pass < 3; pass++)
    {
      for (guint i = 0; chosen == NULL && i < candidates->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          const char *type = g_ptr_array_index (types, i);

          if ((pass == 0 && strcmp (name, "featureimage") == 0) ||
              (pass == 1 && role_is (type, "picture")) ||
              (pass == 2 && role_is (type, "graphic")))
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

static gboolean
import_simple_fields (Importer   *self,
                      JsonObject *root,
                      CdArticle  *article)
{
  static const struct
  {
    const char *member;
    void      (*setter) (CdArticle *, const char *);
  } fields[] = {
    { "language", cd_article_set_language },
    { "located", cd_article_set_dateline },
    { "ednote", cd_article_set_editor_note },
    { "slugline", cd_article_set_slug },
  };

  /* After the headline: the slug is derived from it unless slugline says
   * otherwise. */
  for (size_t i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value;

      if (!read_string (self, root, NULL, fields[i].member, &value) ||
          !check_length (self, fields[i].member, value, MAX_TEXT_BYTES))
        return FALSE;

      if (value != NULL)
        fields[i].setter (article, value);
    }

  return TRUE;
}

static CdArticle *
import_document (Importer *self,
                 JsonNode *root_node)
{
  g_autoptr(CdArticle) article = NULL;
  JsonObject *root;
  JsonNode *uri_node;
  JsonNode *format_node;
  const char *type;
  const char *uri;
  gboolean picture;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (self, CD_IMPORT_ERROR_NOT_NINJS,
            _("this is not a ninjs document: it holds %s, not an object"),
            describe_node (root_node));
      return NULL;
    }

  root = json_node_get_object (root_node);

  format_node = json_object_get_member (root, "format");
  if (format_node != NULL && JSON_NODE_HOLDS_VALUE (format_node) &&
      json_node_get_value_type (format_node) == G_TYPE_STRING &&
      strcmp (json_node_get_string (format_node), "copydesk-article") == 0)
    {
      fail (self, CD_IMPORT_ERROR_NOT_NINJS,
            _("this is a Copydesk article, not a ninjs document; open it instead"));
      return NULL;
    }

  uri_node = json_object_get_member (root, "uri");
  if (uri_node == NULL)
    {
      fail (self, CD_IMPORT_ERROR_NOT_NINJS,
            _("this is not a ninjs document: it has no “uri”, which every ninjs document has"));
      return NULL;
    }

  if (!read_string (self, root, NULL, "uri", &uri))
    return NULL;

  if (is_blank (uri))
    {
      fail (self, CD_IMPORT_ERROR_INVALID,
            _("“uri” is empty; ninjs needs the document’s identifier there"));
      return NULL;
    }

  if (!check_length (self, "uri", uri, MAX_TEXT_BYTES) ||
      !read_string (self, root, NULL, "type", &type))
    return NULL;

  picture = is_picture_type (type);

  article = cd_article_new_empty ();
  cd_article_set_id (article, uri);

  if (!import_headline (self, root, article) ||
      !import_simple_fields (self, root, article) ||
      !import_standfirst (self, root, picture, article) ||
      !import_body (self, root, article) ||
      !import_dates (self, root, article) ||
      !import_status (self, root, article) ||
      !import_authors (self, root, article) ||
      !import_subjects (self, root, article) ||
      !import_image (self, root, picture, uri, article))
    return NULL;

  return g_steal_pointer (&article);
}

/**
 * cd_ninjs_import_from_data:
 * @data: (array length=length): the document
 * @length: the length of @data in bytes
 * @display_name: the document's name as messages show it, usually its file name
 * @error: return location for a #GError
 *
 * Reads an IPTC ninjs document (2.x, or 1.x) as an article: see the top of
 * cd-import-ninjs.c for the mapping. A document that is not JSON fails with
 * %CD_IMPORT_ERROR_SYNTAX and the parser's “NAME:LINE:COLUMN: ” message;
 * one that is not an object or has no `uri` (the one member ninjs
 * requires), with %CD_IMPORT_ERROR_NOT_NINJS; a member of the wrong type
 * or an impossible value, with %CD_IMPORT_ERROR_INVALID naming the member;
 * more than 32 MiB, with %CD_IMPORT_ERROR_READ.
 *
 * Returns: (transfer full) (nullable): a new article, or %NULL with @error set
 */
CdArticle *
cd_ninjs_import_from_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  return cd_ninjs_import_from_data_full (data, length, display_name, NULL, error);
}

/**
 * cd_ninjs_import_from_data_full:
 * @data: the document
 * @length: its length in bytes
 * @display_name: the document's name for messages
 * @warnings: (out) (optional) (transfer full) (element-type utf8): what
 *   was left out of the article, one message each, when it succeeds
 * @error: return location for a #GError
 *
 * Imports like cd_ninjs_import_from_data(), and says what it left out: a
 * lead image that names a local file outside the document's folder (an
 * absolute path such as `/etc/passwd`, a path with `..`, a `file:` URI) is
 * dropped, so that an imported article never points at a file the user did
 * not choose.
 *
 * Returns: (transfer full) (nullable): a new article, or %NULL with @error set
 */
CdArticle *
cd_ninjs_import_from_data_full (const char  *data,
                                gsize        length,
                                const char  *display_name,
                                GPtrArray  **warnings,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  Importer self = { display_name, error, found };
  CdArticle *article;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (MAX_FILE_SIZE);

      fail (&self, CD_IMPORT_ERROR_READ,
            _("the document is %s, larger than Copydesk imports (at most %s)"), size, limit);
      return NULL;
    }

  root = cd_json_parse (data, length, display_name, MAX_DEPTH, &json_error);
  if (root == NULL)
    {
      /* The parser's message already names the file, line and column. */
      g_set_error_literal (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_SYNTAX, json_error->message);
      return NULL;
    }

  article = import_document (&self, root);
  if (article != NULL && warnings != NULL)
    *warnings = g_steal_pointer (&found);

  return article;
}

/**
 * cd_ninjs_import_from_file:
 * @file: the ninjs document
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a ninjs document from @file as cd_ninjs_import_from_data() does.
 * A file that cannot be read, or is larger than 32 MiB, fails with
 * %CD_IMPORT_ERROR_READ.
 *
 * Returns: (transfer full) (nullable): a new article, or %NULL with @error set
 */
CdArticle *
cd_ninjs_import_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return cd_ninjs_import_from_file_full (file, cancellable, NULL, error);
}

/**
 * cd_ninjs_import_from_file_full:
 * @file: the ninjs document
 * @cancellable: (nullable): a #GCancellable
 * @warnings: (out) (optional) (transfer full) (element-type utf8): what
 *   was left out, as from cd_ninjs_import_from_data_full()
 * @error: return location for a #GError
 *
 * Reads a ninjs document from @file as cd_ninjs_import_from_data_full() does.
 *
 * Returns: (transfer full) (nullable): a new article, or %NULL with @error set
 */
CdArticle *
cd_ninjs_import_from_file_full (GFile         *file,
                                GCancellable  *cancellable,
                                GPtrArray    **warnings,
                                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);

  /* A folder, a device or a pipe is refused before anything is read, and a
   * huge file before more than the limit is. */
  if (!cd_file_read_bounded (file, MAX_FILE_SIZE, cancellable, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        {
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                       _("Could not open %s: it is a folder, not a ninjs document"), display_name);
        }
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          g_autofree char *size = g_format_size (length);
          g_autofree char *limit = g_format_size (MAX_FILE_SIZE);

          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                       _("%s: the document is %s, larger than Copydesk imports (at most %s)"),
                       display_name, size, limit);
        }
      else
        {
          g_set_error (error, CD_IMPORT_ERROR, CD_IMPORT_ERROR_READ,
                       _("Could not read %s: %s"), display_name, local_error->message);
        }
      return NULL;
    }

  return cd_ninjs_import_from_data_full (contents, length, display_name, warnings, error);
}
