/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The commands that talk to WordPress sites: "site" (add, list and remove
 * the user's sites, shared with the window's Preferences ▸ Sites; the
 * passwords go to the keyring) and "publish" (one article to one site,
 * recording the post in the article's file so that the next publish
 * updates it). The work is done by src/publish; this file runs it in a
 * main loop and says what happened, for people or as JSON. */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-cli"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <errno.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "copydesk-cli-private.h"
#include "cd-publisher.h"
#include "cd-site-list.h"
#include "cd-wp-post.h"

#define PASSWORD_VARIABLE "COPYDESK_WP_PASSWORD"
#define USER_VARIABLE "COPYDESK_WP_USER"

/* COPYDESK_WP_PASSWORD, for the one account the command names only: its
 * user must be given with --user (@user_option) or in COPYDESK_WP_USER,
 * and each that is given must be @account_user. A shell that exported the
 * password for one pipeline would otherwise send it to every site that the
 * next commands name. NULL when it is not for this account. */
static const char *
environment_password (const char *user_option,
                      const char *account_user)
{
  const char *password = g_getenv (PASSWORD_VARIABLE);
  const char *user_variable = g_getenv (USER_VARIABLE);

  if (password == NULL || *password == '\0')
    return NULL;
  if (user_variable != NULL && *user_variable == '\0')
    user_variable = NULL;
  if (user_option == NULL && user_variable == NULL)
    return NULL;
  if (user_option != NULL && g_strcmp0 (user_option, account_user) != 0)
    return NULL;
  if (user_variable != NULL && g_strcmp0 (user_variable, account_user) != 0)
    return NULL;
  return password;
}

/* Running the asynchronous calls to the end, with Ctrl+C cancelling them. */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
waiter_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @waiter has its result; Ctrl+C cancels
 * @cancellable instead of killing the program half-way, so that what is
 * on disk stays as it was. */
static void
waiter_run (Waiter       *waiter,
            GCancellable *cancellable)
{
  guint interrupt = g_unix_signal_add (SIGINT, interrupt_cb, cancellable);

  while (waiter->result == NULL)
    g_main_loop_run (waiter->loop);
  g_source_remove (interrupt);
}

static void
waiter_clear (Waiter *waiter)
{
  g_clear_object (&waiter->result);
  g_clear_pointer (&waiter->loop, g_main_loop_unref);
}

static CdWpAccount *
check_site (CdWpSite      *site,
            GCancellable  *cancellable,
            GError       **error)
{
  Waiter waiter = { g_main_loop_new (NULL, FALSE), NULL };
  CdWpAccount *account;

  cd_wp_site_check_async (site, cancellable, waiter_cb, &waiter);
  waiter_run (&waiter, cancellable);
  account = cd_wp_site_check_finish (site, waiter.result, error);
  waiter_clear (&waiter);
  return account;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = cd_json_to_string (root, NULL);

  g_print ("%s", text);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The password, from the environment for pipelines (@from_environment,
 * see environment_password ()), else from standard input: never from the
 * command line, where other users of the computer could read it in the
 * process list. */
static char *
read_password (const char  *prompt,
               const char  *from_environment,
               GError     **error)
{
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved;
  gboolean echo_off = FALSE;
  g_autoptr(GString) line = g_string_new (NULL);
  int c;

  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);

  if (terminal)
    {
      struct termios quiet;

      g_printerr ("%s", prompt);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);

  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);

  if (line->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No application password given: type it, pipe it to standard input, "
                     "or set COPYDESK_WP_PASSWORD."));
      return NULL;
    }
  if (!g_utf8_validate (line->str, line->len, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The application password is not valid UTF-8 text."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static const char *
yes_no (gboolean value)
{
  return value ? _("yes") : _("no");
}

static void
print_account (CdWpSite    *site,
               CdWpAccount *account)
{
  g_autofree char *roles = account->roles != NULL ? g_strjoinv (", ", account->roles) : g_strdup ("");

  g_print (_("Site:     %s (%s)\n"), account->site_title != NULL ? account->site_title : "",
           cd_wp_site_get_url (site));
  g_print (_("Account:  %s (%s), %s\n"), account->user_name != NULL ? account->user_name : "",
           cd_wp_site_get_user (site), roles);
  g_print (_("May publish: %s; upload images: %s; create categories: %s; "
             "publish under other authors: %s\n"),
           yes_no (account->can_publish), yes_no (account->can_upload),
           yes_no (account->can_create_categories), yes_no (account->can_edit_others));
  if (account->accepts_meta)
    g_print ("%s\n", _("The site keeps Copydesk’s fields (the Copydesk plugin is active)."));
  else
    g_print ("%s\n", _("The site does not keep Copydesk’s fields (no Copydesk plugin): "
                       "the story is published without them."));
}

/* site */

static int
site_add (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdSiteList) list = NULL;
  g_autoptr(CdSiteEntry) entry = NULL;
  g_autoptr(CdWpSite) site = NULL;
  g_autoptr(CdWpAccount) account = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  g_autofree char *prompt = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean from_environment;
  CdSiteEntry *existing;
  Waiter waiter = { NULL, NULL };
  const GOptionEntry entries[] = {
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user, N_("The WordPress user name of the account"), N_("USER") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("NAME URL --user USER"));
  g_set_prgname ("copydesk-cli site add");
  g_option_context_set_summary (context,
                                _("Add a WordPress site. The application password (WordPress: Users ▸ "
                                  "Profile ▸ Application Passwords) is read from standard input, or "
                                  "from the environment variable COPYDESK_WP_PASSWORD when "
                                  "COPYDESK_WP_USER is unset or the same user as --user, never from the "
                                  "command line. The site and the account are checked first; the "
                                  "password is kept in the keyring, the site in "
                                  "$XDG_CONFIG_HOME/copydesk/sites.ini."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    return cd_cli_usage_error (context, _("give the site’s name and its address"));
  if (user == NULL || *user == '\0')
    return cd_cli_usage_error (context, _("give the WordPress user name with --user"));

  list = cd_site_list_new_default ();
  if (!cd_site_list_load (list, &error))
    return cd_cli_unreadable (error->message);
  /* A name already taken is said before the site is asked anything. */
  existing = cd_site_list_lookup (list, rest[0]);
  if (existing != NULL && g_strcmp0 (cd_site_entry_get_url (existing), rest[0]) != 0)
    {
      g_printerr (_("There is already a site named “%s”; remove it first "
                    "(copydesk-cli site remove %s) or choose another name\n"), rest[0], rest[0]);
      return EXIT_HAS_ERRORS;
    }

  entry = cd_site_entry_new (rest[0], rest[1], user);
  from_environment = environment_password (user, user) != NULL;
  prompt = g_strdup_printf (_("Application password for %s on %s: "), user,
                            cd_site_entry_get_url (entry));
  password = read_password (prompt, environment_password (user, user), &error);
  if (password == NULL)
    return cd_cli_unreadable (error->message);

  site = cd_wp_site_new (rest[0], cd_site_entry_get_url (entry), user, password, &error);
  if (site == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_HAS_ERRORS;
    }

  /* Nothing is stored until the site has said yes to the account. */
  account = check_site (site, cancellable, &error);
  if (account == NULL)
    {
      g_printerr (_("%s was not added: %s\n"), rest[0], error->message);
      return EXIT_HAS_ERRORS;
    }
  print_account (site, account);

  if (!cd_site_list_add (list, entry, &error))
    {
      g_printerr (_("%s was not added: %s\n"), rest[0], error->message);
      return EXIT_HAS_ERRORS;
    }

  waiter.loop = g_main_loop_new (NULL, FALSE);
  cd_site_secret_store_async (cd_site_entry_get_url (entry), user, password, cancellable,
                              waiter_cb, &waiter);
  waiter_run (&waiter, cancellable);
  if (!cd_site_secret_store_finish (waiter.result, &error))
    {
      waiter_clear (&waiter);
      /* A pipeline gives the password each time; anyone else needs it kept. */
      if (from_environment && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_printerr ("%s\n", error->message);
          g_printerr (_("%s was added without its password: give it in "
                        "COPYDESK_WP_PASSWORD each time.\n"), rest[0]);
          return EXIT_READY;
        }
      cd_site_list_remove (list, cd_site_entry_get_name (entry), NULL);
      g_printerr (_("%s was not added: %s\n"), rest[0], error->message);
      return EXIT_HAS_ERRORS;
    }
  waiter_clear (&waiter);

  g_print (_("Added %s: %s as %s\n"), cd_site_entry_get_name (entry),
           cd_site_entry_get_url (entry), user);
  return EXIT_READY;
}

static int
site_list (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdSiteList) list = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean as_json = FALSE;
  guint n;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the list as JSON on standard output"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_set_prgname ("copydesk-cli site list");
  g_option_context_set_summary (context, _("List the WordPress sites: name, address and user."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);
  if (rest != NULL && rest[0] != NULL)
    return cd_cli_usage_error (context, _("“site list” takes no argument"));

  list = cd_site_list_new_default ();
  if (!cd_site_list_load (list, &error))
    return cd_cli_unreadable (error->message);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CdSiteEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);

          json_builder_begin_object (builder);
          add_string_member (builder, "name", cd_site_entry_get_name (entry));
          add_string_member (builder, "url", cd_site_entry_get_url (entry));
          add_string_member (builder, "user", cd_site_entry_get_user (entry));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return EXIT_READY;
    }

  if (n == 0)
    {
      g_print ("%s\n", _("No WordPress sites yet: add one with “copydesk-cli site add NAME URL --user USER”."));
      return EXIT_READY;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdSiteEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_print ("%-20s  %-40s  %s\n", cd_site_entry_get_name (entry),
               cd_site_entry_get_url (entry), cd_site_entry_get_user (entry));
    }
  return EXIT_READY;
}

static int
site_remove (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdSiteList) list = NULL;
  g_autoptr(CdSiteEntry) entry = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("NAME"));
  g_set_prgname ("copydesk-cli site remove");
  g_option_context_set_summary (context, _("Remove a WordPress site and its password in the keyring."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return cd_cli_usage_error (context, _("give the name of one site"));

  list = cd_site_list_new_default ();
  if (!cd_site_list_load (list, &error))
    return cd_cli_unreadable (error->message);

  if (cd_site_list_lookup (list, rest[0]) == NULL)
    {
      g_printerr (_("There is no site named “%s”; “copydesk-cli site list” shows them\n"), rest[0]);
      return EXIT_HAS_ERRORS;
    }
  entry = g_object_ref (cd_site_list_lookup (list, rest[0]));

  if (!cd_site_list_remove (list, cd_site_entry_get_name (entry), &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_HAS_ERRORS;
    }
  /* The site is gone from the list either way; a keyring that cannot be
   * reached is said, so that the user can remove the password by hand. */
  if (!cd_site_secret_clear_sync (cd_site_entry_get_url (entry), cd_site_entry_get_user (entry),
                                  NULL, &error))
    {
      g_printerr (_("Removed %s, but its password stays in the keyring: %s\n"),
                  cd_site_entry_get_name (entry), error->message);
      return EXIT_HAS_ERRORS;
    }

  g_print (_("Removed %s\n"), cd_site_entry_get_name (entry));
  return EXIT_READY;
}

int
cd_cli_run_site (int    argc,
                 char **argv)
{
  const char *action = argc > 1 ? argv[1] : NULL;

  if (g_strcmp0 (action, "add") == 0)
    return site_add (argc - 1, argv + 1);
  if (g_strcmp0 (action, "list") == 0)
    return site_list (argc - 1, argv + 1);
  if (g_strcmp0 (action, "remove") == 0)
    return site_remove (argc - 1, argv + 1);

  if (action == NULL || strcmp (action, "--help") == 0 || strcmp (action, "-h") == 0)
    {
      FILE *stream = action != NULL ? stdout : stderr;

      fprintf (stream, "%s\n", _("Usage:\n"
                                 "  copydesk-cli site add NAME URL --user USER\n"
                                 "  copydesk-cli site list [--json]\n"
                                 "  copydesk-cli site remove NAME"));
      fprintf (stream, "\n%s\n", _("Add, list and remove the WordPress sites that Copydesk "
                                   "publishes to (the same list as Preferences ▸ Sites). "
                                   "Passwords are kept in the keyring; “site add” reads the "
                                   "application password from standard input or from "
                                   "COPYDESK_WP_PASSWORD (with COPYDESK_WP_USER unset or the same "
                                   "user as --user)."));
      fprintf (stream, "%s\n", _("Run “copydesk-cli site ACTION --help” for an action’s options."));
      return action != NULL ? EXIT_READY : EXIT_USAGE;
    }

  g_printerr (_("copydesk-cli site: unknown action “%s”; use add, list or remove\n"), action);
  return EXIT_USAGE;
}

/* publish */

typedef struct
{
  gboolean terminal;
  gboolean shown;
} Progress;

static void
progress_cb (CdPublisher *publisher,
             GParamSpec  *pspec,
             Progress    *progress)
{
  const char *stage = cd_publisher_get_stage (publisher);

  if (!progress->terminal || stage == NULL)
    return;
  g_printerr ("\r\033[K%s %3.0f%%", stage, 100.0 * cd_publisher_get_fraction (publisher));
  progress->shown = TRUE;
}

static void
progress_end (Progress *progress)
{
  if (progress->shown)
    g_printerr ("\r\033[K");
  progress->shown = FALSE;
}

/* The site to publish to: one of the list by name or address (with the
 * user given, the entry for that user), or an address that is not in the
 * list with --user and the password in the environment. */
static CdSiteEntry *
resolve_site (const char  *name_or_url,
              const char  *user,
              GError     **error)
{
  g_autoptr(CdSiteList) list = cd_site_list_new_default ();
  g_autoptr(GError) load_error = NULL;
  CdSiteEntry *found;
  gboolean is_url = strstr (name_or_url, "://") != NULL;

  /* A pipeline with no configuration may have no readable list at all;
   * only a name needs it. */
  if (!cd_site_list_load (list, &load_error) && !is_url)
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return NULL;
    }

  found = cd_site_list_lookup (list, name_or_url);
  if (found != NULL && (user == NULL || g_strcmp0 (cd_site_entry_get_user (found), user) == 0))
    return g_object_ref (found);

  if (found != NULL || is_url)
    {
      const char *url = found != NULL ? cd_site_entry_get_url (found) : name_or_url;
      g_autoptr(CdSiteEntry) probe = cd_site_entry_new (url, url, user != NULL ? user : "");
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

      for (guint i = 0; user != NULL && i < n; i++)
        {
          g_autoptr(CdSiteEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);

          if (g_strcmp0 (cd_site_entry_get_url (entry), cd_site_entry_get_url (probe)) == 0 &&
              g_strcmp0 (cd_site_entry_get_user (entry), user) == 0)
            return g_steal_pointer (&entry);
        }
      if (user == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%s is not in the list of sites: give the account with --user USER "
                         "and its application password in COPYDESK_WP_PASSWORD"
                         ", or add the site with “copydesk-cli site add”"), name_or_url);
          return NULL;
        }
      return g_steal_pointer (&probe);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There is no site named “%s”: “copydesk-cli site list” shows them, "
                 "“copydesk-cli site add” adds one, or give the site’s address"), name_or_url);
  return NULL;
}

static char *
format_time (GDateTime *time,
             GTimeZone *zone)
{
  g_autoptr(GDateTime) in_zone = g_date_time_to_timezone (time, zone);

  return g_date_time_format (in_zone, "%Y-%m-%d %H:%M %Z");
}

static char *
format_iso (GDateTime *time,
            GTimeZone *zone)
{
  g_autoptr(GDateTime) in_zone = g_date_time_to_timezone (time, zone);

  return g_date_time_format_iso8601 (in_zone);
}

static GTimeZone *
site_zone (CdWpAccount *account)
{
  GTimeZone *zone = NULL;

  if (account != NULL && account->timezone != NULL && *account->timezone != '\0')
    zone = g_time_zone_new_identifier (account->timezone);
  if (zone == NULL && account != NULL)
    zone = g_time_zone_new_offset ((gint32) (account->gmt_offset_hours * 3600));
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  return zone;
}

static void
add_differences (JsonBuilder *builder,
                 const char  *name,
                 GPtrArray   *differences)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; differences != NULL && i < differences->len; i++)
    {
      CdWpDifference *difference = g_ptr_array_index (differences, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "field", difference->field);
      add_string_member (builder, "label", difference->label);
      add_string_member (builder, "before", difference->before);
      add_string_member (builder, "after", difference->after);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
json_begin (JsonBuilder *builder,
            const char  *file,
            CdSiteEntry *entry,
            const char  *outcome)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "file", file);
  add_string_member (builder, "outcome", outcome);
  add_string_member (builder, "site", entry != NULL ? cd_site_entry_get_name (entry) : NULL);
  add_string_member (builder, "url", entry != NULL ? cd_site_entry_get_url (entry) : NULL);
  add_string_member (builder, "user", entry != NULL ? cd_site_entry_get_user (entry) : NULL);
}

/* A failure: the message on standard error, and with --json the same in
 * the report, so that a pipeline that reads only the JSON knows. */
static int
publish_failed (gboolean     as_json,
                const char  *file,
                CdSiteEntry *entry,
                const char  *message,
                int          status)
{
  g_printerr ("%s\n", message);
  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_begin (builder, file, entry, "error");
      add_string_member (builder, "error", message);
      json_builder_end_object (builder);
      print_json (builder);
    }
  return status;
}

/* The same check as export and the window's Publish: problems that block
 * publication are named, and publishing anyway is an explicit choice. */
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
  g_printerr (_("Fix them, or publish anyway with --force.\n"));
}

static gboolean
same_contents (GFile  *file,
               GBytes *before)
{
  g_autofree char *now = NULL;
  gsize length = 0;

  if (!cd_file_read_bounded (file, CD_FILE_MAX_SIZE, NULL, &now, &length, NULL))
    return FALSE;
  return length == g_bytes_get_size (before) &&
         memcmp (now, g_bytes_get_data (before, NULL), length) == 0;
}

int
cd_cli_run_publish (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(CdSiteEntry) entry = NULL;
  g_autoptr(CdWpSite) site = NULL;
  g_autoptr(CdWpAccount) account = NULL;
  g_autoptr(CdPublisher) publisher = NULL;
  g_autoptr(CdPublishResult) result = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
  g_autofree char *site_name = NULL;
  g_autofree char *user = NULL;
  g_autofree char *status = NULL;
  g_autofree char *article_dir = NULL;
  g_autofree char *post_id = NULL;
  g_auto(GStrv) files = NULL;
  gboolean change_slug = FALSE;
  gboolean overwrite = FALSE;
  gboolean as_json = FALSE;
  gboolean force = FALSE;
  g_autofree char *rules_path = NULL;
  g_autoptr(CdHouseRules) rules = NULL;
  CdPublishOptions options = { NULL, FALSE, FALSE, NULL };
  Progress progress = { isatty (STDERR_FILENO), FALSE };
  Waiter waiter = { NULL, NULL };
  GPtrArray *warnings;
  GPtrArray *differences;
  GDateTime *date;
  const char *site_label;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_STRING, &site_name, N_("The site: its name in “site list”, or its address"), N_("NAME|URL") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user, N_("The WordPress user (needed for an address not in the list)"), N_("USER") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("draft, pending, publish or future (default: from the article for a new post, unchanged for an update)"), N_("STATUS") },
    { "change-slug", 0, 0, G_OPTION_ARG_NONE, &change_slug, N_("Send the article’s slug on an update (changes a live post’s address)"), NULL },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite, N_("Replace changes made on the site since the last publish"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the report as JSON on standard output"), NULL },
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules_path, N_("Check against this house-rules file"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Publish even if the article has errors"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = cd_cli_command_context (cd_cli_find_command ("publish"));
  g_option_context_set_description (context,
                                    _("The password comes from the keyring (Preferences ▸ Sites, or "
                                      "“copydesk-cli site add”), or, in pipelines, from the environment "
                                      "variable COPYDESK_WP_PASSWORD: only for the site given with "
                                      "--site and only when the account’s user is named, with --user "
                                      "or COPYDESK_WP_USER (each that is given must be the account’s "
                                      "user). An address that is not in the list works with --user and "
                                      "COPYDESK_WP_PASSWORD.\n\n"
                                      "The post is recorded in FILE, so that the next publish updates it.\n\n"
                                      "Exit status: 0 published, 1 not published (the message says why: "
                                      "the article has errors, or the site refused; FILE is unchanged), "
                                      "2 bad usage or unreadable FILE, 3 conflict: the post was changed on the site since the last publish, nothing was "
                                      "sent and FILE is unchanged; --overwrite replaces the site’s changes."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return cd_cli_usage_error (context, _("give exactly one article file"));
  if (site_name == NULL || *site_name == '\0')
    return cd_cli_usage_error (context, _("give the site with --site NAME or --site URL"));
  if (status != NULL && !g_strv_contains ((const char * const[]) { "draft", "pending", "publish", "future", NULL },
                                          status))
    {
      g_autofree char *message = g_strdup_printf (_("unknown status “%s”; choose draft, pending, publish or future"),
                                                  status);
      return cd_cli_usage_error (context, message);
    }

  file = g_file_new_for_commandline_arg (files[0]);
  article = cd_article_load_from_file_full (file, &contents, NULL, &error);
  if (article == NULL)
    return publish_failed (as_json, files[0], NULL, error->message, EXIT_USAGE);
  folder = g_file_get_parent (file);
  article_dir = folder != NULL ? g_file_get_path (folder) : NULL;

  rules = cd_cli_load_rules (rules_path, &error);
  if (rules == NULL)
    return publish_failed (as_json, files[0], NULL, error->message, EXIT_USAGE);
  if (!force)
    {
      g_autoptr(GListModel) issues = cd_preflight_check_in_folder (article, rules, folder);

      if (!cd_preflight_is_ready (issues))
        {
          print_blocking_issues (files[0], issues);
          if (as_json)
            {
              g_autoptr(JsonBuilder) builder = json_builder_new ();

              json_begin (builder, files[0], NULL, "error");
              add_string_member (builder, "error", _("The article has problems that block publication."));
              json_builder_end_object (builder);
              print_json (builder);
            }
          return EXIT_HAS_ERRORS;
        }
    }

  entry = resolve_site (site_name, user, &error);
  if (entry == NULL)
    return publish_failed (as_json, files[0], NULL, error->message, EXIT_HAS_ERRORS);
  site_label = cd_site_entry_get_name (entry);

  if (environment_password (user, cd_site_entry_get_user (entry)) != NULL)
    site = cd_wp_site_new (cd_site_entry_get_name (entry), cd_site_entry_get_url (entry),
                           cd_site_entry_get_user (entry),
                           environment_password (user, cd_site_entry_get_user (entry)), &error);
  else
    {
      site = cd_site_entry_open_sync (entry, cancellable, &error);
      /* Said, so that a pipeline that meant to give the password learns
       * why it was not taken. */
      if (site == NULL && g_getenv (PASSWORD_VARIABLE) != NULL && *g_getenv (PASSWORD_VARIABLE) != '\0')
        {
          /* Translators: %s is the site's user name. */
          g_prefix_error (&error, _("COPYDESK_WP_PASSWORD was not used: it is only for the account "
                                    "named with --user or COPYDESK_WP_USER, and this site’s account "
                                    "is %s. "), cd_site_entry_get_user (entry));
        }
    }
  if (site == NULL)
    return publish_failed (as_json, files[0], entry, error->message, EXIT_HAS_ERRORS);

  /* The account's check gives the site's time zone for the report; the
   * publisher checks the account again on its own. */
  account = check_site (site, cancellable, &error);
  if (account == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s was not published to %s: %s"),
                                                  files[0], site_label, error->message);
      return publish_failed (as_json, files[0], entry, message, EXIT_HAS_ERRORS);
    }
  zone = site_zone (account);

  options.status = status;
  options.change_slug = change_slug;
  options.overwrite = overwrite;
  options.article_dir = article_dir;

  publisher = cd_publisher_new (site);
  g_signal_connect (publisher, "notify::stage", G_CALLBACK (progress_cb), &progress);
  g_signal_connect (publisher, "notify::fraction", G_CALLBACK (progress_cb), &progress);

  waiter.loop = g_main_loop_new (NULL, FALSE);
  cd_publisher_publish_async (publisher, article, &options, cancellable, waiter_cb, &waiter);
  waiter_run (&waiter, cancellable);
  result = cd_publisher_publish_finish (publisher, waiter.result, &error);
  waiter_clear (&waiter);
  progress_end (&progress);
  g_signal_handlers_disconnect_by_data (publisher, &progress);

  if (result == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s was not published to %s: %s"),
                                                  files[0], site_label, error->message);
      return publish_failed (as_json, files[0], entry, message, EXIT_HAS_ERRORS);
    }

  if (cd_publish_result_get_outcome (result) == CD_PUBLISH_CONFLICT)
    {
      GPtrArray *changes = cd_publish_result_get_site_changes (result);
      g_autofree char *text = cd_wp_differences_to_text (changes);

      g_printerr (_("The post on %s was changed there since the last publish; nothing was sent "
                    "and %s is unchanged. What changed on the site:\n"), site_label, files[0]);
      g_printerr ("%s\n", text);
      g_printerr (_("Keep the site’s changes by bringing them into the article, or replace them "
                    "with “copydesk-cli publish --overwrite”.\n"));
      if (as_json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          JsonObject *site_post = cd_publish_result_get_site_post (result);

          json_begin (builder, files[0], entry, "conflict");
          json_builder_set_member_name (builder, "post_id");
          json_builder_add_int_value (builder, site_post != NULL && json_object_has_member (site_post, "id")
                                               ? json_object_get_int_member (site_post, "id") : 0);
          add_differences (builder, "site_changes", changes);
          add_string_member (builder, "site_changes_text", text);
          json_builder_end_object (builder);
          print_json (builder);
        }
      return EXIT_CONFLICT;
    }

  /* The record goes into the article and the file, so that the next
   * publish updates this post. A file changed meanwhile (in the window,
   * say) is not written over. The id is printed from a string so that
   * the messages can be translated (gettext cannot see G_GINT64_FORMAT). */
  post_id = g_strdup_printf ("%" G_GINT64_FORMAT, cd_publish_result_get_post_id (result));
  cd_article_set_publication (article, cd_publish_result_get_publication (result));
  if (!same_contents (file, contents))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s changed while it was being published, so the post (id %s, %s) "
                           "is not recorded in it. Publish it again: the post is found and "
                           "updated, not made twice."),
                         files[0], post_id, cd_publish_result_get_link (result));
      return publish_failed (as_json, files[0], entry, message, EXIT_HAS_ERRORS);
    }
  if (!cd_article_save_to_file (article, file, NULL, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("The post is on %s (id %s, %s), but it could not be "
                           "recorded in %s: %s. Make the file writable and publish again: the "
                           "post is found and updated, not made twice."),
                         site_label, post_id, cd_publish_result_get_link (result), files[0],
                         error->message);
      return publish_failed (as_json, files[0], entry, message, EXIT_HAS_ERRORS);
    }

  warnings = cd_publish_result_get_warnings (result);
  differences = cd_publish_result_get_differences (result);
  date = cd_publish_result_get_date (result);

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_begin (builder, files[0], entry, "published");
      json_builder_set_member_name (builder, "post_id");
      json_builder_add_int_value (builder, cd_publish_result_get_post_id (result));
      add_string_member (builder, "link", cd_publish_result_get_link (result));
      add_string_member (builder, "status", cd_publish_result_get_status (result));
      if (date != NULL)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autofree char *gmt = format_iso (date, utc);
          g_autofree char *in_site = format_iso (date, zone);
          g_autofree char *in_local = format_iso (date, local_zone);

          add_string_member (builder, "date_gmt", gmt);
          add_string_member (builder, "date_site", in_site);
          add_string_member (builder, "date_local", in_local);
        }
      else
        {
          add_string_member (builder, "date_gmt", NULL);
          add_string_member (builder, "date_site", NULL);
          add_string_member (builder, "date_local", NULL);
        }
      add_string_member (builder, "site_timezone", account->timezone);
      json_builder_set_member_name (builder, "warnings");
      json_builder_begin_array (builder);
      for (guint i = 0; warnings != NULL && i < warnings->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (warnings, i));
      json_builder_end_array (builder);
      add_differences (builder, "differences", differences);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_print (_("Published %s to %s\n"), files[0], site_label);
      g_print (_("  Link:    %s\n"), cd_publish_result_get_link (result));
      g_print (_("  Post id: %s\n"), post_id);
      g_print (_("  Status:  %s\n"), cd_publish_result_get_status (result));
      if (date != NULL)
        {
          g_autofree char *in_site = format_time (date, zone);
          g_autofree char *in_local = format_time (date, local_zone);

          /* Translators: when the post appears, in the site's time zone
           * and in the user's. */
          g_print (_("  Date:    %s on the site, %s here\n"), in_site, in_local);
        }
    }

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_printerr (_("Warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
  if (differences != NULL && differences->len > 0)
    {
      g_autofree char *text = cd_wp_differences_to_text (differences);

      g_printerr (_("%s kept these fields differently from what was sent:\n%s\n"), site_label, text);
    }

  return EXIT_READY;
}
