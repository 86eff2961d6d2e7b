/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The commands that convert articles: "export" (to ninjs, JSON-LD, ANS,
 * WordPress, HTML or the native format, bundling the lead image if asked),
 * "render" (the HTML page) and "import" (a ninjs document into an
 * article); and writing their output safely, to a file, a device or
 * standard output, never half-written. */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-cli"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copydesk-cli-private.h"

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

  context = cd_cli_command_context (cd_cli_find_command (command_name));
  g_option_context_add_main_entries (context, export_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return cd_cli_usage_error (context, _("give exactly one article file"));

  if (render)
    {
      if (format != NULL)
        return cd_cli_usage_error (context, _("render always makes an HTML page; use export --format for others"));
      format = g_strdup ("html");
      force = TRUE;
    }

  exporter = cd_exporters_lookup (format != NULL ? format : "ninjs");
  if (exporter == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s”; choose ninjs, jsonld, ans, wordpress, html or copydesk"), format);
      return cd_cli_usage_error (context, message);
    }

  if (bundle != NULL && base_url != NULL)
    return cd_cli_usage_error (context, _("choose either --bundle or --image-base-url, not both"));

  /* With --bundle, -o only names the export inside the bundle folder. */
  if (bundle != NULL && output != NULL && !output_is_in_folder (output, bundle))
    return cd_cli_usage_error (context, _("with --bundle, the export is written into the bundle folder: "
                                   "give -o a file name only, or leave out --bundle"));

  rules = cd_cli_load_rules (rules_path, &error);
  if (rules == NULL)
    return cd_cli_unreadable (error->message);

  input = g_file_new_for_commandline_arg (files[0]);
  article = cd_article_load_from_file (input, NULL, &error);
  if (article == NULL)
    return cd_cli_unreadable (error->message);

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
          return cd_cli_unreadable (error->message);
        }

      g_printerr (_("Exported %s to %s\n"), files[0], bundle_output);
      return EXIT_READY;
    }
  else
    {
      g_autoptr(GBytes) bytes = cd_exporter_export (exporter, article, &options, &error);

      if (bytes == NULL || !write_output (bytes, output, force, &error))
        return cd_cli_unreadable (error->message);
    }

  return EXIT_READY;
}

int
cd_cli_run_export (int    argc,
                   char **argv)
{
  return export_common (argc, argv, "export", FALSE);
}

int
cd_cli_run_render (int    argc,
                   char **argv)
{
  return export_common (argc, argv, "render", TRUE);
}

/* import */

int
cd_cli_run_import (int    argc,
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

  context = cd_cli_command_context (cd_cli_find_command ("import"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return cd_cli_usage_error (context, _("give exactly one ninjs file"));

  input = g_file_new_for_commandline_arg (files[0]);
  article = cd_ninjs_import_from_file_full (input, NULL, &warnings, &error);
  if (article == NULL)
    return cd_cli_unreadable (error->message);
  /* What the import left out (a lead image that is a local path, say). */
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (warnings, i));

  /* An imported article that Copydesk could not open again is refused. */
  data = cd_article_to_checked_data (article, &length, &error);
  if (data == NULL)
    return cd_cli_unreadable (error->message);
  bytes = g_bytes_new_take (data, length);
  if (!write_output (bytes, output, force, &error))
    return cd_cli_unreadable (error->message);

  return EXIT_READY;
}
