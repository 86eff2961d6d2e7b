/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The commands that make and tidy .copydesk files: "new" (an empty article
 * with a fresh id) and "format" (rewriting articles in the canonical
 * form, in place or checking only). */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "copydesk-cli-private.h"

/* new */

int
cd_cli_run_new (int    argc,
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

  context = cd_cli_command_context (cd_cli_find_command ("new"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (rest != NULL && rest[0] != NULL)
    return cd_cli_usage_error (context, _("“new” takes no file argument; use --output"));

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

int
cd_cli_run_format (int    argc,
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

  context = cd_cli_command_context (cd_cli_find_command ("format"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (files == NULL || files[0] == NULL)
    return cd_cli_usage_error (context, _("no article file given"));

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
