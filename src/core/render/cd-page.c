/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-page"

#include <string.h>

#include "cd-article-file.h"
#include "cd-text.h"
#include "cd-time-zones.h"
#include "cd-core-resources.h"
#include "cd-language.h"
#include "cd-markdown.h"
#include "cd-page.h"
#include "cd-url.h"

/* The article as readers see it: a standalone HTML5 page made from the
 * template and stylesheet in the core GResource. The preview shows it, the
 * "html" exporter writes it and `copydesk-cli render` prints it, so the three
 * agree.
 *
 * The page runs no script and loads nothing but its images: the stylesheet is
 * inlined and allowed by its hash in a Content-Security-Policy. Every field is
 * escaped; the body is the HTML of our own Markdown renderer, which escapes
 * raw HTML and drops unsafe URLs.
 *
 * The output depends only on the article and the options, never on the
 * process locale or the clock: the words the page adds ("By", "Comments") and
 * the publication date follow the article's language, from the one table of
 * such words in core (cd-language.c), which the byline of the model and of
 * every export also uses.
 */

#define RESOURCE_TEMPLATE   "/io/github/copydesk/Copydesk/core/page/article.html"
#define RESOURCE_STYLESHEET "/io/github/copydesk/Copydesk/core/page/article.css"

/* How many tags the kicker shows after the section: one keeps it on one line
 * on a phone. The footer lists them all. */
#define KICKER_TAGS 1

/* The only style attributes our Markdown renderer writes (table cell
 * alignment). The policy allows them by hash, so that no other inline style
 * can apply. */
static const char * const allowed_style_attributes[] = {
  "text-align: left",
  "text-align: center",
  "text-align: right",
};

/**
 * cd_page_language_is_rtl:
 * @language: (nullable): a BCP 47 language tag such as `ar` or `he-IL`
 *
 * Whether text in @language is written right to left: Arabic, Hebrew,
 * Persian, Urdu and the other languages usually written in the Arabic,
 * Hebrew, Syriac or Thaana scripts, or any tag whose script subtag is one of
 * those.
 *
 * Returns: %TRUE for a right-to-left language
 */
gboolean
cd_page_language_is_rtl (const char *language)
{
  static const char * const rtl_languages[] = {
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
  };
  static const char * const rtl_scripts[] = {
    "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg",
  };
  g_auto(GStrv) subtags = NULL;

  if (language == NULL || language[0] == '\0')
    return FALSE;

  subtags = g_strsplit_set (language, "-_", -1);

  /* A script subtag (four letters, right after the language) decides. */
  if (subtags[0] != NULL && subtags[1] != NULL && strlen (subtags[1]) == 4)
    {
      for (size_t i = 0; i < G_N_ELEMENTS (rtl_scripts); i++)
        {
          if (g_ascii_strcasecmp (subtags[1], rtl_scripts[i]) == 0)
            return TRUE;
        }
      return FALSE;
    }

  for (size_t i = 0; i < G_N_ELEMENTS (rtl_languages); i++)
    {
      if (g_ascii_strcasecmp (subtags[0], rtl_languages[i]) == 0)
        return TRUE;
    }

  return FALSE;
}


/**
 * cd_page_format_date:
 * @date_time: a #GDateTime
 * @language: (nullable): the article's BCP 47 language tag
 *
 * Formats a date and time as a newspaper in @language would print it, in the
 * time's own UTC offset: "27 November 2026, 07:30 GMT" for `en-GB`,
 * "November 27, 2026, 7:30 AM" for `en-US`, "27. November 2026, 07:30 Uhr" for
 * `de`, "2026年11月27日 7:30" for `ja`. A language without a table entry gets
 * "2026-11-27 07:30 UTC". The result does not depend on the process locale.
 *
 * Returns: (transfer full): the formatted date
 */
char *
cd_page_format_date (GDateTime  *date_time,
                     const char *language)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  return cd_language_words_format_date (cd_language_words_lookup (language), date_time);
}

/* The nicks are the preview-theme setting's (data/…gschema.xml.in), which
 * says "system" for a page that follows the reader's preference. */
G_DEFINE_ENUM_TYPE (CdPageTheme, cd_page_theme,
  G_DEFINE_ENUM_VALUE (CD_PAGE_THEME_AUTO, "system"),
  G_DEFINE_ENUM_VALUE (CD_PAGE_THEME_LIGHT, "light"),
  G_DEFINE_ENUM_VALUE (CD_PAGE_THEME_DARK, "dark"))

/* Escapes text for an element or a quoted attribute. Characters that HTML
 * and XML reject are dropped, so the page stays well-formed whatever a
 * field holds. */
static void
append_escaped (GString    *out,
                const char *text)
{
  cd_text_append_html (out, text, -1, CD_TEXT_HTML_DROP_INVALID);
}

static char *
escape (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text);
  return g_string_free (out, FALSE);
}

/* The template's values: name → safe HTML. A name the template uses must be
 * set, even to "", so that a misspelt placeholder is caught. */
static void
set_html (GHashTable *values,
          const char *name,
          char       *html)
{
  g_hash_table_replace (values, (gpointer)name, html != NULL ? html : g_strdup (""));
}

static void
set_text (GHashTable *values,
          const char *name,
          const char *text)
{
  g_autofree char *stripped = NULL;

  if (cd_text_is_blank (text))
    {
      set_html (values, name, NULL);
      return;
    }

  stripped = g_strstrip (g_strdup (text));
  set_html (values, name, escape (stripped));
}

/* Whether the tag from @tag_start to @tag_end stands alone on its line, with
 * only blanks before it (back to @text_start, which is a line start if it
 * follows a newline or begins the template) and a newline or the end after
 * it. Such a line is dropped, so that sections do not leave blank lines. */
static gboolean
tag_is_standalone (const char  *template,
                   const char  *text_start,
                   const char  *tag_start,
                   const char  *tag_end,
                   const char **line_start)
{
  const char *p = tag_start;

  while (p > text_start && (p[-1] == ' ' || p[-1] == '\t'))
    p--;

  if (p != template && p[-1] != '\n')
    return FALSE;

  if (*tag_end != '\n' && *tag_end != '\0')
    return FALSE;

  *line_start = p;
  return TRUE;
}

static const char *
lookup_value (GHashTable *values,
              const char *name)
{
  const char *value = g_hash_table_lookup (values, name);

  if (value == NULL)
    {
      g_critical ("The page template uses “%s”, which the renderer does not set", name);
      return "";
    }

  return value;
}

/* Fills the template: `{{name}}` becomes the value of name, `{{#name}}` up to
 * `{{/name}}` is kept only when that value is not empty (sections of one name
 * do not nest), and `{{! comment }}` is dropped. One pass, left to right. */
static void
expand_template (GString    *out,
                 const char *template,
                 GHashTable *values)
{
  const char *p = template;

  while (*p != '\0')
    {
      const char *open = strstr (p, "{{");
      const char *close;
      const char *tag_end;
      const char *line_start;
      g_autofree char *name = NULL;
      char kind;

      if (open == NULL)
        {
          g_string_append (out, p);
          return;
        }

      close = strstr (open + 2, "}}");
      if (close == NULL)
        {
          g_critical ("The page template has an unclosed tag");
          return;
        }
      tag_end = close + 2;
      kind = open[2];

      if (kind != '#' && kind != '/' && kind != '!')
        {
          g_string_append_len (out, p, open - p);
          name = g_strndup (open + 2, close - (open + 2));
          g_string_append (out, lookup_value (values, name));
          p = tag_end;
          continue;
        }

      if (tag_is_standalone (template, p, open, tag_end, &line_start))
        {
          g_string_append_len (out, p, line_start - p);
          p = *tag_end == '\n' ? tag_end + 1 : tag_end;
        }
      else
        {
          g_string_append_len (out, p, open - p);
          p = tag_end;
        }

      if (kind != '#')
        continue;

      name = g_strndup (open + 3, close - (open + 3));
      if (lookup_value (values, name)[0] == '\0')
        {
          g_autofree char *end_tag = g_strdup_printf ("{{/%s}}", name);
          const char *end = strstr (p, end_tag);

          if (end == NULL)
            {
              g_critical ("The page template does not close the section “%s”", name);
              return;
            }

          tag_end = end + strlen (end_tag);
          p = tag_is_standalone (template, p, end, tag_end, &line_start) && *tag_end == '\n'
              ? tag_end + 1 : tag_end;
        }
    }
}

static char *
lookup_resource (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Looking in our own resource, rather than all registered ones, also makes
   * the linker keep it when the library is linked statically. It is compiled
   * into this library: a missing file is a broken build. */
  bytes = g_resource_lookup_data (cd_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Cannot load %s: %s", path, error->message);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* 'sha256-…' for a Content-Security-Policy hash source. */
static void
append_hash_source (GString    *out,
                    const char *text)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *base64 = NULL;

  g_checksum_update (checksum, (const guchar *)text, strlen (text));
  g_checksum_get_digest (checksum, digest, &length);
  base64 = g_base64_encode (digest, length);
  g_string_append_printf (out, " 'sha256-%s'", base64);
}

/* Nothing loads but images and the inline stylesheet; no script, no form, no
 * base URL. Images come from https, data: URIs and the page's own origin
 * (relative hrefs beside an exported page); a lead image given as an http or
 * file URI (the preview shows the file on the author's disk) adds its
 * scheme. The policy is in a <meta> element, so frame-ancestors cannot be
 * set: that belongs to the web server. */
static char *
build_policy (const char *stylesheet,
              const char *image_scheme,
              gboolean    no_remote_images,
              const char *local_scheme)
{
  /* Without remote images (a preview setting), not even the lead image is
   * fetched from the network. */
  GString *policy = g_string_new (no_remote_images
                                  ? "default-src 'none'; img-src 'self' data:"
                                  : "default-src 'none'; img-src 'self' https: data:");
  /* A viewer's own scheme serves every local image, relative ones
   * included: its origin is not the page's 'self'. */
  if (local_scheme != NULL)
    g_string_append_printf (policy, " %s:", local_scheme);
  else if (g_strcmp0 (image_scheme, "file") == 0 ||
           (!no_remote_images && g_strcmp0 (image_scheme, "http") == 0))
    g_string_append_printf (policy, " %s:", image_scheme);

  g_string_append (policy, "; style-src");
  append_hash_source (policy, stylesheet);
  g_string_append (policy, " 'unsafe-hashes'");
  for (size_t i = 0; i < G_N_ELEMENTS (allowed_style_attributes); i++)
    append_hash_source (policy, allowed_style_attributes[i]);
  g_string_append (policy, "; base-uri 'none'; form-action 'none'");

  return g_string_free (policy, FALSE);
}

/* Whether @href may be a lead image's src, and its scheme: a relative href
 * (scheme NULL), https, http, file, or a data: URI of an image. */
static gboolean
image_href_is_allowed (const char  *href,
                       const char  *local_scheme,
                       char       **scheme)
{
  const char *found;

  *scheme = NULL;
  if (cd_text_is_blank (href))
    return FALSE;

  /* Without a scheme, a browser resolves the href against the page. */
  found = g_uri_peek_scheme (href);
  if (found == NULL)
    return TRUE;

  if (local_scheme != NULL && g_str_equal (found, "file"))
    return FALSE;

  if (g_str_equal (found, "https") || g_str_equal (found, "http") || g_str_equal (found, "file") ||
      g_strcmp0 (found, local_scheme) == 0 ||
      (g_str_equal (found, "data") && g_ascii_strncasecmp (href, "data:image/", 11) == 0))
    {
      *scheme = g_strdup (found);
      return TRUE;
    }

  return FALSE;
}

/* An author's page typed in the editor may carry stray spaces around it;
 * the page links the trimmed address when that is a web address. */
static gboolean
is_web_url (const char *url)
{
  g_autofree char *stripped = NULL;

  if (url == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (url));
  return cd_url_is_web_address (stripped);
}

/* What appending a byline's pieces to the page needs. */
typedef struct
{
  GString    *out;
  GListModel *authors;
} BylineMarkup;

static void
append_byline_piece (CdBylinePart  part,
                     const char   *text,
                     guint         index,
                     gpointer      user_data)
{
  BylineMarkup *markup = user_data;
  g_autoptr(CdAuthor) author = NULL;
  const char *url;

  if (part == CD_BYLINE_PART_WORDS)
    {
      append_escaped (markup->out, text);
      return;
    }

  author = g_list_model_get_item (markup->authors, index);
  url = cd_author_get_url (author);

  g_string_append (markup->out, "<span class=\"author\">");
  if (is_web_url (url))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (url));

      g_string_append (markup->out, "<a class=\"name\" rel=\"author\" href=\"");
      append_escaped (markup->out, stripped);
      g_string_append (markup->out, "\">");
      append_escaped (markup->out, text);
      g_string_append (markup->out, "</a>");
    }
  else
    {
      g_string_append (markup->out, "<span class=\"name\">");
      append_escaped (markup->out, text);
      g_string_append (markup->out, "</span>");
    }
  g_string_append (markup->out, "</span>");
}

/* "By <a>A</a> and <span>B</span>": the article's byline, word for word
 * (cd_byline_build(), as the model and every export build it), with each
 * name linked to the author's page when that is an http or https URL.
 *
 * An author's role is not part of the byline: ninjs, whose `by` a CMS
 * shows, has no place for roles, and the page shows what readers will see
 * wherever the article is published. */
static char *
render_byline (CdArticle *article)
{
  GListModel *authors = cd_article_get_authors (article);
  guint n = g_list_model_get_n_items (authors);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  BylineMarkup markup = { g_string_new (NULL), authors };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);

      /* The article holds the author, and so the name, for this call. */
      names[i] = cd_author_get_name (author);
    }

  cd_byline_build (names, cd_article_get_language (article), append_byline_piece, &markup);
  return g_string_free (markup.out, FALSE);
}

/* The kicker: the section, then the first tag. */
static char *
render_kicker (CdArticle *article)
{
  GListModel *tags = cd_article_get_tags (article);
  guint n = g_list_model_get_n_items (tags);
  const char *section = cd_article_get_section (article);
  GString *out = g_string_new (NULL);
  guint shown = 0;

  if (!cd_text_is_blank (section))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (section));

      g_string_append (out, "<span class=\"section\">");
      append_escaped (out, stripped);
      g_string_append (out, "</span>");
    }

  for (guint i = 0; i < n && shown < KICKER_TAGS; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *name = g_strstrip (g_strdup (cd_tag_get_name (tag)));

      if (name[0] == '\0')
        continue;

      if (out->len > 0)
        g_string_append (out, "<span class=\"sep\" aria-hidden=\"true\">·</span>");
      g_string_append (out, "<span class=\"tag\">");
      append_escaped (out, name);
      g_string_append (out, "</span>");
      shown++;
    }

  return g_string_free (out, FALSE);
}

static char *
render_topics (CdArticle *article)
{
  GListModel *tags = cd_article_get_tags (article);
  guint n = g_list_model_get_n_items (tags);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *name = g_strstrip (g_strdup (cd_tag_get_name (tag)));

      if (name[0] == '\0')
        continue;

      g_string_append (out, "<li>");
      append_escaped (out, name);
      g_string_append (out, "</li>");
    }

  return g_string_free (out, FALSE);
}

/* A date as the page shows it, in the article's language. */
static char *
format_page_date (GDateTime             *date_time,
                  const CdLanguageWords *language)
{
  char *date = cd_language_words_format_date (language, date_time);

  /* A reader abroad needs the zone: "12 July 2017, 09:00 CEST", "09:00
   * UTC+04:00". Languages whose format names it already (British English's
   * "GMT" and "BST") are left as they are. */
  if (strstr (language->date_format, "%G") == NULL && strstr (language->date_format, "%Z") == NULL)
    {
      g_autofree char *zone = cd_date_time_dup_zone_label (date_time);
      char *with_zone = g_strdup_printf ("%s %s", date, zone);

      g_free (date);
      date = with_zone;
    }
  return date;
}

/* The corrections log at the end of the story: each entry dated, oldest
 * first, as readers read a log. */
static char *
render_corrections (CdArticle             *article,
                    const CdLanguageWords *language)
{
  GListModel *corrections = cd_article_get_corrections (article);
  guint n = g_list_model_get_n_items (corrections);
  GString *out;

  if (n == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdCorrection) correction = g_list_model_get_item (corrections, i);
      g_autofree char *date = format_page_date (cd_correction_get_date (correction), language);
      g_autofree char *rfc3339 = cd_date_time_to_string (cd_correction_get_date (correction));

      g_string_append (out, "<li class=\"correction\"><time datetime=\"");
      append_escaped (out, rfc3339);
      g_string_append (out, "\">");
      append_escaped (out, date);
      g_string_append (out, "</time> <span class=\"correction-text\">");
      append_escaped (out, cd_correction_get_text (correction));
      g_string_append (out, "</span></li>");
    }
  return g_string_free (out, FALSE);
}

static void
set_date (GHashTable         *values,
          const char         *date_name,
          const char         *datetime_name,
          GDateTime          *date_time,
          const CdLanguageWords *language)
{
  g_autofree char *date = NULL;
  g_autofree char *rfc3339 = NULL;

  if (date_time == NULL)
    {
      set_html (values, date_name, NULL);
      set_html (values, datetime_name, NULL);
      return;
    }

  date = format_page_date (date_time, language);
  set_text (values, date_name, date);

  rfc3339 = cd_date_time_to_string (date_time);
  set_text (values, datetime_name, rfc3339);
}

/**
 * cd_page_render:
 * @article: a #CdArticle
 * @options: (nullable): the lead image's href and the theme; %NULL for a page
 *   without a lead image that follows the reader's colour scheme
 *
 * Renders @article as a standalone HTML5 page: section and tag kicker,
 * headline, standfirst, byline with links to the authors' pages, dateline and
 * publication date in the article's language, the lead image with its
 * caption and credit, the body, the topics, and a placeholder for reader
 * comments when they are allowed. An article under embargo that is not yet
 * published carries an embargo notice at the top.
 *
 * The page is also well-formed XML. It has no script and a restrictive
 * Content-Security-Policy. The same article and options always give the same
 * page. It can be called from a worker thread on an article that no other
 * thread changes meanwhile (the preview renders a copy).
 *
 * Returns: (transfer full): the page, UTF-8
 */
char *
cd_page_render (CdArticle           *article,
                const CdPageOptions *options)
{
  static const CdPageOptions default_options = { NULL, CD_PAGE_THEME_AUTO };
  const CdLanguageWords *language;
  const char *lang;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *template = NULL;
  g_autofree char *stylesheet = NULL;
  g_autofree char *image_scheme = NULL;
  g_autofree char *reader_body = NULL;
  gboolean has_image;
  CdImage *image;
  GDateTime *published;
  GDateTime *embargo;
  GString *page;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);

  if (options == NULL)
    options = &default_options;

  lang = cd_article_get_language (article);
  language = cd_language_words_lookup (lang);
  image = cd_article_get_image (article);
  published = cd_article_get_published (article);
  embargo = cd_article_get_embargo (article);

  template = lookup_resource (RESOURCE_TEMPLATE);
  stylesheet = lookup_resource (RESOURCE_STYLESHEET);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  set_text (values, "lang", lang);
  set_html (values, "dir", g_strdup (cd_page_language_is_rtl (lang) ? "rtl" : "ltr"));
  switch (options->theme)
    {
    case CD_PAGE_THEME_LIGHT:
      set_html (values, "theme", g_strdup ("light"));
      set_html (values, "color_scheme", g_strdup ("light"));
      break;

    case CD_PAGE_THEME_DARK:
      set_html (values, "theme", g_strdup ("dark"));
      set_html (values, "color_scheme", g_strdup ("dark"));
      break;

    case CD_PAGE_THEME_AUTO:
    default:
      set_html (values, "theme", NULL);
      set_html (values, "color_scheme", g_strdup ("light dark"));
      break;
    }

  has_image = image_href_is_allowed (options->image_href, options->local_scheme, &image_scheme);
  set_html (values, "csp", build_policy (stylesheet, image_scheme, options->no_remote_images,
                                         options->local_scheme));
  set_html (values, "stylesheet", g_strdup (stylesheet));

  set_text (values, "title", cd_text_is_blank (cd_article_get_headline (article))
                             ? language->untitled : cd_article_get_headline (article));
  set_text (values, "headline", cd_article_get_headline (article));
  set_text (values, "standfirst", cd_article_get_standfirst (article));
  set_html (values, "kicker", render_kicker (article));
  set_html (values, "byline", render_byline (article));
  set_text (values, "dateline", cd_article_get_dateline (article));
  set_date (values, "published_date", "published_datetime", published, language);
  set_html (values, "has_dateline",
            g_strdup (!cd_text_is_blank (cd_article_get_dateline (article)) || published != NULL
                      ? "yes" : ""));

  /* The embargo matters to the desk until the article is out. */
  if (embargo != NULL && cd_article_get_status (article) != CD_ARTICLE_STATUS_PUBLISHED)
    {
      set_text (values, "embargo_label", language->embargoed_until);
      set_date (values, "embargo_date", "embargo_datetime", embargo, language);
    }
  else
    {
      set_html (values, "embargo_label", NULL);
      set_date (values, "embargo_date", "embargo_datetime", NULL, language);
    }

  if (has_image)
    {
      set_text (values, "image_src", options->image_href);
      set_text (values, "image_alt", cd_image_get_alt (image));
      set_text (values, "image_caption", cd_image_get_caption (image));
      set_text (values, "image_credit", cd_image_get_credit (image));
      set_html (values, "has_figcaption",
                g_strdup (!cd_text_is_blank (cd_image_get_caption (image)) ||
                          !cd_text_is_blank (cd_image_get_credit (image)) ? "yes" : ""));
    }
  else
    {
      const char *names[] = { "image_src", "image_alt", "image_caption", "image_credit",
                              "has_figcaption" };

      for (size_t i = 0; i < G_N_ELEMENTS (names); i++)
        set_html (values, names[i], NULL);
    }

  /* Readers' text only: no suggestion or review comment reaches the page. */
  reader_body = cd_article_dup_reader_body (article);
  set_html (values, "body", cd_markdown_to_html (reader_body, -1));
  set_html (values, "corrections", render_corrections (article, language));
  set_text (values, "corrections_title", language->corrections);
  set_html (values, "topics", render_topics (article));
  set_text (values, "topics_title", language->topics);

  if (cd_article_get_comments (article))
    {
      set_text (values, "comments_title", language->comments);
      set_text (values, "comments_note", language->comments_note);
    }
  else
    {
      set_html (values, "comments_title", NULL);
      set_html (values, "comments_note", NULL);
    }

  page = g_string_sized_new (strlen (template) + strlen (stylesheet) + 4096);
  expand_template (page, template, values);
  return g_string_free (page, FALSE);
}

/**
 * cd_page_dup_image_uri:
 * @article: a #CdArticle
 * @article_dir: (nullable): the folder the article file is in
 *
 * Gets the lead image's href for a page shown on this computer (the preview,
 * `copydesk-cli render`): an https URL stays as it is, a file beside the
 * article becomes a `file://` URI, which cd_page_render() then allows in its
 * policy. Without @article_dir, a relative path stays relative.
 *
 * Returns: (transfer full) (nullable): the href, or %NULL without a lead image
 *   or when its source is neither a web address nor a file
 */
char *
cd_page_dup_image_uri (CdArticle *article,
                       GFile     *article_dir)
{
  CdImage *image;
  g_autofree char *source = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (article_dir == NULL || G_IS_FILE (article_dir), NULL);

  image = cd_article_get_image (article);
  if (!cd_image_is_set (image))
    return NULL;

  source = g_strstrip (g_strdup (cd_image_get_source (image)));
  if (cd_image_is_remote (image))
    return g_steal_pointer (&source);

  /* Neither on the web nor a file (ftp:, a malformed https: address):
   * nothing the page could show. */
  if (!cd_image_source_is_local (source))
    return NULL;

  if (g_path_is_absolute (source))
    file = g_file_new_for_path (source);
  else if (article_dir != NULL)
    file = g_file_resolve_relative_path (article_dir, source);
  else
    return g_uri_escape_string (source, "/", FALSE);

  return g_file_get_uri (file);
}
