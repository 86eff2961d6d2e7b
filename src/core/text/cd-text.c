/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-text"

#include <string.h>

#include "cd-text.h"

#define SLUG_MAX_LENGTH 80

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

/* Letters that g_str_to_ascii() in GLib 2.74 turns into "?" (đ, þ, ð, ŋ …)
 * or spells in a way newsroom slugs do not (it gives "oe" for ø, where
 * Danish and Norwegian slugs use "o", as "Ærø" → "aero"). Apostrophes map
 * to nothing so that "Reporter's" becomes "reporters", not "reporter-s". */
static const struct
{
  gunichar    c;
  const char *ascii;
} slug_overrides[] = {
  { 0x0060, "" },   /* GRAVE ACCENT, typed as an apostrophe */
  { 0x00B4, "" },   /* ACUTE ACCENT, typed as an apostrophe */
  { 0x00D0, "d" },  /* Ð */
  { 0x00D8, "o" },  /* Ø */
  { 0x00DE, "th" }, /* Þ */
  { 0x00F0, "d" },  /* ð */
  { 0x00F8, "o" },  /* ø */
  { 0x00FE, "th" }, /* þ */
  { 0x0110, "d" },  /* Đ */
  { 0x0111, "d" },  /* đ */
  { 0x0126, "h" },  /* Ħ */
  { 0x0127, "h" },  /* ħ */
  { 0x0131, "i" },  /* ı */
  { 0x0138, "k" },  /* ĸ */
  { 0x013F, "l" },  /* Ŀ */
  { 0x0140, "l" },  /* ŀ */
  { 0x014A, "ng" }, /* Ŋ */
  { 0x014B, "ng" }, /* ŋ */
  { 0x0166, "t" },  /* Ŧ */
  { 0x0167, "t" },  /* ŧ */
  { 0x0192, "f" },  /* ƒ */
  { 0x018F, "e" },  /* Ə */
  { 0x0259, "e" },  /* ə */
  { 0x02BB, "" },   /* MODIFIER LETTER TURNED COMMA (ʻokina) */
  { 0x02BC, "" },   /* MODIFIER LETTER APOSTROPHE */
  { 0x1E9E, "ss" }, /* ẞ */
  { 0x2018, "" },   /* LEFT SINGLE QUOTATION MARK */
  { 0x2019, "" },   /* RIGHT SINGLE QUOTATION MARK */
  { 0x2032, "" },   /* PRIME */
  { 0xFF07, "" },   /* FULLWIDTH APOSTROPHE */
};

static const char *
slug_override (gunichar c)
{
  for (size_t i = 0; i < G_N_ELEMENTS (slug_overrides); i++)
    {
      if (slug_overrides[i].c == c)
        return slug_overrides[i].ascii;
    }

  return NULL;
}

/* Appends the ASCII spelling of @c, which is empty for combining marks and
 * apostrophes. Returns FALSE, appending nothing, when GLib has none. */
static gboolean
append_ascii_for_char (GString  *out,
                       gunichar  c)
{
  const char *override;
  char utf8[8];
  int len;
  g_autofree char *ascii = NULL;

  if (c < 0x80)
    {
      g_string_append_c (out, (char) c);
      return TRUE;
    }

  if (g_unichar_ismark (c))
    return TRUE;

  override = slug_override (c);
  if (override != NULL)
    {
      g_string_append (out, override);
      return TRUE;
    }

  len = g_unichar_to_utf8 (c, utf8);
  utf8[len] = '\0';
  ascii = g_str_to_ascii (utf8, "C");
  if (strchr (ascii, '?') != NULL)
    return FALSE;

  g_string_append (out, ascii);
  return TRUE;
}

/* Transliterates @text to ASCII. Characters that g_str_to_ascii() does not
 * know get a second chance through their compatibility decomposition, which
 * covers "²", "₂" and the "ǆ" digraphs; what is left becomes a space. */
static char *
transliterate (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposition[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      size_t n;

      if (append_ascii_for_char (out, c))
        continue;

      n = g_unichar_fully_decompose (c, TRUE, decomposition, G_N_ELEMENTS (decomposition));
      if (n == 1 && decomposition[0] == c)
        {
          g_string_append_c (out, ' ');
          continue;
        }

      for (size_t i = 0; i < n; i++)
        {
          if (!append_ascii_for_char (out, decomposition[i]))
            g_string_append_c (out, ' ');
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * cd_text_slugify:
 * @text: a headline or other text, in UTF-8
 *
 * Makes a newsroom and URL slug from @text: ASCII letters and digits in
 * lower case, words joined by single hyphens, with no hyphen at either end.
 *
 * Accented Latin letters are transliterated ("Köln" → "koln", "Straße" →
 * "strasse", "Ærø" → "aero", "Łódź" → "lodz", "þing" → "thing");
 * apostrophes are dropped ("Reporter's" → "reporters"); every other run of
 * punctuation, symbols, emoji and spaces becomes one hyphen. The slug is at
 * most 80 characters long, cut at the last hyphen that fits (a single word
 * longer than that is cut at 80 characters).
 *
 * Scripts that have no ASCII transliteration in GLib (Chinese, Japanese,
 * Cyrillic, Greek …) give the empty string; the caller decides what to do.
 *
 * Returns: (transfer full): the slug, possibly empty
 */
char *
cd_text_slugify (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean pending_hyphen = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  ascii = transliterate (valid);
  slug = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_hyphen && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          pending_hyphen = FALSE;
        }
      else if (*p != '\'')
        {
          pending_hyphen = TRUE;
        }
    }

  if (slug->len > SLUG_MAX_LENGTH)
    {
      size_t cut = SLUG_MAX_LENGTH;

      /* The slug has no hyphen at either end, so a hyphen at SLUG_MAX_LENGTH
       * means the first SLUG_MAX_LENGTH characters are whole words. */
      if (slug->str[cut] != '-')
        {
          const char *hyphen = g_strrstr_len (slug->str, SLUG_MAX_LENGTH, "-");

          if (hyphen != NULL)
            cut = (size_t) (hyphen - slug->str);
        }

      g_string_truncate (slug, cut);
    }

  return g_string_free (slug, FALSE);
}

/**
 * cd_text_is_valid_slug:
 * @slug: (nullable): a string
 *
 * Checks that @slug is a slug as cd_text_slugify() makes them: not empty,
 * at most 80 characters, ASCII lower-case letters and digits in words
 * joined by single hyphens, with no hyphen at either end.
 *
 * Returns: %TRUE if @slug is a valid slug
 */
gboolean
cd_text_is_valid_slug (const char *slug)
{
  size_t len = 0;
  gboolean after_hyphen = TRUE;

  if (slug == NULL)
    return FALSE;

  for (const char *p = slug; *p != '\0'; p++, len++)
    {
      if (len >= SLUG_MAX_LENGTH)
        return FALSE;

      if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
        after_hyphen = FALSE;
      else if (*p == '-' && !after_hyphen)
        after_hyphen = TRUE;
      else
        return FALSE;
    }

  /* Empty, or ending in a hyphen. */
  return !after_hyphen;
}

/* Counting.
 *
 * Everything below walks the text once, keeps a few flags of state and
 * never allocates, so that the editor can count a long body on every
 * change. */

#define ZERO_WIDTH_SPACE  0x200B
#define ZERO_WIDTH_JOINER 0x200D

typedef struct
{
  gunichar prev;
  gboolean after_emoji_joiner;
  gboolean open_flag;
} CharState;

static inline gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static inline gboolean
is_emoji_modifier (gunichar c)
{
  return c >= 0x1F3FB && c <= 0x1F3FF;
}

typedef enum
{
  HANGUL_NONE,
  HANGUL_L,
  HANGUL_V,
  HANGUL_T,
  HANGUL_LV,
  HANGUL_LVT,
} HangulKind;

static inline HangulKind
hangul_kind (gunichar c)
{
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
    return HANGUL_L;
  if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
    return HANGUL_V;
  if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
    return HANGUL_T;
  if (c >= 0xAC00 && c <= 0xD7A3)
    return (c - 0xAC00) % 28 == 0 ? HANGUL_LV : HANGUL_LVT;
  return HANGUL_NONE;
}

/* Whether conjoining Hangul jamo @c continues the syllable that @prev is
 * part of, as in decomposed (NFD) Korean text. */
static inline gboolean
hangul_continues (gunichar prev,
                  gunichar c)
{
  HangulKind p;
  HangulKind k;

  if (c < 0x1100)
    return FALSE;

  k = hangul_kind (c);
  if (k == HANGUL_NONE)
    return FALSE;
  p = hangul_kind (prev);

  switch (k)
    {
    case HANGUL_L:
      return p == HANGUL_L;
    case HANGUL_V:
      return p == HANGUL_L || p == HANGUL_V || p == HANGUL_LV;
    case HANGUL_T:
      return p == HANGUL_V || p == HANGUL_T || p == HANGUL_LV || p == HANGUL_LVT;
    case HANGUL_NONE:
    case HANGUL_LV:
    case HANGUL_LVT:
    default:
      return FALSE;
    }
}

/* Whether @c starts a new user-visible character, an approximation of
 * Unicode extended grapheme clusters that needs no tables beyond GLib's:
 * combining marks and invisible format characters (joiners, soft hyphen,
 * direction marks) belong to what precedes them, so does the emoji after a
 * ZERO WIDTH JOINER, a skin-tone modifier, the second regional indicator of
 * a flag, the LF of CR LF and the jamo of a decomposed Hangul syllable. */
static inline gboolean
char_state_starts_character (CharState *state,
                             gunichar   c)
{
  gboolean starts = TRUE;
  gboolean transparent = FALSE;
  gboolean after_emoji_joiner = state->after_emoji_joiner;
  gboolean open_flag = state->open_flag;

  state->after_emoji_joiner = FALSE;
  state->open_flag = FALSE;

  if (c < 0x80)
    {
      starts = !(c == '\n' && state->prev == '\r');
    }
  else
    {
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        {
          starts = FALSE;
          transparent = TRUE;
          state->after_emoji_joiner = after_emoji_joiner;
          state->open_flag = open_flag;
        }
      else if (type == G_UNICODE_FORMAT)
        {
          starts = FALSE;
          transparent = TRUE;
          if (c == ZERO_WIDTH_JOINER && g_unichar_type (state->prev) == G_UNICODE_OTHER_SYMBOL)
            state->after_emoji_joiner = TRUE;
        }
      else if (after_emoji_joiner && type == G_UNICODE_OTHER_SYMBOL)
        {
          starts = FALSE;
        }
      else if (is_emoji_modifier (c))
        {
          starts = FALSE;
          transparent = TRUE;
        }
      else if (is_regional_indicator (c))
        {
          starts = !open_flag;
          state->open_flag = !open_flag;
        }
      else if (hangul_continues (state->prev, c))
        {
          starts = FALSE;
        }
    }

  /* Marks, format characters and skin-tone modifiers are transparent: the
   * emoji before them is still the one a ZERO WIDTH JOINER after them
   * attaches to, as in "❤️‍🔥" (heart, VS16, ZWJ, fire). */
  if (!transparent)
    state->prev = c;

  return starts;
}

typedef enum
{
  CLASS_OTHER,
  CLASS_EXTEND,
  CLASS_WORD,
  CLASS_IDEOGRAPH,
  CLASS_JOIN,
  CLASS_JOIN_NUMERIC,
} CharClass;

/* Han, Hiragana, Katakana and Bopomofo are written without spaces between
 * words and are counted one word per character, as newsrooms count
 * Chinese and Japanese copy. Hangul is written with spaces and is counted
 * like Latin, one word per space-separated run. */
static inline gboolean
is_ideograph (gunichar c)
{
  if (c < 0x2E80)
    return FALSE;

  /* The prolonged sound marks are in the Common script but only ever
   * written in kana. */
  if (c == 0x30FC || c == 0xFF70)
    return TRUE;

  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      return FALSE;
    }
}

static inline CharClass
classify (gunichar c)
{
  if (c < 0x80)
    {
      if (g_ascii_isalnum (c))
        return CLASS_WORD;
      if (c == '\'' || c == '-' || c == '.' || c == '_')
        return CLASS_JOIN;
      if (c == ',')
        return CLASS_JOIN_NUMERIC;
      return CLASS_OTHER;
    }

  switch (c)
    {
    case 0x2019: /* RIGHT SINGLE QUOTATION MARK, the typographic apostrophe */
    case 0x2010: /* HYPHEN */
    case 0x2011: /* NON-BREAKING HYPHEN */
      return CLASS_JOIN;
    case 0x066B: /* ARABIC DECIMAL SEPARATOR */
    case 0x066C: /* ARABIC THOUSANDS SEPARATOR */
      return CLASS_JOIN_NUMERIC;
    case ZERO_WIDTH_SPACE:
      return CLASS_OTHER;
    case 0x309B: /* KATAKANA-HIRAGANA VOICED SOUND MARK */
    case 0x309C: /* KATAKANA-HIRAGANA SEMI-VOICED SOUND MARK */
    case 0xFF9E: /* HALFWIDTH KATAKANA VOICED SOUND MARK */
    case 0xFF9F: /* HALFWIDTH KATAKANA SEMI-VOICED SOUND MARK */
      return CLASS_EXTEND;
    default:
      break;
    }

  if (g_unichar_ismark (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
    return CLASS_EXTEND;
  if (!g_unichar_isalnum (c))
    return CLASS_OTHER;
  if (is_ideograph (c))
    return CLASS_IDEOGRAPH;
  return CLASS_WORD;
}

static inline gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x0085 || c == 0x2028;
}

/* Reads one character from [*p, end), moving *p past it. Bytes that are
 * not UTF-8 count as one character each (U+FFFD), so that damaged text is
 * still counted in linear time. Returns FALSE at the end or at a nul. */
static inline gboolean
next_char (const char **p,
           const char  *end,
           gunichar    *c)
{
  gunichar ch;

  if (*p >= end || **p == '\0')
    return FALSE;

  if ((guchar) **p < 0x80)
    {
      *c = (guchar) **p;
      (*p)++;
      return TRUE;
    }

  ch = g_utf8_get_char_validated (*p, end - *p);
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    {
      *c = 0xFFFD;
      (*p)++;
    }
  else
    {
      *c = ch;
      *p = g_utf8_next_char (*p);
    }

  return TRUE;
}

typedef enum
{
  IN_NOTHING,
  IN_WORD,
  IN_IDEOGRAPH,
} WordState;

/**
 * cd_text_count:
 * @text: (nullable): plain text in UTF-8, already stripped of Markdown
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @counts: (out caller-allocates): where to store the counts
 *
 * Counts words, characters and paragraphs of plain text, in one pass and
 * without allocating. Counting stops at @length bytes or at the first nul.
 *
 * A word is a run of letters and digits (any script), together with the
 * combining marks and invisible format characters that follow them. An
 * apostrophe (' or ’), a hyphen, a full stop or an underscore between two
 * letters or digits joins them ("don't", "well-known", "U.S", "3.5"), and so
 * does a comma between two digits ("1,000"). Han ideographs, Hiragana,
 * Katakana and Bopomofo count one word per character, since Chinese and
 * Japanese put no spaces between words; Hangul, written with spaces, counts
 * per space-separated run like Latin. Thai, Lao, Khmer and Myanmar also
 * write no spaces but need a dictionary to find words, which GLib does not
 * have: a run of them between spaces (or ZERO WIDTH SPACE) counts as one
 * word, which undercounts.
 *
 * Characters are user-visible characters, as cd_text_count_characters()
 * counts them; characters_no_spaces leaves out those for which
 * g_unichar_isspace() is true, line breaks included. Paragraphs are
 * non-blank blocks separated by one or more blank lines (lines of only
 * white space) or by U+2029 PARAGRAPH SEPARATOR.
 */
void
cd_text_count (const char   *text,
               gssize        length,
               CdTextCounts *counts)
{
  CharState char_state = { 0, };
  WordState word_state = IN_NOTHING;
  CharClass pending_join = CLASS_OTHER;
  gboolean last_was_digit = FALSE;
  gboolean in_paragraph = FALSE;
  gboolean line_has_text = FALSE;
  gunichar prev = 0;
  const char *p = text;
  const char *end;
  gunichar c;

  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);

  g_return_if_fail (text != NULL || length == 0);

  if (text == NULL)
    return;

  end = text + (length < 0 ? strlen (text) : (size_t) length);

  while (next_char (&p, end, &c))
    {
      gboolean space = g_unichar_isspace (c);
      CharClass klass = classify (c);

      if (char_state_starts_character (&char_state, c))
        {
          counts->characters++;
          if (!space)
            counts->characters_no_spaces++;
        }

      /* Paragraphs. A line break after a line with text keeps the
       * paragraph open; one after a blank line closes it. The LF of CR LF
       * does not end a second line. */
      if (c == 0x2029)
        {
          in_paragraph = FALSE;
          line_has_text = FALSE;
        }
      else if (is_line_break (c))
        {
          if (!(c == '\n' && prev == '\r'))
            {
              if (!line_has_text)
                in_paragraph = FALSE;
              line_has_text = FALSE;
            }
        }
      else if (!space && klass != CLASS_EXTEND)
        {
          if (!in_paragraph)
            counts->paragraphs++;
          in_paragraph = TRUE;
          line_has_text = TRUE;
        }

      /* Words. */
      switch (klass)
        {
        case CLASS_EXTEND:
          if (pending_join != CLASS_OTHER)
            {
              word_state = IN_NOTHING;
              pending_join = CLASS_OTHER;
            }
          break;

        case CLASS_IDEOGRAPH:
          counts->words++;
          word_state = IN_IDEOGRAPH;
          pending_join = CLASS_OTHER;
          break;

        case CLASS_WORD:
          {
            gboolean digit = g_unichar_isdigit (c);
            gboolean continues = word_state == IN_WORD &&
                                 (pending_join != CLASS_JOIN_NUMERIC || digit);

            if (!continues)
              counts->words++;
            word_state = IN_WORD;
            pending_join = CLASS_OTHER;
            last_was_digit = digit;
          }
          break;

        case CLASS_JOIN:
        case CLASS_JOIN_NUMERIC:
          if (word_state == IN_WORD && pending_join == CLASS_OTHER &&
              (klass == CLASS_JOIN || last_was_digit))
            {
              pending_join = klass;
            }
          else
            {
              word_state = IN_NOTHING;
              pending_join = CLASS_OTHER;
            }
          break;

        case CLASS_OTHER:
        default:
          word_state = IN_NOTHING;
          pending_join = CLASS_OTHER;
          break;
        }

      prev = c;
    }
}

/**
 * cd_text_count_characters:
 * @text: (nullable): a nul-terminated UTF-8 string
 *
 * Counts the user-visible characters of @text, for the length counters of
 * headline, standfirst and the other fields. Combining marks count with the
 * letter they sit on (a decomposed "é" is one character), and so do the
 * parts of an emoji sequence, a flag, a decomposed Hangul syllable and CR
 * LF; invisible format characters (joiners, soft hyphen, direction marks)
 * are not counted. White space is counted.
 *
 * Returns: the number of characters, 0 for %NULL
 */
size_t
cd_text_count_characters (const char *text)
{
  CharState state = { 0, };
  const char *p = text;
  const char *end;
  size_t n = 0;
  gunichar c;

  if (text == NULL)
    return 0;

  end = text + strlen (text);
  while (next_char (&p, end, &c))
    {
      if (char_state_starts_character (&state, c))
        n++;
    }

  return n;
}

/**
 * cd_text_fold:
 * @text: UTF-8 text
 *
 * The case- and accent-insensitive form of @text, for matching what people
 * type against labels: case-folded, decomposed, with combining marks dropped
 * and runs of white space made one space. A typographic apostrophe becomes
 * an ASCII one, as people type.
 *
 * Returns: (transfer full): the folded text
 */
char *
cd_text_fold (const char *text)
{
  g_autofree char *casefolded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  casefolded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (casefolded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }
      if (c == 0x2019 || c == 0x2018)   /* ’ ‘ */
        c = '\'';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * cd_text_is_blank:
 * @text: (nullable): a UTF-8 string
 *
 * The one test of "nothing written" that the checks, the page and the
 * exporters share.
 *
 * Returns: %TRUE if @text is %NULL, empty or only white space
 */
gboolean
cd_text_is_blank (const char *text)
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

/**
 * cd_text_append_html:
 * @out: the HTML being written
 * @text: (nullable): text, which may hold invalid UTF-8 and, when @length
 *   is given, NUL bytes
 * @length: the length of @text in bytes, or -1 if it is NUL-terminated
 * @invalid: what becomes of characters that HTML and XML reject
 *
 * Appends @text to @out escaped for HTML and XHTML, as the content of an
 * element or the value of an attribute in double or single quotes: the one
 * HTML escaper of Copydesk, for pages and rendered Markdown alike.
 *
 * `&`, `<`, `>`, `"` and `'` become entities, so one rule serves text and
 * attributes. Tab and line feed stay; CR LF and a lone CR become a line
 * feed, as HTML and XML parsers read them. C0 controls other than those,
 * DEL, C1 controls, U+FFFE and U+FFFF (which HTML calls parse errors and
 * XML rejects or discourages) are dropped or replaced with U+FFFD as
 * @invalid says. Each byte of invalid UTF-8 becomes U+FFFD in either mode,
 * as g_utf8_make_valid() does, so the output is always valid UTF-8.
 */
void
cd_text_append_html (GString           *out,
                     const char        *text,
                     gssize             length,
                     CdTextHtmlInvalid  invalid)
{
  const char *end;
  const char *run;
  const char *p;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  end = text + (length < 0 ? strlen (text) : (size_t) length);
  run = text;

  for (p = text; p < end;)
    {
      guchar c = (guchar) *p;
      const char *replacement = NULL;
      size_t skip = 1;
      gboolean is_invalid = FALSE;

      if (c < 0x80)
        {
          switch (c)
            {
            case '&':
              replacement = "&amp;";
              break;
            case '<':
              replacement = "&lt;";
              break;
            case '>':
              replacement = "&gt;";
              break;
            case '"':
              replacement = "&quot;";
              break;
            case '\'':
              replacement = "&#39;";
              break;
            case '\t':
            case '\n':
              break;
            case '\r':
              replacement = "\n";
              if (p + 1 < end && p[1] == '\n')
                skip = 2;
              break;
            default:
              is_invalid = c < 0x20 || c == 0x7f;
              break;
            }
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            replacement = REPLACEMENT_CHARACTER;
          else
            {
              skip = g_utf8_next_char (p) - p;
              is_invalid = u <= 0x9f || u == 0xfffe || u == 0xffff;
            }
        }

      if (is_invalid)
        replacement = invalid == CD_TEXT_HTML_REPLACE_INVALID ? REPLACEMENT_CHARACTER : "";

      if (replacement != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, replacement);
          run = p + skip;
        }
      p += skip;
    }

  g_string_append_len (out, run, end - run);
}
