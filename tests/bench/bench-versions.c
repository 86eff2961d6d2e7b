/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* How long the version store takes to record 200 versions of a
 * 10,000-word article (each a save with one more sentence, fsynced as the
 * window's saves are), to list them, and to load one back. It prints the
 * times; it never fails on them. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "cd-article-file.h"
#include "cd-version-store.h"

#define VERSIONS 200

int
main (void)
{
  static const char * const paragraph =
    "The first electric ferry to cross Portmere harbour carried 112 passengers on its "
    "opening run on Thursday, more than two years after it was due to enter service, "
    "and the council said a second boat would follow.\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdVersionStore) store = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(CdArticle) loaded = NULL;
  g_autofree char *dir = g_dir_make_tmp ("copydesk-bench-versions-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  double record_ms[VERSIONS];
  double total = 0;
  gint64 start;
  double list_ms, load_ms;
  GStatBuf st;

  g_assert_no_error (error);
  path = g_build_filename (dir, "versions.sqlite", NULL);
  store = cd_version_store_new_for_path (path, &error);
  g_assert_no_error (error);

  while (body->len < 62000)
    g_string_append (body, paragraph);
  cd_article_set_headline (article, "Electric harbour ferry enters service");

  for (guint i = 0; i < VERSIONS; i++)
    {
      g_autoptr(CdVersion) version = NULL;

      g_string_append_printf (body, "Update %u.\n\n", i);
      cd_article_set_body (article, body->str);
      start = g_get_monotonic_time ();
      version = cd_version_store_record (store, article, CD_VERSION_REASON_SAVE, "Ana", path, &error);
      record_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      total += record_ms[i];
    }

  start = g_get_monotonic_time ();
  versions = cd_version_store_list (store, cd_article_get_id (article), &error);
  list_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  {
    g_autoptr(CdVersion) oldest = g_list_model_get_item (versions, VERSIONS - 1);

    loaded = cd_version_store_load_article (store, oldest, &error);
  }
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);

  for (guint i = 1; i < VERSIONS; i++)
    for (guint j = i; j > 0 && record_ms[j - 1] > record_ms[j]; j--)
      {
        double t = record_ms[j];

        record_ms[j] = record_ms[j - 1];
        record_ms[j - 1] = t;
      }

  g_print ("article: %zu bytes of body, %u versions\n", body->len, g_list_model_get_n_items (versions));
  g_print ("record: median %.2f ms, slowest %.2f ms, all %.0f ms\n",
           record_ms[VERSIONS / 2], record_ms[VERSIONS - 1], total);
  g_print ("list %u versions: %.2f ms\n", g_list_model_get_n_items (versions), list_ms);
  g_print ("load the oldest back: %.2f ms\n", load_ms);
  g_clear_object (&store);
  if (g_stat (path, &st) == 0)
    g_print ("store: %.1f MiB on disk\n", st.st_size / (1024.0 * 1024.0));

  wal = g_strconcat (path, "-wal", NULL);
  g_unlink (wal);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
