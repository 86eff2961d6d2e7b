/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-time-zones"

#include <string.h>


#include "cd-text.h"
#include "cd-time-zones.h"

/*
 * The list comes from the system's tzdata, so that it is as current as the
 * zones GLib computes times with: zone.tab has one line per country and
 * zone, which is what a desk looks for ("Denmark" finds Copenhagen), and
 * zone1970.tab is read when it is missing. iso3166.tab names the countries.
 * Without either list, a short built-in one keeps the zone chooser usable.
 */

/* Offered when the system has no zone list; those it cannot load are left
 * out. */
static const char * const fallback_zones[] = {
  "UTC",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Athens",
  "Africa/Lagos",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "America/Sao_Paulo",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
};

/* Names of UTC itself: a time in UTC is saved as "Z", which reads back as
 * UTC, so there is no name to keep beside it. */
static const char * const utc_names[] = {
  "UTC", "Etc/UTC", "UCT", "Etc/UCT", "Zulu", "Etc/Zulu", "Universal",
  "Etc/Universal",
};

struct _CdTimeZone
{
  GObject    parent_instance;

  char      *id;
  char      *city;
  char      *country;
  /* More places the zone covers ("Ontario (most areas)"), searched only. */
  char      *comment;
  char      *offset_label;
  /* The folded city, country, comment and id, for searching. */
  char      *haystack;
  GTimeZone *zone;
  GTimeSpan  offset;
  gboolean   is_local;
};

G_DEFINE_FINAL_TYPE (CdTimeZone, cd_time_zone, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_OFFSET_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cd_time_zone_finalize (GObject *object)
{
  CdTimeZone *self = CD_TIME_ZONE (object);

  g_free (self->id);
  g_free (self->city);
  g_free (self->country);
  g_free (self->comment);
  g_free (self->offset_label);
  g_free (self->haystack);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (cd_time_zone_parent_class)->finalize (object);
}

static void
cd_time_zone_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CdTimeZone *self = CD_TIME_ZONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_OFFSET_LABEL:
      g_value_set_string (value, self->offset_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_time_zone_class_init (CdTimeZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_time_zone_finalize;
  object_class->get_property = cd_time_zone_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFSET_LABEL] =
    g_param_spec_string ("offset-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_time_zone_init (CdTimeZone *self)
{
}

/**
 * cd_utc_offset_to_string:
 * @offset: an offset from UTC
 *
 * Returns: (transfer full): "UTC" for zero, else "UTC+04:00", "UTC−03:30"
 *   with a true minus sign
 */
char *
cd_utc_offset_to_string (GTimeSpan offset)
{
  gint64 minutes = offset / G_TIME_SPAN_MINUTE;

  if (minutes == 0)
    return g_strdup ("UTC");

  return g_strdup_printf ("UTC%s%02d:%02d", minutes < 0 ? "−" : "+",
                          (int) (ABS (minutes) / 60), (int) (ABS (minutes) % 60));
}

/**
 * cd_date_time_dup_zone_label:
 * @date_time: a date-time
 *
 * How a page names @date_time's zone after the time: the zone's
 * abbreviation when it has a real one ("CEST", "EDT", "UTC"), else the
 * offset ("UTC+04:00"), since tzdata's numeric stand-ins ("+04") read as
 * arithmetic.
 *
 * Returns: (transfer full): the label
 */
char *
cd_date_time_dup_zone_label (GDateTime *date_time)
{
  g_autofree char *abbreviation = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  abbreviation = g_date_time_format (date_time, "%Z");
  if (abbreviation != NULL && g_ascii_isalpha (abbreviation[0]))
    return g_steal_pointer (&abbreviation);

  return cd_utc_offset_to_string (g_date_time_get_utc_offset (date_time));
}

/* "America/Argentina/Buenos_Aires" → "Buenos Aires". */
static char *
city_from_id (const char *id)
{
  const char *slash = strrchr (id, '/');

  return g_strdelimit (g_strdup (slash != NULL ? slash + 1 : id), "_", ' ');
}

static gboolean
is_utc_name (const char *id)
{
  for (size_t i = 0; i < G_N_ELEMENTS (utc_names); i++)
    if (strcmp (id, utc_names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @id has the shape of an IANA name ("Asia/Dubai", "EST5EDT"),
 * rather than an offset ("+04:00"), a path or a POSIX rule. */
static gboolean
looks_like_iana_id (const char *id)
{
  if (!g_ascii_isalpha (id[0]))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/_-+", *p) == NULL)
      return FALSE;

  return strstr (id, "..") == NULL && strstr (id, "//") == NULL;
}

static CdTimeZone *
time_zone_new (GTimeZone  *zone,
               const char *id,
               const char *country,
               const char *comment,
               GDateTime  *now)
{
  CdTimeZone *self = g_object_new (CD_TYPE_TIME_ZONE, NULL);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (now, zone);
  g_autofree char *text = NULL;

  self->zone = g_time_zone_ref (zone);
  self->id = g_strdup (id);
  self->city = is_utc_name (id) ? g_strdup ("UTC") : city_from_id (id);
  self->country = g_strdup (country != NULL ? country : "");
  self->comment = g_strdup (comment != NULL ? comment : "");
  self->offset = there != NULL ? g_date_time_get_utc_offset (there) : 0;
  self->offset_label = cd_utc_offset_to_string (self->offset);

  text = g_strjoin (" ", self->city, self->country, self->comment, self->id, NULL);
  g_strdelimit (text, "_/", ' ');
  self->haystack = cd_text_fold (text);

  return self;
}

/**
 * cd_time_zone_new_local:
 * @now: the instant whose offset the zone shows
 *
 * The system's own zone; its id is the zone's IANA name when the system
 * says which it is, else "".
 *
 * Returns: (transfer full): the local zone
 */
CdTimeZone *
cd_time_zone_new_local (GDateTime *now)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *id = cd_time_zone_dup_iana_id (zone);
  const char *identifier = g_time_zone_get_identifier (zone);
  CdTimeZone *self;

  g_return_val_if_fail (now != NULL, NULL);

  if (id == NULL && looks_like_iana_id (identifier))
    id = g_strdup (identifier);   /* UTC itself */

  self = time_zone_new (zone, id != NULL ? id : "", NULL, NULL, now);
  self->is_local = TRUE;
  return self;
}

const char *
cd_time_zone_get_id (CdTimeZone *self)
{
  g_return_val_if_fail (CD_IS_TIME_ZONE (self), NULL);
  return self->id;
}

const char *
cd_time_zone_get_city (CdTimeZone *self)
{
  g_return_val_if_fail (CD_IS_TIME_ZONE (self), NULL);
  return self->city;
}

/* The country's English name from iso3166.tab, "" when unknown. */
const char *
cd_time_zone_get_country (CdTimeZone *self)
{
  g_return_val_if_fail (CD_IS_TIME_ZONE (self), NULL);
  return self->country;
}

const char *
cd_time_zone_get_offset_label (CdTimeZone *self)
{
  g_return_val_if_fail (CD_IS_TIME_ZONE (self), NULL);
  return self->offset_label;
}

GTimeSpan
cd_time_zone_get_offset (CdTimeZone *self)
{
  g_return_val_if_fail (CD_IS_TIME_ZONE (self), 0);
  return self->offset;
}

/**
 * cd_time_zone_get_zone:
 *
 * Returns: (transfer none): the zone
 */
GTimeZone *
cd_time_zone_get_zone (CdTimeZone *self)
{
  g_return_val_if_fail (CD_IS_TIME_ZONE (self), NULL);
  return self->zone;
}

gboolean
cd_time_zone_get_is_local (CdTimeZone *self)
{
  g_return_val_if_fail (CD_IS_TIME_ZONE (self), FALSE);
  return self->is_local;
}

/* Reads an offset query such as "+4", "-3:30", "UTC+04:00" or "GMT+0530"
 * from folded text: the sign, hours and minutes (-1 when not given). */
static gboolean
parse_offset_query (const char *folded,
                    int        *sign,
                    int        *hours,
                    int        *minutes)
{
  const char *p = folded;

  if (g_str_has_prefix (p, "utc") || g_str_has_prefix (p, "gmt"))
    p += 3;
  while (*p == ' ')
    p++;

  if (*p == '+')
    *sign = 1, p++;
  else if (*p == '-')
    *sign = -1, p++;
  else if (g_str_has_prefix (p, "−"))
    *sign = -1, p += strlen ("−");
  else
    return FALSE;

  while (*p == ' ')
    p++;
  if (!g_ascii_isdigit (p[0]))
    return FALSE;

  *hours = p[0] - '0';
  p++;
  if (g_ascii_isdigit (p[0]))
    *hours = *hours * 10 + (*p++ - '0');

  *minutes = -1;
  if (*p == ':' || *p == '.')
    p++;
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]))
    {
      *minutes = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
    }

  return *p == '\0' && *hours <= 14 && *minutes < 60;
}

static gboolean
matches_folded (CdTimeZone *self,
                const char *folded)
{
  int sign, hours, minutes;

  if (folded[0] == '\0')
    return TRUE;

  /* "+4" finds the zones four hours ahead of UTC, and those at +4:30: the
   * offset is what a desk knows of a zone it cannot name. */
  if (parse_offset_query (folded, &sign, &hours, &minutes))
    {
      gint64 offset = self->offset / G_TIME_SPAN_MINUTE;

      if ((offset < 0 ? -1 : 1) != sign && offset != 0)
        return FALSE;
      return ABS (offset) / 60 == hours &&
             (minutes < 0 || ABS (offset) % 60 == minutes);
    }

  /* Every word must be found, in any field: "york united" finds New York. */
  {
    g_auto(GStrv) words = g_strsplit (folded, " ", -1);

    for (guint i = 0; words[i] != NULL; i++)
      {
        g_strdelimit (words[i], "_/", ' ');
        if (words[i][0] != '\0' && strstr (self->haystack, words[i]) == NULL)
          return FALSE;
      }
  }

  return TRUE;
}

/**
 * cd_time_zone_matches:
 * @query: what the user typed
 *
 * Whether the zone is one that @query asks for: each of its words found in
 * the city, the country, the places the zone covers or the id, ignoring
 * case and accents ("sao paulo", "dubai", "united states"); or, for an
 * offset ("+4", "UTC+04:00", "-3:30"), a zone at that offset now.
 *
 * Returns: whether the zone matches
 */
gboolean
cd_time_zone_matches (CdTimeZone *self,
                      const char *query)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CD_IS_TIME_ZONE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  folded = cd_text_fold (query);
  return matches_folded (self, folded);
}

/* Each line of a .tab file split at tabs, comments and blank lines left out. */
static GPtrArray *
read_tab (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;

  if (!g_file_get_contents (path, &contents, NULL, NULL) ||
      !g_utf8_validate (contents, -1, NULL))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }

  return rows;
}

static int
compare_zones (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  CdTimeZone *x = (CdTimeZone *) a;
  CdTimeZone *y = (CdTimeZone *) b;
  g_autofree char *fx = NULL;
  g_autofree char *fy = NULL;
  int result;

  /* UTC first, then by city as people read them. */
  if (is_utc_name (x->id) != is_utc_name (y->id))
    return is_utc_name (x->id) ? -1 : 1;

  fx = cd_text_fold (x->city);
  fy = cd_text_fold (y->city);
  result = g_utf8_collate (fx, fy);
  return result != 0 ? result : strcmp (x->id, y->id);
}

static void
add_zone (GListStore *store,
          GHashTable *seen,
          const char *id,
          const char *country,
          const char *comment,
          GDateTime  *now)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(CdTimeZone) item = NULL;

  if (!looks_like_iana_id (id) || g_hash_table_contains (seen, id))
    return;

  zone = g_time_zone_new_identifier (id);
  if (zone == NULL)
    return;

  item = time_zone_new (zone, id, country, comment, now);
  g_hash_table_add (seen, g_strdup (id));
  g_list_store_insert_sorted (store, item, compare_zones, NULL);
}

/**
 * cd_time_zones_load:
 * @tzdir: (nullable): the tzdata folder; %NULL for the system's ($TZDIR or
 *   /usr/share/zoneinfo)
 * @now: the instant whose offsets the zones show
 * @out_fallback: (out) (optional): set to whether the system had no zone
 *   list and the built-in one was used
 *
 * Every zone of the system's tzdata that GLib can load, UTC first and then
 * by city. Without a zone list the result is a short built-in list.
 *
 * Returns: (transfer full): a list of #CdTimeZone
 */
GListModel *
cd_time_zones_load (const char *tzdir,
                    GDateTime  *now,
                    gboolean   *out_fallback)
{
  g_autoptr(GListStore) store = g_list_store_new (CD_TYPE_TIME_ZONE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) iso = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *zone_tab = NULL;
  g_autofree char *zone1970_tab = NULL;
  g_autofree char *iso_tab = NULL;
  gboolean fallback = FALSE;

  g_return_val_if_fail (now != NULL, NULL);

  if (tzdir == NULL)
    tzdir = g_getenv ("TZDIR");
  if (tzdir == NULL || tzdir[0] == '\0')
    tzdir = "/usr/share/zoneinfo";

  zone_tab = g_build_filename (tzdir, "zone.tab", NULL);
  zone1970_tab = g_build_filename (tzdir, "zone1970.tab", NULL);
  iso_tab = g_build_filename (tzdir, "iso3166.tab", NULL);

  iso = read_tab (iso_tab);
  for (guint i = 0; iso != NULL && i < iso->len; i++)
    {
      char **row = g_ptr_array_index (iso, i);

      if (g_strv_length (row) >= 2)
        g_hash_table_insert (countries, row[0], row[1]);
    }

  add_zone (store, seen, "UTC", NULL, NULL, now);

  rows = read_tab (zone_tab);
  if (rows == NULL)
    rows = read_tab (zone1970_tab);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_auto(GStrv) codes = NULL;

      if (g_strv_length (row) < 3)
        continue;

      /* zone1970.tab lists every country of a zone; the first is its own. */
      codes = g_strsplit (row[0], ",", 2);
      add_zone (store, seen, row[2], g_hash_table_lookup (countries, codes[0]),
                row[3] != NULL ? row[3] : NULL, now);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) <= 1)
    {
      fallback = TRUE;
      for (size_t i = 0; i < G_N_ELEMENTS (fallback_zones); i++)
        add_zone (store, seen, fallback_zones[i], NULL, NULL, now);
    }

  if (out_fallback != NULL)
    *out_fallback = fallback;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * cd_time_zones_search:
 * @zones: a list of #CdTimeZone
 * @query: what the user typed; "" finds every zone
 *
 * Returns: (transfer full): the zones of @zones that match @query, in order
 */
GListModel *
cd_time_zones_search (GListModel *zones,
                      const char *query)
{
  g_autoptr(GListStore) found = g_list_store_new (CD_TYPE_TIME_ZONE);
  g_autofree char *folded = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (zones), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  folded = cd_text_fold (query);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(CdTimeZone) zone = g_list_model_get_item (zones, i);

      if (matches_folded (zone, folded))
        g_list_store_append (found, zone);
    }

  return G_LIST_MODEL (g_steal_pointer (&found));
}

/**
 * cd_time_zone_dup_iana_id:
 * @zone: a zone
 *
 * The IANA name of @zone worth keeping beside a time's offset: %NULL for
 * a zone that is only an offset ("+04:00"), for UTC (saved as "Z") and for
 * a name the system cannot load.
 *
 * Returns: (transfer full) (nullable): the name, such as "Asia/Dubai"
 */
char *
cd_time_zone_dup_iana_id (GTimeZone *zone)
{
  g_autoptr(GTimeZone) check = NULL;
  const char *id;

  g_return_val_if_fail (zone != NULL, NULL);

  id = g_time_zone_get_identifier (zone);
  if (id == NULL || !looks_like_iana_id (id) || is_utc_name (id))
    return NULL;

  check = g_time_zone_new_identifier (id);
  if (check == NULL)
    return NULL;

  return g_strdup (id);
}

/**
 * cd_date_time_same_choice:
 * @a: (nullable): a date-time
 * @b: (nullable): another
 *
 * Whether @a and @b are the same choice of time: the same instant, the same
 * offset and the same named zone (see cd_time_zone_dup_iana_id()). 09:00
 * in Asia/Dubai and 09:00 at +04:00 are the same instant but not the same
 * choice: the zone is part of what the user chose, and of what is saved.
 *
 * Returns: whether they are the same
 */
gboolean
cd_date_time_same_choice (GDateTime *a,
                          GDateTime *b)
{
  g_autofree char *zone_a = NULL;
  g_autofree char *zone_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  if (!g_date_time_equal (a, b) ||
      g_date_time_get_utc_offset (a) != g_date_time_get_utc_offset (b))
    return FALSE;

  zone_a = cd_time_zone_dup_iana_id (g_date_time_get_timezone (a));
  zone_b = cd_time_zone_dup_iana_id (g_date_time_get_timezone (b));
  return g_strcmp0 (zone_a, zone_b) == 0;
}

/**
 * cd_date_time_in_named_zone:
 * @date_time: a date-time, as read with its offset
 * @zone_id: an IANA zone name kept beside it
 *
 * @date_time in the zone @zone_id, when the system knows that zone and its
 * offset at that instant is the one @date_time has: a file saved where the
 * zone's rules were different keeps its offset.
 *
 * Returns: (transfer full) (nullable): the date-time in the zone, or %NULL
 */
GDateTime *
cd_date_time_in_named_zone (GDateTime  *date_time,
                            const char *zone_id)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) there = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);
  g_return_val_if_fail (zone_id != NULL, NULL);

  if (!looks_like_iana_id (zone_id) || is_utc_name (zone_id))
    return NULL;

  zone = g_time_zone_new_identifier (zone_id);
  if (zone == NULL)
    return NULL;

  there = g_date_time_to_timezone (date_time, zone);
  if (there == NULL ||
      g_date_time_get_utc_offset (there) != g_date_time_get_utc_offset (date_time))
    return NULL;

  return g_steal_pointer (&there);
}
