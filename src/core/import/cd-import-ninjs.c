/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-import-ninjs"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cd-file-util.h"
#include "cd-import-ninjs-private.h"
#include "cd-text.h"
#include "cd-json.h"

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
 *
 * This file reads the document as a whole (its dates, status and simple
 * members) and is the importer's entry point. Reading single members is in
 * cd-import-ninjs-read.c, the headline, standfirst and body in
 * cd-import-ninjs-text.c, authors and tags in cd-import-ninjs-people.c and
 * the lead image in cd-import-ninjs-image.c.
 */

#define MAX_FILE_SIZE  CD_LIMIT_FILE_SIZE
#define MAX_DEPTH      64

/**
 * cd_import_error_quark:
 *
 * Returns: the error domain of importing documents as articles
 */
G_DEFINE_QUARK (cd-import-error-quark, cd_import_error)

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

  if (!cd_import_ninjs_read_string (self, object, NULL, member, &text))
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

      return cd_import_ninjs_fail (self, CD_IMPORT_ERROR_INVALID,
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

  if (!cd_import_ninjs_read_string (self, root, NULL, "pubstatus", &pubstatus))
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

      return cd_import_ninjs_fail (self, CD_IMPORT_ERROR_INVALID,
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

      if (!cd_import_ninjs_read_string (self, root, NULL, fields[i].member, &value) ||
          !cd_import_ninjs_check_length (self, fields[i].member, value, MAX_TEXT_BYTES))
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
      cd_import_ninjs_fail (self, CD_IMPORT_ERROR_NOT_NINJS,
                            _("this is not a ninjs document: it holds %s, not an object"),
                            cd_json_describe_node (root_node));
      return NULL;
    }

  root = json_node_get_object (root_node);

  format_node = json_object_get_member (root, "format");
  if (format_node != NULL && JSON_NODE_HOLDS_VALUE (format_node) &&
      json_node_get_value_type (format_node) == G_TYPE_STRING &&
      strcmp (json_node_get_string (format_node), "copydesk-article") == 0)
    {
      cd_import_ninjs_fail (self, CD_IMPORT_ERROR_NOT_NINJS,
                            _("this is a Copydesk article, not a ninjs document; open it instead"));
      return NULL;
    }

  uri_node = json_object_get_member (root, "uri");
  if (uri_node == NULL)
    {
      cd_import_ninjs_fail (self, CD_IMPORT_ERROR_NOT_NINJS,
                            _("this is not a ninjs document: it has no “uri”, which every ninjs document has"));
      return NULL;
    }

  if (!cd_import_ninjs_read_string (self, root, NULL, "uri", &uri))
    return NULL;

  if (cd_text_is_blank (uri))
    {
      cd_import_ninjs_fail (self, CD_IMPORT_ERROR_INVALID,
                            _("“uri” is empty; ninjs needs the document’s identifier there"));
      return NULL;
    }

  if (!cd_import_ninjs_check_length (self, "uri", uri, MAX_TEXT_BYTES) ||
      !cd_import_ninjs_read_string (self, root, NULL, "type", &type))
    return NULL;

  picture = cd_import_ninjs_is_picture_type (type);

  article = cd_article_new_empty ();
  cd_article_set_id (article, uri);

  if (!cd_import_ninjs_import_headline (self, root, article) ||
      !import_simple_fields (self, root, article) ||
      !cd_import_ninjs_import_standfirst (self, root, picture, article) ||
      !cd_import_ninjs_import_body (self, root, article) ||
      !import_dates (self, root, article) ||
      !import_status (self, root, article) ||
      !cd_import_ninjs_import_authors (self, root, article) ||
      !cd_import_ninjs_import_subjects (self, root, article) ||
      !cd_import_ninjs_import_image (self, root, picture, uri, article))
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

      cd_import_ninjs_fail (&self, CD_IMPORT_ERROR_READ,
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
