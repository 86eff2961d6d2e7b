/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-preflight"

#include <glib/gi18n-lib.h>
#include <md4c.h>
#include <stdint.h>
#include <string.h>

#include "cd-article-file.h"
#include "cd-field.h"
#include "cd-preflight.h"
#include "cd-stats.h"
#include "cd-text.h"

/* The same dialect as cd-markdown.c, so that what is a link here is a link in
 * the preview and the export. */
#define PARSER_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)

G_DEFINE_ENUM_TYPE (CdSeverity, cd_severity,
  G_DEFINE_ENUM_VALUE (CD_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (CD_SEVERITY_ERROR, "error"))

/* CdPreflightIssue */

struct _CdPreflightIssue
{
  GObject     parent_instance;

  CdSeverity  severity;
  char       *rule;
  char       *field;
  char       *message;
};

G_DEFINE_FINAL_TYPE (CdPreflightIssue, cd_preflight_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE,
  PROP_FIELD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_preflight_issue_finalize (GObject *object)
{
  CdPreflightIssue *self = (CdPreflightIssue *)object;

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (cd_preflight_issue_parent_class)->finalize (object);
}

static void
cd_preflight_issue_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CdPreflightIssue *self = CD_PREFLIGHT_ISSUE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;

    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preflight_issue_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CdPreflightIssue *self = CD_PREFLIGHT_ISSUE (object);

  /* All construct-only: an issue describes the article at one moment. */
  switch (prop_id)
    {
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;

    case PROP_RULE:
      g_free (self->rule);
      self->rule = g_value_dup_string (value);
      break;

    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;

    case PROP_MESSAGE:
      g_free (self->message);
      self->message = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preflight_issue_class_init (CdPreflightIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_preflight_issue_finalize;
  object_class->get_property = cd_preflight_issue_get_property;
  object_class->set_property = cd_preflight_issue_set_property;

  /**
   * CdPreflightIssue:severity:
   *
   * Whether the issue blocks publication (%CD_SEVERITY_ERROR) or not.
   */
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       CD_TYPE_SEVERITY,
                       CD_SEVERITY_WARNING,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CdPreflightIssue:rule:
   *
   * The id of the house rule that reported the issue, such as
   * `headline-length`.
   */
  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CdPreflightIssue:field:
   *
   * The id of the field to fix, such as `headline`, `image.alt` or
   * `authors[1].name` (counted from 0): a field of the registry (see
   * cd_field_lookup()) for the issues cd_preflight_check() finds.
   */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CdPreflightIssue:message:
   *
   * What is wrong and what to do, in sentences for the journalist.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_preflight_issue_init (CdPreflightIssue *self)
{
}

/**
 * cd_preflight_issue_new:
 * @severity: the severity
 * @rule: the id of the rule that found the issue
 * @field: the id of the field to fix
 * @message: what is wrong and what to do
 *
 * Returns: (transfer full): a new issue
 */
CdPreflightIssue *
cd_preflight_issue_new (CdSeverity  severity,
                        const char *rule,
                        const char *field,
                        const char *message)
{
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (CD_TYPE_PREFLIGHT_ISSUE,
                       "severity", severity,
                       "rule", rule,
                       "field", field,
                       "message", message,
                       NULL);
}

/**
 * cd_preflight_issue_get_severity:
 * @self: a #CdPreflightIssue
 *
 * Returns: the severity of the issue
 */
CdSeverity
cd_preflight_issue_get_severity (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), CD_SEVERITY_WARNING);

  return self->severity;
}

/**
 * cd_preflight_issue_get_rule:
 * @self: a #CdPreflightIssue
 *
 * Returns: (transfer none): the id of the rule that found the issue
 */
const char *
cd_preflight_issue_get_rule (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->rule;
}

/**
 * cd_preflight_issue_get_field:
 * @self: a #CdPreflightIssue
 *
 * Returns: (transfer none): the id of the field to fix
 */
const char *
cd_preflight_issue_get_field (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->field;
}

/**
 * cd_preflight_issue_get_message:
 * @self: a #CdPreflightIssue
 *
 * Returns: (transfer none): what is wrong and what to do
 */
const char *
cd_preflight_issue_get_message (CdPreflightIssue *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->message;
}

/* Helpers */

/* Two sentences, each translated on its own so that each can agree in
 * number with its own figure. */
static char *
join_sentences (const char *first,
                const char *second)
{
  return g_strconcat (first, " ", second, NULL);
}

/* Language tags (RFC 5646, section 2.1): well-formed, not checked against
 * the registry. */

static const char * const irregular_tags[] = {
  "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak",
  "i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay",
  "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
  NULL
};

static gboolean
subtag_is (const char *subtag,
           size_t      min,
           size_t      max,
           gboolean    alpha_only,
           gboolean    digit_only)
{
  size_t length = strlen (subtag);

  if (length < min || length > max)
    return FALSE;

  for (const char *p = subtag; *p != '\0'; p++)
    {
      if (alpha_only && !g_ascii_isalpha (*p))
        return FALSE;
      if (digit_only && !g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

#define IS_ALPHA(s, min, max) subtag_is ((s), (min), (max), TRUE, FALSE)
#define IS_DIGIT(s, min, max) subtag_is ((s), (min), (max), FALSE, TRUE)
#define IS_ALNUM(s, min, max) subtag_is ((s), (min), (max), FALSE, FALSE)

static gboolean
is_variant (const char *subtag)
{
  return IS_ALNUM (subtag, 5, 8) ||
         (strlen (subtag) == 4 && g_ascii_isdigit (subtag[0]));
}

static gboolean
list_has_ascii_case (GPtrArray  *list,
                     const char *subtag)
{
  for (guint i = 0; i < list->len; i++)
    {
      if (g_ascii_strcasecmp (g_ptr_array_index (list, i), subtag) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_well_formed_language_tag (const char *tag)
{
  g_auto(GStrv) subtags = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  guint n;
  guint i = 0;

  for (guint k = 0; irregular_tags[k] != NULL; k++)
    {
      if (g_ascii_strcasecmp (tag, irregular_tags[k]) == 0)
        return TRUE;
    }

  subtags = g_strsplit (tag, "-", -1);
  n = g_strv_length (subtags);

  /* Every subtag is 1 to 8 ASCII letters and digits; this also rejects
   * empty subtags from "en--GB" or a trailing hyphen. */
  for (guint k = 0; k < n; k++)
    {
      if (!IS_ALNUM (subtags[k], 1, 8))
        return FALSE;
    }

  /* A private-use tag: x-whatever. */
  if (g_ascii_strcasecmp (subtags[0], "x") == 0)
    return n >= 2;

  /* language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA */
  if (IS_ALPHA (subtags[0], 2, 3))
    {
      i = 1;
      /* extlang = 3ALPHA *2("-" 3ALPHA) */
      for (guint extlangs = 0; extlangs < 3 && i < n && IS_ALPHA (subtags[i], 3, 3); extlangs++)
        i++;
    }
  else if (IS_ALPHA (subtags[0], 4, 8))
    {
      i = 1;
    }
  else
    {
      return FALSE;
    }

  /* script = 4ALPHA */
  if (i < n && IS_ALPHA (subtags[i], 4, 4))
    i++;

  /* region = 2ALPHA / 3DIGIT */
  if (i < n && (IS_ALPHA (subtags[i], 2, 2) || IS_DIGIT (subtags[i], 3, 3)))
    i++;

  /* variant = 5*8alphanum / (DIGIT 3alphanum), each at most once. */
  seen = g_ptr_array_new ();
  while (i < n && is_variant (subtags[i]))
    {
      if (list_has_ascii_case (seen, subtags[i]))
        return FALSE;
      g_ptr_array_add (seen, subtags[i]);
      i++;
    }

  /* extension = singleton 1*("-" (2*8alphanum)), each singleton once. */
  g_ptr_array_set_size (seen, 0);
  while (i < n && strlen (subtags[i]) == 1 && g_ascii_tolower (subtags[i][0]) != 'x')
    {
      guint start;

      if (list_has_ascii_case (seen, subtags[i]))
        return FALSE;
      g_ptr_array_add (seen, subtags[i]);
      i++;

      start = i;
      while (i < n && IS_ALNUM (subtags[i], 2, 8))
        i++;
      if (i == start)
        return FALSE;
    }

  /* privateuse = "x" 1*("-" (1*8alphanum)) */
  if (i < n && g_ascii_strcasecmp (subtags[i], "x") == 0)
    return n - i >= 2;

  return i == n;
}

/* The body: "TK" placeholders and links without an address. md4c gives the
 * text outside code and the link targets, so that `[x]()` in a code span or
 * "TK" in a code block is left alone. */

typedef struct
{
  const char *body;
  size_t      length;
  size_t      last_text_end;

  char       *href;          /* of the link being read, or NULL */

  guint       tk_count;
  size_t      tk_offset;
  guint       empty_link_count;
  size_t      empty_link_offset;
} BodyScan;

static gboolean
in_body (BodyScan   *scan,
         const char *text,
         size_t      size)
{
  uintptr_t start = (uintptr_t) scan->body;
  uintptr_t p = (uintptr_t) text;

  return p >= start && p + size <= start + scan->length;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* Finds the placeholders in one run of text: a word made of "T" followed by
 * one or more "K", once or more (TK, TKK, TKTK), upper case only, so that
 * "TKO" or "Tk" are not placeholders. */
static void
scan_placeholders (BodyScan   *scan,
                   const char *text,
                   size_t      size)
{
  const char *end = text + size;
  const char *p = text;

  while (p < end)
    {
      const char *word_end = p;
      const char *before = p > text ? g_utf8_find_prev_char (text, p) : NULL;

      if (*p != 'T' ||
          (before != NULL && is_word_char (g_utf8_get_char_validated (before, p - before))))
        {
          p = g_utf8_find_next_char (p, end);
          if (p == NULL)
            break;
          continue;
        }

      while (word_end < end && *word_end == 'T' && word_end + 1 < end && word_end[1] == 'K')
        {
          word_end += 2;
          while (word_end < end && *word_end == 'K')
            word_end++;
        }

      if (word_end > p &&
          (word_end == end || !is_word_char (g_utf8_get_char_validated (word_end, end - word_end))))
        {
          if (scan->tk_count == 0 && in_body (scan, text, size))
            scan->tk_offset = (size_t) (p - scan->body);
          scan->tk_count++;
          p = word_end;
        }
      else
        {
          p++;
        }
    }
}

static int
body_enter_block_cb (MD_BLOCKTYPE  type,
                     void         *detail,
                     void         *user_data)
{
  return 0;
}

static int
body_leave_block_cb (MD_BLOCKTYPE  type,
                     void         *detail,
                     void         *user_data)
{
  return 0;
}

static gboolean
attribute_is_blank (const MD_ATTRIBUTE *attribute)
{
  for (MD_SIZE i = 0; i < attribute->size; i++)
    {
      if (!g_ascii_isspace (attribute->text[i]))
        return FALSE;
    }

  return TRUE;
}

static int
body_enter_span_cb (MD_SPANTYPE  type,
                    void        *detail,
                    void        *user_data)
{
  BodyScan *scan = user_data;
  const MD_SPAN_A_DETAIL *link = detail;
  const char *bracket;

  if (type != MD_SPAN_A)
    return 0;

  g_clear_pointer (&scan->href, g_free);
  scan->href = g_strndup (link->href.text != NULL ? link->href.text : "", link->href.size);

  if (!attribute_is_blank (&link->href))
    return 0;

  /* md4c does not say where a span starts. Nothing but markup lies between
   * the end of the last text and this link, so its "[" is the first one
   * after that text. */
  if (scan->empty_link_count == 0)
    {
      bracket = memchr (scan->body + scan->last_text_end, '[',
                        scan->length - scan->last_text_end);
      scan->empty_link_offset = bracket != NULL ? (size_t) (bracket - scan->body)
                                                : scan->last_text_end;
    }

  scan->empty_link_count++;

  return 0;
}

static int
body_leave_span_cb (MD_SPANTYPE  type,
                    void        *detail,
                    void        *user_data)
{
  BodyScan *scan = user_data;

  if (type == MD_SPAN_A)
    g_clear_pointer (&scan->href, g_free);

  return 0;
}

static int
body_text_cb (MD_TEXTTYPE    type,
              const MD_CHAR *text,
              MD_SIZE        size,
              void          *user_data)
{
  BodyScan *scan = user_data;

  if (in_body (scan, text, size))
    scan->last_text_end = (size_t) (text - scan->body) + size;

  if (type != MD_TEXT_NORMAL)
    return 0;

  /* The text of an autolink is its address, which is no placeholder even
   * when it has "TK" in it. */
  if (scan->href != NULL)
    {
      size_t href_length = strlen (scan->href);

      if (href_length >= size && memcmp (scan->href + href_length - size, text, size) == 0)
        return 0;
    }

  scan_placeholders (scan, text, size);

  return 0;
}

static guint
line_at (const char *text,
         size_t      offset)
{
  guint line = 1;

  for (size_t i = 0; i < offset && text[i] != '\0'; i++)
    {
      if (text[i] == '\n')
        line++;
    }

  return line;
}

static void
scan_body (const char *body,
           BodyScan   *scan)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = PARSER_FLAGS,
    .enter_block = body_enter_block_cb,
    .leave_block = body_leave_block_cb,
    .enter_span = body_enter_span_cb,
    .leave_span = body_leave_span_cb,
    .text = body_text_cb,
  };

  scan->body = body;
  scan->length = strlen (body);

  md_parse (body, (MD_SIZE) scan->length, &parser, scan);

  g_clear_pointer (&scan->href, g_free);
}

/* The check */

typedef struct
{
  CdArticle    *article;
  GFile        *folder;  /* nullable: the article's folder */
  CdHouseRules *rules;
  CdStats      *stats;
  GPtrArray    *issues;  /* of CdPreflightIssue, in the order of the form */
} Check;

/* Whether @rule is on, and at which severity. */
static gboolean
rule_severity (Check      *check,
               const char *rule,
               CdSeverity *severity)
{
  switch (cd_house_rules_get_rule_level (check->rules, rule))
    {
    case CD_RULE_LEVEL_ERROR:
      *severity = CD_SEVERITY_ERROR;
      return TRUE;

    case CD_RULE_LEVEL_WARNING:
      *severity = CD_SEVERITY_WARNING;
      return TRUE;

    case CD_RULE_LEVEL_OFF:
    default:
      return FALSE;
    }
}

static void
report (Check      *check,
        CdSeverity  severity,
        const char *rule,
        const char *field,
        char       *message)
{
  g_autofree char *owned = message;

  /* The checklist labels the field and the form focuses it by its id. */
  g_assert (cd_field_lookup (field) != NULL);

  g_ptr_array_add (check->issues,
                   cd_preflight_issue_new (severity, rule, field, owned));
}

/* For a field with a soft and a hard limit: past the hard limit the issue
 * has the rule's severity, past only the soft one it is a warning. */
static gboolean
length_severity (Check      *check,
                 const char *rule,
                 size_t      length,
                 int         soft,
                 int         hard,
                 gboolean   *over_hard,
                 CdSeverity *severity)
{
  if (!rule_severity (check, rule, severity))
    return FALSE;

  *over_hard = length > (size_t) hard;

  if (*over_hard)
    return TRUE;

  if (length > (size_t) soft)
    {
      *severity = CD_SEVERITY_WARNING;
      return TRUE;
    }

  return FALSE;
}

static void
check_headline (Check *check)
{
  const char *headline = cd_article_get_headline (check->article);
  int soft = cd_house_rules_get_limit (check->rules, "headline.soft");
  int hard = cd_house_rules_get_limit (check->rules, "headline.hard");
  size_t length;
  gboolean over_hard;
  CdSeverity severity;

  if (cd_text_is_blank (headline))
    {
      if (rule_severity (check, "headline-required", &severity))
        report (check, severity, "headline-required", "headline",
                g_strdup (_("The article has no headline. Write one before publishing.")));
      return;
    }

  length = cd_stats_get_field_characters (check->stats, "headline");

  if (!length_severity (check, "headline-length", length, soft, hard, &over_hard, &severity))
    return;

  if (over_hard)
    {
      g_autofree char *first =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The headline is %zu character long; the house limit is %d.",
                                      "The headline is %zu characters long; the house limit is %d.",
                                      length),
                         length, hard);
      g_autofree char *second =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Shorten it by %zu character.",
                                      "Shorten it by %zu characters.",
                                      length - hard),
                         length - hard);

      report (check, severity, "headline-length", "headline", join_sentences (first, second));
    }
  else
    {
      g_autofree char *first =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The headline is %zu character long; "
                                      "the house aims for %d or fewer.",
                                      "The headline is %zu characters long; "
                                      "the house aims for %d or fewer.",
                                      length),
                         length, soft);
      g_autofree char *second =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Consider shortening it by %zu character.",
                                      "Consider shortening it by %zu characters.",
                                      length - soft),
                         length - soft);

      report (check, severity, "headline-length", "headline", join_sentences (first, second));
    }
}

static void
check_standfirst (Check *check)
{
  const char *standfirst = cd_article_get_standfirst (check->article);
  int soft = cd_house_rules_get_limit (check->rules, "standfirst.soft");
  int hard = cd_house_rules_get_limit (check->rules, "standfirst.hard");
  size_t length;
  gboolean over_hard;
  CdSeverity severity;

  if (cd_text_is_blank (standfirst))
    {
      if (rule_severity (check, "standfirst-required", &severity))
        report (check, severity, "standfirst-required", "standfirst",
                g_strdup (_("The article has no standfirst. Write a sentence or two that "
                            "sums up the story under the headline.")));
      return;
    }

  length = cd_stats_get_field_characters (check->stats, "standfirst");

  if (!length_severity (check, "standfirst-length", length, soft, hard, &over_hard, &severity))
    return;

  if (over_hard)
    {
      g_autofree char *first =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The standfirst is %zu character long; "
                                      "the house limit is %d.",
                                      "The standfirst is %zu characters long; "
                                      "the house limit is %d.",
                                      length),
                         length, hard);
      g_autofree char *second =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Shorten it by %zu character.",
                                      "Shorten it by %zu characters.",
                                      length - hard),
                         length - hard);

      report (check, severity, "standfirst-length", "standfirst", join_sentences (first, second));
    }
  else
    {
      g_autofree char *first =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The standfirst is %zu character long; "
                                      "the house aims for %d or fewer.",
                                      "The standfirst is %zu characters long; "
                                      "the house aims for %d or fewer.",
                                      length),
                         length, soft);
      g_autofree char *second =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Consider shortening it by %zu character.",
                                      "Consider shortening it by %zu characters.",
                                      length - soft),
                         length - soft);

      report (check, severity, "standfirst-length", "standfirst", join_sentences (first, second));
    }
}

/* cd_text_is_valid_slug() also caps the length at what cd_text_slugify()
 * makes, but the house's slug.hard may allow more: the form is checked word
 * by word, and the length by slug-length. */
static gboolean
slug_is_well_formed (const char *slug)
{
  g_auto(GStrv) words = g_strsplit (slug, "-", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!cd_text_is_valid_slug (words[i]))
        return FALSE;
    }

  return TRUE;
}

static void
check_slug (Check *check)
{
  const char *slug = cd_article_get_slug (check->article);
  int hard = cd_house_rules_get_limit (check->rules, "slug.hard");
  size_t length;
  CdSeverity severity;

  if (slug == NULL || slug[0] == '\0')
    {
      /* A slug that follows an empty headline fills in with the headline;
       * the missing headline is the issue to report. */
      if (!cd_article_get_slug_edited (check->article) &&
          cd_text_is_blank (cd_article_get_headline (check->article)))
        return;

      if (rule_severity (check, "slug-format", &severity))
        report (check, severity, "slug-format", "slug",
                g_strdup (_("The slug is empty. Enter a slug of lowercase words joined by "
                            "hyphens, such as “council-backs-harbour-plan”.")));
      return;
    }

  if (!slug_is_well_formed (slug) && rule_severity (check, "slug-format", &severity))
    {
      g_autofree char *suggestion = cd_text_slugify (slug);

      if (suggestion[0] != '\0')
        report (check, severity, "slug-format", "slug",
                g_strdup_printf (_("The slug “%s” may only have lowercase letters and digits in "
                                   "words joined by single hyphens. Use “%s” instead."),
                                 slug, suggestion));
      else
        report (check, severity, "slug-format", "slug",
                g_strdup_printf (_("The slug “%s” may only have lowercase letters and digits in "
                                   "words joined by single hyphens, such as "
                                   "“council-backs-harbour-plan”."),
                                 slug));
    }

  length = cd_stats_get_field_characters (check->stats, "slug");

  if (length > (size_t) hard && rule_severity (check, "slug-length", &severity))
    {
      g_autofree char *first =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The slug is %zu character long; the house limit is %d.",
                                      "The slug is %zu characters long; the house limit is %d.",
                                      length),
                         length, hard);
      g_autofree char *second =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Shorten it by %zu character.",
                                      "Shorten it by %zu characters.",
                                      length - hard),
                         length - hard);

      report (check, severity, "slug-length", "slug", join_sentences (first, second));
    }
}

static void
check_section (Check *check)
{
  CdSeverity severity;

  if (cd_text_is_blank (cd_article_get_section (check->article)) &&
      rule_severity (check, "section-required", &severity))
    report (check, severity, "section-required", "section",
            g_strdup (_("The article has no section. Choose the desk or section it belongs to.")));
}

static void
check_language (Check *check)
{
  const char *language = cd_article_get_language (check->article);
  CdSeverity severity;

  if (cd_text_is_blank (language))
    {
      if (rule_severity (check, "language-required", &severity))
        report (check, severity, "language-required", "language",
                g_strdup (_("The article has no language. Set its language tag, such as "
                            "“en” or “en-GB”.")));
      return;
    }

  if (is_well_formed_language_tag (language) || !rule_severity (check, "language-tag", &severity))
    return;

  if (strchr (language, '_') != NULL)
    {
      g_autofree char *hyphenated = g_strdelimit (g_strdup (language), "_", '-');

      if (is_well_formed_language_tag (hyphenated))
        {
          report (check, severity, "language-tag", "language",
                  g_strdup_printf (_("“%s” is not a language tag: the parts are joined with a "
                                     "hyphen. Use “%s”."),
                                   language, hyphenated));
          return;
        }
    }

  report (check, severity, "language-tag", "language",
          g_strdup_printf (_("“%s” is not a language tag. Use a BCP 47 tag such as “en”, "
                             "“en-GB” or “pt-BR”."),
                           language));
}

static void
check_authors (Check *check)
{
  GListModel *authors = cd_article_get_authors (check->article);
  guint n_authors = g_list_model_get_n_items (authors);
  g_autoptr(GArray) unnamed = g_array_new (FALSE, FALSE, sizeof (guint));
  CdSeverity severity;

  for (guint i = 0; i < n_authors; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);

      if (cd_text_is_blank (cd_author_get_name (author)))
        g_array_append_val (unnamed, i);
    }

  if (unnamed->len == n_authors && rule_severity (check, "byline-required", &severity))
    {
      if (n_authors == 0)
        report (check, severity, "byline-required", "authors",
                g_strdup (_("The article has no byline. Add the author.")));
      else
        report (check, severity, "byline-required", "authors",
                g_strdup (_("The article has no byline because no author has a name. "
                            "Enter the authors’ names.")));
    }

  if (!rule_severity (check, "author-name", &severity))
    return;

  for (guint k = 0; k < unnamed->len; k++)
    {
      guint i = g_array_index (unnamed, guint, k);
      g_autofree char *field = cd_field_id_format ("authors[].name", i);

      report (check, severity, "author-name", field,
              g_strdup_printf (_("Author %u has no name. Enter the name or remove the author."),
                               i + 1));
    }
}

static void
check_dateline (Check *check)
{
  CdSeverity severity;

  if (cd_text_is_blank (cd_article_get_dateline (check->article)) &&
      rule_severity (check, "dateline-required", &severity))
    report (check, severity, "dateline-required", "dateline",
            g_strdup (_("The article has no dateline. Enter the place the story was filed from.")));
}

static char *
format_date_time (GDateTime *date_time)
{
  /* Numeric and with its own offset, as the journalist typed it; seconds
   * only when there are some, so that two times a few seconds apart do not
   * read the same. */
  if (g_date_time_get_second (date_time) != 0)
    return g_date_time_format (date_time, "%Y-%m-%d %H:%M:%S %:z");

  return g_date_time_format (date_time, "%Y-%m-%d %H:%M %:z");
}

static void
check_dates (Check *check)
{
  GDateTime *published = cd_article_get_published (check->article);
  GDateTime *embargo = cd_article_get_embargo (check->article);
  CdSeverity severity;

  if (published == NULL)
    {
      if (rule_severity (check, "published-required", &severity))
        report (check, severity, "published-required", "published",
                g_strdup (_("The article has no publication date. Set the date and time "
                            "it goes live.")));
      return;
    }

  /* The embargo is the time before which the article must not appear:
   * publishing earlier breaks it. */
  if (embargo != NULL && g_date_time_compare (embargo, published) > 0 &&
      rule_severity (check, "embargo-order", &severity))
    {
      g_autofree char *embargo_text = format_date_time (embargo);
      g_autofree char *published_text = format_date_time (published);

      report (check, severity, "embargo-order", "embargo",
              g_strdup_printf (_("The embargo lifts at %s, after the publication date %s, so "
                                 "the article would break the embargo. Publish at the embargo "
                                 "time or later, or correct the embargo."),
                               embargo_text, published_text));
    }
}

static void
check_image (Check *check)
{
  CdImage *image = cd_article_get_image (check->article);
  CdSeverity severity;

  if (!cd_image_is_set (image))
    {
      if ((!cd_text_is_blank (cd_image_get_alt (image)) ||
           !cd_text_is_blank (cd_image_get_caption (image)) ||
           !cd_text_is_blank (cd_image_get_credit (image)) ||
           !cd_text_is_blank (cd_image_get_photographer (image)) ||
           !cd_text_is_blank (cd_image_get_copyright (image))) &&
          rule_severity (check, "image-source", &severity))
        report (check, severity, "image-source", "image.source",
                g_strdup (_("The lead image has a description but no picture. Choose the "
                            "picture, or clear the image fields.")));
      return;
    }

  if (cd_text_is_blank (cd_image_get_alt (image)) && rule_severity (check, "image-alt", &severity))
    report (check, severity, "image-alt", "image.alt",
            g_strdup (_("The lead image has no alt text. Describe what the picture shows "
                        "for readers who cannot see it.")));

  if (cd_text_is_blank (cd_image_get_caption (image)) && rule_severity (check, "image-caption", &severity))
    report (check, severity, "image-caption", "image.caption",
            g_strdup (_("The lead image has no caption. Say who or what is in the picture, "
                        "where and when.")));

  if (cd_text_is_blank (cd_image_get_credit (image)) && rule_severity (check, "image-credit", &severity))
    report (check, severity, "image-credit", "image.credit",
            g_strdup (_("The lead image has no credit. Enter the photographer or agency, "
                        "such as “Jane Doe/Reuters”.")));
}

/* The lead image on disk must be there and readable, and inside the
 * article's folder, whose name the file format gives it relative to. This is
 * no house rule to switch off: an export cannot carry a picture it cannot
 * read, nor one from elsewhere on the computer. Without a folder (a new
 * article) only an absolute path can be looked at. */
static void
check_image_file (Check *check)
{
  CdImage *image = cd_article_get_image (check->article);
  const char *source = cd_image_get_source (image);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!cd_image_is_set (image) || cd_image_is_remote (image))
    return;

  if (!cd_image_source_is_local (source))
    {
      report (check, CD_SEVERITY_ERROR, "image-file", "image.source",
              g_strdup_printf (_("The lead image “%s” is neither a file beside the article "
                                 "nor an http or https address. Choose the picture again."),
                               source));
      return;
    }

  if (check->folder != NULL)
    {
      g_autoptr(GFile) resolved = cd_image_source_resolve (source, check->folder);
      g_autofree char *folder_name = g_file_get_parse_name (check->folder);

      if (!cd_image_source_stays_inside (source) &&
          (resolved == NULL || !cd_image_file_is_inside (resolved, check->folder)))
        {
          report (check, CD_SEVERITY_ERROR, "image-file", "image.source",
                  g_strdup_printf (_("The lead image %s is outside the article’s folder %s. "
                                     "Copy the picture into that folder and choose it "
                                     "again."),
                                   source, folder_name));
          return;
        }
    }

  file = cd_image_source_resolve (source, check->folder);
  if (file == NULL)
    return;

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        report (check, CD_SEVERITY_ERROR, "image-file", "image.source",
                g_strdup_printf (_("The lead image %s does not exist. Put the picture "
                                   "there, or choose it again."),
                                 name));
      else
        report (check, CD_SEVERITY_ERROR, "image-file", "image.source",
                g_strdup_printf (_("The lead image %s cannot be read: %s"),
                                 name, error->message));
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    report (check, CD_SEVERITY_ERROR, "image-file", "image.source",
            g_strdup_printf (_("The lead image %s is not a picture file but a folder or "
                               "another kind of file. Choose the picture again."),
                             name));
  else if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
           !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    report (check, CD_SEVERITY_ERROR, "image-file", "image.source",
            g_strdup_printf (_("The lead image %s cannot be read: permission denied. "
                               "Ask for access, or copy the picture."),
                             name));
}

static void
check_tags (Check *check)
{
  guint n_tags = g_list_model_get_n_items (cd_article_get_tags (check->article));
  int min = cd_house_rules_get_limit (check->rules, "tags.min");
  CdSeverity severity;

  if (n_tags >= (guint) min || !rule_severity (check, "tags-required", &severity))
    return;

  if (n_tags == 0)
    {
      report (check, severity, "tags-required", "tags",
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The article has no tags. Add at least %d tag "
                                            "from the house vocabulary.",
                                            "The article has no tags. Add at least %d tags "
                                            "from the house vocabulary.",
                                            min),
                               min));
    }
  else
    {
      g_autofree char *first =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The article has %u tag; the house asks for at least %d.",
                                      "The article has %u tags; the house asks for at least %d.",
                                      n_tags),
                         n_tags, min);
      g_autofree char *second =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Add %u more.",
                                      "Add %u more.",
                                      min - n_tags),
                         min - n_tags);

      report (check, severity, "tags-required", "tags", join_sentences (first, second));
    }
}

static void
check_body (Check *check)
{
  const char *body = cd_article_get_body (check->article);
  int min_words = cd_house_rules_get_limit (check->rules, "body.min_words");
  BodyScan scan = { 0 };
  size_t words;
  CdSeverity severity;

  if (cd_text_is_blank (body))
    {
      if (rule_severity (check, "body-required", &severity))
        report (check, severity, "body-required", "body",
                g_strdup (_("The body is empty. Write the story before publishing.")));
      return;
    }

  scan_body (body, &scan);

  if (scan.tk_count > 0 && rule_severity (check, "body-tk", &severity))
    report (check, severity, "body-tk", "body",
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The body still has %u “TK” placeholder, on line %u. "
                                          "Replace it with the missing fact.",
                                          "The body still has %u “TK” placeholders, the first on "
                                          "line %u. Replace each with the missing fact.",
                                          scan.tk_count),
                             scan.tk_count, line_at (body, scan.tk_offset)));

  if (scan.empty_link_count > 0 && rule_severity (check, "body-empty-link", &severity))
    report (check, severity, "body-empty-link", "body",
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The body has %u link with no address, on line %u. "
                                          "Add the address or remove the link.",
                                          "The body has %u links with no address, the first on "
                                          "line %u. Add the addresses or remove the links.",
                                          scan.empty_link_count),
                             scan.empty_link_count, line_at (body, scan.empty_link_offset)));

  words = cd_stats_get_words (check->stats);

  if (words < (size_t) min_words && rule_severity (check, "body-too-short", &severity))
    {
      g_autofree char *first =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The body has %zu word; the house minimum is %d.",
                                      "The body has %zu words; the house minimum is %d.",
                                      words),
                         words, min_words);
      g_autofree char *second =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Add at least %zu more word.",
                                      "Add at least %zu more words.",
                                      min_words - words),
                         min_words - words);

      report (check, severity, "body-too-short", "body", join_sentences (first, second));
    }
}

/**
 * cd_preflight_check:
 * @article: the article to check
 * @rules: (nullable): the newsroom's house rules, or %NULL for the defaults
 *
 * Checks @article against @rules before publication: required fields,
 * lengths, the lead image, tags, dates, the language tag, and "TK"
 * placeholders and links without an address left in the body. A lead image
 * on disk is looked for from the folder the article remembers
 * (cd_article_file_set_folder()), if any: see cd_preflight_check_in_folder().
 *
 * The issues come errors first, then warnings, each group in the order of
 * the fields on the form: headline, standfirst, slug, section, language,
 * authors, dateline, published, embargo, image, tags, body.
 *
 * Returns: (transfer full): a #GListModel of #CdPreflightIssue, empty when
 *   there is nothing to fix
 */
GListModel *
cd_preflight_check (CdArticle    *article,
                    CdHouseRules *rules)
{
  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (rules == NULL || CD_IS_HOUSE_RULES (rules), NULL);

  return cd_preflight_check_in_folder (article, rules, cd_article_file_get_folder (article));
}

/**
 * cd_preflight_check_in_folder:
 * @article: the article to check
 * @rules: (nullable): the newsroom's house rules, or %NULL for the defaults
 * @folder: (nullable): the folder of the article's file, or %NULL for an
 *   article without one
 *
 * Checks @article like cd_preflight_check(), with relative paths starting
 * from @folder: a lead image that does not exist, cannot be read or lies
 * outside @folder is an error that names its path.
 *
 * Returns: (transfer full): a #GListModel of #CdPreflightIssue
 */
GListModel *
cd_preflight_check_in_folder (CdArticle    *article,
                              CdHouseRules *rules,
                              GFile        *folder)
{
  g_autoptr(CdHouseRules) default_rules = NULL;
  g_autoptr(CdStats) stats = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  GListStore *store;
  Check check;

  g_return_val_if_fail (CD_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (rules == NULL || CD_IS_HOUSE_RULES (rules), NULL);

  if (rules == NULL)
    rules = default_rules = cd_house_rules_new_default ();

  stats = cd_stats_compute (article, cd_house_rules_get_reading_speed (rules));
  issues = g_ptr_array_new_with_free_func (g_object_unref);

  check.article = article;
  check.folder = folder;
  check.rules = rules;
  check.stats = stats;
  check.issues = issues;

  check_headline (&check);
  check_standfirst (&check);
  check_slug (&check);
  check_section (&check);
  check_language (&check);
  check_authors (&check);
  check_dateline (&check);
  check_dates (&check);
  check_image (&check);
  check_image_file (&check);
  check_tags (&check);
  check_body (&check);

  store = g_list_store_new (CD_TYPE_PREFLIGHT_ISSUE);

  for (guint i = 0; i < issues->len; i++)
    {
      CdPreflightIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == CD_SEVERITY_ERROR)
        g_list_store_append (store, issue);
    }

  for (guint i = 0; i < issues->len; i++)
    {
      CdPreflightIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity != CD_SEVERITY_ERROR)
        g_list_store_append (store, issue);
    }

  return G_LIST_MODEL (store);
}

/**
 * cd_preflight_count:
 * @issues: a #GListModel of #CdPreflightIssue
 * @severity: the severity to count
 *
 * Returns: how many of @issues have @severity
 */
guint
cd_preflight_count (GListModel *issues,
                    CdSeverity  severity)
{
  guint n_items;
  guint count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (issues), 0);

  n_items = g_list_model_get_n_items (issues);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      g_return_val_if_fail (CD_IS_PREFLIGHT_ISSUE (issue), count);

      if (issue->severity == severity)
        count++;
    }

  return count;
}

/**
 * cd_preflight_is_ready:
 * @issues: a #GListModel of #CdPreflightIssue, as cd_preflight_check() returns
 *
 * Returns: %TRUE when no issue is an error, so the article may be published
 */
gboolean
cd_preflight_is_ready (GListModel *issues)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (issues), FALSE);

  return cd_preflight_count (issues, CD_SEVERITY_ERROR) == 0;
}
