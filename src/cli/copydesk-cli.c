/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-cli"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copydesk-core.h"
#include "cd-exporter.h"
#include "cd-import-ninjs.h"

/* Exit codes, as documented in --help: pipelines depend on them. */
enum {
  EXIT_READY = 0,
  EXIT_HAS_ERRORS = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static const Command *find_command (const char *name);

/* Reports bad usage; @context is the command's options, to point at --help. */
static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *prgname = g_strdup (g_get_prgname ());

  g_printerr ("%s: %s\n", prgname, message);
  if (context != NULL)
    g_printerr (_("Try “%s --help” for more information.\n"), prgname);
  return EXIT_USAGE;
}

static int
unreadable (const char *message)
{
  g_printerr ("%s\n", message);
  return EXIT_USAGE;
}

/* The usage line shows the command's parameters; the G_OPTION_REMAINING
 * entries leave their description empty, or GOption would name the files
 * twice (“FILE FILE”). */
static GOptionContext *
command_context (const Command *command)
{
  GOptionContext *context = g_option_context_new (command->parameters);
  g_autofree char *prgname = g_strdup_printf ("copydesk-cli %s", command->name);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

static CdHouseRules *
load_rules (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return cd_house_rules_new_default ();

  file = g_file_new_for_commandline_arg (path);
  return cd_house_rules_load_from_file (file, NULL, error);
}

static CdArticle *
load_article (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return cd_article_load_from_file (file, NULL, error);
}

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

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *rules_path = NULL;
  g_auto(GStrv) files = NULL;
  gboolean as_json = FALSE;
  gboolean quiet = FALSE;
  int status = EXIT_READY;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the report as JSON on standard output"), NULL },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules_path, N_("Check against this house-rules file"), N_("FILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print problems only, not ready articles"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = command_context (find_command ("validate"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (files == NULL || files[0] == NULL)
    return usage_error (context, _("no article file given"));

  rules = load_rules (rules_path, &error);
  if (rules == NULL)
    return unreadable (error->message);

  if (as_json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(CdArticle) article = load_article (files[i], &load_error);
      g_autoptr(GListModel) issues = NULL;
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
          json_builder_set_member_name (builder, "issues");
          json_builder_begin_array (builder);
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, j);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "severity");
              json_builder_add_string_value (builder, severity_name (cd_preflight_issue_get_severity (issue)));
              json_builder_set_member_name (builder, "rule");
              json_builder_add_string_value (builder, cd_preflight_issue_get_rule (issue));
              json_builder_set_member_name (builder, "field");
              json_builder_add_string_value (builder, cd_preflight_issue_get_field (issue));
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

          g_print ("  %-7s  %-14s  %s\n",
                   severity_label (cd_preflight_issue_get_severity (issue)),
                   cd_preflight_issue_get_field (issue),
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

static int
run_stats (int    argc,
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

  context = command_context (find_command ("stats"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return usage_error (context, _("give exactly one article file"));

  if (wpm < 0 || wpm > 2000)
    return usage_error (context, _("--wpm must be between 1 and 2000"));

  article = load_article (files[0], &error);
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

/* new */

static int
run_new (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *language = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) authors = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "headline", 0, 0, G_OPTION_ARG_STRING, &headline, N_("Start with this headline"), N_("TEXT") },
    { "author", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &authors, N_("Add an author (repeat for more)"), N_("NAME") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language, N_("Language tag (default “en”)"), N_("TAG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = command_context (find_command ("new"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (rest != NULL && rest[0] != NULL)
    return usage_error (context, _("“new” takes no file argument; use --output"));

  article = cd_article_new ();
  cd_article_set_language (article, language != NULL ? language : "en");
  if (headline != NULL)
    cd_article_set_headline (article, headline);
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    {
      g_autoptr(CdAuthor) author = cd_author_new (authors[i]);
      cd_article_add_author (article, author);
    }

  data = cd_article_to_data (article, &length);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GFileOutputStream) stream = NULL;

      /* Created with O_EXCL, so that nothing that appears under the name
       * meanwhile (a file, a device, a link to somewhere else) is written
       * over or through. */
      stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &error);
      if (stream == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_printerr (_("%s already exists; Copydesk will not overwrite it with a new article\n"), output);
          return EXIT_USAGE;
        }

      if (stream == NULL ||
          !g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, NULL, &error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
        {
          /* No half-written article is left behind. */
          if (stream != NULL)
            g_file_delete (file, NULL, NULL);
          g_printerr (_("Could not write %s: %s\n"), output, error->message);
          return EXIT_USAGE;
        }
      return EXIT_READY;
    }

  fwrite (data, 1, length, stdout);
  return EXIT_READY;
}

/* format */

static int
run_format (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  gboolean check = FALSE;
  int status = EXIT_READY;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, N_("Change nothing; exit 1 if a file is not in canonical form"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = command_context (find_command ("format"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (files == NULL || files[0] == NULL)
    return usage_error (context, _("no article file given"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) file_error = NULL;
      g_autoptr(CdArticle) article = NULL;
      g_autofree char *original = NULL;
      g_autofree char *canonical = NULL;
      gsize original_length = 0;
      gsize canonical_length = 0;

      if (!cd_file_read_bounded (file, CD_FILE_MAX_SIZE, NULL, &original, &original_length,
                                 &file_error))
        {
          g_printerr (_("Could not read %s: %s\n"), files[i], file_error->message);
          status = EXIT_USAGE;
          continue;
        }

      article = cd_article_load_from_data (original, original_length, files[i], &file_error);
      if (article == NULL)
        {
          g_printerr ("%s\n", file_error->message);
          status = EXIT_USAGE;
          continue;
        }

      canonical = cd_article_to_data (article, &canonical_length);
      if (canonical_length == original_length && memcmp (canonical, original, original_length) == 0)
        continue;

      if (check)
        {
          g_print (_("%s is not in canonical form\n"), files[i]);
          if (status == EXIT_READY)
            status = EXIT_HAS_ERRORS;
          continue;
        }

      if (!cd_file_replace_contents (file, canonical, canonical_length, NULL, &file_error))
        {
          g_printerr ("%s\n", file_error->message);
          status = EXIT_USAGE;
          continue;
        }

      g_print (_("Reformatted %s\n"), files[i]);
    }

  return status;
}


/* export and render */

/* Writes @data to a file that is not a regular file (a device such as
 * /dev/null, a FIFO, or standard output through /dev/stdout) in place:
 * replacing it with a new regular file, as a regular file is, would destroy
 * the device or pipe and deliver nothing to whoever reads it. */
static gboolean
write_in_place (const char  *path,
                const char  *data,
                gsize        length,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  gsize written = 0;

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not write %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      written += n;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Refuses to replace an existing file unless @force is given; a file that
 * is not a regular file is not replaced but written to. */
static gboolean
check_output (const char  *output,
              gboolean     force,
              gboolean    *in_place,
              GError     **error)
{
  g_autofree char *target = g_file_read_link (output, NULL);
  struct stat info;

  *in_place = FALSE;

  /* /dev/stdout, /proc/self/fd/1 and links to them name a stream that is
   * already open, even when it is a regular file (“-o /dev/stdout >
   * out.json”): written to, never replaced, and never “already there”. */
  if (g_str_has_prefix (output, "/dev/") || g_str_has_prefix (output, "/proc/") ||
      (target != NULL &&
       (g_str_has_prefix (target, "/dev/") || g_str_has_prefix (target, "/proc/"))))
    {
      *in_place = TRUE;
      return TRUE;
    }

  if (g_stat (output, &info) != 0)
    return TRUE;

  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not write %s: it is a folder"), output);
      return FALSE;
    }

  if (!S_ISREG (info.st_mode))
    {
      *in_place = TRUE;
      return TRUE;
    }

  if (!force)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists; add --force to replace it"), output);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_output (GBytes      *bytes,
              const char  *output,
              gboolean     force,
              GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  gboolean in_place = FALSE;

  if (output == NULL || strcmp (output, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  if (!check_output (output, force, &in_place, error))
    return FALSE;

  if (in_place)
    return write_in_place (output, data, length, error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      return cd_file_replace_contents (file, data, length, NULL, error);
    }
}

/* Whether @output names a file directly inside @folder: a plain name, or a
 * path whose folder is @folder. */
static gboolean
output_is_in_folder (const char *output,
                     const char *folder)
{
  g_autofree char *dir = g_path_get_dirname (output);
  g_autoptr(GFile) dir_file = NULL;
  g_autoptr(GFile) folder_file = NULL;

  if (strcmp (dir, ".") == 0 && !g_str_has_prefix (output, "./"))
    return TRUE;

  dir_file = g_file_new_for_commandline_arg (dir);
  folder_file = g_file_new_for_commandline_arg (folder);
  return g_file_equal (dir_file, folder_file);
}

/* Where --bundle copies the article's lead image, or %NULL when it copies
 * none (no image, a remote one, or one already in the bundle folder). */
static GFile *
bundle_image_file (CdArticle  *article,
                   const char *article_dir,
                   const char *bundle)
{
  CdImage *image = cd_article_get_image (article);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *source_path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;

  if (!cd_image_is_set (image) || cd_image_is_remote (image))
    return NULL;

  name = g_path_get_basename (cd_image_get_source (image));
  path = g_build_filename (bundle, name, NULL);
  copy = g_file_new_for_path (path);

  if (g_path_is_absolute (cd_image_get_source (image)))
    source_path = g_strdup (cd_image_get_source (image));
  else
    source_path = g_build_filename (article_dir != NULL ? article_dir : ".",
                                    cd_image_get_source (image), NULL);
  source = g_file_new_for_path (source_path);
  if (g_file_equal (source, copy))
    return NULL;

  return g_steal_pointer (&copy);
}

static void
print_blocking_issues (const char *path,
                       GListModel *issues)
{
  guint n = g_list_model_get_n_items (issues);

  g_printerr (_("%s has problems that block publication:\n"), path);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      if (cd_preflight_issue_get_severity (issue) == CD_SEVERITY_ERROR)
        g_printerr ("  %-14s  %s\n", cd_preflight_issue_get_field (issue),
                    cd_preflight_issue_get_message (issue));
    }
  g_printerr (_("Fix them, or export anyway with --force.\n"));
}

static int
export_common (int         argc,
               char      **argv,
               const char *command_name,
               gboolean    render)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) input_dir = NULL;
  g_autofree char *format = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *output = NULL;
  g_autofree char *rules_path = NULL;
  g_autofree char *article_dir = NULL;
  g_autofree char *bundle_output = NULL;
  g_auto(GStrv) files = NULL;
  gboolean force = FALSE;
  CdExportOptions options = { CD_EXPORT_IMAGE_NONE, NULL, NULL, NULL };
  CdExporter *exporter;
  const GOptionEntry export_entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("ninjs (default), jsonld, ans, wordpress, html or copydesk"), N_("FORMAT") },
    { "bundle", 'b', 0, G_OPTION_ARG_FILENAME, &bundle, N_("Write the export and a copy of the lead image into DIR"), N_("DIR") },
    { "image-base-url", 0, 0, G_OPTION_ARG_STRING, &base_url, N_("Refer to the lead image as URL + its file name"), N_("URL") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules_path, N_("Check against this house-rules file"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Export even if the article has errors, and replace existing files"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = command_context (find_command (command_name));
  g_option_context_add_main_entries (context, export_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return usage_error (context, _("give exactly one article file"));

  if (render)
    {
      if (format != NULL)
        return usage_error (context, _("render always makes an HTML page; use export --format for others"));
      format = g_strdup ("html");
      force = TRUE;
    }

  exporter = cd_exporters_lookup (format != NULL ? format : "ninjs");
  if (exporter == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s”; choose ninjs, jsonld, ans, wordpress, html or copydesk"), format);
      return usage_error (context, message);
    }

  if (bundle != NULL && base_url != NULL)
    return usage_error (context, _("choose either --bundle or --image-base-url, not both"));

  /* With --bundle, -o only names the export inside the bundle folder. */
  if (bundle != NULL && output != NULL && !output_is_in_folder (output, bundle))
    return usage_error (context, _("with --bundle, the export is written into the bundle folder: "
                                   "give -o a file name only, or leave out --bundle"));

  rules = load_rules (rules_path, &error);
  if (rules == NULL)
    return unreadable (error->message);

  input = g_file_new_for_commandline_arg (files[0]);
  article = cd_article_load_from_file (input, NULL, &error);
  if (article == NULL)
    return unreadable (error->message);

  if (!force)
    {
      g_autoptr(GFile) folder = g_file_get_parent (input);
      g_autoptr(GListModel) issues = cd_preflight_check_in_folder (article, rules, folder);

      if (!cd_preflight_is_ready (issues))
        {
          print_blocking_issues (files[0], issues);
          return EXIT_HAS_ERRORS;
        }
    }

  input_dir = g_file_get_parent (input);
  article_dir = input_dir != NULL ? g_file_get_path (input_dir) : NULL;
  options.article_dir = article_dir;

  if (base_url == NULL && bundle == NULL && cd_house_rules_get_image_base_url (rules) != NULL)
    base_url = g_strdup (cd_house_rules_get_image_base_url (rules));

  if (bundle != NULL)
    {
      g_autofree char *name = NULL;

      if (g_mkdir_with_parents (bundle, 0755) != 0)
        {
          g_printerr (_("Could not create the bundle folder %s: %s\n"), bundle, g_strerror (errno));
          return EXIT_USAGE;
        }

      options.image_mode = CD_EXPORT_IMAGE_BUNDLE;
      if (output != NULL)
        name = g_path_get_basename (output);
      else
        name = cd_exporter_dup_file_name (exporter, article);
      bundle_output = g_build_filename (bundle, name, NULL);
    }
  else if (base_url != NULL)
    {
      options.image_mode = CD_EXPORT_IMAGE_BASE_URL;
      options.image_base_url = base_url;
    }
  else if (render)
    {
      /* A rendered page is a proof read on this computer. */
      options.image_mode = CD_EXPORT_IMAGE_LOCAL;
    }

  if (bundle_output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (bundle_output);
      g_autoptr(GFile) image_copy = bundle_image_file (article, article_dir, bundle);
      gboolean had_output = g_file_query_exists (file, NULL);
      gboolean had_image = image_copy != NULL && g_file_query_exists (image_copy, NULL);

      if (!force && (had_output || had_image))
        {
          g_autofree char *name = g_file_get_parse_name (had_output ? file : image_copy);

          g_printerr (_("%s already exists; add --force to replace it\n"), name);
          return EXIT_USAGE;
        }

      if (!cd_exporter_export_to_file (exporter, article, &options, file, &error))
        {
          /* A copy of the image cut short by a full disk must not stay
           * behind when nothing was exported. */
          if (image_copy != NULL && !had_image)
            g_file_delete (image_copy, NULL, NULL);
          if (!had_output)
            g_file_delete (file, NULL, NULL);
          return unreadable (error->message);
        }

      g_printerr (_("Exported %s to %s\n"), files[0], bundle_output);
      return EXIT_READY;
    }
  else
    {
      g_autoptr(GBytes) bytes = cd_exporter_export (exporter, article, &options, &error);

      if (bytes == NULL || !write_output (bytes, output, force, &error))
        return unreadable (error->message);
    }

  return EXIT_READY;
}

static int
run_export (int    argc,
            char **argv)
{
  return export_common (argc, argv, "export", FALSE);
}

static int
run_render (int    argc,
            char **argv)
{
  return export_common (argc, argv, "render", TRUE);
}

/* import */

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  gboolean force = FALSE;
  char *data;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the article to FILE instead of standard output"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = command_context (find_command ("import"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return usage_error (context, _("give exactly one ninjs file"));

  input = g_file_new_for_commandline_arg (files[0]);
  article = cd_ninjs_import_from_file_full (input, NULL, &warnings, &error);
  if (article == NULL)
    return unreadable (error->message);
  /* What the import left out (a lead image that is a local path, say). */
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (warnings, i));

  /* An imported article that Copydesk could not open again is refused. */
  data = cd_article_to_checked_data (article, &length, &error);
  if (data == NULL)
    return unreadable (error->message);
  bytes = g_bytes_new_take (data, length);
  if (!write_output (bytes, output, force, &error))
    return unreadable (error->message);

  return EXIT_READY;
}

static const Command commands[] = {
  { "validate", N_("FILE…"), N_("Check articles against the house rules. Exits 0 when every article "
                                "is ready to publish, 1 when one has errors, 2 when a file "
                                "cannot be read."), run_validate },
  { "stats", N_("FILE"), N_("Count the words, characters and paragraphs of an article and "
                            "estimate its reading time."), run_stats },
  { "new", "", N_("Print a new, empty article with a fresh id."), run_new },
  { "format", N_("FILE…"), N_("Rewrite articles in the canonical .copydesk form."), run_format },
  { "export", N_("FILE"), N_("Export an article for publishing: ninjs 2.2 (default), schema.org "
                             "JSON-LD, Arc ANS, a WordPress REST payload, an HTML page or the "
                             "native format. An article with errors is not exported unless "
                             "--force is given. A lead image on disk needs --bundle or "
                             "--image-base-url (or the house rules' image base URL)."), run_export },
  { "render", N_("FILE"), N_("Print the article as the HTML page readers will see. A lead image "
                             "on disk is shown from its place on this computer unless --bundle "
                             "or --image-base-url is given."), run_render },
  { "import", N_("FILE"), N_("Convert a ninjs document into a Copydesk article."), run_import },
};

static const Command *
find_command (const char *name)
{
  for (size_t i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }
  return NULL;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage:\n  copydesk-cli COMMAND [OPTION…] [FILE…]"));
  fprintf (stream, "\n%s\n\n", _("Check, measure and convert Copydesk articles, with no display needed."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (size_t i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Exit status: 0 ready, 1 the article has errors, 2 bad usage or unreadable input."));
  fprintf (stream, "%s\n", _("Run “copydesk-cli COMMAND --help” for a command’s options."));
}

/* What was printed must have arrived: a full disk or a closed pipe behind
 * standard output is an error, not a success with nothing written. */
static int
finish_stdout (int status)
{
  gboolean failed = FALSE;
  int saved_errno = 0;

  /* g_print() flushes as it goes, so an earlier failure may show only in
   * the error flag, without an errno to say why. */
  errno = 0;
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      failed = TRUE;
      saved_errno = errno;
    }
  errno = 0;
  if (fclose (stdout) != 0)
    {
      failed = TRUE;
      if (saved_errno == 0)
        saved_errno = errno;
    }

  if (failed && saved_errno != 0)
    g_printerr (_("copydesk-cli: could not write to standard output: %s\n"),
                g_strerror (saved_errno));
  else if (failed)
    g_printerr (_("copydesk-cli: could not write everything to standard output; "
                  "the disk may be full or the reader gone\n"));

  return failed ? EXIT_USAGE : status;
}

int
main (int   argc,
      char *argv[])
{
  const Command *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("copydesk-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return finish_stdout (EXIT_READY);
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("copydesk-cli %s\n", PACKAGE_VERSION);
      return finish_stdout (EXIT_READY);
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("copydesk-cli: unknown command “%s”\n"), argv[1]);
      g_printerr (_("Try “copydesk-cli --help” for the list of commands.\n"));
      return EXIT_USAGE;
    }

  return finish_stdout (command->run (argc - 1, argv + 1));
}
