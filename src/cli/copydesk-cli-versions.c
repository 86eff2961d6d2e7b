/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The "versions" command: the versions of a file's article in the user's
 * version store (listed, as JSON, or one printed as a .copydesk file that
 * "diff" can compare), and recording one from a script. */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "copydesk-cli-private.h"

/* Pads @text to @width characters, not bytes, so that translated reasons
 * with accents line up. */
static void
append_padded (GString    *line,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (line, ' ');
}

static void
print_version (CdVersion *version)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (cd_version_get_time (version));
  g_autofree char *time = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  g_autoptr(GString) line = g_string_new (NULL);
  const char *author = cd_version_get_author (version);

  g_string_append_printf (line, "%6" G_GINT64_FORMAT "  %s  ", cd_version_get_id (version), time);
  append_padded (line, cd_version_reason_get_label (cd_version_get_reason (version)), 16);
  append_padded (line, *author != '\0' ? author : "-", 20);
  g_string_append_c (line, ' ');
  append_padded (line, cd_article_status_get_label (cd_version_get_status (version)), 12);
  g_string_append_printf (line, ngettext ("%u word", "%u words", cd_version_get_words (version)),
                          cd_version_get_words (version));
  g_print ("%s\n", line->str);
}

static void
add_version_json (JsonBuilder *builder,
                  CdVersion   *version)
{
  g_autofree char *time = cd_date_time_to_string (cd_version_get_time (version));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cd_version_get_id (version));
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, cd_version_reason_to_string (cd_version_get_reason (version)));
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, cd_version_get_author (version));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, cd_article_status_to_string (cd_version_get_status (version)));
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, cd_version_get_headline (version));
  json_builder_set_member_name (builder, "words");
  json_builder_add_int_value (builder, cd_version_get_words (version));
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, cd_version_get_path (version));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, cd_version_get_sha256 (version));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) cd_version_get_size (version));
  json_builder_end_object (builder);
}

static int
show_version (CdVersionStore *store,
              CdArticle      *article,
              gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdVersion) version = NULL;
  g_autoptr(CdArticle) old = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  version = cd_version_store_find (store, cd_article_get_id (article), id, &error);
  if (version != NULL)
    old = cd_version_store_load_article (store, version, &error);
  if (old == NULL)
    return cd_cli_unreadable (error->message);

  data = cd_article_to_data (old, &length);
  fwrite (data, 1, length, stdout);
  return EXIT_READY;
}

static int
record_version (CdVersionStore *store,
                CdArticle      *article,
                const char     *file_name,
                const char     *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_name);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = g_filename_display_name (path != NULL ? path : file_name);
  g_autoptr(GListModel) before = NULL;
  g_autoptr(CdVersion) newest = NULL;
  g_autoptr(CdVersion) version = NULL;
  g_autofree char *number = NULL;

  before = cd_version_store_list (store, cd_article_get_id (article), &error);
  if (before == NULL)
    return cd_cli_unreadable (error->message);
  newest = g_list_model_get_item (before, 0);

  version = cd_version_store_record (store, article, CD_VERSION_REASON_SAVE,
                                     author != NULL ? author : g_get_real_name (), display, &error);
  if (version == NULL)
    return cd_cli_unreadable (error->message);

  number = g_strdup_printf ("%" G_GINT64_FORMAT, cd_version_get_id (version));
  if (newest != NULL && cd_version_get_id (newest) == cd_version_get_id (version))
    g_print (_("%s is unchanged since version %s; nothing recorded\n"), file_name, number);
  else
    g_print (_("Recorded version %s of %s\n"), number, file_name);
  return EXIT_READY;
}

int
cd_cli_run_versions (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdVersionStore) store = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autofree char *author = NULL;
  g_auto(GStrv) files = NULL;
  gboolean as_json = FALSE;
  gboolean record = FALSE;
  /* Not given, as no number can be. */
  gint64 show = G_MININT64;
  guint n;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the list as JSON on standard output"), NULL },
    { "show", 0, 0, G_OPTION_ARG_INT64, &show, N_("Print version N as a .copydesk file"), N_("N") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record, N_("Record the article as it is in FILE as a new version"), NULL },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author, N_("The name to record the version under (default: your name)"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = cd_cli_command_context (cd_cli_find_command ("versions"));
  g_option_context_set_description (context,
                                    _("Versions are kept per user in $XDG_DATA_HOME/copydesk/versions.sqlite, "
                                      "by the article's id, so a moved or renamed file keeps its history. "
                                      "Every version of the last 14 days is kept; older ones are thinned to "
                                      "one a day, and after 90 days to one a month. Versions of a status change "
                                      "or a publish are always kept, up to 500 versions per article."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return cd_cli_usage_error (context, _("give exactly one article file"));
  if ((show != G_MININT64) + record + as_json > 1)
    return cd_cli_usage_error (context, _("--show, --record and --json cannot be combined"));
  if (show != G_MININT64 && show <= 0)
    return cd_cli_usage_error (context, _("--show needs a version number from the list"));

  article = cd_cli_load_article (files[0], &error);
  if (article == NULL)
    return cd_cli_unreadable (error->message);

  store = cd_version_store_new_for_user (&error);
  if (store == NULL)
    return cd_cli_unreadable (error->message);

  if (show != G_MININT64)
    return show_version (store, article, show);
  if (record)
    return record_version (store, article, files[0], author);

  versions = cd_version_store_list (store, cd_article_get_id (article), &error);
  if (versions == NULL)
    return cd_cli_unreadable (error->message);
  n = g_list_model_get_n_items (versions);

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CdVersion) version = g_list_model_get_item (versions, i);

          add_version_json (builder, version);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      text = cd_json_to_string (root, NULL);
      g_print ("%s", text);
      return EXIT_READY;
    }

  if (n == 0)
    {
      g_print (_("No versions of %s have been recorded yet.\n"), files[0]);
      return EXIT_READY;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdVersion) version = g_list_model_get_item (versions, i);

      print_version (version);
    }
  return EXIT_READY;
}
