/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-html-markdown"

#include <string.h>

#include "cd-html-markdown-private.h"
#include "cd-url.h"

/*
 * The Markdown writer of cd_html_to_markdown(): inline content (text,
 * emphasis, links, images, code spans and line breaks) written into one
 * paragraph, heading or table cell at a time, escaped so that it reads
 * literally, with emphasis that CommonMark would not accept dropped. The
 * tree walk in cd-html-markdown.c decides what goes in; nothing here reads
 * the HTML tree.
 */

/* An inline element whose Markdown syntax is written lazily, just before
 * its first visible content, so that an empty element leaves nothing and
 * white space at its edges moves outside its delimiters. */
typedef struct
{
  SpanKind  kind;
  gboolean  opened;
  gsize     open_pos;
  gsize     open_len;
  char     *url;       /* links */
  char     *title;     /* links */
} Span;

/* A pair of emphasis delimiters written into the buffer, checked against
 * CommonMark's flanking rules once the paragraph is complete. */
typedef struct
{
  gsize open_pos;
  gsize close_pos;
  gsize len;
  char  c;
} Pair;

/* Collapses white space to single spaces and trims the ends. */
char *
cd_html_collapse_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* URLs (which ones are allowed is cd_url_is_allowed()'s to say) */

/* Whether @text would be a link in Markdown as `<text>`, giving @href. */
gboolean
cd_inline_is_autolink (const char *text,
                       const char *href)
{
  const char *at;

  if (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://"))
    {
      if (strcmp (text, href) != 0)
        return FALSE;

      for (const char *p = text; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && strchr ("-._~:/?#[]@!$'()*+,;=%", *p) == NULL)
            return FALSE;
        }

      return TRUE;
    }

  if (!g_str_has_prefix (href, "mailto:") || strcmp (href + strlen ("mailto:"), text) != 0)
    return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || at[1] == '\0' || strchr (at + 1, '.') == NULL)
    return FALSE;

  for (const char *p = text; p < at; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr (".+-_", *p) == NULL)
        return FALSE;
    }

  if (at[1] == '.' || at[1] == '-' || text[strlen (text) - 1] == '.' ||
      text[strlen (text) - 1] == '-')
    return FALSE;

  for (const char *p = at + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/* Whether the '&' at @p starts something our renderer reads as an entity. */
static gboolean
looks_like_entity (const char *p)
{
  const char *q = p + 1;

  if (*q == '#')
    q++;

  if (!g_ascii_isalnum (*q))
    return FALSE;

  while (g_ascii_isalnum (*q))
    q++;

  return *q == ';';
}

/* Writes a link or image destination as our renderer would write the URL
 * back (trimmed, without tabs and line breaks, percent-encoded where a URL
 * cannot hold a character as it is), so that the Markdown is stable. */
static void
append_destination (GString    *out,
                    const char *url)
{
  static const char hex[] = "0123456789ABCDEF";
  const char *start = url;
  const char *end = url + strlen (url);

  while (start < end && ((guchar) *start <= 0x20 || *start == 0x7f))
    start++;
  while (end > start && ((guchar) end[-1] <= 0x20 || end[-1] == 0x7f))
    end--;

  if (start == end)
    {
      g_string_append (out, "<>");
      return;
    }

  for (const char *p = start; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\t' || c == '\n' || c == '\r')
        continue;

      if (g_ascii_isalnum (c) || strchr ("-_.~!*();:@&=+$,/?#[]%", c) != NULL)
        {
          if (c == '(' || c == ')' || (c == '&' && looks_like_entity (p)))
            g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else
        {
          g_string_append_c (out, '%');
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }
}

static void
append_title (GString    *out,
              const char *title)
{
  g_autofree char *collapsed = NULL;

  if (title == NULL || title[0] == '\0')
    return;

  collapsed = cd_html_collapse_space (title);
  if (collapsed[0] == '\0')
    return;

  g_string_append (out, " \"");
  for (const char *p = collapsed; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\' || (*p == '&' && looks_like_entity (p)))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Inline content */

Inline *
cd_inline_new (InlineMode mode)
{
  Inline *inl = g_new0 (Inline, 1);

  inl->buf = g_string_new (NULL);
  inl->mode = mode;
  inl->line_start = TRUE;
  inl->spans = g_array_new (FALSE, TRUE, sizeof (Span));
  inl->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  return inl;
}

void
cd_inline_free (Inline *inl)
{
  for (guint i = 0; i < inl->spans->len; i++)
    {
      Span *span = &g_array_index (inl->spans, Span, i);

      g_free (span->url);
      g_free (span->title);
    }

  g_array_unref (inl->spans);
  g_array_unref (inl->pairs);
  g_string_free (inl->buf, TRUE);
  g_free (inl);
}

static gunichar
char_before (GString *buf,
             gsize    pos)
{
  const char *prev;

  if (pos == 0)
    return '\n';

  prev = g_utf8_find_prev_char (buf->str, buf->str + pos);
  if (prev == NULL)
    return '\n';

  return g_utf8_get_char (prev);
}

static gunichar
char_at (GString *buf,
         gsize    pos)
{
  if (pos >= buf->len)
    return '\n';

  return g_utf8_get_char (buf->str + pos);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Writes what is pending before visible content: white space or line
 * breaks, then the opening syntax of the spans not yet opened. */
void
cd_inline_prepare (Inline *inl)
{
  GString *buf = inl->buf;

  if (buf->len == 0)
    {
      inl->space = FALSE;
      inl->newline = FALSE;
      inl->breaks = 0;
    }

  if (inl->breaks > 0)
    {
      for (guint i = 0; i < inl->breaks; i++)
        g_string_append (buf, "\\\n");
      inl->line_start = TRUE;
    }
  else if (inl->space && inl->newline && inl->mode == MODE_PARAGRAPH)
    {
      g_string_append_c (buf, '\n');
      inl->line_start = TRUE;
    }
  else if (inl->space)
    {
      g_string_append_c (buf, ' ');
    }

  inl->space = FALSE;
  inl->newline = FALSE;
  inl->breaks = 0;

  for (guint i = 0; i < inl->spans->len; i++)
    {
      Span *span = &g_array_index (inl->spans, Span, i);
      gunichar before = char_before (buf, buf->len);
      const char *delimiter = NULL;

      if (span->opened)
        continue;

      span->opened = TRUE;
      span->open_pos = buf->len;

      switch (span->kind)
        {
        case SPAN_EM:
          /* Next to another '*' the runs would merge. */
          delimiter = before == '*' ? "_" : "*";
          break;

        case SPAN_STRONG:
          delimiter = before == '*' ? "__" : "**";
          break;

        case SPAN_DEL:
          delimiter = "~~";
          break;

        case SPAN_LINK:
          /* A '!' just before would make the link an image. */
          if (before == '!' && char_before (buf, buf->len - 1) != '\\')
            {
              g_string_insert_c (buf, buf->len - 1, '\\');
              span->open_pos = buf->len;
            }
          delimiter = "[";
          break;

        case SPAN_NONE:
        default:
          break;
        }

      if (delimiter != NULL)
        {
          g_string_append (buf, delimiter);
          span->open_len = strlen (delimiter);
          inl->line_start = FALSE;
        }
    }
}

void
cd_inline_space (Inline   *inl,
                 gboolean  newline)
{
  inl->space = TRUE;
  if (newline)
    inl->newline = TRUE;
}

void
cd_inline_break (Inline *inl)
{
  if (inl->mode != MODE_PARAGRAPH)
    {
      cd_inline_space (inl, FALSE);
      return;
    }

  if (inl->buf->len > 0)
    inl->breaks++;
}

/* Escapes what would start a block at the start of a line. Returns how
 * many bytes of @p it wrote. */
static gsize
escape_line_start (Inline     *inl,
                   const char *p,
                   const char *end)
{
  GString *buf = inl->buf;
  const char *q;

  switch (*p)
    {
    case '#':
      q = p;
      while (q < end && *q == '#')
        q++;
      if (q - p <= 6 && (q == end || *q == ' ' || *q == '\t'))
        g_string_append_c (buf, '\\');
      g_string_append_c (buf, '#');
      return 1;

    case '>':
    case '|':
      g_string_append_c (buf, '\\');
      g_string_append_c (buf, *p);
      return 1;

    case '-':
    case '+':
    case '=':
    case ':':
      if (p + 1 == end || p[1] == ' ' || p[1] == '\t' ||
          (p[1] == *p && *p != '+' && *p != ':') || (*p == ':' && p[1] == '-'))
        g_string_append_c (buf, '\\');
      g_string_append_c (buf, *p);
      return 1;

    default:
      break;
    }

  if (g_ascii_isdigit (*p))
    {
      q = p;
      while (q < end && g_ascii_isdigit (*q) && q - p < 10)
        q++;

      if (q - p <= 9 && q < end && (*q == '.' || *q == ')') &&
          (q + 1 == end || q[1] == ' ' || q[1] == '\t'))
        {
          g_string_append_len (buf, p, q - p);
          g_string_append_c (buf, '\\');
          g_string_append_c (buf, *q);
          return q - p + 1;
        }
    }

  return 0;
}

/* Whether the text before position @pos of @buf ends with @word as a whole
 * word (case-insensitive). */
static gboolean
ends_with_word (GString    *buf,
                const char *word)
{
  size_t n = strlen (word);

  if (buf->len < n || g_ascii_strncasecmp (buf->str + buf->len - n, word, n) != 0)
    return FALSE;

  return buf->len == n || !g_ascii_isalnum (buf->str[buf->len - n - 1]);
}

/* Appends text, collapsing white space and escaping what Markdown would
 * read as syntax. */
void
cd_inline_text (Inline     *inl,
                const char *text,
                gsize       length)
{
  const char *end = text + length;
  const char *p = text;
  GString *buf = inl->buf;

  while (p < end)
    {
      guchar c = (guchar) *p;
      gunichar next;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          cd_inline_space (inl, c == '\n' || c == '\r');
          p++;
          continue;
        }

      /* Control characters show as nothing in a browser. */
      if (c < 0x20 || c == 0x7f)
        {
          p++;
          continue;
        }

      cd_inline_prepare (inl);

      if (inl->line_start && inl->mode == MODE_PARAGRAPH)
        {
          gsize written = escape_line_start (inl, p, end);

          inl->line_start = FALSE;
          if (written > 0)
            {
              p += written;
              continue;
            }
        }
      inl->line_start = FALSE;

      if (c >= 0x80)
        {
          const char *next_char = g_utf8_find_next_char (p, end);
          const char *stop = next_char != NULL ? next_char : end;

          g_string_append_len (buf, p, stop - p);
          p = stop;
          continue;
        }

      next = p + 1 < end ? g_utf8_get_char_validated (p + 1, end - p - 1) : '\n';

      switch (c)
        {
        case '\\':
        case '*':
        case '`':
        case '<':
        case '[':
        case '~':
          g_string_append_c (buf, '\\');
          break;

        case ']':
          if (inl->n_link > 0)
            g_string_append_c (buf, '\\');
          break;

        case '|':
          if (inl->mode == MODE_CELL)
            g_string_append_c (buf, '\\');
          break;

        case '_':
          if (!is_word_char (char_before (buf, buf->len)) || !is_word_char (next))
            g_string_append_c (buf, '\\');
          break;

        case '&':
          if (looks_like_entity (p))
            g_string_append_c (buf, '\\');
          break;

        case ':':
          /* Keeps "http://…" in text from becoming a link. */
          if (inl->n_link == 0 && p + 2 < end && p[1] == '/' && p[2] == '/' &&
              (ends_with_word (buf, "http") || ends_with_word (buf, "https") ||
               ends_with_word (buf, "ftp")))
            g_string_append_c (buf, '\\');
          break;

        case '.':
          if (inl->n_link == 0 && ends_with_word (buf, "www"))
            g_string_append_c (buf, '\\');
          break;

        case '@':
          {
            gunichar before = char_before (buf, buf->len);

            if (inl->n_link == 0 && before < 0x80 &&
                (g_ascii_isalnum (before) || strchr (".+-_", (int) before) != NULL) &&
                next < 0x80 && g_ascii_isalnum (next))
              g_string_append_c (buf, '\\');
          }
          break;

        default:
          break;
        }

      g_string_append_c (buf, (char) c);
      p++;
    }
}

void
cd_inline_text_str (Inline     *inl,
                    const char *text)
{
  if (text != NULL)
    cd_inline_text (inl, text, strlen (text));
}

void
cd_inline_push (Inline     *inl,
                SpanKind    kind,
                const char *url,
                const char *title)
{
  Span span = { 0 };

  span.kind = kind;
  span.url = g_strdup (url);
  span.title = g_strdup (title);
  g_array_append_val (inl->spans, span);

  switch (kind)
    {
    case SPAN_EM:
      inl->n_em++;
      break;
    case SPAN_STRONG:
      inl->n_strong++;
      break;
    case SPAN_DEL:
      inl->n_del++;
      break;
    case SPAN_LINK:
      inl->n_link++;
      break;
    case SPAN_NONE:
    default:
      break;
    }
}

void
cd_inline_pop (Inline *inl)
{
  Span *span;

  g_assert (inl->spans->len > 0);
  span = &g_array_index (inl->spans, Span, inl->spans->len - 1);

  if (span->opened)
    {
      if (span->kind == SPAN_LINK)
        {
          g_string_append (inl->buf, "](");
          append_destination (inl->buf, span->url);
          append_title (inl->buf, span->title);
          g_string_append_c (inl->buf, ')');
        }
      else if (span->kind != SPAN_NONE)
        {
          Pair pair;

          pair.open_pos = span->open_pos;
          pair.len = span->open_len;
          pair.close_pos = inl->buf->len;
          pair.c = inl->buf->str[span->open_pos];
          g_string_append_len (inl->buf, inl->buf->str + span->open_pos, span->open_len);
          g_array_append_val (inl->pairs, pair);
        }
      inl->line_start = FALSE;
    }

  switch (span->kind)
    {
    case SPAN_EM:
      inl->n_em--;
      break;
    case SPAN_STRONG:
      inl->n_strong--;
      break;
    case SPAN_DEL:
      inl->n_del--;
      break;
    case SPAN_LINK:
      inl->n_link--;
      break;
    case SPAN_NONE:
    default:
      break;
    }

  g_free (span->url);
  g_free (span->title);
  g_array_set_size (inl->spans, inl->spans->len - 1);
}

/* Appends one code span holding @length bytes of @code, which has no line
 * breaks. */
static void
append_code_span (Inline     *inl,
                  const char *code,
                  gsize       length)
{
  GString *buf = inl->buf;
  gsize longest = 0;
  gsize run = 0;
  gboolean all_space = TRUE;
  gboolean pad;

  if (length == 0)
    return;

  for (gsize i = 0; i < length; i++)
    {
      if (code[i] == '`')
        {
          run++;
          longest = MAX (longest, run);
        }
      else
        {
          run = 0;
        }

      if (code[i] != ' ')
        all_space = FALSE;
    }

  /* One space at each end is stripped when both are there, and a backtick
   * at an end would join the fence: pad with a space. */
  pad = code[0] == '`' || code[length - 1] == '`' ||
        (!all_space && code[0] == ' ' && code[length - 1] == ' ');

  cd_inline_prepare (inl);
  inl->line_start = FALSE;

  for (gsize i = 0; i <= longest; i++)
    g_string_append_c (buf, '`');
  if (pad)
    g_string_append_c (buf, ' ');
  g_string_append_len (buf, code, length);
  if (pad)
    g_string_append_c (buf, ' ');
  for (gsize i = 0; i <= longest; i++)
    g_string_append_c (buf, '`');
}

void
cd_inline_code (Inline     *inl,
                const char *code)
{
  g_autoptr(GString) content = g_string_new (NULL);
  const char *segment;

  for (const char *p = code; *p != '\0'; p++)
    {
      /* Our renderer turns line breaks in code spans into spaces too. */
      if (*p == '\n' || *p == '\r')
        g_string_append_c (content, ' ');
      else if ((guchar) *p >= 0x20 || *p == '\t')
        g_string_append_c (content, *p);
    }

  if (inl->mode != MODE_CELL)
    {
      append_code_span (inl, content->str, content->len);
      return;
    }

  /* In a table cell a pipe ends the cell even inside code, and our
   * renderer keeps the backslash of "\|" in code: the pipe goes between
   * two code spans. */
  segment = content->str;
  for (;;)
    {
      const char *pipe = strchr (segment, '|');

      append_code_span (inl, segment, pipe != NULL ? (gsize) (pipe - segment) : strlen (segment));
      if (pipe == NULL)
        break;

      cd_inline_prepare (inl);
      inl->line_start = FALSE;
      g_string_append (inl->buf, "\\|");
      segment = pipe + 1;
    }
}

/* Appends alt text inside ![…]: escaped like text, on one line. */
static void
append_alt (GString    *out,
            const char *alt)
{
  g_autoptr(Inline) inl = cd_inline_new (MODE_CELL);
  g_autofree char *collapsed = cd_html_collapse_space (alt != NULL ? alt : "");

  /* Brackets and pipes are escaped; "cell" mode keeps it on one line. */
  inl->n_link = 1;
  cd_inline_text_str (inl, collapsed);
  g_string_append (out, inl->buf->str);
}

void
cd_inline_image (Inline     *inl,
                 const char *src,
                 const char *alt,
                 const char *title)
{
  if (src == NULL || !cd_url_is_allowed (src))
    {
      /* A refused image leaves its alt text, as our renderer does. */
      if (alt != NULL)
        cd_inline_text_str (inl, alt);
      return;
    }

  cd_inline_prepare (inl);
  inl->line_start = FALSE;

  if (char_before (inl->buf, inl->buf->len) == '!' &&
      char_before (inl->buf, inl->buf->len - 1) != '\\')
    g_string_insert_c (inl->buf, inl->buf->len - 1, '\\');

  g_string_append (inl->buf, "![");
  append_alt (inl->buf, alt);
  g_string_append (inl->buf, "](");
  append_destination (inl->buf, src);
  append_title (inl->buf, title);
  g_string_append_c (inl->buf, ')');
}

/* CommonMark's flanking rules, which decide whether a delimiter run can
 * open or close emphasis. */
static gboolean
left_flanking (gunichar before,
               gunichar after)
{
  if (g_unichar_isspace (after))
    return FALSE;
  if (!g_unichar_ispunct (after))
    return TRUE;
  return g_unichar_isspace (before) || g_unichar_ispunct (before);
}

static gboolean
right_flanking (gunichar before,
                gunichar after)
{
  if (g_unichar_isspace (before))
    return FALSE;
  if (!g_unichar_ispunct (before))
    return TRUE;
  return g_unichar_isspace (after) || g_unichar_ispunct (after);
}

static gboolean
pair_is_valid (GString    *buf,
               const Pair *pair)
{
  gunichar ob = char_before (buf, pair->open_pos);
  gunichar oa = char_at (buf, pair->open_pos + pair->len);
  gunichar cb = char_before (buf, pair->close_pos);
  gunichar ca = char_at (buf, pair->close_pos + pair->len);
  gboolean opens;
  gboolean closes;

  if (pair->c == '_')
    {
      opens = left_flanking (ob, oa) && (!right_flanking (ob, oa) || g_unichar_ispunct (ob));
      closes = right_flanking (cb, ca) && (!left_flanking (cb, ca) || g_unichar_ispunct (ca));
    }
  else
    {
      opens = left_flanking (ob, oa);
      closes = right_flanking (cb, ca);
    }

  return opens && closes;
}

typedef struct
{
  gsize pos;
  gsize len;
} Cut;

static int
compare_cuts (const void *a,
              const void *b)
{
  const Cut *x = a;
  const Cut *y = b;

  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Where position @pos ends up once @cuts (sorted, with @removed[i] the
 * bytes removed by the cuts before cut i) are removed. */
static gsize
position_after_cuts (GArray      *cuts,
                     const gsize *removed,
                     gsize        pos)
{
  guint lo = 0;
  guint hi = cuts->len;

  /* Counts the cuts that start before @pos. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (cuts, Cut, mid).pos < pos)
        lo = mid + 1;
      else
        hi = mid;
    }

  return pos - removed[lo];
}

/* Removes emphasis that would not parse where it stands, so that no stray
 * delimiters show. Removing a pair changes its neighbours' context, so this
 * runs again while anything changes (a few rounds at most in practice). */
static void
drop_invalid_pairs (Inline *inl)
{
  for (guint round = 0; round < 8 && inl->pairs->len > 0; round++)
    {
      g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (Cut));
      g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (Pair));
      g_autoptr(GString) rebuilt = NULL;
      g_autofree gsize *removed = NULL;
      gsize from = 0;

      for (guint i = 0; i < inl->pairs->len; i++)
        {
          const Pair *pair = &g_array_index (inl->pairs, Pair, i);

          if (pair_is_valid (inl->buf, pair))
            {
              g_array_append_val (kept, *pair);
            }
          else
            {
              Cut open = { pair->open_pos, pair->len };
              Cut close = { pair->close_pos, pair->len };

              g_array_append_val (cuts, open);
              g_array_append_val (cuts, close);
            }
        }

      if (cuts->len == 0)
        return;

      g_array_sort (cuts, compare_cuts);

      removed = g_new (gsize, cuts->len + 1);
      removed[0] = 0;
      rebuilt = g_string_sized_new (inl->buf->len);
      for (guint i = 0; i < cuts->len; i++)
        {
          const Cut *cut = &g_array_index (cuts, Cut, i);

          g_string_append_len (rebuilt, inl->buf->str + from, cut->pos - from);
          from = cut->pos + cut->len;
          removed[i + 1] = removed[i] + cut->len;
        }
      g_string_append_len (rebuilt, inl->buf->str + from, inl->buf->len - from);

      for (guint i = 0; i < kept->len; i++)
        {
          Pair *pair = &g_array_index (kept, Pair, i);

          pair->open_pos = position_after_cuts (cuts, removed, pair->open_pos);
          pair->close_pos = position_after_cuts (cuts, removed, pair->close_pos);
        }

      g_string_assign (inl->buf, rebuilt->str);
      g_array_set_size (inl->pairs, 0);
      g_array_append_vals (inl->pairs, kept->data, kept->len);
    }
}

char *
cd_inline_finish (Inline *inl)
{
  GString *buf = inl->buf;

  g_assert (inl->spans->len == 0);

  drop_invalid_pairs (inl);

  if (inl->mode == MODE_HEADING && buf->len > 0 && buf->str[buf->len - 1] == '#')
    {
      /* A run of '#' at the end, after a space, would close the heading. */
      gsize start = buf->len;

      while (start > 0 && buf->str[start - 1] == '#')
        start--;
      if (start == 0 || buf->str[start - 1] == ' ')
        g_string_insert_c (buf, start, '\\');
    }

  return g_strndup (buf->str, buf->len);
}
