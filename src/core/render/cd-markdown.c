/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-markdown"

#include <string.h>

#include <md4c.h>

#include "cd-markdown.h"
#include "cd-text.h"
#include "cd-url.h"

/* CommonMark with GitHub's tables, strikethrough and autolinks. Raw HTML
 * stays recognised (no MD_FLAG_NOHTML) so that it reaches us as
 * MD_BLOCK_HTML and MD_TEXT_HTML, which we escape: the reader sees the
 * markup as text instead of losing it. */
#define PARSER_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

/**
 * CdBlock:
 *
 * One top-level block of a Markdown body, as cd_markdown_to_blocks() finds
 * it: immutable, reference counted and safe to share between threads. An
 * exporter maps it to its own structure (for Arc ANS: `text`, `header`,
 * `list`, `quote`, `image`, `raw_html` for tables, `code`, `divider`).
 */
struct _CdBlock
{
  CdBlockType type;
  char *html;
  char *content;
  char *text;
  unsigned level;
  char *anchor;
  gboolean ordered;
  unsigned start;
  char **items;
  char *url;
  char *alt;
  char *caption;
  char **header;
  GPtrArray *rows;
  char *language;
};

/* One open Markdown block. The positions are byte offsets into the
 * renderer's HTML and text buffers. */
typedef struct
{
  MD_BLOCKTYPE type;
  gsize html_start;
  gsize inner_start;
  gsize inner_end;
  gsize text_start;

  /* Paragraphs: how many inline items (texts and spans outside images) the
   * paragraph holds, and whether the first one is an image; a paragraph that
   * holds one image only becomes a figure or an image block. */
  unsigned n_inline;
  gboolean image_first;
  gboolean lone_image;

  /* Set on leaving a paragraph, heading or raw HTML block: the range from
   * inner_start to inner_end is inline HTML. */
  gboolean inline_content;

  /* Headings: the id, owned by the renderer's id set. */
  const char *anchor;

  /* Items of a top-level list: their child blocks. */
  unsigned n_children;
  gboolean child_inline;
  gsize child_start;
  gsize child_end;
} Frame;

typedef struct
{
  GString *html;
  GString *text;
  GPtrArray *blocks;

  GArray *frames;
  /* One gboolean per open link: whether it was written as an <a>. */
  GArray *links;

  GHashTable *ids;
  GHashTable *id_counters;
  GString *heading_text;
  gboolean in_heading;

  unsigned image_depth;
  GString *alt;
  char *image_src;
  char *image_title;

  gboolean text_break;
  gboolean verbatim;
  gsize verbatim_line;
  unsigned cell;

  CdBlock *block;
  GPtrArray *items;
  GPtrArray *cells;
  gboolean in_thead;
  GString *code;
} Renderer;

typedef struct
{
  const char *name;
  const char *utf8;
} NamedEntity;

/* MD4C hands entities over undecoded. These are the ones people type in
 * newsroom copy; anything else is kept as written. */
static const NamedEntity named_entities[] = {
  { "amp", "&" },
  { "lt", "<" },
  { "gt", ">" },
  { "quot", "\"" },
  { "apos", "'" },
  { "nbsp", "\xc2\xa0" },
  { "shy", "\xc2\xad" },
  { "copy", "\xc2\xa9" },
  { "reg", "\xc2\xae" },
  { "trade", "\xe2\x84\xa2" },
  { "deg", "\xc2\xb0" },
  { "times", "\xc3\x97" },
  { "divide", "\xc3\xb7" },
  { "middot", "\xc2\xb7" },
  { "sect", "\xc2\xa7" },
  { "para", "\xc2\xb6" },
  { "euro", "\xe2\x82\xac" },
  { "pound", "\xc2\xa3" },
  { "yen", "\xc2\xa5" },
  { "cent", "\xc2\xa2" },
  { "ndash", "\xe2\x80\x93" },
  { "mdash", "\xe2\x80\x94" },
  { "hellip", "\xe2\x80\xa6" },
  { "lsquo", "\xe2\x80\x98" },
  { "rsquo", "\xe2\x80\x99" },
  { "ldquo", "\xe2\x80\x9c" },
  { "rdquo", "\xe2\x80\x9d" },
  { "laquo", "\xc2\xab" },
  { "raquo", "\xc2\xbb" },
  { "bull", "\xe2\x80\xa2" },
  /* Punctuation that spells out URL schemes (`javascript&colon;`): decoded
   * so that the URL policy sees what a browser or a CMS would. */
  { "colon", ":" },
  { "Tab", "\t" },
  { "NewLine", "\n" },
  { "sol", "/" },
  { "quest", "?" },
  { "num", "#" },
  { "period", "." },
  { "comma", "," },
  { "semi", ";" },
  { "lpar", "(" },
  { "rpar", ")" },
  { "excl", "!" },
  { "percnt", "%" },
  { "equals", "=" },
  { "plus", "+" },
};

G_DEFINE_BOXED_TYPE (CdBlock, cd_block, cd_block_ref, cd_block_unref)

static void
cd_block_clear (gpointer data)
{
  CdBlock *self = data;

  g_free (self->html);
  g_free (self->content);
  g_free (self->text);
  g_free (self->anchor);
  g_strfreev (self->items);
  g_free (self->url);
  g_free (self->alt);
  g_free (self->caption);
  g_strfreev (self->header);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->language);
}

static CdBlock *
cd_block_new (CdBlockType type)
{
  CdBlock *self = g_atomic_rc_box_new0 (CdBlock);

  self->type = type;
  return self;
}

/**
 * cd_block_ref:
 * @self: a #CdBlock
 *
 * Takes a reference on @self.
 *
 * Returns: (transfer full): @self
 */
CdBlock *
cd_block_ref (CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

/**
 * cd_block_unref:
 * @self: (transfer full): a #CdBlock
 *
 * Drops a reference on @self, freeing it when it was the last one.
 */
void
cd_block_unref (CdBlock *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, cd_block_clear);
}

/**
 * cd_block_get_block_type:
 * @self: a #CdBlock
 *
 * Returns: what kind of block @self is
 */
CdBlockType
cd_block_get_block_type (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, CD_BLOCK_PARAGRAPH);

  return self->type;
}

/**
 * cd_block_get_html:
 * @self: a #CdBlock
 *
 * Gets the block as cd_markdown_to_html() renders it, outer element
 * included (`<p>…</p>`, `<table>…</table>`, `<figure>…</figure>`), ending
 * in a newline. The blocks' HTML, concatenated, is the document's HTML, so
 * this is what an exporter puts in a raw HTML element.
 *
 * Returns: (transfer none): safe, well-formed HTML
 */
const char *
cd_block_get_html (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->html;
}

/**
 * cd_block_get_content:
 * @self: a #CdBlock
 *
 * Gets the HTML inside the block's element: for a paragraph or heading its
 * inline HTML (no `<p>`), for a quote the block-level HTML inside
 * `<blockquote>`. Other kinds have none: use the items, cells, text or URL.
 *
 * Returns: (transfer none) (nullable): safe HTML, or %NULL
 */
const char *
cd_block_get_content (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->content;
}

/**
 * cd_block_get_text:
 * @self: a #CdBlock
 *
 * Gets the block's plain text, as cd_markdown_to_plain_text() renders it
 * (the blocks inside a list, quote or table separated by blank lines). An
 * image's text is its alt text; a divider's is empty. A code block's text
 * is the code itself, blank lines included, without its final newline.
 *
 * Returns: (transfer none): plain text, never %NULL
 */
const char *
cd_block_get_text (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * cd_block_get_level:
 * @self: a #CdBlock
 *
 * Returns: a heading's level, 1 to 6; 0 for other blocks
 */
unsigned
cd_block_get_level (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->level;
}

/**
 * cd_block_get_anchor:
 * @self: a #CdBlock
 *
 * Gets a heading's `id`, unique in the document, as it appears in the
 * HTML.
 *
 * Returns: (transfer none) (nullable): the id, or %NULL if @self is not a
 *   heading
 */
const char *
cd_block_get_anchor (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->anchor;
}

/**
 * cd_block_get_ordered:
 * @self: a #CdBlock
 *
 * Returns: %TRUE if @self is an ordered (numbered) list
 */
gboolean
cd_block_get_ordered (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->ordered;
}

/**
 * cd_block_get_start:
 * @self: a #CdBlock
 *
 * Returns: the number of an ordered list's first item; 0 for other blocks
 */
unsigned
cd_block_get_start (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start;
}

/**
 * cd_block_get_items:
 * @self: a #CdBlock
 *
 * Gets the items of a list, or the blocks of a quote, as safe HTML. An item
 * or quoted block that is one paragraph or heading gives its inline HTML;
 * anything richer (a nested list, several paragraphs) gives its HTML
 * unchanged.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the items,
 *   or %NULL if @self is neither a list nor a quote
 */
const char * const *
cd_block_get_items (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->items;
}

/**
 * cd_block_get_url:
 * @self: a #CdBlock
 *
 * Gets an image's URL, which passed the renderer's URL policy (http, https,
 * mailto or relative) and is percent-encoded where needed. An image whose
 * URL is refused does not make an image block.
 *
 * Returns: (transfer none) (nullable): the URL, or %NULL if @self is not an
 *   image
 */
const char *
cd_block_get_url (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->url;
}

/**
 * cd_block_get_alt:
 * @self: a #CdBlock
 *
 * Returns: (transfer none) (nullable): an image's alt text (plain text), or
 *   %NULL if @self is not an image
 */
const char *
cd_block_get_alt (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->alt;
}

/**
 * cd_block_get_caption:
 * @self: a #CdBlock
 *
 * Gets an image's caption: the title in `![alt](url "title")`.
 *
 * Returns: (transfer none) (nullable): the caption (plain text), or %NULL
 *   if the image has none or @self is not an image
 */
const char *
cd_block_get_caption (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->caption;
}

/**
 * cd_block_get_header_cells:
 * @self: a #CdBlock
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the inline
 *   HTML of a table's header cells, or %NULL if @self is not a table
 */
const char * const *
cd_block_get_header_cells (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->header;
}

/**
 * cd_block_get_n_rows:
 * @self: a #CdBlock
 *
 * Returns: the number of body rows of a table; 0 for other blocks
 */
unsigned
cd_block_get_n_rows (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows != NULL ? self->rows->len : 0;
}

/**
 * cd_block_get_row:
 * @self: a #CdBlock
 * @row: a row index, less than cd_block_get_n_rows()
 *
 * Gets the cells of a table's body row. Every row has as many cells as the
 * header.
 *
 * Returns: (transfer none) (array zero-terminated=1): the cells' inline
 *   HTML
 */
const char * const *
cd_block_get_row (const CdBlock *self,
                  unsigned       row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, row);
}

/**
 * cd_block_get_language:
 * @self: a #CdBlock
 *
 * Gets a code block's language: the first word of its info string
 * (```` ```python ````).
 *
 * Returns: (transfer none) (nullable): the language, or %NULL if none was
 *   given or @self is not a code block
 */
const char *
cd_block_get_language (const CdBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

/* Appends text escaped for HTML text and attribute values. Characters that
 * XML does not allow become U+FFFD, as CommonMark requires of U+0000. */
static void
append_escaped (GString    *out,
                const char *s,
                size_t      n)
{
  cd_text_append_html (out, s, (gssize) n, CD_TEXT_HTML_REPLACE_INVALID);
}

static void
append_escaped_str (GString    *out,
                    const char *s)
{
  append_escaped (out, s, strlen (s));
}

/* Decodes the entity @s (`&name;`, `&#123;` or `&#x7B;`, as MD4C found
 * it) into @out. Returns FALSE, writing nothing, for an unknown name. */
static gboolean
decode_entity (const char *s,
               size_t      n,
               GString    *out)
{
  if (n < 3 || s[0] != '&' || s[n - 1] != ';')
    return FALSE;

  if (s[1] == '#')
    {
      gboolean hex = FALSE;
      gunichar c = 0;
      size_t i = 2;

      if (s[i] == 'x' || s[i] == 'X')
        {
          hex = TRUE;
          i++;
        }
      if (i >= n - 1)
        return FALSE;

      for (; i < n - 1; i++)
        {
          int digit = hex ? g_ascii_xdigit_value (s[i]) : g_ascii_digit_value (s[i]);

          if (digit < 0)
            return FALSE;
          /* Saturates: anything past U+10FFFF is replaced below anyway. */
          if (c <= 0x10ffff)
            c = c * (hex ? 16 : 10) + (gunichar) digit;
        }

      /* CommonMark: NUL, surrogates and out-of-range values give U+FFFD. */
      if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        c = 0xfffd;
      g_string_append_unichar (out, c);
      return TRUE;
    }

  for (size_t i = 0; i < G_N_ELEMENTS (named_entities); i++)
    {
      const char *name = named_entities[i].name;
      size_t len = strlen (name);

      if (len == n - 2 && memcmp (s + 1, name, len) == 0)
        {
          g_string_append (out, named_entities[i].utf8);
          return TRUE;
        }
    }

  return FALSE;
}

/* Appends a piece of text as plain text: entities decoded, line breaks as
 * @line_break. Raw HTML and code are literal: that is what readers see. */
static void
append_plain (GString     *out,
              MD_TEXTTYPE  type,
              const char  *s,
              size_t       n,
              const char  *line_break)
{
  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (out, REPLACEMENT_CHARACTER);
      break;
    case MD_TEXT_BR:
      /* Two hard breaks in a row would make a blank line, which means a
       * new paragraph in plain text. */
      if (line_break[0] != '\n' || out->len == 0 || out->str[out->len - 1] != '\n')
        g_string_append (out, line_break);
      break;
    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ' ');
      break;
    case MD_TEXT_ENTITY:
      if (!decode_entity (s, n, out))
        g_string_append_len (out, s, n);
      break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      g_string_append_len (out, s, n);
      break;
    }
}

/* Decodes an attribute (a link destination or title) to plain text. */
static char *
decode_attribute (const MD_ATTRIBUTE *attr)
{
  GString *out;

  if (attr->size == 0)
    return g_strdup ("");

  out = g_string_sized_new (attr->size);
  for (unsigned i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      MD_OFFSET offset = attr->substr_offsets[i];
      MD_SIZE size = attr->substr_offsets[i + 1] - offset;

      append_plain (out, attr->substr_types[i], attr->text + offset, size, " ");
    }

  return g_string_free (out, FALSE);
}

/* Returns @url ready for an href or src (before HTML escaping), or NULL if
 * the URL policy, cd_url_is_allowed(), refuses it. Leading and trailing
 * spaces and controls go, tabs and line breaks go (as browsers drop them),
 * and what is not safe in a URL is percent-encoded. */
static char *
filter_url (const char *url)
{
  static const char hex[] = "0123456789ABCDEF";
  const char *start = url;
  const char *end = url + strlen (url);
  GString *out;

  if (!cd_url_is_allowed (url))
    return NULL;

  while (start < end && ((guchar) *start <= 0x20 || *start == 0x7f))
    start++;
  while (end > start && ((guchar) end[-1] <= 0x20 || end[-1] == 0x7f))
    end--;

  out = g_string_sized_new (end - start);
  for (const char *p = start; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\t' || c == '\n' || c == '\r')
        continue;
      if (g_ascii_isalnum (c) || strchr ("-_.~!*();:@&=+$,/?#[]%", c) != NULL)
        {
          g_string_append_c (out, (char) c);
        }
      else
        {
          g_string_append_c (out, '%');
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }

  return g_string_free (out, FALSE);
}

static Frame *
renderer_frame (Renderer *r,
                guint     depth)
{
  g_assert (depth < r->frames->len);

  return &g_array_index (r->frames, Frame, depth);
}

static Frame *
renderer_top (Renderer *r)
{
  return renderer_frame (r, r->frames->len - 1);
}

static char *
slice (GString *s,
       gsize    start,
       gsize    end)
{
  g_assert (start <= end && end <= s->len);

  return g_strndup (s->str + start, end - start);
}

/* Like slice(), without the newlines that separate blocks at either end. */
static char *
slice_trimmed (GString *s,
               gsize    start,
               gsize    end)
{
  /* A pending blank line may have been taken back below a block's start. */
  start = MIN (start, end);
  while (start < end && s->str[start] == '\n')
    start++;
  while (end > start && s->str[end - 1] == '\n')
    end--;

  return slice (s, start, end);
}

static char *
heading_slug (const char *text)
{
  /* NFKC first, so that decomposed accents ("o" + U+0308) and
   * compatibility forms (full-width letters, "₂") transliterate too. */
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *ascii = g_str_to_ascii (composed != NULL ? composed : text, "C");
  GString *slug = g_string_sized_new (strlen (ascii));
  gboolean separator = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      /* "Don't" reads better as "dont" than "don-t". */
      if (*p == '\'')
        continue;

      if (g_ascii_isalnum (*p))
        {
          if (separator && slug->len > 0)
            g_string_append_c (slug, '-');
          separator = FALSE;
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else
        {
          separator = TRUE;
        }
    }

  if (slug->len == 0)
    g_string_assign (slug, "section");

  return g_string_free (slug, FALSE);
}

/* Returns a heading id for @text that no earlier heading has. Each slug
 * remembers the last suffix it tried, so that a run of identical headings
 * costs linear time. */
static const char *
renderer_heading_id (Renderer   *r,
                     const char *text)
{
  g_autofree char *slug = heading_slug (text);
  gpointer base = NULL;
  char *id = NULL;
  unsigned n;

  if (!g_hash_table_lookup_extended (r->ids, slug, &base, NULL))
    {
      id = g_steal_pointer (&slug);
      g_hash_table_add (r->ids, id);
      return id;
    }

  /* The counters are keyed by the id set's own copy of the slug. */
  n = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (r->id_counters, base)), 1);
  do
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", slug, ++n);
    }
  while (g_hash_table_contains (r->ids, id));

  g_hash_table_insert (r->id_counters, base, GUINT_TO_POINTER (n));
  g_hash_table_add (r->ids, id);
  return id;
}

/* Plain text: blocks are separated by exactly one blank line. The
 * separator is written lazily, before a block's first text, so that empty
 * blocks leave no trace. */
static void
text_flush_break (Renderer *r)
{
  GString *text = r->text;

  if (!r->text_break)
    return;

  r->text_break = FALSE;
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  if (text->len > 0)
    g_string_append (text, "\n\n");
  r->verbatim_line = text->len;
}

/* Ends a line of a code or raw HTML block in the plain text. A blank line
 * is dropped so that it does not read as a paragraph break. */
static void
text_end_verbatim_line (Renderer *r,
                        gboolean  newline)
{
  GString *text = r->text;
  gboolean blank = TRUE;

  if (r->text_break)
    return;

  for (gsize i = r->verbatim_line; i < text->len && blank; i++)
    blank = g_ascii_isspace (text->str[i]);

  if (blank)
    g_string_truncate (text, r->verbatim_line);
  else if (newline)
    g_string_append_c (text, '\n');

  r->verbatim_line = text->len;
}

static void
text_append_verbatim (Renderer   *r,
                      const char *s,
                      size_t      n)
{
  const char *end = s + n;

  while (s < end)
    {
      const char *newline = memchr (s, '\n', end - s);
      const char *stop = newline != NULL ? newline : end;

      if (stop > s)
        {
          text_flush_break (r);
          g_string_append_len (r->text, s, stop - s);
        }
      if (newline != NULL)
        text_end_verbatim_line (r, TRUE);

      s = newline != NULL ? newline + 1 : end;
    }
}

/* Counts an inline item of the innermost paragraph, to find paragraphs that
 * hold one image only. */
static void
renderer_note_inline (Renderer *r,
                      gboolean  is_image)
{
  Frame *frame = renderer_top (r);

  if (frame->type != MD_BLOCK_P)
    return;

  frame->n_inline++;
  if (frame->n_inline == 1)
    frame->image_first = is_image;
}

static void
append_image_tag (Renderer *r,
                  gboolean  with_title)
{
  GString *html = r->html;

  g_string_append (html, "<img src=\"");
  append_escaped_str (html, r->image_src);
  g_string_append (html, "\" alt=\"");
  append_escaped (html, r->alt->str, r->alt->len);
  g_string_append_c (html, '"');
  if (with_title && r->image_title[0] != '\0')
    {
      g_string_append (html, " title=\"");
      append_escaped_str (html, r->image_title);
      g_string_append_c (html, '"');
    }
  g_string_append (html, " />");
}

static void
html_open_block (Renderer     *r,
                 MD_BLOCKTYPE  type,
                 void         *detail)
{
  GString *html = r->html;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      g_string_append (html, "<blockquote>\n");
      break;

    case MD_BLOCK_UL:
      g_string_append (html, "<ul>\n");
      break;

    case MD_BLOCK_OL:
      {
        MD_BLOCK_OL_DETAIL *ol = detail;

        if (ol->start != 1)
          g_string_append_printf (html, "<ol start=\"%u\">\n", ol->start);
        else
          g_string_append (html, "<ol>\n");
      }
      break;

    case MD_BLOCK_LI:
      g_string_append (html, "<li>");
      break;

    case MD_BLOCK_HR:
      g_string_append (html, "<hr />\n");
      break;

    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;
        g_autofree char *lang = decode_attribute (&code->lang);

        g_string_append (html, "<pre><code");
        if (lang[0] != '\0')
          {
            g_string_append (html, " class=\"language-");
            append_escaped_str (html, lang);
            g_string_append_c (html, '"');
          }
        g_string_append_c (html, '>');
      }
      break;

    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
      g_string_append (html, "<p>");
      break;

    case MD_BLOCK_TABLE:
      g_string_append (html, "<table>\n");
      break;

    case MD_BLOCK_THEAD:
      g_string_append (html, "<thead>\n");
      break;

    case MD_BLOCK_TBODY:
      g_string_append (html, "<tbody>\n");
      break;

    case MD_BLOCK_TR:
      g_string_append (html, "<tr>\n");
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      {
        MD_BLOCK_TD_DETAIL *td = detail;
        const char *align = NULL;

        g_string_append (html, type == MD_BLOCK_TH ? "<th" : "<td");
        if (td->align == MD_ALIGN_LEFT)
          align = "left";
        else if (td->align == MD_ALIGN_CENTER)
          align = "center";
        else if (td->align == MD_ALIGN_RIGHT)
          align = "right";
        if (align != NULL)
          g_string_append_printf (html, " style=\"text-align: %s\"", align);
        g_string_append_c (html, '>');
      }
      break;

    case MD_BLOCK_H:
      /* The opening tag needs the heading's id, known at its end. */
    case MD_BLOCK_DOC:
    default:
      break;
    }
}

static void
html_close_block (Renderer     *r,
                  Frame        *frame,
                  void         *detail)
{
  GString *html = r->html;

  frame->inner_end = html->len;

  switch (frame->type)
    {
    case MD_BLOCK_QUOTE:
      g_string_append (html, "</blockquote>\n");
      break;

    case MD_BLOCK_UL:
      g_string_append (html, "</ul>\n");
      break;

    case MD_BLOCK_OL:
      g_string_append (html, "</ol>\n");
      break;

    case MD_BLOCK_LI:
      g_string_append (html, "</li>\n");
      break;

    case MD_BLOCK_H:
      {
        MD_BLOCK_H_DETAIL *h = detail;
        g_autofree char *tag = NULL;

        frame->anchor = renderer_heading_id (r, r->heading_text->str);
        tag = g_strdup_printf ("<h%u id=\"%s\">", h->level, frame->anchor);
        g_string_insert (html, frame->html_start, tag);
        frame->inner_start += strlen (tag);
        frame->inner_end = html->len;
        frame->inline_content = TRUE;
        g_string_append_printf (html, "</h%u>\n", h->level);
      }
      break;

    case MD_BLOCK_CODE:
      g_string_append (html, "</code></pre>\n");
      break;

    case MD_BLOCK_HTML:
      while (html->len > frame->inner_start && html->str[html->len - 1] == '\n')
        g_string_truncate (html, html->len - 1);
      frame->inner_end = html->len;
      frame->inline_content = TRUE;
      g_string_append (html, "</p>\n");
      break;

    case MD_BLOCK_P:
      frame->lone_image = frame->n_inline == 1 && frame->image_first &&
                          r->image_src != NULL;
      if (frame->lone_image && r->image_title[0] != '\0')
        {
          /* An image alone in its paragraph, with a title: a captioned
           * figure rather than an inline image. */
          g_string_truncate (html, frame->html_start);
          g_string_append (html, "<figure>\n");
          append_image_tag (r, FALSE);
          g_string_append (html, "\n<figcaption>");
          append_escaped_str (html, r->image_title);
          g_string_append (html, "</figcaption>\n</figure>\n");
        }
      else
        {
          frame->inline_content = TRUE;
          g_string_append (html, "</p>\n");
        }
      break;

    case MD_BLOCK_TABLE:
      g_string_append (html, "</table>\n");
      break;

    case MD_BLOCK_THEAD:
      g_string_append (html, "</thead>\n");
      break;

    case MD_BLOCK_TBODY:
      g_string_append (html, "</tbody>\n");
      break;

    case MD_BLOCK_TR:
      g_string_append (html, "</tr>\n");
      break;

    case MD_BLOCK_TH:
      g_string_append (html, "</th>\n");
      break;

    case MD_BLOCK_TD:
      g_string_append (html, "</td>\n");
      break;

    case MD_BLOCK_HR:
    case MD_BLOCK_DOC:
    default:
      break;
    }
}

static char **
steal_strv (GPtrArray **array)
{
  GPtrArray *strings = g_steal_pointer (array);

  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (strings, FALSE);
}

/* Structured blocks: a top-level block starts at depth 1 (the document is
 * at depth 0). */
static void
blocks_enter (Renderer     *r,
              MD_BLOCKTYPE  type,
              void         *detail,
              guint         depth)
{
  if (depth == 1)
    {
      CdBlock *block;

      switch (type)
        {
        case MD_BLOCK_H:
          block = cd_block_new (CD_BLOCK_HEADING);
          block->level = ((MD_BLOCK_H_DETAIL *) detail)->level;
          break;

        case MD_BLOCK_UL:
          block = cd_block_new (CD_BLOCK_LIST);
          r->items = g_ptr_array_new_with_free_func (g_free);
          break;

        case MD_BLOCK_OL:
          block = cd_block_new (CD_BLOCK_LIST);
          block->ordered = TRUE;
          block->start = ((MD_BLOCK_OL_DETAIL *) detail)->start;
          r->items = g_ptr_array_new_with_free_func (g_free);
          break;

        case MD_BLOCK_QUOTE:
          block = cd_block_new (CD_BLOCK_QUOTE);
          r->items = g_ptr_array_new_with_free_func (g_free);
          break;

        case MD_BLOCK_CODE:
          {
            g_autofree char *lang = decode_attribute (&((MD_BLOCK_CODE_DETAIL *) detail)->lang);

            block = cd_block_new (CD_BLOCK_CODE);
            if (lang[0] != '\0')
              block->language = g_steal_pointer (&lang);
            r->code = g_string_new (NULL);
          }
          break;

        case MD_BLOCK_TABLE:
          block = cd_block_new (CD_BLOCK_TABLE);
          block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          break;

        case MD_BLOCK_HR:
          block = cd_block_new (CD_BLOCK_DIVIDER);
          break;

        case MD_BLOCK_P:
        case MD_BLOCK_HTML:
        default:
          block = cd_block_new (CD_BLOCK_PARAGRAPH);
          break;
        }

      g_assert (r->block == NULL);
      r->block = block;
    }
  else if (r->block != NULL && r->block->type == CD_BLOCK_TABLE)
    {
      if (type == MD_BLOCK_THEAD)
        r->in_thead = TRUE;
      else if (type == MD_BLOCK_TBODY)
        r->in_thead = FALSE;
      else if (type == MD_BLOCK_TR)
        r->cells = g_ptr_array_new_with_free_func (g_free);
    }
}

static void
blocks_finish (Renderer *r,
               Frame    *frame)
{
  g_autoptr(CdBlock) block = g_steal_pointer (&r->block);

  block->html = slice (r->html, frame->html_start, r->html->len);
  block->text = slice_trimmed (r->text, frame->text_start, r->text->len);

  switch (block->type)
    {
    case CD_BLOCK_PARAGRAPH:
      if (frame->lone_image)
        {
          block->type = CD_BLOCK_IMAGE;
          block->url = g_strdup (r->image_src);
          block->alt = g_strdup (r->alt->str);
          if (r->image_title[0] != '\0')
            block->caption = g_strdup (r->image_title);
        }
      else
        {
          block->content = slice (r->html, frame->inner_start, frame->inner_end);
        }
      break;

    case CD_BLOCK_HEADING:
      block->content = slice (r->html, frame->inner_start, frame->inner_end);
      block->anchor = g_strdup (frame->anchor);
      break;

    case CD_BLOCK_QUOTE:
      block->content = slice_trimmed (r->html, frame->inner_start, frame->inner_end);
      block->items = steal_strv (&r->items);
      break;

    case CD_BLOCK_LIST:
      block->items = steal_strv (&r->items);
      break;

    case CD_BLOCK_CODE:
      {
        g_autoptr(GString) code = g_steal_pointer (&r->code);

        if (code->len > 0 && code->str[code->len - 1] == '\n')
          g_string_truncate (code, code->len - 1);
        g_free (block->text);
        block->text = g_strndup (code->str, code->len);
      }
      break;

    case CD_BLOCK_TABLE:
      if (block->header == NULL)
        block->header = g_new0 (char *, 1);
      break;

    case CD_BLOCK_IMAGE:
    case CD_BLOCK_DIVIDER:
    default:
      break;
    }

  g_ptr_array_add (r->blocks, g_steal_pointer (&block));
}

static void
blocks_leave (Renderer *r,
              Frame    *frame,
              guint     depth)
{
  CdBlock *block = r->block;

  if (depth == 1)
    {
      blocks_finish (r, frame);
      return;
    }

  if (block == NULL)
    return;

  if (block->type == CD_BLOCK_QUOTE && depth == 2)
    {
      char *item;

      if (frame->inline_content)
        item = slice (r->html, frame->inner_start, frame->inner_end);
      else
        item = slice_trimmed (r->html, frame->html_start, r->html->len);
      g_ptr_array_add (r->items, item);
    }
  else if (block->type == CD_BLOCK_LIST && depth == 2)
    {
      char *item;

      /* An item that is one paragraph gives its inline HTML, whether the
       * list is tight or loose. */
      if (frame->n_children == 1 && frame->child_inline)
        item = slice (r->html, frame->child_start, frame->child_end);
      else
        item = slice_trimmed (r->html, frame->inner_start, frame->inner_end);
      g_ptr_array_add (r->items, item);
    }
  else if (block->type == CD_BLOCK_LIST && depth == 3)
    {
      Frame *item = renderer_frame (r, 2);

      item->n_children++;
      item->child_inline = frame->inline_content;
      item->child_start = frame->inner_start;
      item->child_end = frame->inner_end;
    }
  else if (block->type == CD_BLOCK_TABLE && depth == 4)
    {
      g_ptr_array_add (r->cells, slice (r->html, frame->inner_start, frame->inner_end));
    }
  else if (block->type == CD_BLOCK_TABLE && depth == 3 && frame->type == MD_BLOCK_TR)
    {
      char **cells = steal_strv (&r->cells);

      if (r->in_thead && block->header == NULL)
        block->header = cells;
      else if (r->in_thead)
        g_strfreev (cells);
      else
        g_ptr_array_add (block->rows, cells);
    }
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Renderer *r = user_data;
  gboolean cell = type == MD_BLOCK_TH || type == MD_BLOCK_TD;
  Frame frame = { 0 };

  frame.type = type;

  if (r->text != NULL)
    {
      if (!cell)
        {
          r->text_break = TRUE;
        }
      else if (r->cell++ > 0)
        {
          text_flush_break (r);
          g_string_append_c (r->text, '\t');
        }
      if (type == MD_BLOCK_TR)
        r->cell = 0;
      frame.text_start = r->text->len;
    }

  if (r->html != NULL)
    {
      GString *html = r->html;

      /* Each block starts on a line of its own, also inside a list item
       * (`<li>\n<p>…`). */
      if (html->len > 0 && html->str[html->len - 1] != '\n')
        g_string_append_c (html, '\n');
      frame.html_start = html->len;
      html_open_block (r, type, detail);
      frame.inner_start = html->len;
    }

  g_array_append_val (r->frames, frame);

  if (r->blocks != NULL && type != MD_BLOCK_DOC)
    blocks_enter (r, type, detail, r->frames->len - 1);

  if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML)
    {
      r->verbatim = TRUE;
      if (r->text != NULL)
        r->verbatim_line = r->text->len;
    }
  else if (type == MD_BLOCK_H && r->html != NULL)
    {
      r->in_heading = TRUE;
      g_string_truncate (r->heading_text, 0);
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Renderer *r = user_data;
  guint depth = r->frames->len - 1;
  Frame *frame = renderer_top (r);

  g_assert (frame->type == type);

  if (r->html != NULL)
    html_close_block (r, frame, detail);

  if (r->text != NULL)
    {
      if (r->verbatim)
        {
          text_end_verbatim_line (r, FALSE);
          while (r->text->len > 0 && r->text->str[r->text->len - 1] == '\n')
            g_string_truncate (r->text, r->text->len - 1);
        }
      if (type != MD_BLOCK_TH && type != MD_BLOCK_TD)
        r->text_break = TRUE;
    }

  if (r->blocks != NULL && type != MD_BLOCK_DOC)
    blocks_leave (r, frame, depth);

  r->verbatim = FALSE;
  if (type == MD_BLOCK_H)
    r->in_heading = FALSE;

  g_array_set_size (r->frames, depth);
  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Renderer *r = user_data;
  GString *html = r->html;

  if (html == NULL)
    return 0;

  /* Inside an image only text matters: it becomes the alt text. A link
   * there is still counted, because md4c does not always close spans in the
   * order it opened them (an image can end before a link it contains). */
  if (r->image_depth > 0)
    {
      gboolean written = FALSE;

      if (type == MD_SPAN_IMG)
        r->image_depth++;
      else if (type == MD_SPAN_A)
        g_array_append_val (r->links, written);
      return 0;
    }

  renderer_note_inline (r, type == MD_SPAN_IMG);

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (html, "<em>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (html, "<strong>");
      break;

    case MD_SPAN_DEL:
      g_string_append (html, "<del>");
      break;

    case MD_SPAN_CODE:
      g_string_append (html, "<code>");
      break;

    case MD_SPAN_A:
      {
        MD_SPAN_A_DETAIL *a = detail;
        g_autofree char *href = decode_attribute (&a->href);
        g_autofree char *url = filter_url (href);
        gboolean written = url != NULL;

        if (written)
          {
            g_autofree char *title = decode_attribute (&a->title);

            g_string_append (html, "<a href=\"");
            append_escaped_str (html, url);
            g_string_append_c (html, '"');
            if (title[0] != '\0')
              {
                g_string_append (html, " title=\"");
                append_escaped_str (html, title);
                g_string_append_c (html, '"');
              }
            g_string_append_c (html, '>');
          }
        g_array_append_val (r->links, written);
      }
      break;

    case MD_SPAN_IMG:
      {
        MD_SPAN_IMG_DETAIL *img = detail;
        g_autofree char *src = decode_attribute (&img->src);

        r->image_depth = 1;
        g_free (r->image_src);
        r->image_src = filter_url (src);
        g_free (r->image_title);
        r->image_title = decode_attribute (&img->title);
        g_string_truncate (r->alt, 0);
      }
      break;

    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
    default:
      break;
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Renderer *r = user_data;
  GString *html = r->html;

  if (html == NULL)
    return 0;

  if (type == MD_SPAN_A && r->image_depth > 0)
    {
      if (r->links->len > 0)
        g_array_set_size (r->links, r->links->len - 1);
      return 0;
    }

  if (r->image_depth > 0)
    {
      if (type == MD_SPAN_IMG && --r->image_depth == 0)
        {
          /* A refused image leaves its alt text. */
          if (r->image_src != NULL)
            append_image_tag (r, TRUE);
          else
            append_escaped (html, r->alt->str, r->alt->len);
        }
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (html, "</em>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (html, "</strong>");
      break;

    case MD_SPAN_DEL:
      g_string_append (html, "</del>");
      break;

    case MD_SPAN_CODE:
      g_string_append (html, "</code>");
      break;

    case MD_SPAN_A:
      {
        gboolean written;

        /* A link opened inside an image that has closed since. */
        if (r->links->len == 0)
          break;
        written = g_array_index (r->links, gboolean, r->links->len - 1);
        g_array_set_size (r->links, r->links->len - 1);
        if (written)
          g_string_append (html, "</a>");
      }
      break;

    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    case MD_SPAN_U:
    default:
      break;
    }

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *s,
         MD_SIZE        size,
         void          *user_data)
{
  Renderer *r = user_data;
  GString *html = r->html;

  if (r->text != NULL)
    {
      if (r->verbatim && type == MD_TEXT_NULLCHAR)
        {
          text_flush_break (r);
          g_string_append (r->text, REPLACEMENT_CHARACTER);
        }
      else if (r->verbatim)
        {
          text_append_verbatim (r, s, size);
        }
      else
        {
          text_flush_break (r);
          append_plain (r->text, type, s, size, "\n");
        }
    }

  if (r->code != NULL)
    append_plain (r->code, type, s, size, "\n");

  if (html == NULL)
    return 0;

  if (r->in_heading)
    append_plain (r->heading_text, type, s, size, " ");

  if (r->image_depth > 0)
    {
      append_plain (r->alt, type, s, size, " ");
      return 0;
    }

  renderer_note_inline (r, FALSE);

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (html, REPLACEMENT_CHARACTER);
      break;

    case MD_TEXT_BR:
      g_string_append (html, "<br />\n");
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (html, '\n');
      break;

    case MD_TEXT_ENTITY:
      {
        g_autoptr(GString) decoded = g_string_new (NULL);

        if (decode_entity (s, size, decoded))
          append_escaped (html, decoded->str, decoded->len);
        else
          append_escaped (html, s, size);
      }
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      /* Raw HTML included: escaped, it reads as the markup it is. */
      append_escaped (html, s, size);
      break;
    }

  return 0;
}

static void
renderer_init (Renderer *r,
               gboolean  html,
               gboolean  text,
               gboolean  blocks)
{
  memset (r, 0, sizeof *r);

  r->frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  if (text)
    r->text = g_string_new (NULL);
  if (html)
    {
      r->html = g_string_new (NULL);
      r->links = g_array_new (FALSE, FALSE, sizeof (gboolean));
      r->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      r->id_counters = g_hash_table_new (g_str_hash, g_str_equal);
      r->heading_text = g_string_new (NULL);
      r->alt = g_string_new (NULL);
    }
  if (blocks)
    r->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_block_unref);
}

static void
renderer_clear (Renderer *r)
{
  if (r->html != NULL)
    g_string_free (r->html, TRUE);
  if (r->text != NULL)
    g_string_free (r->text, TRUE);
  g_clear_pointer (&r->blocks, g_ptr_array_unref);
  g_clear_pointer (&r->frames, g_array_unref);
  g_clear_pointer (&r->links, g_array_unref);
  /* The counters' keys belong to the id set: free the counters first. */
  g_clear_pointer (&r->id_counters, g_hash_table_unref);
  g_clear_pointer (&r->ids, g_hash_table_unref);
  if (r->heading_text != NULL)
    g_string_free (r->heading_text, TRUE);
  if (r->alt != NULL)
    g_string_free (r->alt, TRUE);
  g_free (r->image_src);
  g_free (r->image_title);
  g_clear_pointer (&r->block, cd_block_unref);
  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_clear_pointer (&r->cells, g_ptr_array_unref);
  if (r->code != NULL)
    g_string_free (r->code, TRUE);
}

static void
renderer_run (Renderer   *r,
              const char *markdown,
              gssize      length)
{
  const MD_PARSER parser = {
    0,
    PARSER_FLAGS,
    enter_block_cb,
    leave_block_cb,
    enter_span_cb,
    leave_span_cb,
    text_cb,
    NULL,
    NULL,
  };
  g_autofree char *valid = NULL;
  size_t len;
  int ret;

  if (markdown == NULL)
    return;

  len = length < 0 ? strlen (markdown) : (size_t) length;

  /* Invalid UTF-8 (and NUL) would make invalid output; U+FFFD it is. */
  if (!g_utf8_validate_len (markdown, len, NULL))
    {
      valid = g_utf8_make_valid (markdown, len);
      markdown = valid;
      len = strlen (valid);
    }

  if (len > G_MAXUINT)
    {
      g_warning ("Markdown text of %zu bytes is too long to render", len);
      return;
    }

  ret = md_parse (markdown, (MD_SIZE) len, &parser, r);
  if (ret != 0)
    g_warning ("Markdown parser failed (%d); the rendering is incomplete", ret);
}

/**
 * cd_markdown_to_plain_text:
 * @markdown: (nullable): a Markdown text
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Renders @markdown as plain text without Markdown syntax, for word counts
 * and schema.org `articleBody`. Paragraphs, headings, list items, quoted
 * paragraphs, table rows and code blocks are separated by exactly one blank
 * line; there is no blank line inside a block. Soft line breaks become
 * spaces and hard ones newlines; table cells are separated by tabs. Links
 * keep their text and images their alt text; entities are decoded; raw
 * HTML is kept as the text it is. There is no trailing newline.
 *
 * Returns: (transfer full): the plain text; empty for %NULL or ""
 */
char *
cd_markdown_to_plain_text (const char *markdown,
                           gssize      length)
{
  Renderer r;
  GString *text;

  renderer_init (&r, FALSE, TRUE, FALSE);
  renderer_run (&r, markdown, length);

  text = g_steal_pointer (&r.text);
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  renderer_clear (&r);
  return g_string_free (text, FALSE);
}

/**
 * cd_markdown_to_html:
 * @markdown: (nullable): a Markdown text
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Renders @markdown (CommonMark with tables, strikethrough and autolinks)
 * as a safe HTML fragment that is also well-formed XML (void elements are
 * written `<br />`). Raw HTML is shown escaped, as text. Links and images
 * keep their URL only if it is http, https, mailto, relative or a
 * fragment; otherwise a link leaves its text and an image its alt text.
 * Headings get ids made from their text, unique in the document. An image
 * alone in its paragraph with a title becomes a `<figure>` whose
 * `<figcaption>` is the title.
 *
 * Returns: (transfer full): the HTML; empty for %NULL or ""
 */
char *
cd_markdown_to_html (const char *markdown,
                     gssize      length)
{
  Renderer r;
  GString *html;

  renderer_init (&r, TRUE, FALSE, FALSE);
  renderer_run (&r, markdown, length);

  html = g_steal_pointer (&r.html);
  renderer_clear (&r);
  return g_string_free (html, FALSE);
}

/**
 * cd_markdown_to_blocks:
 * @markdown: (nullable): a Markdown text
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Splits @markdown into its top-level blocks for structured exporters. Each
 * block carries its HTML as cd_markdown_to_html() renders it (the blocks'
 * HTML, concatenated, is the document's) and its plain text, plus what its
 * kind needs: a heading's level and id, a list's items, a quote's blocks,
 * an image's URL, alt text and caption, a table's cells, a code block's
 * language and code. What is nested inside a list item or quote is given
 * as HTML. A raw HTML block is a paragraph of escaped text; a paragraph
 * holding only an image whose URL is refused stays a paragraph of its alt
 * text.
 *
 * Returns: (transfer container) (element-type CdBlock): the blocks, in
 *   document order
 */
GPtrArray *
cd_markdown_to_blocks (const char *markdown,
                       gssize      length)
{
  Renderer r;
  GPtrArray *blocks;

  renderer_init (&r, TRUE, TRUE, TRUE);
  renderer_run (&r, markdown, length);

  blocks = g_steal_pointer (&r.blocks);
  renderer_clear (&r);
  return blocks;
}
