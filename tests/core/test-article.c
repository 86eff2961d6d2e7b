/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "copydesk-core.h"
#include "cd-test-util.h"

typedef struct
{
  GHashTable *counts;
  guint       changed;
} Recorder;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Recorder   *recorder)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (recorder->counts, pspec->name));

  g_hash_table_insert (recorder->counts, (gpointer)pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
changed_cb (CdArticle *article,
            Recorder  *recorder)
{
  recorder->changed++;
}

static void
recorder_init (Recorder  *recorder,
               CdArticle *article)
{
  recorder->counts = g_hash_table_new (g_str_hash, g_str_equal);
  recorder->changed = 0;
  g_signal_connect (article, "notify", G_CALLBACK (notify_cb), recorder);
  g_signal_connect (article, "changed", G_CALLBACK (changed_cb), recorder);
}

static guint
count (Recorder   *recorder,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (recorder->counts, name));
}

static void
recorder_clear (Recorder *recorder)
{
  g_hash_table_remove_all (recorder->counts);
  recorder->changed = 0;
}

static void
test_article_new (void)
{
  CdArticle *article = cd_article_new ();
  GDateTime *created;

  g_assert_true (g_str_has_prefix (cd_article_get_id (article), "urn:uuid:"));
  g_assert_cmpuint (strlen (cd_article_get_id (article)), ==, strlen ("urn:uuid:") + 36);
  g_assert_true (g_uuid_string_is_valid (cd_article_get_id (article) + strlen ("urn:uuid:")));
  created = cd_article_get_created (article);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_get_microsecond (created), ==, 0);
  g_assert_true (g_date_time_equal (created, cd_article_get_modified (article)));
  g_assert_null (cd_article_get_published (article));
  g_assert_null (cd_article_get_embargo (article));
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_DRAFT);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_authors (article)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 0);
  g_assert_false (cd_image_is_set (cd_article_get_image (article)));
  g_assert_true (cd_article_get_comments (article));

  {
    CdArticle *other = cd_article_new ();

    g_assert_cmpstr (cd_article_get_id (article), !=, cd_article_get_id (other));
    g_assert_finalize_object (other);
  }

  g_assert_finalize_object (article);
}

static void
test_article_notify_on_real_change (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) when = g_date_time_new (tz, 2026, 11, 27, 9, 30, 0);
  g_autoptr(GDateTime) same_when = g_date_time_new (tz, 2026, 11, 27, 9, 30, 0);
  g_autoptr(GDateTime) same_instant_utc = g_date_time_to_utc (when);
  Recorder recorder;

  recorder_init (&recorder, article);

  cd_article_set_standfirst (article, "A deck");
  cd_article_set_standfirst (article, "A deck");
  g_assert_cmpuint (count (&recorder, "standfirst"), ==, 1);
  g_assert_cmpuint (recorder.changed, ==, 1);

  cd_article_set_body (article, NULL);
  cd_article_set_body (article, "");
  g_assert_cmpuint (count (&recorder, "body"), ==, 0);

  cd_article_set_published (article, when);
  cd_article_set_published (article, same_when);
  g_assert_cmpuint (count (&recorder, "published"), ==, 1);

  /* The same instant with another offset is saved differently, so it is a change. */
  cd_article_set_published (article, same_instant_utc);
  g_assert_cmpuint (count (&recorder, "published"), ==, 2);
  cd_article_set_published (article, NULL);
  cd_article_set_published (article, NULL);
  g_assert_cmpuint (count (&recorder, "published"), ==, 3);

  cd_article_set_status (article, CD_ARTICLE_STATUS_APPROVED);
  cd_article_set_status (article, CD_ARTICLE_STATUS_APPROVED);
  g_assert_cmpuint (count (&recorder, "status"), ==, 1);

  cd_article_set_comments (article, FALSE);
  cd_article_set_comments (article, FALSE);
  g_assert_cmpuint (count (&recorder, "comments"), ==, 1);

  g_object_set (article, "editor-note", "Check the figures", NULL);
  g_object_set (article, "editor-note", "Check the figures", NULL);
  g_assert_cmpuint (count (&recorder, "editor-note"), ==, 1);
  g_assert_cmpstr (cd_article_get_editor_note (article), ==, "Check the figures");

  recorder_clear (&recorder);
  cd_image_set_alt (cd_article_get_image (article), "Ferry at the quay");
  cd_image_set_alt (cd_article_get_image (article), "Ferry at the quay");
  g_assert_cmpuint (recorder.changed, ==, 1);

  g_hash_table_unref (recorder.counts);
  g_assert_finalize_object (article);
}

static void
test_article_byline (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(CdAuthor) a = cd_author_new ("Ada Okafor");
  g_autoptr(CdAuthor) b = cd_author_new ("Jonas Berg");
  g_autoptr(CdAuthor) c = cd_author_new ("Marta Núñez");
  Recorder recorder;

  recorder_init (&recorder, article);

  cd_article_add_author (article, a);
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ada Okafor");
  cd_article_add_author (article, b);
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ada Okafor and Jonas Berg");
  cd_article_add_author (article, c);
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ada Okafor, Jonas Berg and Marta Núñez");
  g_assert_cmpuint (count (&recorder, "byline"), ==, 3);

  /* Renaming an author changes the byline; changing a role does not. */
  cd_author_set_name (b, "Jonas Berg-Holm");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ada Okafor, Jonas Berg-Holm and Marta Núñez");
  g_assert_cmpuint (count (&recorder, "byline"), ==, 4);
  cd_author_set_role (b, "Photographer");
  g_assert_cmpuint (count (&recorder, "byline"), ==, 4);

  /* An author without a name is left out. */
  cd_author_set_name (a, "  ");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Jonas Berg-Holm and Marta Núñez");

  /* The byline's words follow the article's language. */
  cd_article_set_language (article, "de");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "Von Jonas Berg-Holm und Marta Núñez");
  cd_article_set_language (article, "en");

  cd_article_remove_author (article, 0);
  cd_article_remove_author (article, 0);
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Marta Núñez");
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_authors (article)), ==, 1);

  /* A removed author no longer affects the article. */
  recorder_clear (&recorder);
  cd_author_set_name (b, "Someone Else");
  g_assert_cmpuint (recorder.changed, ==, 0);
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Marta Núñez");

  cd_article_insert_author (article, 0, a);
  cd_author_set_name (a, "Ada Okafor");
  g_assert_cmpstr (cd_article_get_byline (article), ==, "By Ada Okafor and Marta Núñez");

  g_hash_table_unref (recorder.counts);
  g_assert_finalize_object (article);
}

static void
test_article_byline_names (void)
{
  const char *none[] = { NULL };
  const char *one[] = { "A", NULL };
  const char *four[] = { "A", "B", "", "C", "D", NULL };
  const char *two[] = { "Anna", "Ben", NULL };
  g_autofree char *b0 = cd_byline_for_names (none, "en");
  g_autofree char *b1 = cd_byline_for_names (one, NULL);
  g_autofree char *b4 = cd_byline_for_names (four, "en-GB");
  g_autofree char *de = cd_byline_for_names (two, "de-AT");
  g_autofree char *fr = cd_byline_for_names (two, "FR");
  g_autofree char *ja = cd_byline_for_names (two, "ja");

  g_assert_cmpstr (b0, ==, "");
  g_assert_cmpstr (b1, ==, "By A");
  g_assert_cmpstr (b4, ==, "By A, B, C and D");
  g_assert_cmpstr (de, ==, "Von Anna und Ben");
  g_assert_cmpstr (fr, ==, "Par Anna et Ben");
  g_assert_cmpstr (ja, ==, "Anna、Ben");
}

static void
test_article_slug (void)
{
  CdArticle *article = cd_article_new_empty ();
  Recorder recorder;

  recorder_init (&recorder, article);

  cd_article_set_headline (article, "Électricité: the harbour ferry sails");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "electricite-the-harbour-ferry-sails");
  g_assert_false (cd_article_get_slug_edited (article));
  g_assert_cmpuint (count (&recorder, "slug"), ==, 1);

  cd_article_set_headline (article, "Harbour ferry sails at last");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "harbour-ferry-sails-at-last");
  g_assert_cmpuint (count (&recorder, "slug"), ==, 2);

  /* Setting the derived value by hand does not count as editing. */
  cd_article_set_slug (article, "harbour-ferry-sails-at-last");
  g_assert_false (cd_article_get_slug_edited (article));
  g_assert_cmpuint (count (&recorder, "slug"), ==, 2);

  cd_article_set_slug (article, "ferry-launch");
  g_assert_true (cd_article_get_slug_edited (article));
  g_assert_cmpuint (count (&recorder, "slug-edited"), ==, 1);
  cd_article_set_headline (article, "Ferry finally sails");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "ferry-launch");

  cd_article_reset_slug (article);
  g_assert_false (cd_article_get_slug_edited (article));
  g_assert_cmpstr (cd_article_get_slug (article), ==, "ferry-finally-sails");
  g_assert_cmpuint (count (&recorder, "slug-edited"), ==, 2);

  g_hash_table_unref (recorder.counts);
  g_assert_finalize_object (article);
}

static void
test_article_tags (void)
{
  CdArticle *article = cd_article_new_empty ();
  g_autoptr(CdTag) topic = cd_tag_new ("maritime transport",
                                       "http://cv.iptc.org/newscodes/mediatopic/20000774",
                                       "medtop:20000774");
  g_autoptr(CdTag) free_tag = cd_tag_new ("Harbour", NULL, NULL);
  Recorder recorder;

  recorder_init (&recorder, article);

  cd_article_add_tag (article, topic);
  cd_article_add_tag (article, free_tag);
  g_assert_cmpuint (recorder.changed, ==, 2);
  g_assert_true (cd_tag_is_media_topic (topic));
  g_assert_false (cd_tag_is_media_topic (free_tag));
  g_assert_cmpstr (cd_tag_get_uri (free_tag), ==, "");
  g_assert_true (cd_article_has_tag (article, "HARBOUR"));
  g_assert_false (cd_article_has_tag (article, "ferry"));

  cd_article_remove_tag (article, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cd_article_get_tags (article)), ==, 1);
  g_assert_false (cd_article_has_tag (article, "maritime transport"));

  g_hash_table_unref (recorder.counts);
  g_assert_finalize_object (article);
}

static void
test_article_status_strings (void)
{
  CdArticleStatus status = CD_ARTICLE_STATUS_DRAFT;

  g_assert_cmpstr (cd_article_status_to_string (CD_ARTICLE_STATUS_IN_REVIEW), ==, "in-review");
  g_assert_true (cd_article_status_from_string ("killed", &status));
  g_assert_cmpint (status, ==, CD_ARTICLE_STATUS_KILLED);
  g_assert_false (cd_article_status_from_string ("Killed", &status));
  g_assert_false (cd_article_status_from_string (NULL, &status));
  g_assert_cmpstr (cd_article_status_get_label (CD_ARTICLE_STATUS_APPROVED), ==, "Approved");
}

static void
test_article_planned_words (void)
{
  CdArticle *article = cd_article_new_empty ();
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (article), "planned-words");
  guint value = 1;
  Recorder recorder;

  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_UINT (pspec));
  g_assert_cmpuint (G_PARAM_SPEC_UINT (pspec)->maximum, ==, CD_ARTICLE_MAX_PLANNED_WORDS);
  g_assert_cmpuint (G_PARAM_SPEC_UINT (pspec)->default_value, ==, 0);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 0);

  recorder_init (&recorder, article);

  cd_article_set_planned_words (article, 800);
  cd_article_set_planned_words (article, 800);
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 800);
  g_assert_cmpuint (count (&recorder, "planned-words"), ==, 1);
  g_assert_cmpuint (recorder.changed, ==, 1);

  g_object_set (article, "planned-words", 650, NULL);
  g_object_set (article, "planned-words", 650, NULL);
  g_object_get (article, "planned-words", &value, NULL);
  g_assert_cmpuint (value, ==, 650);
  g_assert_cmpuint (count (&recorder, "planned-words"), ==, 2);
  g_assert_cmpuint (recorder.changed, ==, 2);

  cd_article_set_planned_words (article, CD_ARTICLE_MAX_PLANNED_WORDS);
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 1000000);

  /* No planned length again. */
  cd_article_set_planned_words (article, 0);
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 0);
  g_assert_cmpuint (count (&recorder, "planned-words"), ==, 4);
  g_assert_cmpuint (recorder.changed, ==, 4);

  /* More than the file format accepts is a programming error and changes nothing. */
  recorder_clear (&recorder);
  g_test_expect_message ("cd-article", G_LOG_LEVEL_CRITICAL,
                         "*planned_words <= CD_ARTICLE_MAX_PLANNED_WORDS*");
  cd_article_set_planned_words (article, CD_ARTICLE_MAX_PLANNED_WORDS + 1);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 0);
  g_assert_cmpuint (count (&recorder, "planned-words"), ==, 0);
  g_assert_cmpuint (recorder.changed, ==, 0);

  /* Other fields leave it alone. */
  cd_article_set_planned_words (article, 420);
  recorder_clear (&recorder);
  cd_article_set_status (article, CD_ARTICLE_STATUS_APPROVED);
  cd_article_set_body (article, "Words.");
  g_assert_cmpuint (count (&recorder, "planned-words"), ==, 0);
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 420);

  g_hash_table_unref (recorder.counts);
  g_assert_finalize_object (article);
}

static void
test_article_copy (void)
{
  CdArticle *article = cd_article_new ();
  CdArticle *copy;
  g_autoptr(CdAuthor) author = cd_author_new ("Ada Okafor");
  g_autoptr(CdTag) tag = cd_tag_new ("Transport", NULL, NULL);
  g_autofree char *original_data = NULL;
  g_autofree char *copy_data = NULL;

  cd_author_set_role (author, "Reporter");
  cd_article_add_author (article, author);
  cd_article_add_tag (article, tag);
  cd_article_set_headline (article, "Copy me");
  cd_article_set_standfirst (article, "And every field with it");
  cd_article_set_section (article, "Local");
  cd_article_set_dateline (article, "PORTMERE");
  cd_article_set_editor_note (article, "Legal has seen it");
  cd_article_set_language (article, "en-GB");
  cd_article_set_comments (article, FALSE);
  cd_article_set_status (article, CD_ARTICLE_STATUS_IN_REVIEW);
  cd_article_set_planned_words (article, 750);
  cd_article_set_slug (article, "by-hand");
  cd_article_set_body (article, "Some *body*.");
  cd_image_set_source (cd_article_get_image (article), "ferry.jpg");

  copy = cd_article_copy (article);
  original_data = cd_article_to_data (article, NULL);
  copy_data = cd_article_to_data (copy, NULL);
  g_assert_cmpstr (original_data, ==, copy_data);
  g_assert_true (cd_article_get_slug_edited (copy));
  g_assert_cmpuint (cd_article_get_planned_words (copy), ==, 750);
  g_assert_nonnull (strstr (copy_data, "\"planned_words\": 750,"));

  /* The copy is independent of the original. */
  cd_author_set_name (author, "Changed");
  g_assert_cmpstr (cd_article_get_byline (copy), ==, "By Ada Okafor");
  cd_article_set_planned_words (article, 900);
  g_assert_cmpuint (cd_article_get_planned_words (copy), ==, 750);

  g_assert_finalize_object (copy);
  g_assert_finalize_object (article);
}

/* A lead image is remote exactly when its source is a web address
 * (cd_url_is_web_address()): the scheme in any case, a host required, no
 * white space. */
static void
test_image_is_remote (void)
{
  static const struct
  {
    const char *source;
    gboolean remote;
  } cases[] = {
    { "https://cdn.example.org/a.jpg", TRUE },
    { "http://cdn.example.org/a.jpg", TRUE },
    { "HTTPS://CDN.EXAMPLE.ORG/a.jpg", TRUE },
    { "Http://cdn.example.org:8080/a.jpg", TRUE },
    { "https://", FALSE },
    { "https:///a.jpg", FALSE },
    { "https://cdn.example.org/a b.jpg", FALSE },
    { " https://cdn.example.org/a.jpg", FALSE },
    { "ftp://cdn.example.org/a.jpg", FALSE },
    { "photos/a.jpg", FALSE },
    { "", FALSE },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CdImage) image = cd_image_new ();

      cd_image_set_source (image, cases[i].source);
      g_test_message ("source “%s”", cases[i].source);
      g_assert_cmpint (cd_image_is_remote (image), ==, cases[i].remote);
    }
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/article/new", test_article_new);
  g_test_add_func ("/article/notify-on-real-change", test_article_notify_on_real_change);
  g_test_add_func ("/article/byline", test_article_byline);
  g_test_add_func ("/article/byline-names", test_article_byline_names);
  g_test_add_func ("/article/slug", test_article_slug);
  g_test_add_func ("/article/tags", test_article_tags);
  g_test_add_func ("/article/status-strings", test_article_status_strings);
  g_test_add_func ("/article/planned-words", test_article_planned_words);
  g_test_add_func ("/article/copy", test_article_copy);
  g_test_add_func ("/article/image-is-remote", test_image_is_remote);

  return g_test_run ();
}
