/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-cli"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>

#include "copydesk-cli-private.h"

/* copydesk-cli: the command table, --help, main () and the helpers the
 * commands share. The commands themselves are in copydesk-cli-check.c,
 * copydesk-cli-article.c, copydesk-cli-convert.c and copydesk-cli-publish.c. */

/* Reports bad usage; @context is the command's options, to point at --help. */
int
cd_cli_usage_error (GOptionContext *context,
                    const char     *message)
{
  g_autofree char *prgname = g_strdup (g_get_prgname ());

  g_printerr ("%s: %s\n", prgname, message);
  if (context != NULL)
    g_printerr (_("Try “%s --help” for more information.\n"), prgname);
  return EXIT_USAGE;
}

int
cd_cli_unreadable (const char *message)
{
  g_printerr ("%s\n", message);
  return EXIT_USAGE;
}

/* The usage line shows the command's parameters; the G_OPTION_REMAINING
 * entries leave their description empty, or GOption would name the files
 * twice (“FILE FILE”). */
GOptionContext *
cd_cli_command_context (const Command *command)
{
  GOptionContext *context = g_option_context_new (command->parameters);
  g_autofree char *prgname = g_strdup_printf ("copydesk-cli %s", command->name);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

CdHouseRules *
cd_cli_load_rules (const char  *path,
                   GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return cd_house_rules_new_default ();

  file = g_file_new_for_commandline_arg (path);
  return cd_house_rules_load_from_file (file, NULL, error);
}

CdArticle *
cd_cli_load_article (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return cd_article_load_from_file (file, NULL, error);
}

static const Command commands[] = {
  { "validate", N_("FILE…"), N_("Check articles against the house rules, and with --spelling their "
                                "spelling. Exits 0 when every article is ready to publish, 1 when "
                                "one has errors, 2 when a file cannot be read. Misspelt words are "
                                "warnings unless the house rules make “spelling” an error; an "
                                "article whose language has no dictionary is said on standard "
                                "error and keeps its exit status."), cd_cli_run_validate },
  { "stats", N_("FILE"), N_("Count the words, characters and paragraphs of an article and "
                            "estimate its reading time."), cd_cli_run_stats },
  { "new", "", N_("Print a new, empty article with a fresh id."), cd_cli_run_new },
  { "format", N_("FILE…"), N_("Rewrite articles in the canonical .copydesk form."), cd_cli_run_format },
  { "export", N_("FILE"), N_("Export an article for publishing: ninjs 2.2 (default), schema.org "
                             "JSON-LD, Arc ANS, a WordPress REST payload, an HTML page or the "
                             "native format. An article with errors is not exported unless "
                             "--force is given. A lead image on disk needs --bundle or "
                             "--image-base-url (or the house rules' image base URL)."), cd_cli_run_export },
  { "render", N_("FILE"), N_("Print the article as the HTML page readers will see. A lead image "
                             "on disk is shown from its place on this computer unless --bundle "
                             "or --image-base-url is given."), cd_cli_run_render },
  { "diff", N_("OLD NEW"), N_("Show what changed between two versions of an article, field by "
                              "field and word by word. Exits 0 when they are the same, 1 when "
                              "they differ, 2 when a file cannot be read."), cd_cli_run_diff },
  { "import", N_("FILE"), N_("Convert a ninjs document into a Copydesk article."), cd_cli_run_import },
  { "site", N_("add|list|remove …"), N_("Add, list and remove the WordPress sites to publish to; "
                                        "their passwords are kept in the keyring."), cd_cli_run_site },
  { "publish", N_("FILE"), N_("Publish an article to a WordPress site, or update the post it was "
                              "published as; the post is recorded in FILE. Exits 3 when the post "
                              "was changed on the site since (nothing is sent; --overwrite "
                              "replaces it)."), cd_cli_run_publish },
  { "versions", N_("FILE"), N_("List the versions of an article kept in your version store, print "
                               "one (--show N) as a .copydesk file, or record one (--record)."),
    cd_cli_run_versions },
};

const Command *
cd_cli_find_command (const char *name)
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
  fprintf (stream, "\n%s\n", _("Exit status: 0 ready, 1 the article has errors, 2 bad usage or unreadable input, "
                               "3 publish found the post changed on the site."));
  fprintf (stream, "%s\n", _("Environment: COPYDESK_WP_PASSWORD gives the WordPress application password "
                             "to “site add” and “publish” (pipelines with no keyring)."));
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

  command = cd_cli_find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("copydesk-cli: unknown command “%s”\n"), argv[1]);
      g_printerr (_("Try “copydesk-cli --help” for the list of commands.\n"));
      return EXIT_USAGE;
    }

  return finish_stdout (command->run (argc - 1, argv + 1));
}
