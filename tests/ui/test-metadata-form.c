/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cd-authors-editor.h"
#include "cd-metadata-form.h"
#include "cd-ui-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static CdArticle *
load_article (const char *path)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("CD_SOURCE_ROOT"), path, NULL);
  g_autoptr(GError) error = NULL;
  CdArticle *article = cd_article_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static CdArticle *
load_sample (void)
{
  return load_article ("data/sample/harbour-ferry.copydesk");
}

static GtkWidget *
child (GtkWidget  *form,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (form, CD_TYPE_METADATA_FORM, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* The form is a scrolled window. */
static GtkWidget *
scroller (GtkWidget *form)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (form);

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  return scrolled;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_descendant (c, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The date editors' rows: the publication's are in its date editor, the
 * embargo's inside the expander row. */
typedef struct
{
  GtkWidget *date_row;
  GtkWidget *date_button;
  GtkWidget *calendar;
  GtkWidget *time_row;
  GtkWidget *zone_row;
} DateRows;

static void
get_rows_in (GtkWidget *parent,
             DateRows  *rows)
{
  rows->date_button = find_descendant (parent, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (rows->date_button);
  rows->date_row = gtk_widget_get_ancestor (rows->date_button, ADW_TYPE_ENTRY_ROW);
  g_assert_true (ADW_IS_ENTRY_ROW (rows->date_row));
  rows->time_row = gtk_widget_get_next_sibling (rows->date_row);
  rows->zone_row = gtk_widget_get_next_sibling (rows->time_row);
  g_assert_true (ADW_IS_ENTRY_ROW (rows->time_row));
  g_assert_true (ADW_IS_ACTION_ROW (rows->zone_row));
  /* Made when the calendar is first opened; see open_calendar(). */
  rows->calendar = NULL;
}

static void
get_published_rows (GtkWidget *form,
                    DateRows  *rows)
{
  get_rows_in (child (form, "published_editor"), rows);
}

static void
get_embargo_rows (GtkWidget *form,
                  DateRows  *rows)
{
  get_rows_in (child (form, "embargo_row"), rows);
}

/* Opens the date row's calendar, which the editor makes then. */
static void
open_calendar (DateRows *rows)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (rows->date_button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (rows->date_button));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, popover, CD_UI_TEST_TIMEOUT_MS,
                       "the calendar to open");
  rows->calendar = gtk_popover_get_child (popover);
  g_assert_true (GTK_IS_CALENDAR (rows->calendar));
}

/* The date as the date row shows it; "" when not set. */
static const char *
date_text (DateRows *rows)
{
  return gtk_editable_get_text (GTK_EDITABLE (rows->date_row));
}

static gboolean
zone_found_cb (gpointer data)
{
  GtkListView *list = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) >= 1 &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) < 10;
}

/* Opens the zone row's list, types @query and takes the first zone found,
 * as a desk does. */
static void
search_zone (DateRows   *rows,
             const char *query)
{
  GtkWidget *button = find_descendant (rows->zone_row, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *search, *list;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, popover, CD_UI_TEST_TIMEOUT_MS,
                       "the zone list to open");
  search = find_descendant (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  list = find_descendant (GTK_WIDGET (popover), GTK_TYPE_LIST_VIEW);
  gtk_editable_set_text (GTK_EDITABLE (search), query);
  cd_ui_test_wait_for (zone_found_cb, list, CD_UI_TEST_TIMEOUT_MS, "the zone to be found");
  g_signal_emit_by_name (search, "activate");
}

static char *
buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
editable_text (GtkWidget *widget)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

/* The headline is a text view that wraps; these read and edit it as the
 * other fields' entries are read and edited. The text returned stays valid
 * until the next call. */
static const char *
headline_text (GtkWidget *form)
{
  static char *last;

  g_free (last);
  last = buffer_text (child (form, "headline_view"));
  return last;
}

static void
set_headline (GtkWidget  *form,
              const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (form, "headline_view"))),
                            text, -1);
}

static void
insert_headline (GtkWidget  *form,
                 const char *text,
                 int         offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (form, "headline_view")));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
}

static const char *
label_text (GtkWidget *widget)
{
  return gtk_label_get_text (GTK_LABEL (widget));
}

static const char *
zone_label (GtkWidget *zone_row)
{
  if (ADW_IS_COMBO_ROW (zone_row))
    {
      GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (zone_row));

      g_assert_true (GTK_IS_STRING_OBJECT (item));
      return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
    }

  /* The date editor's zone row names the zone in its subtitle. */
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (zone_row));
}

static int
planned_words (GtkWidget *form)
{
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (form, "planned_spin")));
}

static GtkWidget *
new_form (void)
{
  GtkWidget *form = cd_metadata_form_new ();

  g_object_ref_sink (form);
  return form;
}

static void
test_form_new (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();
  g_autoptr(GSettings) settings = cd_ui_test_settings_new ();
  g_autoptr(GFile) dir = g_file_new_for_path ("/tmp");
  g_autoptr(GFile) same_dir = g_file_new_for_path ("/tmp");
  guint notified = 0;

  g_assert_true (CD_IS_METADATA_FORM (form));
  g_assert_null (cd_metadata_form_get_article (CD_METADATA_FORM (form)));
  g_assert_nonnull (cd_metadata_form_get_house_rules (CD_METADATA_FORM (form)));
  g_assert_false (gtk_widget_get_sensitive (child (form, "content")));
  g_assert_true (GTK_IS_WIDGET (cd_metadata_form_get_image_editor (CD_METADATA_FORM (form))));

  g_signal_connect_swapped (form, "notify::article", G_CALLBACK (g_atomic_int_inc), &notified);
  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (cd_metadata_form_get_article (CD_METADATA_FORM (form)) == article);
  g_assert_true (gtk_widget_get_sensitive (child (form, "content")));
  g_assert_true (cd_authors_editor_get_article (CD_AUTHORS_EDITOR (child (form, "authors_editor")))
                 == article);

  notified = 0;
  g_signal_connect_swapped (form, "notify::house-rules", G_CALLBACK (g_atomic_int_inc), &notified);
  g_signal_connect_swapped (form, "notify::settings", G_CALLBACK (g_atomic_int_inc), &notified);
  g_signal_connect_swapped (form, "notify::article-dir", G_CALLBACK (g_atomic_int_inc), &notified);
  cd_metadata_form_set_house_rules (CD_METADATA_FORM (form), rules);
  cd_metadata_form_set_house_rules (CD_METADATA_FORM (form), rules);
  cd_metadata_form_set_settings (CD_METADATA_FORM (form), settings);
  cd_metadata_form_set_settings (CD_METADATA_FORM (form), settings);
  cd_metadata_form_set_article_dir (CD_METADATA_FORM (form), dir);
  cd_metadata_form_set_article_dir (CD_METADATA_FORM (form), same_dir);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_true (cd_metadata_form_get_house_rules (CD_METADATA_FORM (form)) == rules);
  g_assert_true (cd_metadata_form_get_settings (CD_METADATA_FORM (form)) == settings);
  g_assert_true (cd_metadata_form_get_article_dir (CD_METADATA_FORM (form)) == dir);

  cd_metadata_form_set_article (CD_METADATA_FORM (form), NULL);
  g_assert_false (gtk_widget_get_sensitive (child (form, "content")));
  g_assert_cmpstr (headline_text (form), ==, "");

  g_assert_finalize_object (form);
}

static void
test_form_shows_article (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) article = load_sample ();
  g_autofree char *standfirst = NULL;
  g_autofree char *note = NULL;
  DateRows published, embargo;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  get_published_rows (form, &published);
  get_embargo_rows (form, &embargo);

  g_assert_cmpstr (headline_text (form), ==,
                   "Electric harbour ferry enters service after two-year delay");
  standfirst = buffer_text (child (form, "standfirst_view"));
  g_assert_cmpstr (standfirst, ==, cd_article_get_standfirst (article));
  g_assert_true (g_str_has_prefix (standfirst, "The battery-powered Harbour Spirit"));
  g_assert_cmpstr (editable_text (child (form, "slug_row")), ==,
                   "electric-harbour-ferry-enters-service-after-two-year-delay");
  g_assert_false (gtk_widget_get_visible (child (form, "reset_slug_button")));
  g_assert_cmpstr (editable_text (child (form, "section_row")), ==, "Local");
  g_assert_cmpstr (editable_text (child (form, "language_row")), ==, "en-GB");
  g_assert_cmpstr (label_text (child (form, "language_name_label")), ==, "British English");
  g_assert_cmpstr (editable_text (child (form, "dateline_row")), ==, "Portmere");

  g_assert_cmpstr (date_text (&published), ==,
                   "Fri 27 Nov 2026");
  g_assert_cmpstr (editable_text (published.time_row), ==, "07:30");
  g_assert_cmpstr (zone_label (published.zone_row), ==, "UTC");
  g_assert_false (adw_expander_row_get_enable_expansion (
                    ADW_EXPANDER_ROW (child (form, "embargo_row"))));
  g_assert_cmpstr (date_text (&embargo), ==, "");

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (form, "status_row"))), ==,
                    CD_ARTICLE_STATUS_APPROVED);
  g_assert_cmpstr (zone_label (child (form, "status_row")), ==, "Approved");
  g_assert_cmpint (planned_words (form), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (form, "planned_row"))), ==,
                   "Not set");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (form, "comments_switch"))));
  note = buffer_text (child (form, "editor_note_view"));
  g_assert_cmpstr (note, ==, cd_article_get_editor_note (article));

  g_assert_finalize_object (form);
}

static void
test_form_edits_article (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) article = load_sample ();
  GtkTextBuffer *buffer;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);

  set_headline (form, "Ferry finally sails");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry finally sails");
  /* One paragraph, whatever is pasted. */
  insert_headline (form, "\nat\r\nlast", 19);
  g_assert_cmpstr (cd_article_get_headline (article), ==, "Ferry finally sails at  last");
  set_headline (form, "Ferry finally sails");
  /* The slug was never edited, so it follows. */
  g_assert_cmpstr (cd_article_get_slug (article), ==, "ferry-finally-sails");
  g_assert_cmpstr (editable_text (child (form, "slug_row")), ==, "ferry-finally-sails");

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (form, "standfirst_view")));
  gtk_text_buffer_set_text (buffer, "Two years late.", -1);
  g_assert_cmpstr (cd_article_get_standfirst (article), ==, "Two years late.");
  cd_ui_test_type_text (child (form, "standfirst_view"), " And over budget.");
  g_assert_cmpstr (cd_article_get_standfirst (article), ==, "Two years late. And over budget.");

  gtk_editable_set_text (GTK_EDITABLE (child (form, "section_row")), "Transport");
  g_assert_cmpstr (cd_article_get_section (article), ==, "Transport");

  gtk_editable_set_text (GTK_EDITABLE (child (form, "dateline_row")), "EASTBANK");
  g_assert_cmpstr (cd_article_get_dateline (article), ==, "EASTBANK");

  /* Any tag can be typed, and the menu sets common ones. */
  gtk_editable_set_text (GTK_EDITABLE (child (form, "language_row")), "sr-Latn-RS");
  g_assert_cmpstr (cd_article_get_language (article), ==, "sr-Latn-RS");
  g_assert_cmpstr (label_text (child (form, "language_name_label")), ==, "");
  g_assert_true (gtk_widget_activate_action (form, "form.set-language", "s", "de"));
  g_assert_cmpstr (cd_article_get_language (article), ==, "de");
  g_assert_cmpstr (editable_text (child (form, "language_row")), ==, "de");
  g_assert_cmpstr (label_text (child (form, "language_name_label")), ==, "German");
  gtk_editable_set_text (GTK_EDITABLE (child (form, "language_row")), "fr-CA");
  g_assert_cmpstr (label_text (child (form, "language_name_label")), ==, "French");

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (form, "status_row")), CD_ARTICLE_STATUS_KILLED);
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_KILLED);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (form, "status_row")),
                              CD_ARTICLE_STATUS_IN_REVIEW);
  g_assert_cmpint (cd_article_get_status (article), ==, CD_ARTICLE_STATUS_IN_REVIEW);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (form, "planned_spin")), 650);
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 650);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (form, "planned_row"))), ==,
                   "Words");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (form, "planned_spin")), 0);
  g_assert_cmpuint (cd_article_get_planned_words (article), ==, 0);

  gtk_switch_set_active (GTK_SWITCH (child (form, "comments_switch")), FALSE);
  g_assert_false (cd_article_get_comments (article));
  gtk_switch_set_active (GTK_SWITCH (child (form, "comments_switch")), TRUE);
  g_assert_true (cd_article_get_comments (article));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (form, "editor_note_view")));
  gtk_text_buffer_set_text (buffer, "Check the fares.\nCall the council.", -1);
  g_assert_cmpstr (cd_article_get_editor_note (article), ==, "Check the fares.\nCall the council.");

  g_assert_finalize_object (form);
}

static void
assert_counter (GtkWidget  *label,
                const char *text,
                const char *style)
{
  g_assert_cmpstr (label_text (label), ==, text);
  g_assert_true (gtk_widget_has_css_class (label, "warning") ==
                 (g_strcmp0 (style, "warning") == 0));
  g_assert_true (gtk_widget_has_css_class (label, "error") == (g_strcmp0 (style, "error") == 0));
  g_assert_true (gtk_widget_has_css_class (label, "dim-label") == (style == NULL));
}

static void
test_form_counters (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) article = load_article ("tests/articles/minimal.copydesk");
  g_autoptr(CdHouseRules) defaults = cd_house_rules_new_default ();
  g_autoptr(CdHouseRules) strict = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *headline = NULL;
  GtkWidget *standfirst = NULL;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  const char *strict_json =
    "{\"format\": \"copydesk-house-rules\", \"version\": 1,"
    " \"limits\": {\"headline.soft\": 10, \"headline.hard\": 20},"
    " \"rules\": {\"standfirst-length\": \"off\"}}";

  cd_metadata_form_set_house_rules (CD_METADATA_FORM (form), defaults);
  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  headline = child (form, "headline_counter");
  standfirst = child (form, "standfirst_counter");
  g_assert_cmpint (cd_house_rules_get_limit (defaults, "headline.soft"), ==, 70);
  g_assert_cmpint (cd_house_rules_get_limit (defaults, "headline.hard"), ==, 110);

  assert_counter (headline, "0 / 70", NULL);
  assert_counter (standfirst, "0 / 200", NULL);

  /* Characters as readers see them: "é" and "€" are one each. */
  text = g_strnfill (68, 'a');
  set_headline (form, text);
  insert_headline (form, "é€", 68);
  assert_counter (headline, "70 / 70", NULL);
  insert_headline (form, "b", 70);
  assert_counter (headline, "71 / 70", "warning");
  g_free (text);
  text = g_strnfill (110, 'h');
  set_headline (form, text);
  assert_counter (headline, "110 / 70", "warning");
  insert_headline (form, "!", 110);
  assert_counter (headline, "111 / 70", "error");
  set_headline (form, "Short");
  assert_counter (headline, "5 / 70", NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (form, "standfirst_view")));
  g_free (text);
  text = g_strnfill (200, 's');
  gtk_text_buffer_set_text (buffer, text, -1);
  assert_counter (standfirst, "200 / 200", NULL);
  cd_ui_test_type_text (child (form, "standfirst_view"), "s");
  assert_counter (standfirst, "201 / 200", "warning");
  g_free (text);
  text = g_strnfill (321, 's');
  /* Set elsewhere (an import), the counter follows too. */
  cd_article_set_standfirst (article, text);
  assert_counter (standfirst, "321 / 200", "error");

  /* Another newsroom's rules: new limits, and a rule turned off is not styled. */
  strict = cd_house_rules_load_from_data (strict_json, strlen (strict_json), "strict.json", &error);
  g_assert_no_error (error);
  cd_metadata_form_set_house_rules (CD_METADATA_FORM (form), strict);
  assert_counter (headline, "5 / 10", NULL);
  assert_counter (standfirst, "321 / 200", NULL);
  set_headline (form, "Ferry sails at last");
  assert_counter (headline, "19 / 10", "warning");

  g_assert_finalize_object (form);
}

static void
test_form_slug (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) article = load_sample ();
  GtkWidget *slug_row;
  GtkWidget *reset;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  slug_row = child (form, "slug_row");
  reset = child (form, "reset_slug_button");

  /* Derived: follows the headline, no reset button. */
  g_assert_false (cd_article_get_slug_edited (article));
  g_assert_false (gtk_widget_get_visible (reset));
  set_headline (form, "Ferry sails");
  g_assert_cmpstr (editable_text (slug_row), ==, "ferry-sails");

  /* Edited: the article keeps it and the reset button appears. */
  gtk_editable_set_text (GTK_EDITABLE (slug_row), "harbour-ferry");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "harbour-ferry");
  g_assert_true (cd_article_get_slug_edited (article));
  g_assert_true (gtk_widget_get_visible (reset));
  set_headline (form, "Ferry sails again");
  g_assert_cmpstr (editable_text (slug_row), ==, "harbour-ferry");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "harbour-ferry");

  /* Emptying the entry derives the slug again without filling the entry
   * under the cursor. */
  gtk_editable_set_text (GTK_EDITABLE (slug_row), "");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "ferry-sails-again");
  g_assert_false (cd_article_get_slug_edited (article));
  g_assert_cmpstr (editable_text (slug_row), ==, "");
  cd_ui_test_type_text (slug_row, "ferry");
  g_assert_cmpstr (cd_article_get_slug (article), ==, "ferry");
  g_assert_cmpstr (editable_text (slug_row), ==, "ferry");

  /* Reset. */
  g_assert_true (gtk_widget_activate_action (form, "form.reset-slug", NULL));
  g_assert_false (cd_article_get_slug_edited (article));
  g_assert_cmpstr (cd_article_get_slug (article), ==, "ferry-sails-again");
  g_assert_cmpstr (editable_text (slug_row), ==, "ferry-sails-again");
  g_assert_false (gtk_widget_get_visible (reset));

  g_assert_finalize_object (form);
}

static void
test_form_dates (void)
{
  GtkWidget *form = new_form ();
  GtkWindow *window;
  g_autoptr(CdArticle) article = load_article ("tests/articles/minimal.copydesk");
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) expected = NULL;
  GDateTime *published;
  g_autofree char *label = NULL;
  DateRows rows;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  get_published_rows (form, &rows);
  /* On screen: the calendar and the zone list open as popovers. */
  window = cd_ui_test_show (form, 400, 1000);

  /* Unset. */
  g_assert_null (cd_article_get_published (article));
  g_assert_cmpstr (date_text (&rows), ==, "");
  g_assert_cmpstr (editable_text (rows.time_row), ==, "");
  /* The zone new dates are made in says which zone "local" is. */
  g_assert_cmpstr (zone_label (rows.zone_row), ==, "Local Time (Europe/Berlin)");

  /* Now, to the minute. */
  before = g_date_time_new_now_utc ();
  g_assert_true (gtk_widget_activate_action (form, "form.published-now", NULL));
  after = g_date_time_new_now_utc ();
  published = cd_article_get_published (article);
  g_assert_nonnull (published);
  g_assert_cmpfloat (g_date_time_get_seconds (published), ==, 0);
  g_assert_cmpint (g_date_time_difference (published, before), >, -60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (published, after), <=, 0);
  label = g_date_time_format (published, "%a %-d %b %Y");
  g_assert_cmpstr (date_text (&rows), ==, label);

  /* A day from the calendar keeps the time. */
  cd_article_set_published (article, NULL);
  expected = g_date_time_new_utc (2026, 11, 27, 7, 30, 0);
  cd_article_set_published (article, expected);
  g_assert_cmpstr (zone_label (rows.zone_row), ==, "UTC");
  day = g_date_time_new_local (2026, 12, 3, 0, 0, 0);
  open_calendar (&rows);
  gtk_calendar_select_day (GTK_CALENDAR (rows.calendar), day);
  g_clear_pointer (&expected, g_date_time_unref);
  expected = g_date_time_new_utc (2026, 12, 3, 7, 30, 0);
  g_assert_true (g_date_time_equal (cd_article_get_published (article), expected));
  g_assert_cmpstr (date_text (&rows), ==,
                   "Thu 3 Dec 2026");

  /* A time: applied when the row is activated (or left) and valid,
   * marked and not applied when not. */
  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "9:05");
  g_signal_emit_by_name (rows.time_row, "entry-activated");
  g_clear_pointer (&expected, g_date_time_unref);
  expected = g_date_time_new_utc (2026, 12, 3, 9, 5, 0);
  g_assert_true (g_date_time_equal (cd_article_get_published (article), expected));
  g_assert_cmpstr (editable_text (rows.time_row), ==, "9:05");
  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "25:99");
  g_signal_emit_by_name (rows.time_row, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (rows.time_row, "error"));
  g_assert_true (g_date_time_equal (cd_article_get_published (article), expected));
  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "noon");
  g_assert_true (g_date_time_equal (cd_article_get_published (article), expected));
  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "23:59");
  g_signal_emit_by_name (rows.time_row, "entry-activated");
  g_assert_false (gtk_widget_has_css_class (rows.time_row, "error"));
  g_clear_pointer (&expected, g_date_time_unref);
  expected = g_date_time_new_utc (2026, 12, 3, 23, 59, 0);
  g_assert_true (g_date_time_equal (cd_article_get_published (article), expected));

  /* A zone keeps the wall-clock time. */
  search_zone (&rows, "New York");
  g_clear_pointer (&expected, g_date_time_unref);
  expected = g_date_time_new (new_york, 2026, 12, 3, 23, 59, 0);
  published = cd_article_get_published (article);
  g_assert_true (g_date_time_equal (published, expected));
  g_assert_cmpint (g_date_time_get_utc_offset (published), ==, -5 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (editable_text (rows.time_row), ==, "23:59");

  /* A date-time from a file has only an offset, which is offered as it is. */
  g_clear_pointer (&expected, g_date_time_unref);
  expected = g_date_time_new_from_iso8601 ("2026-06-01T08:00:00+02:00", NULL);
  cd_article_set_published (article, expected);
  g_assert_cmpstr (zone_label (rows.zone_row), ==, "UTC+02:00");
  g_assert_cmpstr (editable_text (rows.time_row), ==, "08:00");
  g_assert_cmpstr (date_text (&rows), ==,
                   "Mon 1 Jun 2026");

  /* Unset from elsewhere. */
  cd_article_set_published (article, NULL);
  g_assert_cmpstr (date_text (&rows), ==, "");
  g_assert_cmpstr (editable_text (rows.time_row), ==, "");

  gtk_window_destroy (window);
  g_assert_finalize_object (form);
}

/* A date typed into the form is one undo step and lands in the file; a zone
 * found by typing "Dubai" is saved by name and reopens as itself. */
static void
test_form_typed_date_saved (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) article = load_article ("tests/articles/minimal.copydesk");
  g_autoptr(CdArticle) reopened = NULL;
  g_autoptr(CdHistory) history = cd_history_new (article);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GDateTime *published;
  GtkWindow *window;
  DateRows rows;

  cd_article_set_language (article, "en-GB");
  cd_history_clear (history);
  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  get_published_rows (form, &rows);
  window = cd_ui_test_show (form, 400, 1000);

  /* Typed, not clicked: the day, then the time. */
  gtk_editable_set_text (GTK_EDITABLE (rows.date_row), "12 July 2017");
  g_assert_null (cd_article_get_published (article));
  g_signal_emit_by_name (rows.date_row, "entry-activated");
  published = cd_article_get_published (article);
  g_assert_nonnull (published);
  g_assert_cmpint (g_date_time_get_year (published), ==, 2017);
  g_assert_cmpint (g_date_time_get_month (published), ==, 7);
  g_assert_cmpint (g_date_time_get_day_of_month (published), ==, 12);
  g_assert_cmpstr (date_text (&rows), ==, "Wed 12 Jul 2017");
  g_assert_cmpuint (cd_history_get_n_steps (history), ==, 1);
  g_assert_true (cd_history_undo (history, NULL, NULL));
  g_assert_null (cd_article_get_published (article));
  g_assert_cmpstr (date_text (&rows), ==, "");
  g_assert_true (cd_history_redo (history, NULL, NULL));
  g_assert_cmpstr (date_text (&rows), ==, "Wed 12 Jul 2017");

  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "09:00");

  g_signal_emit_by_name (rows.time_row, "entry-activated");
  search_zone (&rows, "Dubai");
  published = cd_article_get_published (article);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (published)), ==, "Asia/Dubai");
  g_assert_cmpint (g_date_time_get_hour (published), ==, 9);
  g_assert_cmpstr (zone_label (rows.zone_row), ==, "Asia/Dubai");

  /* Saved by name beside the offset. */
  dir = g_dir_make_tmp ("cd-form-dates-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "dubai.copydesk", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (cd_article_save_to_file (article, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "  \"published\": \"2017-07-12T09:00:00+04:00\",\n"
                                      "  \"published_zone\": \"Asia/Dubai\",\n"));

  /* Reopened: Dubai, not "UTC+04:00". */
  reopened = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  cd_metadata_form_set_article (CD_METADATA_FORM (form), reopened);
  g_assert_cmpstr (zone_label (rows.zone_row), ==, "Asia/Dubai");
  g_assert_cmpstr (date_text (&rows), ==, "Wed 12 Jul 2017");
  g_assert_cmpstr (editable_text (rows.time_row), ==, "09:00");
  published = cd_article_get_published (reopened);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (published)), ==, "Asia/Dubai");

  g_remove (path);
  g_rmdir (dir);
  gtk_window_destroy (window);
  cd_metadata_form_set_article (CD_METADATA_FORM (form), NULL);
  g_assert_finalize_object (form);
}

/* Filling the form from an article, or emptying it, writes nothing back:
 * neither the old article nor the new one changes, even where a widget
 * cannot show the value (a planned length past the spin button's range). */
static void
test_form_switch_writes_nothing (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) first = load_sample ();
  g_autoptr(CdArticle) second = cd_article_new ();
  g_autoptr(GDateTime) embargo = g_date_time_new_utc (2026, 11, 27, 6, 0, 0);
  GtkWidget *expander = child (form, "embargo_row");
  guint changes = 0;

  cd_article_set_embargo (first, embargo);
  cd_article_set_planned_words (first, 50000);
  g_signal_connect_swapped (first, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  g_signal_connect_swapped (second, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  cd_metadata_form_set_article (CD_METADATA_FORM (form), first);
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));
  g_assert_cmpint (planned_words (form), ==, 20000);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (form, "planned_row"))), ==,
                   "Words");

  cd_metadata_form_set_article (CD_METADATA_FORM (form), second);
  g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));
  g_assert_cmpint (planned_words (form), ==, 0);

  cd_metadata_form_set_article (CD_METADATA_FORM (form), first);
  cd_metadata_form_set_article (CD_METADATA_FORM (form), NULL);
  g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));
  g_assert_cmpint (planned_words (form), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (form, "planned_row"))), ==,
                   "Not set");

  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (cd_article_get_planned_words (first), ==, 50000);
  g_assert_true (g_date_time_equal (cd_article_get_embargo (first), embargo));
  g_assert_null (cd_article_get_embargo (second));
  g_assert_cmpuint (cd_article_get_planned_words (second), ==, 0);

  /* With an article again, the spin button writes to it. */
  cd_metadata_form_set_article (CD_METADATA_FORM (form), second);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (form, "planned_spin")), 700);
  g_assert_cmpuint (cd_article_get_planned_words (second), ==, 700);
  g_assert_cmpuint (changes, ==, 1);

  g_signal_handlers_disconnect_by_data (first, &changes);
  g_signal_handlers_disconnect_by_data (second, &changes);
  g_assert_finalize_object (form);
}

static void
test_form_embargo (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(GDateTime) expected = NULL;
  AdwExpanderRow *expander;
  DateRows rows;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  expander = ADW_EXPANDER_ROW (child (form, "embargo_row"));
  get_embargo_rows (form, &rows);

  g_assert_null (cd_article_get_embargo (article));
  g_assert_false (adw_expander_row_get_enable_expansion (expander));

  /* On: starts at the publication time. */
  adw_expander_row_set_enable_expansion (expander, TRUE);
  g_assert_nonnull (cd_article_get_embargo (article));
  g_assert_true (g_date_time_equal (cd_article_get_embargo (article),
                                    cd_article_get_published (article)));
  g_assert_cmpstr (date_text (&rows), ==,
                   "Fri 27 Nov 2026");
  g_assert_cmpstr (adw_expander_row_get_subtitle (expander), ==, "Fri 27 Nov 2026, 07:30 UTC");

  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "06:00");

  g_signal_emit_by_name (rows.time_row, "entry-activated");
  expected = g_date_time_new_utc (2026, 11, 27, 6, 0, 0);
  g_assert_true (g_date_time_equal (cd_article_get_embargo (article), expected));
  /* The publication date is untouched. */
  g_assert_cmpint (g_date_time_get_hour (cd_article_get_published (article)), ==, 7);

  /* Off clears it. */
  adw_expander_row_set_enable_expansion (expander, FALSE);
  g_assert_null (cd_article_get_embargo (article));
  g_assert_cmpstr (date_text (&rows), ==, "");

  /* Set elsewhere: the switch follows. */
  cd_article_set_embargo (article, expected);
  g_assert_true (adw_expander_row_get_enable_expansion (expander));
  g_assert_cmpstr (editable_text (rows.time_row), ==, "06:00");
  cd_article_set_embargo (article, NULL);
  g_assert_false (adw_expander_row_get_enable_expansion (expander));

  /* Without a publication time, an embargo starts now. */
  cd_article_set_published (article, NULL);
  adw_expander_row_set_enable_expansion (expander, TRUE);
  g_assert_nonnull (cd_article_get_embargo (article));

  g_assert_finalize_object (form);
}

static void
test_form_follows_article (void)
{
  GtkWidget *form = new_form ();
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(CdArticle) other = load_article ("tests/articles/full.copydesk");
  GtkWidget *headline;
  g_autofree char *standfirst = NULL;
  g_autofree char *note = NULL;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  headline = child (form, "headline_view");

  /* A change from elsewhere (a reload, an undo) shows; the cursor of an
   * unchanged field stays where it was. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (headline));
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, 8);
    gtk_text_buffer_place_cursor (buffer, &iter);
    cd_article_set_headline (article, cd_article_get_headline (article));
    cd_article_set_section (article, "Business");
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 8);
  }
  g_assert_cmpstr (editable_text (child (form, "section_row")), ==, "Business");
  cd_article_set_headline (article, "New headline");
  g_assert_cmpstr (headline_text (form), ==, "New headline");
  cd_article_set_standfirst (article, "New standfirst");
  standfirst = buffer_text (child (form, "standfirst_view"));
  g_assert_cmpstr (standfirst, ==, "New standfirst");
  cd_article_set_editor_note (article, "New note");
  note = buffer_text (child (form, "editor_note_view"));
  g_assert_cmpstr (note, ==, "New note");
  cd_article_set_slug (article, "hand-made");
  g_assert_cmpstr (editable_text (child (form, "slug_row")), ==, "hand-made");
  g_assert_true (gtk_widget_get_visible (child (form, "reset_slug_button")));
  cd_article_set_language (article, "ja");
  g_assert_cmpstr (editable_text (child (form, "language_row")), ==, "ja");
  g_assert_cmpstr (label_text (child (form, "language_name_label")), ==, "Japanese");
  cd_article_set_dateline (article, "ABERDEEN");
  g_assert_cmpstr (editable_text (child (form, "dateline_row")), ==, "ABERDEEN");
  cd_article_set_status (article, CD_ARTICLE_STATUS_PUBLISHED);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (form, "status_row"))), ==,
                    CD_ARTICLE_STATUS_PUBLISHED);
  cd_article_set_comments (article, FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child (form, "comments_switch"))));
  /* The planned length is read again whenever the article changes. */
  cd_article_set_planned_words (article, 800);
  g_signal_emit_by_name (article, "changed");
  g_assert_cmpint (planned_words (form), ==, 800);

  /* A new article rebinds everything; the old one is left alone. */
  cd_metadata_form_set_article (CD_METADATA_FORM (form), other);
  g_assert_cmpstr (headline_text (form), ==, cd_article_get_headline (other));
  standfirst = (g_free (standfirst), buffer_text (child (form, "standfirst_view")));
  g_assert_cmpstr (standfirst, ==, cd_article_get_standfirst (other));
  g_assert_cmpint (planned_words (form), ==, (int) cd_article_get_planned_words (other));
  set_headline (form, "Only the new one");
  g_assert_cmpstr (cd_article_get_headline (other), ==, "Only the new one");
  g_assert_cmpstr (cd_article_get_headline (article), ==, "New headline");
  cd_article_set_section (article, "Ignored");
  g_assert_cmpstr (editable_text (child (form, "section_row")), ==, cd_article_get_section (other));

  g_assert_finalize_object (form);
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         above;
  double         below;
} ScrollWait;

static gboolean
scrolled_cb (gpointer data)
{
  ScrollWait *wait = data;
  double value = gtk_adjustment_get_value (wait->adjustment);

  return value > wait->above && value < wait->below;
}

static void
test_form_focus_field (void)
{
  GtkWidget *form = cd_metadata_form_new ();
  g_autoptr(CdArticle) article = load_sample ();
  GtkWindow *window;
  GtkAdjustment *vadjustment;
  struct {
    const char *field;
    const char *widget;
  } fields[] = {
    { "headline", "headline_row" },
    { "standfirst", "standfirst_view" },
    { "slug", "slug_row" },
    { "section", "section_row" },
    { "language", "language_row" },
    { "dateline", "dateline_row" },
    { "status", "status_row" },
    { "editor_note", "editor_note_view" },
    { "comments", "comments_switch" },
    { "planned_words", "planned_spin" },
  };
  DateRows published, embargo;
  GtkWidget *focus;
  ScrollWait scroll = { NULL, -1, G_MAXDOUBLE };

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  window = cd_ui_test_show (form, 400, 500);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller (form)));
  scroll.adjustment = vadjustment;
  get_published_rows (form, &published);
  get_embargo_rows (form, &embargo);

  for (size_t i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = child (form, fields[i].widget);

      g_test_message ("%s", fields[i].field);
      g_assert_true (cd_metadata_form_focus_field (CD_METADATA_FORM (form), fields[i].field));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (focus == widget || gtk_widget_is_ancestor (focus, widget));
    }

  /* The last field is far down: the form scrolled to it. */
  scroll.above = 500;
  cd_ui_test_wait_for (scrolled_cb, &scroll, CD_UI_TEST_TIMEOUT_MS,
                       "the form to scroll down to the last field");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 500);
  cd_metadata_form_focus_headline (CD_METADATA_FORM (form));
  scroll.above = -1;
  scroll.below = 100;
  cd_ui_test_wait_for (scrolled_cb, &scroll, CD_UI_TEST_TIMEOUT_MS,
                       "the form to scroll back up to the headline");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, child (form, "headline_row")));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <, 100);

  g_assert_true (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "published"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, published.date_row));

  g_assert_true (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "authors"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, child (form, "authors_editor")));
  g_assert_true (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "authors[1].name"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, child (form, "authors_editor")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "Kwame Osei");

  /* The embargo is off: its switch takes the focus. With one, its date. */
  g_assert_true (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "embargo"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, child (form, "embargo_row")));
  cd_article_set_embargo (article, cd_article_get_published (article));
  g_assert_true (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "embargo"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, embargo.date_row));

  /* The tag editor is asked to take the focus; the image editor's fields are
   * its own (tested with it). */
  g_assert_true (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "tags"));

  g_assert_false (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "body"));
  g_assert_false (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "no-such-field"));
  g_assert_false (cd_metadata_form_focus_field (CD_METADATA_FORM (form), "authors[x].name"));

  gtk_window_destroy (window);
}

/* Every field of the registry on the form takes the focus inside it, and a
 * prose field's widget is a text view that wraps. */
static void
test_form_focus_every_field (void)
{
  GtkWidget *form = cd_metadata_form_new ();
  g_autoptr(CdArticle) article = load_sample ();
  GtkWindow *window;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  window = cd_ui_test_show (form, 400, 500);

  for (guint i = 0; i < cd_field_get_n_fields (); i++)
    {
      const CdField *field = cd_field_get_nth (i);
      g_autofree char *id = NULL;
      GtkWidget *focus;

      if (cd_field_has_flags (field, CD_FIELD_PER_AUTHOR))
        id = cd_field_id_format (cd_field_get_id (field), 1);
      else
        id = g_strdup (cd_field_get_id (field));

      g_test_message ("%s", id);
      if (!cd_field_has_flags (field, CD_FIELD_ON_FORM))
        {
          g_assert_false (cd_metadata_form_focus_field (CD_METADATA_FORM (form), id));
          continue;
        }

      gtk_window_set_focus (window, NULL);
      g_assert_true (cd_metadata_form_focus_field (CD_METADATA_FORM (form), id));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, form));
      g_assert_cmpint (GTK_IS_TEXT_VIEW (focus), ==, cd_field_has_flags (field, CD_FIELD_PROSE));
    }

  gtk_window_destroy (window);
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static GtkWidget *
mnemonic_label (GtkWidget *widget)
{
  g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (widget);

  g_assert_cmpuint (g_list_length (labels), ==, 1);
  return labels->data;
}

/* Tab moves through the fields in the order they are laid out. */
static void
test_form_tab_order (void)
{
  GtkWidget *form = cd_metadata_form_new ();
  g_autoptr(CdArticle) article = load_sample ();
  const char *order[] = {
    "headline_row", "standfirst_view", "slug_row", "section_row", "language_row",
    "language_button", "authors_editor", "dateline_row", "dates_list", "embargo_row",
    "status_row", "planned_spin", "comments_switch", "editor_note_view",
  };
  GtkWindow *window;
  size_t next = 1;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  window = cd_ui_test_show (form, 400, 800);
  cd_metadata_form_focus_headline (CD_METADATA_FORM (form));

  /* Until the focus wraps around to the headline, the fields are met in
   * order, with their own buttons and rows in between. */
  for (guint step = 0; step < 60 && next < G_N_ELEMENTS (order); step++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_test_message ("step %u: %s, expecting %s", step, G_OBJECT_TYPE_NAME (focus), order[next]);
      if (gtk_widget_is_ancestor (focus, child (form, order[0])))
        break;
      if (focus == child (form, order[next]) ||
          gtk_widget_is_ancestor (focus, child (form, order[next])))
        next++;
    }
  g_assert_cmpuint (next, ==, G_N_ELEMENTS (order));

  gtk_window_destroy (window);
}

/* Control+Return, typed for real in each text field of the form, goes to
 * the body, as everywhere in the window, and breaks no line: the standfirst
 * and the note for the desk keep the breaks Return types, not this one.
 * Needs xdotool and an X11 display; skipped without them. */
#ifdef GDK_WINDOWING_X11
static void
count_focus_body_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       data)
{
  (*(guint *) data)++;
}

static gboolean
count_reached_cb (gpointer data)
{
  guint **wait = data;

  return *wait[0] == *wait[1];
}

static gboolean
window_active_cb (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}
#endif

static void
test_form_control_return (void)
{
#ifdef GDK_WINDOWING_X11
  GtkWidget *form = cd_metadata_form_new ();
  g_autoptr(CdArticle) article = load_sample ();
  g_autofree char *program = g_find_program_in_path ("xdotool");
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("focus-body", NULL);
  const char *views[] = { "headline_view", "standfirst_view", "editor_note_view" };
  g_autofree char *command = NULL;
  GtkWindow *window;
  guint count = 0;

  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  cd_article_set_editor_note (article, "Check the figures with the council.");
  window = cd_ui_test_show (form, 400, 1000);
  if (program == NULL || !GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window))))
    {
      g_test_skip ("needs xdotool and an X11 display");
      gtk_window_destroy (window);
      return;
    }
  g_signal_connect (action, "activate", G_CALLBACK (count_focus_body_cb), &count);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));

  command = g_strdup_printf ("xdotool windowfocus --sync %lu",
                             gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  cd_ui_test_wait_for (window_active_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the window to become active");

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = child (form, views[i]);
      g_autofree char *headline = g_strdup (cd_article_get_headline (article));
      g_autofree char *standfirst = g_strdup (cd_article_get_standfirst (article));
      g_autofree char *note = g_strdup (cd_article_get_editor_note (article));
      guint expected = i + 1;
      guint *wait[] = { &count, &expected };
      int status = 0;

      g_test_message ("%s", views[i]);
      gtk_widget_grab_focus (view);
      cd_ui_test_flush ();
      g_assert_true (g_spawn_command_line_sync ("xdotool key ctrl+Return", NULL, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      cd_ui_test_wait_for (count_reached_cb, wait, CD_UI_TEST_TIMEOUT_MS,
                           "Control+Return to ask for the body");
      cd_ui_test_flush ();
      g_assert_cmpstr (cd_article_get_headline (article), ==, headline);
      g_assert_cmpstr (cd_article_get_standfirst (article), ==, standfirst);
      g_assert_cmpstr (cd_article_get_editor_note (article), ==, note);
    }

  gtk_window_destroy (window);
#else
  g_test_skip ("needs X11");
#endif
}

static void
test_form_accessible (void)
{
  GtkWidget *form = new_form ();
  GtkWidget *standfirst_label = mnemonic_label (child (form, "standfirst_view"));
  GtkWidget *note_label = mnemonic_label (child (form, "editor_note_view"));
  char *failure;
  DateRows published;

  get_published_rows (form, &published);

  /* The multi-line fields are labelled by their visible labels. */
  g_assert_true (gtk_widget_get_visible (standfirst_label));
  g_assert_cmpstr (label_text (standfirst_label), ==, "Standfirst");
  g_assert_cmpstr (label_text (note_label), ==, "Editor’s Note");
  failure = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (child (form, "standfirst_view")),
                                                GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                standfirst_label, NULL);
  g_assert_cmpstr (failure, ==, NULL);
  failure = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (child (form, "editor_note_view")),
                                                GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                note_label, NULL);
  g_assert_cmpstr (failure, ==, NULL);

  /* Controls at the end of a row carry the row's title as their name. */
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child (form, "planned_spin")),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Planned Length");
  g_assert_cmpstr (failure, ==, NULL);
  g_assert_cmpstr (row_title (child (form, "planned_row")), ==, "Planned Length");
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child (form, "comments_switch")),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Allow Comments");
  g_assert_cmpstr (failure, ==, NULL);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (published.date_button),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Publication Date");
  g_assert_cmpstr (failure, ==, NULL);
  g_assert_cmpstr (row_title (published.date_row), ==, "Publication Date");
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child (form, "reset_slug_button")),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Derive Slug From Headline");
  g_assert_cmpstr (failure, ==, NULL);

  g_assert_finalize_object (form);
}

/* Saves the form page by page: the test display is only 1000 pixels high. */
static void
screenshot_pages (GtkWidget  *form,
                  const char *name)
{
  GtkAdjustment *vadjustment =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller (form)));
  double value = 0;

  for (guint page = 1; ; page++)
    {
      g_autofree char *page_name = g_strdup_printf ("%s-%u", name, page);
      g_autofree char *path = NULL;

      gtk_adjustment_set_value (vadjustment, value);
      path = cd_ui_test_screenshot (form, page_name);
      g_test_message ("screenshot: %s", path);

      value += gtk_adjustment_get_page_size (vadjustment) - 40;
      if (value >= gtk_adjustment_get_upper (vadjustment) - 40 || page == 5)
        break;
    }
  gtk_adjustment_set_value (vadjustment, 0);
}

static gboolean
text_fits_cb (gpointer data)
{
  GtkWidget *view = data;
  int natural;

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      NULL, &natural, NULL, NULL);
  return gtk_widget_get_height (view) >= natural;
}

/* A multi-line field is as tall as its wrapped text: nothing is cut off.
 * A text view lays its lines out in the background, and is given its height
 * a frame after that: waits for it. */
static void
assert_text_fits (GtkWidget *view)
{
  int natural;

  cd_ui_test_wait_for (text_fits_cb, view, CD_UI_TEST_TIMEOUT_MS,
                       "the text view to be as tall as its wrapped text");
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, >, 60);
  g_assert_cmpint (gtk_widget_get_height (view), >=, natural);
}

static gboolean
width_is_360_cb (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) == 360;
}

static void
test_form_screenshot (void)
{
  GtkWidget *form = cd_metadata_form_new ();
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) embargo = g_date_time_new (london, 2026, 11, 27, 6, 0, 0);
  GtkWindow *window;

  cd_article_set_embargo (article, embargo);
  cd_article_set_planned_words (article, 650);
  cd_metadata_form_set_article (CD_METADATA_FORM (form), article);
  window = cd_ui_test_show (form, 400, 1000);
  assert_text_fits (child (form, "standfirst_view"));
  assert_text_fits (child (form, "editor_note_view"));
  screenshot_pages (form, "metadata-form-400");

  /* The narrowest sidebar: nothing may stick out. */
  gtk_window_set_default_size (window, 360, 1000);
  cd_ui_test_wait_for (width_is_360_cb, form, CD_UI_TEST_TIMEOUT_MS,
                       "the form to be laid out 360 pixels wide");
  cd_ui_test_wait_for_frames (form);
  g_assert_cmpint (gtk_widget_get_width (form), ==, 360);
  assert_text_fits (child (form, "standfirst_view"));
  screenshot_pages (form, "metadata-form-360");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend keeps the names and relations to check.
   * A local zone that is not UTC, so that "Local Time" and "UTC" differ. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  cd_ui_test_init (&argc, &argv);

  g_test_add_func ("/metadata-form/new", test_form_new);
  g_test_add_func ("/metadata-form/shows-article", test_form_shows_article);
  g_test_add_func ("/metadata-form/edits-article", test_form_edits_article);
  g_test_add_func ("/metadata-form/counters", test_form_counters);
  g_test_add_func ("/metadata-form/slug", test_form_slug);
  g_test_add_func ("/metadata-form/dates", test_form_dates);
  g_test_add_func ("/metadata-form/typed-date-saved", test_form_typed_date_saved);
  g_test_add_func ("/metadata-form/embargo", test_form_embargo);
  g_test_add_func ("/metadata-form/switch-writes-nothing", test_form_switch_writes_nothing);
  g_test_add_func ("/metadata-form/follows-article", test_form_follows_article);
  g_test_add_func ("/metadata-form/focus-field", test_form_focus_field);
  g_test_add_func ("/metadata-form/focus-every-field", test_form_focus_every_field);
  g_test_add_func ("/metadata-form/tab-order", test_form_tab_order);
  g_test_add_func ("/metadata-form/control-return", test_form_control_return);
  g_test_add_func ("/metadata-form/accessible", test_form_accessible);
  g_test_add_func ("/metadata-form/screenshot", test_form_screenshot);

  return g_test_run ();
}
