/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "cd-time-zones.h"

static GDateTime *
summer_2017 (void)
{
  return g_date_time_new_utc (2017, 7, 12, 6, 0, 0);
}

static CdTimeZone *
find_id (GListModel *zones,
         const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(CdTimeZone) zone = g_list_model_get_item (zones, i);

      if (g_strcmp0 (cd_time_zone_get_id (zone), id) == 0)
        return zone;
    }
  return NULL;
}

static gboolean
search_finds (GListModel *zones,
              const char *query,
              const char *id)
{
  g_autoptr(GListModel) found = cd_time_zones_search (zones, query);

  return find_id (found, id) != NULL;
}

static void
test_system_list (void)
{
  g_autoptr(GDateTime) now = summer_2017 ();
  g_autoptr(GListModel) zones = NULL;
  g_autoptr(CdTimeZone) first = NULL;
  CdTimeZone *dubai, *sao_paulo;
  gboolean fallback = TRUE;

  if (!g_file_test ("/usr/share/zoneinfo/zone.tab", G_FILE_TEST_EXISTS) &&
      !g_file_test ("/usr/share/zoneinfo/zone1970.tab", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the system has no tzdata zone list");
      return;
    }

  zones = cd_time_zones_load ("/usr/share/zoneinfo", now, &fallback);
  g_assert_false (fallback);
  /* Every country's zones: far more than the built-in 18. */
  g_assert_cmpuint (g_list_model_get_n_items (zones), >, 300);

  first = g_list_model_get_item (zones, 0);
  g_assert_cmpstr (cd_time_zone_get_id (first), ==, "UTC");

  dubai = find_id (zones, "Asia/Dubai");
  g_assert_nonnull (dubai);
  g_assert_cmpstr (cd_time_zone_get_city (dubai), ==, "Dubai");
  g_assert_cmpstr (cd_time_zone_get_country (dubai), ==, "United Arab Emirates");
  g_assert_cmpstr (cd_time_zone_get_offset_label (dubai), ==, "UTC+04:00");
  g_assert_cmpint (cd_time_zone_get_offset (dubai), ==, 4 * G_TIME_SPAN_HOUR);

  sao_paulo = find_id (zones, "America/Sao_Paulo");
  g_assert_nonnull (sao_paulo);
  g_assert_cmpstr (cd_time_zone_get_city (sao_paulo), ==, "Sao Paulo");
  g_assert_cmpstr (cd_time_zone_get_offset_label (sao_paulo), ==, "UTC−03:00");

  /* City, country, id, offset; case and accents do not matter. */
  g_assert_true (search_finds (zones, "Dubai", "Asia/Dubai"));
  g_assert_true (search_finds (zones, "dubai", "Asia/Dubai"));
  g_assert_true (search_finds (zones, "arab emirates", "Asia/Dubai"));
  g_assert_true (search_finds (zones, "asia/dub", "Asia/Dubai"));
  g_assert_true (search_finds (zones, "+4", "Asia/Dubai"));
  g_assert_true (search_finds (zones, "UTC+04:00", "Asia/Dubai"));
  g_assert_true (search_finds (zones, "utc +4", "Asia/Dubai"));
  g_assert_true (search_finds (zones, "+4", "Asia/Kabul"));
  g_assert_false (search_finds (zones, "+04:00", "Asia/Kabul"));
  g_assert_false (search_finds (zones, "-4", "Asia/Dubai"));
  g_assert_false (search_finds (zones, "+5", "Asia/Dubai"));
  g_assert_true (search_finds (zones, "São Paulo", "America/Sao_Paulo"));
  g_assert_true (search_finds (zones, "sao paulo", "America/Sao_Paulo"));
  g_assert_true (search_finds (zones, "−3", "America/Sao_Paulo"));
  g_assert_true (search_finds (zones, "-03:00", "America/Sao_Paulo"));
  g_assert_true (search_finds (zones, "new york", "America/New_York"));
  g_assert_true (search_finds (zones, "Denmark", "Europe/Copenhagen"));
  g_assert_true (search_finds (zones, "", "Europe/Berlin"));
  g_assert_true (search_finds (zones, "utc", "UTC"));
  g_assert_true (search_finds (zones, "+0", "Europe/London") ||
                 search_finds (zones, "+1", "Europe/London"));
  g_assert_false (search_finds (zones, "dubai berlin", "Asia/Dubai"));
  g_assert_false (search_finds (zones, "Atlantis", "Asia/Dubai"));
}

static char *
write_tzdir (gboolean with_tab)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cd-tz-XXXXXX", &error);
  g_autofree char *zone_tab = g_build_filename (dir, "zone1970.tab", NULL);
  g_autofree char *iso_tab = g_build_filename (dir, "iso3166.tab", NULL);

  g_assert_no_error (error);
  if (with_tab)
    {
      /* zone1970.tab names a zone's countries, its own first; a line the
       * system cannot load and a broken line are left out. */
      g_assert_true (g_file_set_contents (zone_tab,
                                          "# comment\n"
                                          "AE,OM,RE\t+2518+05518\tAsia/Dubai\n"
                                          "DE,DK\t+5230+01322\tEurope/Berlin\tmost of Germany\n"
                                          "XX\t+0000+00000\tMars/Olympus_Mons\n"
                                          "broken line\n"
                                          "\n", -1, NULL));
      g_assert_true (g_file_set_contents (iso_tab,
                                          "#code\tname\nAE\tUnited Arab Emirates\nDE\tGermany\n",
                                          -1, NULL));
    }
  return dir;
}

static void
remove_tzdir (const char *dir)
{
  g_autofree char *zone_tab = g_build_filename (dir, "zone1970.tab", NULL);
  g_autofree char *iso_tab = g_build_filename (dir, "iso3166.tab", NULL);

  g_remove (zone_tab);
  g_remove (iso_tab);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_zone1970 (void)
{
  g_autoptr(GDateTime) now = summer_2017 ();
  g_autofree char *dir = write_tzdir (TRUE);
  g_autoptr(GListModel) zones = NULL;
  gboolean fallback = TRUE;
  CdTimeZone *berlin;

  zones = cd_time_zones_load (dir, now, &fallback);
  g_assert_false (fallback);
  /* UTC, then by city. */
  g_assert_cmpuint (g_list_model_get_n_items (zones), ==, 3);
  berlin = find_id (zones, "Europe/Berlin");
  g_assert_nonnull (berlin);
  g_assert_cmpstr (cd_time_zone_get_country (berlin), ==, "Germany");
  g_assert_cmpstr (cd_time_zone_get_offset_label (berlin), ==, "UTC+02:00");
  g_assert_true (search_finds (zones, "most of germany", "Europe/Berlin"));
  g_assert_null (find_id (zones, "Mars/Olympus_Mons"));
  {
    g_autoptr(CdTimeZone) second = g_list_model_get_item (zones, 1);
    g_assert_cmpstr (cd_time_zone_get_id (second), ==, "Europe/Berlin");
  }

  remove_tzdir (dir);
}

static void
test_fallback (void)
{
  g_autoptr(GDateTime) now = summer_2017 ();
  g_autofree char *dir = write_tzdir (FALSE);
  g_autoptr(GListModel) zones = NULL;
  gboolean fallback = FALSE;

  zones = cd_time_zones_load (dir, now, &fallback);
  g_assert_true (fallback);
  g_assert_cmpuint (g_list_model_get_n_items (zones), >=, 10);
  g_assert_cmpuint (g_list_model_get_n_items (zones), <=, 18);
  g_assert_true (search_finds (zones, "Dubai", "Asia/Dubai"));
  g_assert_cmpstr (cd_time_zone_get_country (find_id (zones, "Asia/Dubai")), ==, "");

  remove_tzdir (dir);
}

static void
test_local (void)
{
  g_autoptr(GDateTime) now = summer_2017 ();
  g_autoptr(CdTimeZone) local = cd_time_zone_new_local (now);

  g_assert_true (cd_time_zone_get_is_local (local));
  g_assert_nonnull (cd_time_zone_get_id (local));
  g_assert_nonnull (cd_time_zone_get_zone (local));
}

static void
test_iana_id (void)
{
  g_autoptr(GTimeZone) dubai = g_time_zone_new_identifier ("Asia/Dubai");
  g_autoptr(GTimeZone) fixed = g_time_zone_new_identifier ("+04:00");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) in_dubai = g_date_time_new (dubai, 2017, 7, 12, 9, 0, 0);
  g_autoptr(GDateTime) at_offset = g_date_time_new (fixed, 2017, 7, 12, 9, 0, 0);
  g_autoptr(GDateTime) converted = NULL;
  g_autofree char *id = NULL;
  g_autofree char *none = NULL;
  g_autofree char *no_utc = NULL;

  id = cd_time_zone_dup_iana_id (dubai);
  none = cd_time_zone_dup_iana_id (fixed);
  no_utc = cd_time_zone_dup_iana_id (utc);
  g_assert_cmpstr (id, ==, "Asia/Dubai");
  g_assert_null (none);
  g_assert_null (no_utc);

  /* The same instant and offset, but only one names the zone. */
  g_assert_true (g_date_time_equal (in_dubai, at_offset));
  g_assert_false (cd_date_time_same_choice (in_dubai, at_offset));
  g_assert_true (cd_date_time_same_choice (in_dubai, in_dubai));
  g_assert_true (cd_date_time_same_choice (NULL, NULL));
  g_assert_false (cd_date_time_same_choice (in_dubai, NULL));

  converted = cd_date_time_in_named_zone (at_offset, "Asia/Dubai");
  g_assert_nonnull (converted);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (converted)), ==, "Asia/Dubai");
  g_assert_true (cd_date_time_same_choice (converted, in_dubai));

  /* A zone whose offset differs then, or that nobody knows, is not used. */
  g_assert_null (cd_date_time_in_named_zone (at_offset, "Europe/Berlin"));
  g_assert_null (cd_date_time_in_named_zone (at_offset, "Mars/Olympus_Mons"));
  g_assert_null (cd_date_time_in_named_zone (at_offset, "../../etc/passwd"));
  g_assert_null (cd_date_time_in_named_zone (at_offset, ""));
}

static void
test_offset_label (void)
{
  g_autofree char *zero = cd_utc_offset_to_string (0);
  g_autofree char *india = cd_utc_offset_to_string (5 * G_TIME_SPAN_HOUR + 30 * G_TIME_SPAN_MINUTE);
  g_autofree char *newfoundland = cd_utc_offset_to_string (-(3 * G_TIME_SPAN_HOUR + 30 * G_TIME_SPAN_MINUTE));

  g_assert_cmpstr (zero, ==, "UTC");
  g_assert_cmpstr (india, ==, "UTC+05:30");
  g_assert_cmpstr (newfoundland, ==, "UTC−03:30");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-zones/system-list", test_system_list);
  g_test_add_func ("/time-zones/zone1970", test_zone1970);
  g_test_add_func ("/time-zones/fallback", test_fallback);
  g_test_add_func ("/time-zones/local", test_local);
  g_test_add_func ("/time-zones/iana-id", test_iana_id);
  g_test_add_func ("/time-zones/offset-label", test_offset_label);

  return g_test_run ();
}
