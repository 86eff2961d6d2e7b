/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The commands that check and measure articles: "validate" (the house
 * rules' preflight and, with --spelling, the spell checker, as text or
 * JSON, with its exit status for pipelines) and "stats" (words, characters,
 * paragraphs and reading time). */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "cd-field.h"
#include "cd-spell.h"
#include "copydesk-cli-private.h"

static const char *
severity_name (CdSeverity severity)
{
  return severity == CD_SEVERITY_ERROR ? "error" : "warning";
}

static const char *
severity_label (CdSeverity severity)
{
  return severity == CD_SEVERITY_ERROR ? _("error") : _("warning");
}

/* validate */

/* Where byte @offset of @text is: its line and its column in characters,
 * both from 1. Bytes that are not UTF-8 count as a character each. */
static void
text_position (const char *text,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  gsize length = strlen (text);
  gsize line_start = 0;

  *line = 1;
  *column = 1;
  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        (*line)++;
        line_start = i + 1;
      }
  for (gsize i = line_start; i < offset;)
    {
      gunichar ch = g_utf8_get_char_validated (text + i, (gssize) (length - i));

      i += ch == (gunichar) -1 || ch == (gunichar) -2 ? 1 : (gsize) g_unichar_to_utf8 (ch, NULL);
      (*column)++;
    }
}

/* The line and column where @issue starts in its field's text, when it
 * has a range. */
static gboolean
issue_position (CdPreflightIssue *issue,
                CdArticle        *article,
                guint            *line,
                guint            *column)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *base = NULL;
  const CdField *field;
  guint index = CD_FIELD_NO_INDEX;
  gsize start, end;

  if (!cd_preflight_issue_get_range (issue, &start, &end)
      || cd_preflight_issue_get_field (issue) == NULL
      || !cd_field_id_parse (cd_preflight_issue_get_field (issue), &base, &index))
    return FALSE;
  field = cd_field_lookup (base);
  if (field == NULL || cd_field_get_property (field) == NULL
      || !cd_field_get_value (field, article, index, &value))
    return FALSE;
  if (!G_VALUE_HOLDS_STRING (&value) || g_value_get_string (&value) == NULL)
    return FALSE;
  text_position (g_value_get_string (&value), start, line, column);
  return TRUE;
}

/* The spell checker for @language, opened once a run: NULL, with the
 * reason in @message, when there is no dictionary. */
static CdSpellChecker *
spell_checker_for (GHashTable  *checkers,
                   GHashTable  *failures,
                   const char  *language,
                   const char **message)
{
  CdSpellChecker *checker;
  g_autoptr(GError) error = NULL;

  *message = NULL;
  if (language == NULL || language[0] == '\0')
    {
      *message = _("the article has no language, so its spelling was not checked.");
      return NULL;
    }
  checker = g_hash_table_lookup (checkers, language);
  if (checker != NULL)
    return checker;
  *message = g_hash_table_lookup (failures, language);
  if (*message != NULL)
    return NULL;

  checker = cd_spell_checker_new (language, &error);
  if (checker == NULL)
    {
      g_hash_table_insert (failures, g_strdup (language), g_strdup (error->message));
      *message = g_hash_table_lookup (failures, language);
      return NULL;
    }
  g_hash_table_insert (checkers, g_strdup (language), checker);
  return checker;
}

int
cd_cli_run_validate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *rules_path = NULL;
  g_autoptr(GHashTable) checkers = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          g_free, g_object_unref);
  g_autoptr(GHashTable) failures = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          g_free, g_free);
  g_auto(GStrv) files = NULL;
  gboolean as_json = FALSE;
  gboolean quiet = FALSE;
  gboolean spelling = FALSE;
  int status = EXIT_READY;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the report as JSON on standard output"), NULL },
    { "spelling", 's', 0, G_OPTION_ARG_NONE, &spelling,
      N_("Check spelling too, with the hunspell dictionary of each article’s language"), NULL },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules_path, N_("Check against this house-rules file"), N_("FILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print problems only, not ready articles"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = cd_cli_command_context (cd_cli_find_command ("validate"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (files == NULL || files[0] == NULL)
    return cd_cli_usage_error (context, _("no article file given"));

  rules = cd_cli_load_rules (rules_path, &error);
  if (rules == NULL)
    return cd_cli_unreadable (error->message);

  if (as_json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(CdArticle) article = cd_cli_load_article (files[i], &load_error);
      g_autoptr(GListModel) issues = NULL;
      CdSpellChecker *checker = NULL;
      const char *spelling_message = NULL;
      guint errors, warnings, n;

      if (article == NULL)
        {
          g_printerr ("%s\n", load_error->message);
          status = EXIT_USAGE;

          if (builder != NULL)
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "file");
              json_builder_add_string_value (builder, files[i]);
              json_builder_set_member_name (builder, "readable");
              json_builder_add_boolean_value (builder, FALSE);
              json_builder_set_member_name (builder, "error");
              json_builder_add_string_value (builder, load_error->message);
              json_builder_end_object (builder);
            }
          continue;
        }

      issues = cd_preflight_check_in_folder (article, rules, cd_article_file_get_folder (article));
      if (spelling)
        {
          checker = spell_checker_for (checkers, failures, cd_article_get_language (article),
                                       &spelling_message);
          if (checker != NULL)
            {
              g_autoptr(GListModel) misspelt = cd_spell_checker_check_article (checker, article, rules);
              g_autoptr(GListStore) all = g_list_store_new (CD_TYPE_PREFLIGHT_ISSUE);

              for (guint j = 0; j < g_list_model_get_n_items (issues); j++)
                {
                  g_autoptr(GObject) item = g_list_model_get_item (issues, j);

                  g_list_store_append (all, item);
                }
              for (guint j = 0; j < g_list_model_get_n_items (misspelt); j++)
                {
                  g_autoptr(GObject) item = g_list_model_get_item (misspelt, j);

                  g_list_store_append (all, item);
                }
              g_clear_object (&issues);
              issues = G_LIST_MODEL (g_steal_pointer (&all));
              spelling_message = cd_spell_checker_get_fallback_message (checker);
            }
          /* Spelling that cannot be checked is said, and changes no exit
           * status: the article is no less ready. */
          if (spelling_message != NULL)
            g_printerr (checker != NULL ? _("%s: note: %s\n") : _("%s: spelling not checked: %s\n"),
                        files[i], spelling_message);
        }
      errors = cd_preflight_count (issues, CD_SEVERITY_ERROR);
      warnings = cd_preflight_count (issues, CD_SEVERITY_WARNING);
      n = g_list_model_get_n_items (issues);

      if (errors > 0 && status == EXIT_READY)
        status = EXIT_HAS_ERRORS;

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, files[i]);
          json_builder_set_member_name (builder, "readable");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_set_member_name (builder, "ready");
          json_builder_add_boolean_value (builder, errors == 0);
          json_builder_set_member_name (builder, "errors");
          json_builder_add_int_value (builder, errors);
          json_builder_set_member_name (builder, "warnings");
          json_builder_add_int_value (builder, warnings);
          if (spelling)
            {
              json_builder_set_member_name (builder, "spelling");
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "checked");
              json_builder_add_boolean_value (builder, checker != NULL);
              if (checker != NULL)
                {
                  json_builder_set_member_name (builder, "dictionary");
                  json_builder_add_string_value (builder, cd_spell_checker_get_dictionary (checker));
                }
              if (spelling_message != NULL)
                {
                  json_builder_set_member_name (builder, "message");
                  json_builder_add_string_value (builder, spelling_message);
                }
              json_builder_end_object (builder);
            }
          json_builder_set_member_name (builder, "issues");
          json_builder_begin_array (builder);
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, j);
              guint line, column;

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "severity");
              json_builder_add_string_value (builder, severity_name (cd_preflight_issue_get_severity (issue)));
              json_builder_set_member_name (builder, "rule");
              json_builder_add_string_value (builder, cd_preflight_issue_get_rule (issue));
              json_builder_set_member_name (builder, "field");
              json_builder_add_string_value (builder, cd_preflight_issue_get_field (issue));
              if (issue_position (issue, article, &line, &column))
                {
                  json_builder_set_member_name (builder, "line");
                  json_builder_add_int_value (builder, line);
                  json_builder_set_member_name (builder, "column");
                  json_builder_add_int_value (builder, column);
                }
              json_builder_set_member_name (builder, "message");
              json_builder_add_string_value (builder, cd_preflight_issue_get_message (issue));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          continue;
        }

      if (errors == 0 && warnings == 0)
        {
          if (!quiet)
            g_print (_("%s: ready to publish\n"), files[i]);
          continue;
        }

      if (errors == 0)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "%s: ready to publish, %u warning\n",
                              "%s: ready to publish, %u warnings\n", warnings),
                 files[i], warnings);
      else
        {
          g_autofree char *error_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                       "%u error", "%u errors",
                                                                       errors),
                                                          errors);
          g_autofree char *warning_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                         "%u warning", "%u warnings",
                                                                         warnings),
                                                            warnings);

          /* Translators: "story.copydesk: not ready: 2 errors, 1 warning". */
          g_print (_("%s: not ready: %s, %s\n"), files[i], error_count, warning_count);
        }

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, j);
          g_autofree char *where = NULL;
          guint line, column;

          /* "body:3:14", the field and where in it, for a ranged issue. */
          if (issue_position (issue, article, &line, &column))
            where = g_strdup_printf ("%s:%u:%u", cd_preflight_issue_get_field (issue), line, column);
          else
            where = g_strdup (cd_preflight_issue_get_field (issue));
          g_print ("  %-7s  %-14s  %s\n",
                   severity_label (cd_preflight_issue_get_severity (issue)),
                   where,
                   cd_preflight_issue_get_message (issue));
        }
    }

  if (builder != NULL)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      text = cd_json_to_string (root, NULL);
      g_print ("%s", text);
    }

  return status;
}

/* stats */

static char *
format_duration (guint seconds)
{
  guint minutes = (seconds + 59) / 60;

  if (seconds == 0)
    return g_strdup (_("none"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes), minutes);
}

/* The fields listed by their characters: those the statistics count, in
 * the order of the form, but the body, whose characters are the figures
 * above them. */
static gboolean
is_listed_field (const CdField *field)
{
  return cd_field_has_flags (field, CD_FIELD_COUNTED) &&
         !g_str_equal (cd_field_get_id (field), "body");
}

int
cd_cli_run_stats (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdStats) stats = NULL;
  g_auto(GStrv) files = NULL;
  gboolean as_json = FALSE;
  int wpm = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the figures as JSON"), NULL },
    { "wpm", 0, 0, G_OPTION_ARG_INT, &wpm, N_("Reading speed in words per minute (default 230)"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = cd_cli_command_context (cd_cli_find_command ("stats"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return cd_cli_usage_error (context, _("give exactly one article file"));

  if (wpm < 0 || wpm > 2000)
    return cd_cli_usage_error (context, _("--wpm must be between 1 and 2000"));

  article = cd_cli_load_article (files[0], &error);
  if (article == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }

  stats = cd_stats_compute (article, (guint)wpm);

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, files[0]);
      json_builder_set_member_name (builder, "words");
      json_builder_add_int_value (builder, cd_stats_get_words (stats));
      json_builder_set_member_name (builder, "characters");
      json_builder_add_int_value (builder, cd_stats_get_characters (stats));
      json_builder_set_member_name (builder, "characters_no_spaces");
      json_builder_add_int_value (builder, cd_stats_get_characters_no_spaces (stats));
      json_builder_set_member_name (builder, "paragraphs");
      json_builder_add_int_value (builder, cd_stats_get_paragraphs (stats));
      json_builder_set_member_name (builder, "reading_seconds");
      json_builder_add_int_value (builder, cd_stats_get_reading_seconds (stats));
      json_builder_set_member_name (builder, "reading_minutes");
      json_builder_add_int_value (builder, cd_stats_get_reading_minutes (stats));
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_object (builder);
      for (guint i = 0; i < cd_field_get_n_fields (); i++)
        {
          const CdField *field = cd_field_get_nth (i);
          const char *id = cd_field_get_id (field);

          if (!is_listed_field (field))
            continue;
          json_builder_set_member_name (builder, id);
          json_builder_add_int_value (builder, cd_stats_get_field_characters (stats, id));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      text = cd_json_to_string (root, NULL);
      g_print ("%s", text);
    }
  else
    {
      g_autofree char *reading = format_duration (cd_stats_get_reading_seconds (stats));

      g_print ("%s\n", files[0]);
      g_print (_("  Words:                       %zu\n"), cd_stats_get_words (stats));
      g_print (_("  Characters:                  %zu\n"), cd_stats_get_characters (stats));
      g_print (_("  Characters without spaces:   %zu\n"), cd_stats_get_characters_no_spaces (stats));
      g_print (_("  Paragraphs:                  %zu\n"), cd_stats_get_paragraphs (stats));
      g_print (_("  Reading time:                %s\n"), reading);
      g_print (_("  Characters per field:\n"));
      for (guint i = 0; i < cd_field_get_n_fields (); i++)
        {
          const CdField *field = cd_field_get_nth (i);
          const char *id = cd_field_get_id (field);

          if (is_listed_field (field))
            g_print ("    %-26s %zu\n", id, cd_stats_get_field_characters (stats, id));
        }
    }

  return EXIT_READY;
}
