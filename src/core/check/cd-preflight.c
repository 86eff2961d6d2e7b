/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The preflight check: the rules an article must pass before it is
 * published, each reported as a CdPreflightIssue in the order of the form.
 * The body scan and the language tag rule are in cd-preflight-body.c and
 * cd-preflight-language.c, the issue type in cd-preflight-issue.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-preflight"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-article-file.h"
#include "cd-critic.h"
#include "cd-field.h"
#include "cd-preflight-private.h"
#include "cd-preflight.h"
#include "cd-stats.h"
#include "cd-style-private.h"
#include "cd-text.h"

/* Helpers */

/* Two sentences, each translated on its own so that each can agree in
 * number with its own figure. */
static char *
join_sentences (const char *first,
                const char *second)
{
  return g_strconcat (first, " ", second, NULL);
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

  if (cd_preflight_is_well_formed_language_tag (language) || !rule_severity (check, "language-tag", &severity))
    return;

  if (strchr (language, '_') != NULL)
    {
      g_autofree char *hyphenated = g_strdelimit (g_strdup (language), "_", '-');

      if (cd_preflight_is_well_formed_language_tag (hyphenated))
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

  cd_preflight_scan_body (body, &scan);

  if (scan.tk_count > 0 && rule_severity (check, "body-tk", &severity))
    report (check, severity, "body-tk", "body",
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The body still has %u “TK” placeholder, on line %u. "
                                          "Replace it with the missing fact.",
                                          "The body still has %u “TK” placeholders, the first on "
                                          "line %u. Replace each with the missing fact.",
                                          scan.tk_count),
                             scan.tk_count, cd_preflight_line_at (body, scan.tk_offset)));

  if (scan.empty_link_count > 0 && rule_severity (check, "body-empty-link", &severity))
    report (check, severity, "body-empty-link", "body",
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The body has %u link with no address, on line %u. "
                                          "Add the address or remove the link.",
                                          "The body has %u links with no address, the first on "
                                          "line %u. Add the addresses or remove the links.",
                                          scan.empty_link_count),
                             scan.empty_link_count, cd_preflight_line_at (body, scan.empty_link_offset)));

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

/* The review: suggested changes still waiting in the body, and comments
 * still open, per field. Neither would be published (the exporters publish
 * the reader's view), but publishing past them publishes text nobody
 * decided on. */
static void
check_review (Check *check)
{
  GListModel *comments = cd_article_get_review_comments (check->article);
  const char *body = cd_article_get_body (check->article);
  CdSeverity severity;
  guint n;

  n = cd_critic_count_suggestions (body);
  if (n > 0 && rule_severity (check, "review-suggestions", &severity))
    report (check, severity, "review-suggestions", "body",
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u suggested change is still open: accept or "
                                          "reject it before publishing.",
                                          "%u suggested changes are still open: accept or "
                                          "reject them before publishing.", n), n));

  if (!rule_severity (check, "review-comments", &severity))
    return;

  /* One issue per field, in the order of the form. */
  for (guint f = 0; f < cd_field_get_n_fields (); f++)
    {
      const char *field = cd_field_get_id (cd_field_get_nth (f));

      n = strcmp (field, "body") == 0 ? cd_critic_count_comments (body) : 0;
      for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
        {
          g_autoptr(CdComment) comment = g_list_model_get_item (comments, i);

          if (!cd_comment_get_resolved (comment) && strcmp (cd_comment_get_field (comment), field) == 0)
            n++;
        }
      if (n > 0)
        report (check, severity, "review-comments", field,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u review comment is still open: resolve it "
                                              "before publishing.",
                                              "%u review comments are still open: resolve "
                                              "them before publishing.", n), n));
    }
}

/**
 * cd_preflight_check:
 * @article: the article to check
 * @rules: (nullable): the newsroom's house rules, or %NULL for the defaults
 *
 * Checks @article against @rules before publication: required fields,
 * lengths, the lead image, tags, dates, the language tag, and "TK"
 * placeholders and links without an address left in the body, and the
 * house style of the prose: each style finding has its range and, where
 * there is one, its replacement (cd_preflight_issue_get_replacement()). A
 * lead image
 * on disk is looked for from the folder the article remembers
 * (cd_article_file_set_folder()), if any: see cd_preflight_check_in_folder().
 *
 * The issues come errors first, then warnings, each group in the order of
 * the fields on the form: headline, standfirst, slug, section, language,
 * authors, dateline, published, embargo, image, tags, body, then the
 * style findings field by field, in the order of the text.
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
  cd_style_check_article (article, rules, issues);
  check_review (&check);

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
