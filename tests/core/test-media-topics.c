/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include "cd-json.h"
#include "cd-media-topics.h"
#include "cd-test-util.h"

/* The expectations below were read from data/mediatopics/mediatopics.json
 * (IPTC's release of 2019-04-06), not from the code under test. */

#define WATERWAY_CODE "medtop:20000343"
#define WATERWAY_URI  "http://cv.iptc.org/newscodes/mediatopic/20000343"

static CdMediaTopics *
vocabulary (void)
{
  CdMediaTopics *topics = cd_media_topics_get_default ();

  g_assert_true (CD_IS_MEDIA_TOPICS (topics));
  return topics;
}

static char *
shipped_path (void)
{
  g_autofree char *root = cd_test_dup_source_root ();

  return g_build_filename (root, "data", "mediatopics", "mediatopics.json", NULL);
}

/* The codes of @model's topics, joined with spaces. */
static char *
codes_of (GListModel *model)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CdMediaTopic) topic = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (codes, ' ');
      g_string_append (codes, cd_media_topic_get_code (topic));
    }
  return g_strdup (codes->str);
}

static CdMediaTopic *
nth (GListModel *model,
     guint       position)
{
  CdMediaTopic *topic = g_list_model_get_item (model, position);

  g_assert_nonnull (topic);
  return topic;
}

static void
test_default (void)
{
  gint64 start = g_get_monotonic_time ();
  CdMediaTopics *topics = vocabulary ();
  gint64 loaded = g_get_monotonic_time ();
  g_autofree char *path = shipped_path ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *set;

  g_test_message ("first cd_media_topics_get_default (): %.1f ms",
                  (loaded - start) / 1000.0);

  /* The same object every time. */
  g_assert_true (cd_media_topics_get_default () == topics);

  /* IPTC has somewhat over 1200 concepts; every one of the file is loaded,
   * retired ones included. */
  g_assert_cmpuint (cd_media_topics_get_n_topics (topics), >=, 1200);
  g_assert_cmpuint (cd_media_topics_get_n_topics (topics), <, 5000);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  root = cd_json_parse (contents, length, path, 0, &error);
  g_assert_no_error (error);
  set = json_object_get_array_member (json_node_get_object (root), "conceptSet");
  g_assert_cmpuint (cd_media_topics_get_n_topics (topics), ==, json_array_get_length (set));
  g_assert_cmpuint (json_array_get_length (set), ==, 1286);
}

/* Loading the shipped file from its bytes, as often as it takes to time it. */
static void
test_load_time (void)
{
  g_autofree char *path = shipped_path ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  const guint rounds = 5;
  gdouble best = G_MAXDOUBLE;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(CdMediaTopics) topics = NULL;
      g_autoptr(GListModel) found = NULL;
      gdouble elapsed;

      g_test_timer_start ();
      topics = cd_media_topics_load_from_data (contents, length, &error);
      elapsed = g_test_timer_elapsed ();
      g_assert_no_error (error);
      g_assert_cmpuint (cd_media_topics_get_n_topics (topics), ==, 1286);
      best = MIN (best, elapsed);

      /* The first search in a language folds its labels. */
      g_test_timer_start ();
      found = cd_media_topics_search (topics, "tr", "en", 20);
      if (i == 0)
        g_test_message ("first search (folds 1286 labels): %.2f ms",
                        g_test_timer_elapsed () * 1000);
      g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
    }

  g_test_message ("load %s (%" G_GSIZE_FORMAT " bytes): best of %u %.1f ms",
                  path, length, rounds, best * 1000);
}

static void
test_search_time (void)
{
  static const char * const queries[] = {
    "tr", "tra", "tran", "transport", "ec", "eco", "economie", "sport", "po", "pol",
  };
  CdMediaTopics *topics = vocabulary ();
  const guint rounds = 100;
  guint n_found = 0;
  gdouble elapsed;

  /* Fold the languages first: that is measured above. */
  g_clear_object (&(GListModel *) { cd_media_topics_search (topics, "x", "en", 1) });
  g_clear_object (&(GListModel *) { cd_media_topics_search (topics, "x", "fr", 1) });

  g_test_timer_start ();
  for (guint r = 0; r < rounds; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GListModel) found =
          cd_media_topics_search (topics, queries[q], q % 2 ? "fr" : "en", 20);
        n_found += g_list_model_get_n_items (found);
      }
  elapsed = g_test_timer_elapsed ();

  g_assert_cmpuint (n_found, >, 0);
  g_test_message ("search: %.3f ms per query (mean of %u, 2 to 9 letters, max 20 results)",
                  elapsed * 1000 / (rounds * G_N_ELEMENTS (queries)),
                  rounds * (guint) G_N_ELEMENTS (queries));
}

static void
test_lookup (void)
{
  CdMediaTopics *topics = vocabulary ();
  g_autoptr(CdMediaTopic) by_code = cd_media_topics_lookup (topics, WATERWAY_CODE, "en");
  g_autoptr(CdMediaTopic) by_uri = cd_media_topics_lookup (topics, WATERWAY_URI, NULL);
  g_autoptr(CdMediaTopic) by_https = NULL;
  g_autoptr(CdMediaTopic) padded = NULL;

  g_assert_nonnull (by_code);
  g_assert_cmpstr (cd_media_topic_get_code (by_code), ==, WATERWAY_CODE);
  g_assert_cmpstr (cd_media_topic_get_uri (by_code), ==, WATERWAY_URI);
  g_assert_cmpstr (cd_media_topic_get_label (by_code), ==, "waterway and maritime transport");

  g_assert_nonnull (by_uri);
  g_assert_cmpstr (cd_media_topic_get_code (by_uri), ==, WATERWAY_CODE);
  g_assert_cmpstr (cd_media_topic_get_label (by_uri), ==, "waterway and maritime transport");

  by_https = cd_media_topics_lookup (topics,
                                     "https://cv.iptc.org/newscodes/mediatopic/20000343", "en");
  g_assert_nonnull (by_https);
  g_assert_cmpstr (cd_media_topic_get_uri (by_https), ==, WATERWAY_URI);

  padded = cd_media_topics_lookup (topics, " medtop:20000343\n", "en");
  g_assert_nonnull (padded);

  g_assert_null (cd_media_topics_lookup (topics, "medtop:99999999", "en"));
  g_assert_null (cd_media_topics_lookup (topics, "20000343", "en"));
  g_assert_null (cd_media_topics_lookup (topics, "waterway and maritime transport", "en"));
  g_assert_null (cd_media_topics_lookup (topics, "", "en"));

  /* IPTC's definition, in English. */
  g_assert_nonnull (cd_media_topic_get_definition (by_code));
  g_assert_true (strstr (cd_media_topic_get_definition (by_code), "water") != NULL);
}

static void
assert_label (const char *code,
              const char *language,
              const char *label,
              const char *parent)
{
  g_autoptr(CdMediaTopic) topic = cd_media_topics_lookup (vocabulary (), code, language);

  g_assert_nonnull (topic);
  g_assert_cmpstr (cd_media_topic_get_label (topic), ==, label);
  g_assert_cmpstr (cd_media_topic_get_parent_label (topic), ==, parent);
}

static void
test_labels (void)
{
  assert_label (WATERWAY_CODE, "en", "waterway and maritime transport", "transport");
  assert_label (WATERWAY_CODE, "en-GB", "waterway and maritime transport", "transport");
  assert_label (WATERWAY_CODE, "en-US", "waterway and maritime transport", "transport");
  assert_label (WATERWAY_CODE, NULL, "waterway and maritime transport", "transport");
  assert_label (WATERWAY_CODE, "", "waterway and maritime transport", "transport");

  /* German: any region, and locale names. */
  assert_label (WATERWAY_CODE, "de", "Schifffahrt", "Transport");
  assert_label (WATERWAY_CODE, "de-DE", "Schifffahrt", "Transport");
  assert_label (WATERWAY_CODE, "de-CH", "Schifffahrt", "Transport");
  assert_label (WATERWAY_CODE, "DE", "Schifffahrt", "Transport");
  assert_label (WATERWAY_CODE, "de_AT.UTF-8", "Schifffahrt", "Transport");

  assert_label (WATERWAY_CODE, "fr", "Transport fluvial et maritime", "Transports");
  assert_label (WATERWAY_CODE, "fr-CA", "Transport fluvial et maritime", "Transports");
  assert_label (WATERWAY_CODE, "es", "Transporte fluvial y marítimo", "Transporte");
  assert_label (WATERWAY_CODE, "pt-PT", "transporte marítimo e fluvial", "transportes");
  assert_label (WATERWAY_CODE, "pt", "transporte marítimo e fluvial", "transportes");
  assert_label (WATERWAY_CODE, "zh", "水路和海运", "运输");

  /* IPTC's “se” and “dk” are Swedish and Danish. */
  assert_label (WATERWAY_CODE, "sv", "Sjötransport", "Transport");
  assert_label (WATERWAY_CODE, "sv-SE", "Sjötransport", "Transport");
  assert_label (WATERWAY_CODE, "da", "vandvej og søtransport", "transport");

  /* Languages the data does not have fall back to English. */
  assert_label (WATERWAY_CODE, "it", "waterway and maritime transport", "transport");
  assert_label (WATERWAY_CODE, "nb", "waterway and maritime transport", "transport");
  assert_label (WATERWAY_CODE, "x", "waterway and maritime transport", "transport");

  /* A concept without a German label (the data has 1153 of 1286) falls back
   * to English, and so may its parent's. */
  assert_label ("medtop:20001209", "de", "solar power", "Energie");
  assert_label ("medtop:20001251", "de", "tattooing", "body modification");
  assert_label ("medtop:20000763", "de", "Informatik", "Technologie und Technik");
}

static void
test_parent (void)
{
  CdMediaTopics *topics = vocabulary ();
  g_autoptr(CdMediaTopic) top = cd_media_topics_lookup (topics, "medtop:04000000", "fr");
  g_autoptr(CdMediaTopic) deep = cd_media_topics_lookup (topics, "medtop:20000763", "en");

  /* A top-level topic has no parent. */
  g_assert_nonnull (top);
  g_assert_cmpstr (cd_media_topic_get_label (top), ==, "Economie et finances");
  g_assert_null (cd_media_topic_get_parent_label (top));

  /* medtop:20000763 → medtop:20000756 in the data. */
  g_assert_nonnull (deep);
  g_assert_cmpstr (cd_media_topic_get_label (deep), ==,
                   "information technology and computer science");
  g_assert_cmpstr (cd_media_topic_get_parent_label (deep), ==, "technology and engineering");
}

static void
test_search_accents (void)
{
  CdMediaTopics *topics = vocabulary ();
  g_autoptr(GListModel) economie = cd_media_topics_search (topics, "economie", "fr", 10);
  g_autoptr(GListModel) upper = cd_media_topics_search (topics, "ÉCONOMIE", "fr", 10);
  g_autoptr(GListModel) umwelt = cd_media_topics_search (topics, "Umwelt", "de", 10);
  g_autoptr(GListModel) sauberung = cd_media_topics_search (topics, "umweltsauberung", "de", 10);
  g_autoptr(GListModel) umlaut = cd_media_topics_search (topics, "UMWELTSÄUBERUNG", "de-AT", 10);
  g_autoptr(GListModel) umwelt_en = cd_media_topics_search (topics, "Umwelt", "en", 10);
  g_autofree char *economie_codes = codes_of (economie);
  g_autofree char *upper_codes = codes_of (upper);
  g_autofree char *umwelt_codes = codes_of (umwelt);

  /* Prefix matches alphabetically, then “Macro-économie” (a word starts
   * there), then “Microéconomie” (inside a word). */
  g_assert_cmpstr (economie_codes, ==,
                   "medtop:20000344 medtop:04000000 medtop:20000421 "
                   "medtop:20000346 medtop:20000170");
  g_assert_cmpstr (upper_codes, ==, economie_codes);
  {
    g_autoptr(CdMediaTopic) micro = nth (economie, 4);
    g_assert_cmpstr (cd_media_topic_get_label (micro), ==, "Microéconomie");
  }

  g_assert_cmpstr (umwelt_codes, ==,
                   "medtop:06000000 medtop:20000423 medtop:20000426 medtop:20000424");
  {
    g_autoptr(CdMediaTopic) first = nth (umwelt, 0);
    g_autoptr(CdMediaTopic) third = nth (umwelt, 2);
    g_assert_cmpstr (cd_media_topic_get_label (first), ==, "Umwelt");
    g_assert_cmpstr (cd_media_topic_get_label (third), ==, "Umweltsäuberung");
  }

  g_assert_cmpuint (g_list_model_get_n_items (sauberung), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (umlaut), ==, 1);

  /* German labels are not searched in English. */
  g_assert_cmpuint (g_list_model_get_n_items (umwelt_en), ==, 0);
}

static void
test_search_ranking (void)
{
  CdMediaTopics *topics = vocabulary ();
  g_autoptr(GListModel) transport = cd_media_topics_search (topics, "transport", "en", 0);
  g_autoptr(GListModel) padded = cd_media_topics_search (topics, "  Transport ", "en-GB", 0);
  g_autoptr(GListModel) port = cd_media_topics_search (topics, "port", "en", 0);
  g_autoptr(GListModel) phrase = cd_media_topics_search (topics, "maritime  transport", "en", 0);
  g_autofree char *transport_codes = codes_of (transport);
  g_autofree char *padded_codes = codes_of (padded);
  g_autofree char *phrase_codes = codes_of (phrase);

  /* “transport”, “transport accident and incident”, then the labels with a
   * word “transport…”, each group alphabetical. */
  g_assert_cmpstr (transport_codes, ==,
                   "medtop:20000337 medtop:20000143 "
                   "medtop:20000338 medtop:20000340 medtop:20000341 medtop:20000343");
  g_assert_cmpstr (padded_codes, ==, transport_codes);
  g_assert_cmpstr (phrase_codes, ==, WATERWAY_CODE);

  /* “port” starts no label and no word: 28 substring matches, alphabetical. */
  g_assert_cmpuint (g_list_model_get_n_items (port), ==, 28);
  {
    g_autoptr(CdMediaTopic) first = nth (port, 0);
    g_autoptr(CdMediaTopic) last = nth (port, 27);
    g_assert_cmpstr (cd_media_topic_get_label (first), ==, "air transport");
    g_assert_cmpstr (cd_media_topic_get_label (last), ==, "waterway and maritime transport");
  }
}

static void
test_search_limits (void)
{
  CdMediaTopics *topics = vocabulary ();
  g_autoptr(GListModel) five = cd_media_topics_search (topics, "port", "en", 5);
  g_autoptr(GListModel) one = cd_media_topics_search (topics, "transport", "en", 1);
  g_autoptr(GListModel) empty = cd_media_topics_search (topics, "", "en", 10);
  g_autoptr(GListModel) blank = cd_media_topics_search (topics, " \t ", "en", 10);
  g_autoptr(GListModel) nothing = cd_media_topics_search (topics, "zzzzqqq", "en", 10);
  g_autoptr(GListModel) all = cd_media_topics_search (topics, "e", "en", 0);

  g_assert_true (g_list_model_get_item_type (five) == CD_TYPE_MEDIA_TOPIC);
  g_assert_cmpuint (g_list_model_get_n_items (five), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, 1);
  {
    g_autoptr(CdMediaTopic) first = nth (one, 0);
    g_assert_cmpstr (cd_media_topic_get_code (first), ==, "medtop:20000337");
  }
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (blank), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nothing), ==, 0);

  /* 831 active topics have an “e” in their English label. */
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 831);
}

static void
test_search_retired (void)
{
  CdMediaTopics *topics = vocabulary ();
  g_autoptr(GListModel) war_crime = cd_media_topics_search (topics, "war crime", "en", 0);
  g_autoptr(GListModel) action = cd_media_topics_search (topics, "war crime action", "en", 0);
  g_autoptr(CdMediaTopic) retired = cd_media_topics_lookup (topics, "medtop:20000064", "en");
  g_autofree char *codes = codes_of (war_crime);
  guint n_retired = 0;

  /* medtop:20000064 “war crime action” was retired on 2016-04-05 in favour
   * of medtop:20000105 “war crime”. */
  g_assert_cmpstr (codes, ==, "medtop:20000105");
  g_assert_cmpuint (g_list_model_get_n_items (action), ==, 0);

  /* Looking it up still works: old articles name it. */
  g_assert_nonnull (retired);
  g_assert_cmpstr (cd_media_topic_get_label (retired), ==, "war crime action");

  /* None of the 153 retired topics is ever found: every active topic's
   * label finds it, so count what the one-letter searches miss. */
  for (guint i = 0; i < 26; i++)
    {
      char letter[2] = { (char) ('a' + i), '\0' };
      g_autoptr(GListModel) found = cd_media_topics_search (topics, letter, "en", 0);

      for (guint j = 0; j < g_list_model_get_n_items (found); j++)
        {
          g_autoptr(CdMediaTopic) topic = nth (found, j);

          if (g_str_equal (cd_media_topic_get_code (topic), "medtop:20000064"))
            n_retired++;
        }
    }
  g_assert_cmpuint (n_retired, ==, 0);
}

static void
test_to_tag (void)
{
  CdMediaTopics *topics = vocabulary ();
  g_autoptr(CdMediaTopic) topic = cd_media_topics_lookup (topics, WATERWAY_CODE, "de");
  g_autoptr(CdTag) tag = cd_media_topic_to_tag (topic);
  g_autoptr(CdTag) free_tag = cd_tag_new ("harbour", NULL, NULL);

  g_assert_true (CD_IS_TAG (tag));
  g_assert_cmpstr (cd_tag_get_name (tag), ==, "Schifffahrt");
  g_assert_cmpstr (cd_tag_get_uri (tag), ==, WATERWAY_URI);
  g_assert_cmpstr (cd_tag_get_code (tag), ==, WATERWAY_CODE);
  g_assert_true (cd_tag_is_media_topic (tag));
  g_assert_false (cd_tag_is_media_topic (free_tag));
}

/* A small vocabulary in IPTC's format, written by hand. */
static const char small[] =
  "{\"uri\": \"http://cv.iptc.org/newscodes/mediatopic/\", \"conceptSet\": [\n"
  " {\"uri\": \"http://cv.iptc.org/newscodes/mediatopic/01000000\",\n"
  "  \"qcode\": \"medtop:01000000\",\n"
  "  \"prefLabel\": {\"en-GB\": \"sea\", \"de\": \"Meer\", \"se\": \"Hav\", \"dk\": \"hav\"},\n"
  "  \"definition\": {\"de\": \"Salzwasser\", \"en-GB\": \"  Salt water \"}},\n"
  " {\"uri\": \"http://cv.iptc.org/newscodes/mediatopic/02000000\",\n"
  "  \"prefLabel\": {\"en-GB\": \" ship\\u2019s cook \", \"fr\": \"\", \"sv\": \"Kock\", \"se\": \"Kocken\"},\n"
  "  \"broader\": [\"http://cv.iptc.org/newscodes/mediatopic/01000000\"],\n"
  "  \"retired\": null, \"narrower\": [], \"unknown\": {\"a\": [1, 2]}},\n"
  " {\"uri\": \"http://cv.iptc.org/newscodes/mediatopic/03000000\",\n"
  "  \"prefLabel\": {\"en-GB\": \"Seal\", \"de\": \"Seehund\"},\n"
  "  \"broader\": [\"http://cv.iptc.org/newscodes/mediatopic/77777777\"]},\n"
  " {\"uri\": \"http://cv.iptc.org/newscodes/mediatopic/04000000\",\n"
  "  \"prefLabel\": {\"en-GB\": \"seabed\"},\n"
  "  \"retired\": \"2020-01-01T00:00:00+00:00\"},\n"
  " {\"uri\": \"http://cv.iptc.org/newscodes/mediatopic/05000000\",\n"
  "  \"prefLabel\": {\"fr\": \"Séance\"},\n"
  "  \"broader\": [\"http://cv.iptc.org/newscodes/mediatopic/05000000\"]}\n"
  "]}";

static CdMediaTopics *
load_small (void)
{
  g_autoptr(GError) error = NULL;
  CdMediaTopics *topics = cd_media_topics_load_from_data (small, strlen (small), &error);

  g_assert_no_error (error);
  g_assert_nonnull (topics);
  return topics;
}

static void
test_small (void)
{
  g_autoptr(CdMediaTopics) topics = load_small ();
  g_autoptr(CdMediaTopic) sea = cd_media_topics_lookup (topics, "medtop:01000000", "sv");
  g_autoptr(CdMediaTopic) cook = cd_media_topics_lookup (topics, "medtop:02000000", "sv");
  g_autoptr(CdMediaTopic) cook_fr = cd_media_topics_lookup (topics, "medtop:02000000", "fr");
  g_autoptr(CdMediaTopic) seal = cd_media_topics_lookup (topics, "medtop:03000000", "da");
  g_autoptr(CdMediaTopic) seance = cd_media_topics_lookup (topics, "medtop:05000000", "de");
  g_autoptr(GListModel) sea_en = cd_media_topics_search (topics, "sea", "en", 0);
  g_autoptr(GListModel) apostrophe = cd_media_topics_search (topics, "ship's", "en", 0);
  g_autoptr(GListModel) seance_en = cd_media_topics_search (topics, "seance", NULL, 0);
  g_autofree char *sea_codes = codes_of (sea_en);

  g_assert_cmpuint (cd_media_topics_get_n_topics (topics), ==, 5);

  /* “se” is Swedish, “dk” Danish; a real “sv” wins over “se”. */
  g_assert_cmpstr (cd_media_topic_get_label (sea), ==, "Hav");
  g_assert_cmpstr (cd_media_topic_get_label (cook), ==, "Kock");
  g_assert_cmpstr (cd_media_topic_get_parent_label (cook), ==, "Hav");
  g_assert_cmpstr (cd_media_topic_get_definition (sea), ==, "Salt water");
  g_assert_null (cd_media_topic_get_definition (cook));

  /* The code comes from the URI; labels are trimmed; an empty label is none. */
  g_assert_cmpstr (cd_media_topic_get_code (cook), ==, "medtop:02000000");
  g_assert_cmpstr (cd_media_topic_get_label (cook_fr), ==, "ship\u2019s cook");
  g_assert_cmpstr (cd_media_topic_get_parent_label (cook_fr), ==, "sea");

  /* A broader concept outside the set, or the concept itself, is no parent. */
  g_assert_cmpstr (cd_media_topic_get_label (seal), ==, "Seal");
  g_assert_null (cd_media_topic_get_parent_label (seal));
  g_assert_null (cd_media_topic_get_parent_label (seance));

  /* With no English label either, the first label there is. */
  g_assert_cmpstr (cd_media_topic_get_label (seance), ==, "Séance");

  /* “sea”, “Seal” and “Séance” start with “sea” (alphabetical, case and
   * accents ignored); the retired “seabed” is left out. */
  g_assert_cmpstr (sea_codes, ==, "medtop:01000000 medtop:03000000 medtop:05000000");
  g_assert_cmpuint (g_list_model_get_n_items (apostrophe), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (seance_en), ==, 1);
}

typedef struct
{
  CdMediaTopics *topics;
  const char    *language;
  guint          found;
} ThreadData;

static gpointer
search_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GListModel) found = cd_media_topics_search (data->topics, "se", data->language, 0);
      data->found = g_list_model_get_n_items (found);
    }
  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(CdMediaTopics) topics = load_small ();
  static const char * const languages[] = { "en", "de", "sv", "en", "de", "fr", "da", "sv" };
  ThreadData data[G_N_ELEMENTS (languages)];
  GThread *threads[G_N_ELEMENTS (languages)];

  /* Each language's labels are folded on first use, by whichever thread
   * searches first. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      data[i] = (ThreadData) { topics, languages[i], 0 };
      threads[i] = g_thread_new ("search", search_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_thread_join (threads[i]);

  g_assert_cmpuint (data[0].found, ==, 3);   /* sea, Seal, Séance (no English label) */
  g_assert_cmpuint (data[1].found, ==, 2);   /* Seehund, Séance */
  g_assert_cmpuint (data[2].found, ==, 2);   /* Seal, Séance */
  g_assert_cmpuint (data[3].found, ==, data[0].found);
}

static void
assert_bad (const char *text,
            GQuark      domain,
            int         code,
            const char *phrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdMediaTopics) topics = cd_media_topics_load_from_data (text, strlen (text), &error);

  g_assert_null (topics);
  g_assert_error (error, domain, code);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", text, error->message, phrase);
}

static void
test_bad_data (void)
{
  g_autoptr(GError) error = NULL;

  assert_bad ("", CD_JSON_ERROR, CD_JSON_ERROR_EMPTY, "Media Topics");
  assert_bad ("{\"conceptSet\": [", CD_JSON_ERROR, CD_JSON_ERROR_SYNTAX, "Media Topics");
  assert_bad ("{\"a\": 1, \"a\": 2}", CD_JSON_ERROR, CD_JSON_ERROR_DUPLICATE_KEY, "");
  assert_bad ("[]", G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "conceptSet");
  assert_bad ("{}", G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "conceptSet");
  assert_bad ("{\"conceptSet\": {}}", G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "conceptSet");
  assert_bad ("{\"conceptSet\": []}", G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "empty");
  assert_bad ("{\"conceptSet\": [1]}", G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "concept 1");
  assert_bad ("{\"conceptSet\": [{\"uri\": \"x/1\"}]}",
              G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "prefLabel");
  assert_bad ("{\"conceptSet\": [{\"uri\": \"x/1\", \"prefLabel\": {\"en\": \"a\"}},"
              " {\"prefLabel\": {\"en\": \"b\"}}]}",
              G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "concept 2: no uri");
  assert_bad ("{\"conceptSet\": [{\"uri\": 7, \"prefLabel\": {\"en\": \"b\"}}]}",
              G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no uri");
  assert_bad ("{\"conceptSet\": [{\"uri\": \"x/\", \"prefLabel\": {\"en\": \"b\"}}]}",
              G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "code");
  assert_bad ("{\"conceptSet\": [{\"uri\": \"x/1\", \"prefLabel\": {\"en\": \" \", \"de\": 3}}]}",
              G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no label");
  assert_bad ("{\"conceptSet\": [{\"uri\": \"x/1\", \"prefLabel\": {\"en\": \"a\"}},"
              " {\"uri\": \"x/1\", \"prefLabel\": {\"en\": \"b\"}}]}",
              G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "twice");

  /* Not UTF-8. */
  {
    static const char latin1[] = "{\"conceptSet\": [{\"uri\": \"x/1\", \"prefLabel\": {\"en\": \"\xe9\"}}]}";
    g_autoptr(CdMediaTopics) topics =
      cd_media_topics_load_from_data (latin1, sizeof latin1 - 1, &error);
    g_assert_null (topics);
    g_assert_error (error, CD_JSON_ERROR, CD_JSON_ERROR_ENCODING);
  }
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/media-topics/default", test_default);
  g_test_add_func ("/media-topics/load-time", test_load_time);
  g_test_add_func ("/media-topics/search-time", test_search_time);
  g_test_add_func ("/media-topics/lookup", test_lookup);
  g_test_add_func ("/media-topics/labels", test_labels);
  g_test_add_func ("/media-topics/parent", test_parent);
  g_test_add_func ("/media-topics/search-accents", test_search_accents);
  g_test_add_func ("/media-topics/search-ranking", test_search_ranking);
  g_test_add_func ("/media-topics/search-limits", test_search_limits);
  g_test_add_func ("/media-topics/search-retired", test_search_retired);
  g_test_add_func ("/media-topics/to-tag", test_to_tag);
  g_test_add_func ("/media-topics/small", test_small);
  g_test_add_func ("/media-topics/threads", test_threads);
  g_test_add_func ("/media-topics/bad-data", test_bad_data);

  return g_test_run ();
}
