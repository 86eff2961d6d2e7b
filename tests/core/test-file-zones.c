/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "copydesk-core.h"

/* The zone a time was chosen in is saved beside its offset
 * ("published_zone"), and a file without it is read and written as
 * before. */

#define HEAD \
  "{\n" \
  "  \"format\": \"copydesk-article\",\n" \
  "  \"version\": 1,\n" \
  "  \"id\": \"urn:uuid:00000000-0000-4000-8000-000000000001\",\n" \
  "  \"created\": \"2026-11-02T09:00:00Z\",\n" \
  "  \"modified\": \"2026-11-02T09:00:00Z\",\n" \
  "  \"status\": \"draft\",\n" \
  "  \"language\": \"en\",\n" \
  "  \"headline\": \"Ferry\",\n" \
  "  \"standfirst\": \"\",\n" \
  "  \"slug\": \"ferry\",\n" \
  "  \"section\": \"\",\n" \
  "  \"authors\": [],\n" \
  "  \"dateline\": \"\",\n"

#define TAIL \
  "  \"image\": null,\n" \
  "  \"tags\": [],\n" \
  "  \"comments\": false,\n" \
  "  \"editor_note\": \"\",\n" \
  "  \"body\": \"\"\n" \
  "}\n"

static CdArticle *
load_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  CdArticle *article = cd_article_load_from_data (data, strlen (data), "zones.copydesk", &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static char *
save (CdArticle *article)
{
  gsize length = 0;
  char *data = cd_article_to_data (article, &length);

  g_assert_cmpuint (length, ==, strlen (data));
  return data;
}

static const char *
zone_id (GDateTime *date_time)
{
  return g_time_zone_get_identifier (g_date_time_get_timezone (date_time));
}

static void
test_named_zone_round_trip (void)
{
  g_autoptr(GTimeZone) dubai = g_time_zone_new_identifier ("Asia/Dubai");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) published = g_date_time_new (dubai, 2017, 7, 12, 9, 0, 0);
  g_autoptr(GDateTime) embargo = g_date_time_new (new_york, 2017, 7, 11, 23, 30, 0);
  g_autoptr(CdArticle) article = load_ok (HEAD "  \"published\": null,\n  \"embargo\": null,\n" TAIL);
  g_autoptr(CdArticle) reloaded = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;

  g_assert_nonnull (dubai);
  cd_article_set_published (article, published);
  cd_article_set_embargo (article, embargo);
  data = save (article);
  g_assert_nonnull (strstr (data,
                            "  \"dateline\": \"\",\n"
                            "  \"published\": \"2017-07-12T09:00:00+04:00\",\n"
                            "  \"published_zone\": \"Asia/Dubai\",\n"
                            "  \"embargo\": \"2017-07-11T23:30:00-04:00\",\n"
                            "  \"embargo_zone\": \"America/New_York\",\n"
                            "  \"image\": null,\n"));

  reloaded = load_ok (data);
  g_assert_cmpstr (zone_id (cd_article_get_published (reloaded)), ==, "Asia/Dubai");
  g_assert_cmpstr (zone_id (cd_article_get_embargo (reloaded)), ==, "America/New_York");
  g_assert_true (cd_article_equal (article, reloaded));
  /* The zone is known, not only kept: it is nowhere among the unknown members. */
  g_assert_true (cd_article_get_extra (reloaded) == NULL ||
                 !json_object_has_member (cd_article_get_extra (reloaded), "published_zone"));

  again = save (reloaded);
  g_assert_cmpstr (again, ==, data);
}

static void
test_offset_only_unchanged (void)
{
  static const char * const files[] = {
    HEAD "  \"published\": \"2017-07-12T09:00:00+04:00\",\n  \"embargo\": null,\n" TAIL,
    HEAD "  \"published\": \"2017-07-12T09:00:00Z\",\n  \"embargo\": \"2017-07-12T05:00:00-03:30\",\n" TAIL,
    HEAD "  \"published\": null,\n  \"embargo\": null,\n" TAIL,
  };

  /* Files from before zones were kept come back byte for byte. */
  for (size_t i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(CdArticle) article = load_ok (files[i]);
      g_autofree char *data = save (article);

      g_assert_cmpstr (data, ==, files[i]);
      g_assert_null (strstr (data, "_zone"));
    }
}

static void
test_utc_has_no_zone (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_identifier ("UTC");
  g_autoptr(GDateTime) published = g_date_time_new (utc, 2017, 7, 12, 9, 0, 0);
  g_autoptr(CdArticle) article = load_ok (HEAD "  \"published\": null,\n  \"embargo\": null,\n" TAIL);
  g_autofree char *data = NULL;

  cd_article_set_published (article, published);
  data = save (article);
  g_assert_nonnull (strstr (data, "\"published\": \"2017-07-12T09:00:00Z\",\n  \"embargo\""));
  g_assert_null (strstr (data, "_zone"));
}

static void
test_zone_not_applied (void)
{
  static const char * const zones[] = {
    /* Not a zone this system knows, from a newer tzdata perhaps. */
    "Mars/Olympus_Mons",
    /* A zone whose offset then was another. */
    "Europe/Berlin",
    /* Not a zone name at all. */
    "../../../etc/passwd",
    "",
    "+05:00",
  };

  for (size_t i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *file = g_strdup_printf (HEAD "  \"published\": \"2017-07-12T09:00:00+04:00\",\n"
                                               "  \"published_zone\": \"%s\",\n"
                                               "  \"embargo\": null,\n" TAIL, zones[i]);
      g_autoptr(CdArticle) article = load_ok (file);
      GDateTime *published = cd_article_get_published (article);
      g_autofree char *data = NULL;

      /* The file loads, at its offset. */
      g_assert_cmpint (g_date_time_get_utc_offset (published), ==, 4 * G_TIME_SPAN_HOUR);
      g_assert_cmpint (g_date_time_get_hour (published), ==, 9);
      g_assert_cmpstr (zone_id (published), ==, "+04:00");

      data = save (article);
      g_assert_null (strstr (data, "_zone"));
    }
}

static void
test_zone_wrong_type (void)
{
  const char *file = HEAD "  \"published\": \"2017-07-12T09:00:00+04:00\",\n"
                     "  \"published_zone\": 4,\n"
                     "  \"embargo\": null,\n" TAIL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) article = cd_article_load_from_data (file, strlen (file), "zones.copydesk", &error);

  g_assert_null (article);
  g_assert_error (error, CD_FILE_ERROR, CD_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "published_zone"));
}

/* 09:00 in Dubai and 09:00 at +04:00 are the same instant, but the zone is
 * part of what the user chose: a change, an undo step, a different file. */
static void
test_zone_is_a_change (void)
{
  g_autoptr(GTimeZone) dubai = g_time_zone_new_identifier ("Asia/Dubai");
  g_autoptr(GTimeZone) fixed = g_time_zone_new_identifier ("+04:00");
  g_autoptr(GDateTime) in_dubai = g_date_time_new (dubai, 2017, 7, 12, 9, 0, 0);
  g_autoptr(GDateTime) at_offset = g_date_time_new (fixed, 2017, 7, 12, 9, 0, 0);
  g_autoptr(CdArticle) a = cd_article_new ();
  g_autoptr(CdArticle) b = NULL;
  guint notified = 0;

  cd_article_set_published (a, at_offset);
  b = cd_article_copy (a);
  g_assert_true (cd_article_equal (a, b));

  {
    gulong id = g_signal_connect_swapped (b, "notify::published",
                                          G_CALLBACK (g_atomic_int_inc), &notified);
    cd_article_set_published (b, in_dubai);
    g_assert_cmpuint (notified, ==, 1);
    cd_article_set_published (b, in_dubai);
    g_assert_cmpuint (notified, ==, 1);
    g_signal_handler_disconnect (b, id);
  }
  g_assert_false (cd_article_equal (a, b));
}

/* The exports say when, as before: a named zone changes no exported time. */
static void
test_exports_unchanged (void)
{
  g_autoptr(GTimeZone) dubai = g_time_zone_new_identifier ("Asia/Dubai");
  g_autoptr(GTimeZone) fixed = g_time_zone_new_identifier ("+04:00");
  g_autoptr(GDateTime) in_dubai = g_date_time_new (dubai, 2017, 7, 12, 9, 0, 0);
  g_autoptr(GDateTime) at_offset = g_date_time_new (fixed, 2017, 7, 12, 9, 0, 0);
  g_autoptr(CdArticle) named = load_ok (HEAD "  \"published\": null,\n  \"embargo\": null,\n" TAIL);
  g_autoptr(CdArticle) offset = NULL;
  GListModel *exporters = cd_exporters_get_all ();

  cd_article_set_published (named, in_dubai);
  cd_article_set_embargo (named, in_dubai);
  offset = cd_article_copy (named);
  cd_article_set_published (offset, at_offset);
  cd_article_set_embargo (offset, at_offset);

  for (guint i = 0; i < g_list_model_get_n_items (exporters); i++)
    {
      g_autoptr(CdExporter) exporter = g_list_model_get_item (exporters, i);
      CdExportOptions options = { 0 };
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      /* The article's own format keeps the zone, by design. */
      if (g_strcmp0 (cd_exporter_get_id (exporter), "copydesk") == 0)
        continue;

      g_test_message ("%s", cd_exporter_get_id (exporter));
      a = cd_exporter_export (exporter, named, &options, &error);
      g_assert_no_error (error);
      b = cd_exporter_export (exporter, offset, &options, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (a, b));
      /* Formats that keep the offset keep it; ANS and WordPress write UTC. */
      text = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));
      if (g_strv_contains ((const char * const[]) { "ninjs", "jsonld", "html", NULL },
                           cd_exporter_get_id (exporter)))
        g_assert_nonnull (strstr (text, "2017-07-12T09:00:00+04:00"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-zones/named-zone-round-trip", test_named_zone_round_trip);
  g_test_add_func ("/file-zones/offset-only-unchanged", test_offset_only_unchanged);
  g_test_add_func ("/file-zones/utc-has-no-zone", test_utc_has_no_zone);
  g_test_add_func ("/file-zones/zone-not-applied", test_zone_not_applied);
  g_test_add_func ("/file-zones/zone-wrong-type", test_zone_wrong_type);
  g_test_add_func ("/file-zones/zone-is-a-change", test_zone_is_a_change);
  g_test_add_func ("/file-zones/exports-unchanged", test_exports_unchanged);

  return g_test_run ();
}
