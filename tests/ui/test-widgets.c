/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "copydesk-core.h"
#include "cd-date-editor.h"
#include "cd-preferences-window.h"
#include "cd-preflight-button.h"
#include "cd-search-bar.h"
#include "cd-status-bar.h"
#include "cd-ui-test-util.h"

#define SAMPLE_ARTICLE CD_SOURCE_DATADIR "/sample/harbour-ferry.copydesk"
#define DEFAULT_HOUSE_RULES CD_SOURCE_DATADIR "/house-rules.json"

/* Widget tree helpers */

typedef gboolean (*WidgetPredicate) (GtkWidget *widget,
                                     gconstpointer data);

static GtkWidget *
find_widget (GtkWidget       *root,
             GType            type,
             WidgetPredicate  predicate,
             gconstpointer    data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (predicate == NULL || predicate (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_PREFERENCES_ROW, row_has_title, title);

  g_assert_nonnull (row);
  return row;
}

static gboolean
label_has_error_class (GtkWidget     *widget,
                       gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "error");
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
button_has_label (GtkWidget     *widget,
                  gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_unmapped_cb (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* GTK 4.8's tooltip timer outlives the surface it was started for, so a
 * window under the pointer is hidden and the timer left to run out before
 * the window goes. The timer is GTK's own and cannot be observed: this is
 * the one fixed wait here that does not assert an absence; it is longer
 * than GTK's tooltip delay (500 ms). */
static void
destroy_window (GtkWindow *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  cd_ui_test_wait (600);
  cd_ui_test_destroy_window (window);
}

/* Lets pending layout and drawing happen first: a widget waiting for its
 * allocation renders to nothing. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = NULL;

  path = cd_ui_test_screenshot (widget, name);
  g_test_message ("screenshot: %s", path);
}

/* The window's contents, for a screenshot: the toplevel itself renders to
 * nothing through a widget paintable. */
static GtkWidget *
window_content (GtkWindow *window)
{
  GtkWidget *largest = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (largest == NULL ||
          gtk_widget_get_width (child) * gtk_widget_get_height (child) >
          gtk_widget_get_width (largest) * gtk_widget_get_height (largest))
        largest = child;
    }

  g_assert_nonnull (largest);
  return largest;
}

/* Every key back to its default, so that the tests do not depend on order. */
static GSettings *
settings_new_reset (void)
{
  GSettings *settings = cd_ui_test_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return settings;
}

/* Preflight button */

typedef struct
{
  GtkMenuButton *menu_button;
  GtkWidget     *indicator;     /* the menu button's child: icon and text */
  GtkLabel      *label;
  GtkImage      *image;
  GtkPopover    *popover;
  GtkListBox    *list_box;
  GtkLabel      *heading;
} ButtonParts;

static ButtonParts
button_parts (GtkWidget *button)
{
  ButtonParts parts;

  parts.menu_button = GTK_MENU_BUTTON (find_widget (button, GTK_TYPE_MENU_BUTTON, NULL, NULL));
  g_assert_nonnull (parts.menu_button);
  parts.indicator = gtk_menu_button_get_child (parts.menu_button);
  g_assert_nonnull (parts.indicator);
  parts.label = GTK_LABEL (find_widget (parts.indicator, GTK_TYPE_LABEL, NULL, NULL));
  parts.image = GTK_IMAGE (find_widget (parts.indicator, GTK_TYPE_IMAGE, NULL, NULL));
  g_assert_nonnull (parts.label);
  g_assert_nonnull (parts.image);
  parts.popover = GTK_POPOVER (gtk_menu_button_get_popover (parts.menu_button));
  g_assert_nonnull (parts.popover);
  parts.list_box = GTK_LIST_BOX (find_widget (GTK_WIDGET (parts.popover), GTK_TYPE_LIST_BOX, NULL, NULL));
  g_assert_nonnull (parts.list_box);
  /* The first label in the popover is its heading. */
  parts.heading = GTK_LABEL (find_widget (GTK_WIDGET (parts.popover), GTK_TYPE_LABEL, NULL, NULL));
  g_assert_nonnull (parts.heading);

  return parts;
}

/* Fails when a visible label below @widget is cut: shorter than its text
 * needs at its width, or narrower than its longest word. */
static void
assert_labels_whole (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_whole (child);

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    {
      int width = gtk_widget_get_width (widget);
      int min_width, height;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      g_test_message ("label \"%s\": %d x %d, needs %d x %d", gtk_label_get_text (GTK_LABEL (widget)),
                      width, gtk_widget_get_height (widget), min_width, height);
      g_assert_cmpint (width, >=, min_width);
      g_assert_cmpint (gtk_widget_get_height (widget), >=, height);
    }
}

static void
assert_indicator_class (ButtonParts *parts,
                        const char  *css_class)
{
  const char * const classes[] = { "success", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    g_assert_cmpint (gtk_widget_has_css_class (parts->indicator, classes[i]), ==,
                     g_str_equal (classes[i], css_class));
}

/* The menu button and the toggle button inside it, which takes the focus. */
static void
assert_accessible_label (GtkWidget  *menu_button,
                         const char *expected)
{
  GtkWidget *inner = gtk_widget_get_first_child (menu_button);
  g_autofree char *mismatch = NULL;
  g_autofree char *inner_mismatch = NULL;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (menu_button),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 expected);
  if (mismatch != NULL)
    g_error ("accessible label: %s", mismatch);

  g_assert_true (GTK_IS_BUTTON (inner));
  inner_mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (inner),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                       expected);
  if (inner_mismatch != NULL)
    g_error ("accessible label of the inner button: %s", inner_mismatch);
}

/* "2 errors, 1 warning", as the button should put it (C locale). */
static char *
expected_counts (guint errors,
                 guint warnings)
{
  g_autofree char *errors_text = g_strdup_printf ("%u error%s", errors, errors == 1 ? "" : "s");
  g_autofree char *warnings_text = g_strdup_printf ("%u warning%s", warnings, warnings == 1 ? "" : "s");

  if (errors > 0 && warnings > 0)
    return g_strdup_printf ("%s, %s", errors_text, warnings_text);
  return g_strdup (errors > 0 ? errors_text : warnings_text);
}

static GListModel *
check_new_article (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();

  return cd_preflight_check (article, rules);
}

static GListModel *
check_sample_article (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE_ARTICLE);
  g_autoptr(CdArticle) article = NULL;
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();
  g_autoptr(GError) error = NULL;

  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  return cd_preflight_check (article, rules);
}

static void
test_preflight_button_problems (void)
{
  g_autoptr(GListModel) issues = check_new_article ();
  g_autofree char *counts = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *button;
  GtkWindow *window;
  ButtonParts parts;
  guint errors, warnings, n_items;

  g_assert_false (cd_preflight_is_ready (issues));
  n_items = g_list_model_get_n_items (issues);
  errors = cd_preflight_count (issues, CD_SEVERITY_ERROR);
  warnings = cd_preflight_count (issues, CD_SEVERITY_WARNING);
  /* A new article fails several checks of both kinds. */
  g_assert_cmpuint (errors, >, 1);
  g_assert_cmpuint (warnings, >, 0);
  g_assert_cmpuint (errors + warnings, ==, n_items);

  button = cd_preflight_button_new ();
  cd_preflight_button_set_issues (CD_PREFLIGHT_BUTTON (button), issues);
  g_assert_true (cd_preflight_button_get_issues (CD_PREFLIGHT_BUTTON (button)) == issues);
  window = cd_ui_test_show (button, 200, 60);
  parts = button_parts (button);

  number = g_strdup_printf ("%u", n_items);
  g_assert_cmpstr (gtk_label_get_text (parts.label), ==, number);
  g_assert_cmpstr (gtk_image_get_icon_name (parts.image), ==, "dialog-error-symbolic");
  assert_indicator_class (&parts, "error");

  counts = expected_counts (errors, warnings);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (parts.menu_button)), ==, counts);
  accessible = g_strdup_printf ("Preflight: %s", counts);
  assert_accessible_label (GTK_WIDGET (parts.menu_button), accessible);

  /* The heading counts what the button shows. */
  heading = g_strdup_printf ("%u problems", n_items);
  g_assert_cmpstr (gtk_label_get_text (parts.heading), ==, heading);

  screenshot (button, "preflight-button-problems");
  destroy_window (window);
}

static void
test_preflight_button_ready (void)
{
  g_autoptr(GListModel) issues = check_sample_article ();
  GtkWidget *button;
  GtkWindow *window;
  ButtonParts parts;

  g_assert_true (cd_preflight_is_ready (issues));
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);

  button = cd_preflight_button_new ();
  g_object_set (button, "issues", issues, NULL);
  window = cd_ui_test_show (button, 200, 60);
  parts = button_parts (button);

  g_assert_cmpstr (gtk_label_get_text (parts.label), ==, "Ready");
  g_assert_cmpstr (gtk_image_get_icon_name (parts.image), ==, "object-select-symbolic");
  assert_indicator_class (&parts, "success");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (parts.menu_button)), ==, "Ready to publish");
  assert_accessible_label (GTK_WIDGET (parts.menu_button), "Preflight: ready to publish");
  g_assert_cmpstr (gtk_label_get_text (parts.heading), ==, "Ready to publish");
  g_assert_null (gtk_list_box_get_row_at_index (parts.list_box, 0));

  screenshot (button, "preflight-button-ready");

  /* The popover shows its words whole: every label is as tall as its text
   * needs at the width it was given. */
  cd_preflight_button_popup (CD_PREFLIGHT_BUTTON (button));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, parts.popover, CD_UI_TEST_TIMEOUT_MS,
                       "the widget to be shown");
  cd_ui_test_wait_for_frames (GTK_WIDGET (parts.popover));
  assert_labels_whole (GTK_WIDGET (parts.popover));
  screenshot (GTK_WIDGET (parts.popover), "preflight-popover-ready");
  gtk_popover_popdown (parts.popover);
  cd_ui_test_wait_for (is_unmapped_cb, parts.popover, CD_UI_TEST_TIMEOUT_MS, "the popover to close");

  /* No check yet: nothing to open. */
  cd_preflight_button_set_issues (CD_PREFLIGHT_BUTTON (button), NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (parts.menu_button)));
  cd_preflight_button_popup (CD_PREFLIGHT_BUTTON (button));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (parts.popover)));

  destroy_window (window);
}

typedef struct
{
  guint  count;
  char  *field;
} Activation;

static void
field_activated_cb (CdPreflightButton *button,
                    const char        *field,
                    Activation        *activation)
{
  activation->count++;
  g_free (activation->field);
  activation->field = g_strdup (field);
}

static gboolean
focus_is_first_row_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return GTK_IS_LIST_BOX_ROW (focus) &&
         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)) == 0;
}

/* The row of the first issue on @field. */
static GtkListBoxRow *
find_issue_row (ButtonParts *parts,
                GListModel  *issues,
                const char  *field)
{
  guint n_items = g_list_model_get_n_items (issues);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      if (g_str_equal (cd_preflight_issue_get_field (issue), field))
        return gtk_list_box_get_row_at_index (parts->list_box, (int) i);
    }

  return NULL;
}

static void
test_preflight_button_popup (void)
{
  g_autoptr(GListModel) issues = check_new_article ();
  g_autoptr(CdPreflightIssue) first = g_list_model_get_item (issues, 0);
  Activation activation = { 0, NULL };
  GtkListBoxRow *row;
  GtkWidget *button;
  GtkWindow *window;
  ButtonParts parts;

  button = cd_preflight_button_new ();
  cd_preflight_button_set_issues (CD_PREFLIGHT_BUTTON (button), issues);
  g_signal_connect (button, "field-activated", G_CALLBACK (field_activated_cb), &activation);
  /* At the top, as in a header bar, so the popover has room below. */
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  window = cd_ui_test_show (button, 600, 700);
  parts = button_parts (button);

  /* One activatable row per issue, with its message and its field by name. */
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);

      row = gtk_list_box_get_row_at_index (parts.list_box, (int) i);
      g_assert_nonnull (row);
      g_assert_true (gtk_list_box_row_get_activatable (row));
      g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, label_has_text,
                                     cd_preflight_issue_get_message (issue)));
    }
  g_assert_null (gtk_list_box_get_row_at_index (parts.list_box, (int) g_list_model_get_n_items (issues)));

  row = find_issue_row (&parts, issues, "headline");
  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, label_has_text, "Headline"));
  row = find_issue_row (&parts, issues, "tags");
  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, label_has_text, "Tags"));
  row = find_issue_row (&parts, issues, "body");
  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, label_has_text, "Body"));

  /* The popup opens with the first issue focused; Enter activates it. */
  cd_preflight_button_popup (CD_PREFLIGHT_BUTTON (button));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, parts.popover, CD_UI_TEST_TIMEOUT_MS,
                       "the widget to be shown");
  cd_ui_test_wait_for (focus_is_first_row_cb, window, CD_UI_TEST_TIMEOUT_MS, "focus is first row");
  screenshot (GTK_WIDGET (parts.popover), "preflight-popover-problems");

  g_signal_emit_by_name (parts.list_box, "activate-cursor-row");
  g_assert_cmpuint (activation.count, ==, 1);
  g_assert_cmpstr (activation.field, ==, cd_preflight_issue_get_field (first));
  cd_ui_test_wait_for (is_unmapped_cb, parts.popover, CD_UI_TEST_TIMEOUT_MS, "the popover to close");

  /* Any other row goes to its own field. */
  cd_preflight_button_popup (CD_PREFLIGHT_BUTTON (button));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, parts.popover, CD_UI_TEST_TIMEOUT_MS,
                       "the widget to be shown");
  row = find_issue_row (&parts, issues, "tags");
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpuint (activation.count, ==, 2);
  g_assert_cmpstr (activation.field, ==, "tags");
  cd_ui_test_wait_for (is_unmapped_cb, parts.popover, CD_UI_TEST_TIMEOUT_MS, "the popover to close");

  g_free (activation.field);
  destroy_window (window);
}

static void
test_preflight_button_model_changes (void)
{
  g_autoptr(GListStore) store = g_list_store_new (CD_TYPE_PREFLIGHT_ISSUE);
  g_autoptr(CdPreflightIssue) warning = NULL;
  g_autoptr(CdPreflightIssue) error = NULL;
  g_autoptr(CdPreflightIssue) author = NULL;
  g_autoptr(GListModel) issues = NULL;
  Activation activation = { 0, NULL };
  GtkListBoxRow *row;
  GtkWidget *button;
  GtkWindow *window;
  ButtonParts parts;

  warning = cd_preflight_issue_new (CD_SEVERITY_WARNING, "image-caption", "image.alt",
                                    "The lead image has no alt text.");
  error = cd_preflight_issue_new (CD_SEVERITY_ERROR, "headline-required", "headline",
                                  "The article has no headline.");
  author = cd_preflight_issue_new (CD_SEVERITY_ERROR, "author-name", "authors[1].name",
                                   "Author 2 has no name.");

  button = cd_preflight_button_new ();
  g_signal_connect (button, "field-activated", G_CALLBACK (field_activated_cb), &activation);
  window = cd_ui_test_show (button, 400, 400);
  parts = button_parts (button);

  cd_preflight_button_set_issues (CD_PREFLIGHT_BUTTON (button), G_LIST_MODEL (store));
  g_assert_cmpstr (gtk_label_get_text (parts.label), ==, "Ready");
  assert_indicator_class (&parts, "success");

  /* One warning */
  g_list_store_append (store, warning);
  g_assert_cmpstr (gtk_label_get_text (parts.label), ==, "1");
  g_assert_cmpstr (gtk_image_get_icon_name (parts.image), ==, "dialog-warning-symbolic");
  assert_indicator_class (&parts, "warning");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (parts.menu_button)), ==, "1 warning");
  assert_accessible_label (GTK_WIDGET (parts.menu_button), "Preflight: 1 warning");
  g_assert_cmpstr (gtk_label_get_text (parts.heading), ==, "1 warning");
  row = gtk_list_box_get_row_at_index (parts.list_box, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, label_has_text, "Lead image alt text"));

  /* Errors first in the count's colour; the model's order in the list. */
  g_list_store_append (store, error);
  g_list_store_append (store, author);
  g_assert_cmpstr (gtk_label_get_text (parts.label), ==, "3");
  g_assert_cmpstr (gtk_image_get_icon_name (parts.image), ==, "dialog-error-symbolic");
  assert_indicator_class (&parts, "error");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (parts.menu_button)), ==, "2 errors, 1 warning");
  assert_accessible_label (GTK_WIDGET (parts.menu_button), "Preflight: 2 errors, 1 warning");
  g_assert_cmpstr (gtk_label_get_text (parts.heading), ==, "3 problems");
  g_assert_true (find_widget (GTK_WIDGET (parts.popover), GTK_TYPE_LABEL, label_has_text,
                              "2 of them block publication; warnings do not.") != NULL);
  row = gtk_list_box_get_row_at_index (parts.list_box, 2);
  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, label_has_text, "Name of author 2"));

  cd_preflight_button_popup (CD_PREFLIGHT_BUTTON (button));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, parts.popover, CD_UI_TEST_TIMEOUT_MS,
                       "the widget to be shown");
  screenshot (GTK_WIDGET (parts.popover), "preflight-popover-mixed");
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (activation.field, ==, "authors[1].name");
  cd_ui_test_wait_for (is_unmapped_cb, parts.popover, CD_UI_TEST_TIMEOUT_MS, "the popover to close");

  g_list_store_remove (store, 0);
  g_assert_cmpstr (gtk_label_get_text (parts.label), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (parts.heading), ==, "2 problems");
  g_assert_true (find_widget (GTK_WIDGET (parts.popover), GTK_TYPE_LABEL, label_has_text,
                              "They all block publication.") != NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (parts.menu_button)), ==, "2 errors");

  g_list_store_remove_all (store);
  g_assert_cmpstr (gtk_label_get_text (parts.label), ==, "Ready");
  assert_indicator_class (&parts, "success");

  /* A new model replaces the old one, which is no longer followed. */
  issues = check_new_article ();
  cd_preflight_button_set_issues (CD_PREFLIGHT_BUTTON (button), issues);
  g_assert_cmpuint (g_list_model_get_n_items (issues), >, 3);
  {
    g_autofree char *number = g_strdup_printf ("%u", g_list_model_get_n_items (issues));

    g_assert_cmpstr (gtk_label_get_text (parts.label), ==, number);
    g_list_store_append (store, error);
    g_assert_cmpstr (gtk_label_get_text (parts.label), ==, number);
  }

  g_free (activation.field);
  destroy_window (window);
}

/* Status bar */

static CdArticle *
load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE_ARTICLE);
  g_autoptr(GError) error = NULL;
  CdArticle *article;

  article = cd_article_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  return article;
}

/* The bar's text as the labels show it. */
static char *
shown_text (GtkWidget *bar)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (bar);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LABEL (child) || !gtk_widget_get_visible (child))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, gtk_label_get_text (GTK_LABEL (child)));
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
planned_label (GtkWidget *bar)
{
  /* After the counts; a note may follow it. */
  GtkWidget *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (bar));

  g_assert_true (GTK_IS_LABEL (label));
  return label;
}

static void
assert_text (GtkWidget  *bar,
             const char *expected)
{
  g_autofree char *text = cd_status_bar_dup_text (CD_STATUS_BAR (bar));
  g_autofree char *shown = shown_text (bar);

  g_assert_cmpstr (text, ==, shown);
  if (expected != NULL)
    g_assert_cmpstr (text, ==, expected);
}

static void
test_status_bar_sample (void)
{
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(CdStats) stats = cd_stats_compute (article, 230);
  g_autofree char *words = g_strdup_printf ("%'zu words", cd_stats_get_words (stats));
  g_autofree char *characters = g_strdup_printf ("%'zu characters", cd_stats_get_characters (stats));
  g_autofree char *minutes = g_strdup_printf ("%u min read", cd_stats_get_reading_minutes (stats));
  g_autofree char *expected = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *text = NULL;
  size_t n_words = cd_stats_get_words (stats);
  GtkWidget *bar;
  GtkWindow *window;

  g_assert_cmpuint (n_words, >, 200);
  g_assert_cmpuint (cd_stats_get_reading_seconds (stats), >=, 60);

  bar = cd_status_bar_new ();
  g_assert_null (cd_status_bar_get_stats (CD_STATUS_BAR (bar)));
  assert_text (bar, "");

  cd_status_bar_set_stats (CD_STATUS_BAR (bar), stats);
  g_assert_true (cd_status_bar_get_stats (CD_STATUS_BAR (bar)) == stats);
  window = cd_ui_test_show (bar, 720, 40);

  expected = g_strdup_printf ("%s · %s · %s", words, characters, minutes);
  assert_text (bar, expected);
  g_assert_false (gtk_widget_get_visible (planned_label (bar)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bar)), ==, GTK_ACCESSIBLE_ROLE_STATUS);
  screenshot (bar, "status-bar");

  /* Over the plan: marked. */
  cd_status_bar_set_planned_words (CD_STATUS_BAR (bar), (guint) n_words - 20);
  g_assert_cmpuint (cd_status_bar_get_planned_words (CD_STATUS_BAR (bar)), ==, n_words - 20);
  planned = g_strdup_printf ("%s · %s · %s · %'zu of %'zu words", words, characters, minutes,
                             n_words, n_words - 20);
  assert_text (bar, planned);
  g_assert_true (gtk_widget_has_css_class (planned_label (bar), "warning"));
  g_assert_false (gtk_widget_has_css_class (planned_label (bar), "dim-label"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (planned_label (bar)), ==, "20 words over the planned length");
  screenshot (bar, "status-bar-over-plan");

  /* Under the plan: dimmed like the rest. */
  g_object_set (bar, "planned-words", (guint) n_words * 2, NULL);
  g_clear_pointer (&planned, g_free);
  planned = g_strdup_printf ("%s · %s · %s · %'zu of %'zu words", words, characters, minutes,
                             n_words, n_words * 2);
  assert_text (bar, planned);
  g_assert_false (gtk_widget_has_css_class (planned_label (bar), "warning"));
  g_assert_true (gtk_widget_has_css_class (planned_label (bar), "dim-label"));

  /* Exactly on it */
  cd_status_bar_set_planned_words (CD_STATUS_BAR (bar), (guint) n_words);
  g_assert_false (gtk_widget_has_css_class (planned_label (bar), "warning"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (planned_label (bar)), ==, "Exactly the planned length");

  /* No plan */
  cd_status_bar_set_planned_words (CD_STATUS_BAR (bar), 0);
  assert_text (bar, expected);

  cd_status_bar_set_stats (CD_STATUS_BAR (bar), NULL);
  assert_text (bar, "");
  text = cd_status_bar_dup_text (CD_STATUS_BAR (bar));
  g_assert_cmpstr (text, ==, "");

  destroy_window (window);
}

static void
test_status_bar_short (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdStats) stats = NULL;
  g_autoptr(CdStats) one_word = NULL;
  g_autoptr(CdStats) empty = NULL;
  g_autoptr(CdStats) long_read = NULL;
  GString *body = g_string_new (NULL);
  GtkWidget *bar = g_object_ref_sink (cd_status_bar_new ());

  cd_article_set_body (article, "Three *short* words.");
  stats = cd_stats_compute (article, 230);
  cd_status_bar_set_stats (CD_STATUS_BAR (bar), stats);
  assert_text (bar, "3 words · 18 characters · less than a minute");

  cd_status_bar_set_planned_words (CD_STATUS_BAR (bar), 1);
  assert_text (bar, "3 words · 18 characters · less than a minute · 3 of 1 word");
  cd_status_bar_set_planned_words (CD_STATUS_BAR (bar), 0);

  cd_article_set_body (article, "One");
  one_word = cd_stats_compute (article, 230);
  cd_status_bar_set_stats (CD_STATUS_BAR (bar), one_word);
  assert_text (bar, "1 word · 3 characters · less than a minute");

  /* An empty body has no reading time. */
  cd_article_set_body (article, "");
  empty = cd_stats_compute (article, 230);
  cd_status_bar_set_stats (CD_STATUS_BAR (bar), empty);
  assert_text (bar, "0 words · 0 characters");

  /* 1,000 words at 100 a minute: ten minutes. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (body, "word ");
  cd_article_set_body (article, body->str);
  long_read = cd_stats_compute (article, 100);
  cd_status_bar_set_stats (CD_STATUS_BAR (bar), long_read);
  {
    /* The thousands separator is the locale's, none in the C locale. */
    g_autofree char *expected = g_strdup_printf ("%'d words · %'d characters · 10 min read", 1000, 4999);

    assert_text (bar, expected);
  }

  g_string_free (body, TRUE);
  g_object_unref (bar);
}

/* Preferences */

static CdPreferencesWindow *
show_preferences (GSettings *settings,
                  int        width,
                  int        height)
{
  GtkWidget *window = cd_preferences_window_new (NULL, settings);

  g_assert_true (CD_IS_PREFERENCES_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, window, CD_UI_TEST_TIMEOUT_MS,
                       "the widget to be shown");
  cd_ui_test_wait_for_frames (window);

  return CD_PREFERENCES_WINDOW (window);
}

typedef struct
{
  GtkEditable *editable;
  const char  *text;
} TextWait;

static gboolean
editable_has_text_cb (gpointer data)
{
  TextWait *wait = data;

  return g_strcmp0 (gtk_editable_get_text (wait->editable), wait->text) == 0;
}

static void
test_preferences_entries (void)
{
  g_autoptr(GSettings) settings = settings_new_reset ();
  g_autofree char *value = NULL;
  CdPreferencesWindow *window;
  GtkWidget *name_row, *role_row, *section_row;
  TextWait wait;

  g_settings_set_string (settings, "author-name", "Helen Marsh");
  window = show_preferences (settings, 600, 700);

  name_row = find_row (GTK_WIDGET (window), "Your name");
  role_row = find_row (GTK_WIDGET (window), "Your role");
  section_row = find_row (GTK_WIDGET (window), "Default section");
  g_assert_true (ADW_IS_ENTRY_ROW (name_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Helen Marsh");

  /* Typing is saved at once. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  cd_ui_test_type_text (name_row, "Ada Okafor");
  value = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (value, ==, "Ada Okafor");
  g_clear_pointer (&value, g_free);

  gtk_editable_set_text (GTK_EDITABLE (role_row), "Political editor");
  value = g_settings_get_string (settings, "author-role");
  g_assert_cmpstr (value, ==, "Political editor");
  g_clear_pointer (&value, g_free);

  gtk_editable_set_text (GTK_EDITABLE (section_row), "Business");
  value = g_settings_get_string (settings, "default-section");
  g_assert_cmpstr (value, ==, "Business");
  g_clear_pointer (&value, g_free);

  /* A key changed elsewhere shows in the row. */
  g_settings_set_string (settings, "author-role", "Senior reporter");
  wait = (TextWait) { GTK_EDITABLE (role_row), "Senior reporter" };
  cd_ui_test_wait_for (editable_has_text_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the field's text");
  g_settings_set_string (settings, "default-section", "Local");
  wait = (TextWait) { GTK_EDITABLE (section_row), "Local" };
  cd_ui_test_wait_for (editable_has_text_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the field's text");

  destroy_window (GTK_WINDOW (window));
}

static void
assert_language (GSettings  *settings,
                 const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, "default-language");

  g_assert_cmpstr (value, ==, expected);
}

static void
test_preferences_language (void)
{
  g_autoptr(GSettings) settings = settings_new_reset ();
  CdPreferencesWindow *window;
  GtkWidget *message;
  GtkWidget *row;
  TextWait wait;

  window = show_preferences (settings, 600, 700);
  row = find_row (GTK_WIDGET (window), "Default language");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "en");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (row), "en-GB");
  assert_language (settings, "en-GB");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* Not a tag: marked and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "en_GB");
  assert_language (settings, "en-GB");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* The reason is shown under the group. */
  message = find_widget (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP),
                         GTK_TYPE_LABEL, label_has_error_class, NULL);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "“en_GB” is not a language tag"));
  screenshot (window_content (GTK_WINDOW (window)), "preferences-language-error");

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  assert_language (settings, "en-GB");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (row), "english please");
  assert_language (settings, "en-GB");
  gtk_editable_set_text (GTK_EDITABLE (row), "e");
  assert_language (settings, "en-GB");
  /* The preflight's own rule, not just the characters: a lone singleton is
   * not a tag, a variant is. */
  gtk_editable_set_text (GTK_EDITABLE (row), "en-G");
  assert_language (settings, "en-GB");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "de-CH-1996");
  assert_language (settings, "de-CH-1996");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (row), " pt-BR ");
  assert_language (settings, "pt-BR");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (message));

  /* Changed elsewhere */
  g_settings_set_string (settings, "default-language", "de");
  wait = (TextWait) { GTK_EDITABLE (row), "de" };
  cd_ui_test_wait_for (editable_has_text_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the field's text");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  destroy_window (GTK_WINDOW (window));
}

typedef struct
{
  GtkSpinButton *spin;
  double         value;
} SpinWait;

static gboolean
spin_has_value_cb (gpointer data)
{
  SpinWait *wait = data;

  return gtk_spin_button_get_value (wait->spin) == wait->value;
}

static gboolean
switch_is_on_cb (gpointer data)
{
  return gtk_switch_get_active (GTK_SWITCH (data));
}

static gboolean
switch_is_off_cb (gpointer data)
{
  return !gtk_switch_get_active (GTK_SWITCH (data));
}

static gboolean
widget_is_sensitive_cb (gpointer data)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (data));
}

static void
test_preferences_editing (void)
{
  g_autoptr(GSettings) settings = settings_new_reset ();
  CdPreferencesWindow *window;
  GtkWidget *speed_row, *autosave_row, *interval_row, *remote_row;
  GtkSpinButton *speed, *interval;
  GtkSwitch *autosave, *remote;
  double min, max;
  SpinWait wait;

  window = show_preferences (settings, 600, 700);
  speed_row = find_row (GTK_WIDGET (window), "Reading speed");
  autosave_row = find_row (GTK_WIDGET (window), "Save automatically");
  interval_row = find_row (GTK_WIDGET (window), "Autosave delay");
  speed = GTK_SPIN_BUTTON (find_widget (speed_row, GTK_TYPE_SPIN_BUTTON, NULL, NULL));
  interval = GTK_SPIN_BUTTON (find_widget (interval_row, GTK_TYPE_SPIN_BUTTON, NULL, NULL));
  autosave = GTK_SWITCH (find_widget (autosave_row, GTK_TYPE_SWITCH, NULL, NULL));
  g_assert_nonnull (speed);
  g_assert_nonnull (interval);
  g_assert_nonnull (autosave);

  /* Reading speed: the schema's range, saved as it changes. */
  g_assert_cmpfloat (gtk_spin_button_get_value (speed), ==, 230);
  gtk_spin_button_get_range (speed, &min, &max);
  g_assert_cmpfloat (min, ==, 100);
  g_assert_cmpfloat (max, ==, 600);
  gtk_spin_button_set_value (speed, 300);
  g_assert_cmpuint (g_settings_get_uint (settings, "reading-speed"), ==, 300);
  gtk_spin_button_set_value (speed, 5000);
  g_assert_cmpuint (g_settings_get_uint (settings, "reading-speed"), ==, 600);
  g_settings_set_uint (settings, "reading-speed", 180);
  wait = (SpinWait) { speed, 180 };
  cd_ui_test_wait_for (spin_has_value_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the spin button's value");

  /* Autosave and its delay, which only matters when it is on. */
  g_assert_true (gtk_switch_get_active (autosave));
  g_assert_true (gtk_widget_get_sensitive (interval_row));
  g_assert_cmpfloat (gtk_spin_button_get_value (interval), ==, 5);
  gtk_spin_button_set_value (interval, 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 30);

  gtk_switch_set_active (autosave, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "autosave"));
  g_assert_false (gtk_widget_get_sensitive (interval_row));
  g_settings_set_boolean (settings, "autosave", TRUE);
  cd_ui_test_wait_for (widget_is_sensitive_cb, interval_row, CD_UI_TEST_TIMEOUT_MS,
                       "widget is sensitive");
  g_assert_true (gtk_switch_get_active (autosave));
  g_settings_set_boolean (settings, "autosave", FALSE);
  cd_ui_test_wait_for (switch_is_off_cb, autosave, CD_UI_TEST_TIMEOUT_MS, "switch is off");
  g_settings_set_boolean (settings, "autosave", TRUE);

  /* A delay the schema allows beyond a minute is kept, not clamped. */
  g_settings_set_uint (settings, "autosave-interval", 120);
  wait = (SpinWait) { interval, 120 };
  cd_ui_test_wait_for (spin_has_value_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the spin button's value");
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 120);

  /* Remote images in the preview, on by default. */
  remote_row = find_row (GTK_WIDGET (window), "Remote images");
  remote = GTK_SWITCH (find_widget (remote_row, GTK_TYPE_SWITCH, NULL, NULL));
  g_assert_nonnull (remote);
  g_assert_true (gtk_switch_get_active (remote));
  gtk_switch_set_active (remote, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "preview-remote-images"));
  g_settings_set_boolean (settings, "preview-remote-images", TRUE);
  cd_ui_test_wait_for (switch_is_on_cb, remote, CD_UI_TEST_TIMEOUT_MS, "switch is on");

  destroy_window (GTK_WINDOW (window));
}

typedef struct
{
  AdwComboRow *row;
  guint        selected;
} ComboWait;

static gboolean
combo_has_selected_cb (gpointer data)
{
  ComboWait *wait = data;

  return adw_combo_row_get_selected (wait->row) == wait->selected;
}

static void
assert_theme (GSettings  *settings,
              const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, "preview-theme");

  g_assert_cmpstr (value, ==, expected);
}

static void
test_preferences_theme (void)
{
  g_autoptr(GSettings) settings = settings_new_reset ();
  CdPreferencesWindow *window;
  AdwComboRow *row;
  GListModel *model;
  ComboWait wait;

  window = show_preferences (settings, 600, 700);
  row = ADW_COMBO_ROW (find_row (GTK_WIDGET (window), "Theme"));
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Follow System");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "Light");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "Dark");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 2);
  assert_theme (settings, "dark");
  g_assert_cmpint (g_settings_get_enum (settings, "preview-theme"), ==, 2);
  adw_combo_row_set_selected (row, 1);
  assert_theme (settings, "light");

  g_settings_set_string (settings, "preview-theme", "system");
  wait = (ComboWait) { row, 0 };
  cd_ui_test_wait_for (combo_has_selected_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the selected item");
  g_settings_set_enum (settings, "preview-theme", 2);
  wait = (ComboWait) { row, 2 };
  cd_ui_test_wait_for (combo_has_selected_cb, &wait, CD_UI_TEST_TIMEOUT_MS, "the selected item");

  destroy_window (GTK_WINDOW (window));
}

/* House rules */

typedef struct
{
  CdPreferencesWindow *window;
  GtkWidget           *row;
  GtkWidget           *error_label;
  char                *dir;
} RulesFixture;

static char *
write_rules (RulesFixture *fixture,
             const char   *name,
             const char   *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* data/house-rules.json with @from replaced by @to. */
static char *
default_rules_with (const char *from,
                    const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = NULL;

  g_file_get_contents (DEFAULT_HOUSE_RULES, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, from));
  parts = g_strsplit (contents, from, 2);
  return g_strjoin (to, parts[0], parts[1], NULL);
}

typedef struct
{
  GtkWidget  *row;
  const char *title;
} TitleWait;

static gboolean
row_has_title_cb (gpointer data)
{
  TitleWait *wait = data;

  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (wait->row)), wait->title) == 0;
}

static void
wait_for_title (RulesFixture *fixture,
                const char   *title)
{
  TitleWait wait = { fixture->row, title };

  if (!cd_ui_test_wait_until (row_has_title_cb, &wait, CD_UI_TEST_TIMEOUT_MS))
    g_error ("house rules row: “%s”, not “%s”",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fixture->row)), title);
}

static void
assert_rules_key (GSettings  *settings,
                  const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, "house-rules-file");

  g_assert_cmpstr (value, ==, expected);
}

static void
load_rules (RulesFixture *fixture,
            const char   *path)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "prefs.load-house-rules", "s", path));
}

typedef struct
{
  GtkWidget  *label;
  const char *text;
} ErrorWait;

static gboolean
error_names_cb (gpointer data)
{
  ErrorWait *wait = data;

  return gtk_widget_get_visible (wait->label) &&
         strstr (gtk_label_get_text (GTK_LABEL (wait->label)), wait->text) != NULL;
}

/* Waits for the error message about @path, a file that does not load. */
static const char *
wait_for_error (RulesFixture *fixture,
                const char   *path)
{
  ErrorWait wait = { fixture->error_label, path };

  if (!cd_ui_test_wait_until (error_names_cb, &wait, CD_UI_TEST_TIMEOUT_MS))
    g_error ("no error message naming %s (shown: “%s”)", path,
             gtk_label_get_text (GTK_LABEL (fixture->error_label)));
  g_assert_true (gtk_widget_has_css_class (fixture->error_label, "error"));
  return gtk_label_get_text (GTK_LABEL (fixture->error_label));
}

static void
test_preferences_house_rules (void)
{
  g_autoptr(GSettings) settings = settings_new_reset ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bugle = NULL;
  g_autofree char *unnamed = NULL;
  g_autofree char *syntax = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *builtin_button;
  const char *subtitle;
  const char *message;
  RulesFixture fixture;

  fixture.dir = g_dir_make_tmp ("copydesk-prefs-XXXXXX", &error);
  g_assert_no_error (error);

  fixture.window = show_preferences (settings, 640, 900);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture.window), "articles");
  fixture.row = find_row (GTK_WIDGET (fixture.window), "Built-in rules");
  /* The message goes under the row, in the same group. */
  fixture.error_label = find_widget (gtk_widget_get_ancestor (fixture.row, ADW_TYPE_PREFERENCES_GROUP),
                                     GTK_TYPE_LABEL, label_has_error_class, NULL);
  g_assert_nonnull (fixture.error_label);
  g_assert_false (gtk_widget_get_visible (fixture.error_label));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (fixture.row)), ==,
                   "The rules that come with Copydesk");
  /* Nothing to go back from */
  builtin_button = find_widget (fixture.row, GTK_TYPE_BUTTON, button_has_label, "Use Built-in");
  g_assert_nonnull (builtin_button);
  g_assert_nonnull (find_widget (fixture.row, GTK_TYPE_BUTTON, button_has_label, "Choose…"));
  g_assert_false (gtk_widget_get_sensitive (builtin_button));
  screenshot (window_content (GTK_WINDOW (fixture.window)), "preferences-house-rules");

  /* A good file: applied, and known by its name. */
  contents = default_rules_with ("\"Copydesk default\"", "\"The Daily Bugle\"");
  bugle = write_rules (&fixture, "bugle-rules.json", contents);
  load_rules (&fixture, bugle);
  wait_for_title (&fixture, "The Daily Bugle");
  assert_rules_key (settings, bugle);
  g_assert_true (gtk_widget_get_sensitive (builtin_button));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (fixture.row));
  g_assert_cmpstr (subtitle, ==, bugle);
  g_assert_false (gtk_widget_get_visible (fixture.error_label));

  /* Invalid JSON: not applied; the message names the file and the fault. */
  syntax = write_rules (&fixture, "broken.json", "{\n  \"format\": \"copydesk-house-rules\",\n  \"version\": \n");
  load_rules (&fixture, syntax);
  message = wait_for_error (&fixture, syntax);
  g_test_message ("syntax error: %s", message);
  g_assert_nonnull (strstr (message, syntax));
  g_assert_nonnull (strstr (message, "not applied"));
  assert_rules_key (settings, bugle);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fixture.row)), ==, "The Daily Bugle");
  screenshot (window_content (GTK_WINDOW (fixture.window)), "preferences-house-rules-error");

  /* Valid JSON with a rule Copydesk does not know: not applied either. */
  g_clear_pointer (&contents, g_free);
  contents = default_rules_with ("\"headline-required\"", "\"headline-requried\"");
  unknown = write_rules (&fixture, "typo-rules.json", contents);
  load_rules (&fixture, unknown);
  message = wait_for_error (&fixture, unknown);
  g_test_message ("unknown rule: %s", message);
  g_assert_nonnull (strstr (message, unknown));
  g_assert_nonnull (strstr (message, "headline-requried"));
  g_assert_nonnull (strstr (message, "unknown rule"));
  assert_rules_key (settings, bugle);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fixture.row)), ==, "The Daily Bugle");

  /* A file without a name of its own is shown by its file name; a good
   * file clears the message. */
  unnamed = write_rules (&fixture, "desk.json",
                         "{ \"format\": \"copydesk-house-rules\", \"version\": 1,"
                         "  \"limits\": { \"headline.soft\": 60 } }");
  load_rules (&fixture, unnamed);
  wait_for_title (&fixture, "desk.json");
  assert_rules_key (settings, unnamed);
  g_assert_false (gtk_widget_get_visible (fixture.error_label));

  /* Back to the built-in rules */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window),
                                             "prefs.use-builtin-house-rules", NULL));
  wait_for_title (&fixture, "Built-in rules");
  assert_rules_key (settings, "");
  g_assert_false (gtk_widget_get_sensitive (builtin_button));

  /* The key set elsewhere: the row follows, and a file in use that no longer
   * loads says so. */
  g_settings_set_string (settings, "house-rules-file", bugle);
  wait_for_title (&fixture, "The Daily Bugle");
  missing = g_build_filename (fixture.dir, "gone.json", NULL);
  g_settings_set_string (settings, "house-rules-file", missing);
  message = wait_for_error (&fixture, missing);
  g_test_message ("missing: %s", message);
  g_assert_nonnull (strstr (message, missing));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fixture.row)), ==, "gone.json");
  g_settings_set_string (settings, "house-rules-file", "");
  wait_for_title (&fixture, "Built-in rules");
  g_assert_false (gtk_widget_get_visible (fixture.error_label));

  destroy_window (GTK_WINDOW (fixture.window));

  g_unlink (bugle);
  g_unlink (unnamed);
  g_unlink (syntax);
  g_unlink (unknown);
  g_rmdir (fixture.dir);
  g_free (fixture.dir);
}

static void
test_preferences_screenshots (void)
{
  g_autoptr(GSettings) settings = settings_new_reset ();
  CdPreferencesWindow *window;

  g_settings_set_string (settings, "author-name", "Helen Marsh");
  g_settings_set_string (settings, "author-role", "Senior reporter");
  g_settings_set_string (settings, "default-section", "Local");
  window = show_preferences (settings, 640, 900);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "articles");
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  screenshot (window_content (GTK_WINDOW (window)), "preferences-articles");

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "editor");
  cd_ui_test_wait_for_transitions (GTK_WIDGET (window));
  screenshot (window_content (GTK_WINDOW (window)), "preferences-editor");

  destroy_window (GTK_WINDOW (window));
}

/* Date editor */

static GtkWidget *
find_child_of_type (GtkWidget *root,
                    GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_child_of_type (c, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The date editor's rows, in their order: date, time, zone. */
typedef struct
{
  GtkWidget *date_row;
  GtkWidget *date_button;
  GtkWidget *time_row;
  GtkWidget *zone_row;
  GtkWidget *zone_button;
} EditorRows;

static void
get_editor_rows (GtkWidget  *editor,
                 EditorRows *rows)
{
  GtkWidget *list = find_child_of_type (editor, GTK_TYPE_LIST_BOX);

  rows->date_row = gtk_widget_get_first_child (list);
  rows->time_row = gtk_widget_get_next_sibling (rows->date_row);
  rows->zone_row = gtk_widget_get_next_sibling (rows->time_row);
  g_assert_true (ADW_IS_ENTRY_ROW (rows->date_row));
  g_assert_true (ADW_IS_ENTRY_ROW (rows->time_row));
  g_assert_true (ADW_IS_ACTION_ROW (rows->zone_row));
  rows->date_button = find_child_of_type (rows->date_row, GTK_TYPE_MENU_BUTTON);
  rows->zone_button = find_child_of_type (rows->zone_row, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (rows->date_button);
  g_assert_nonnull (rows->zone_button);
}

static const char *
zone_shown (EditorRows *rows)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (rows->zone_row));
}

static void
type_date (EditorRows *rows,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (rows->date_row), text);
  g_signal_emit_by_name (rows->date_row, "entry-activated");
}

static void
test_date_editor_value (void)
{
  GtkWidget *editor = g_object_ref_sink (cd_date_editor_new ());
  g_autoptr(GDateTime) value = g_date_time_new_utc (2026, 11, 27, 7, 30, 0);
  g_autoptr(GDateTime) same = g_date_time_new_utc (2026, 11, 27, 7, 30, 0);
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GDateTime) from_file = g_date_time_new_from_iso8601 ("2026-06-01T08:00:00+02:00", NULL);
  EditorRows rows;
  guint notified = 0;

  get_editor_rows (editor, &rows);
  g_signal_connect (editor, "notify::date-time", G_CALLBACK (count_notify_cb), &notified);

  /* Unset; the calendar is not made before it is opened. */
  g_assert_null (cd_date_editor_get_date_time (CD_DATE_EDITOR (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.date_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.time_row)), ==, "");
  g_assert_null (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (rows.date_button))));
  g_assert_null (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (rows.zone_button))));

  /* The title names the date row. */
  g_object_set (editor, "title", "Publication Date", NULL);
  g_assert_cmpstr (cd_date_editor_get_title (CD_DATE_EDITOR (editor)), ==, "Publication Date");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows.date_row)), ==,
                   "Publication Date");

  /* Set from outside: shown, notified once; the same instant again is no change. */
  cd_date_editor_set_date_time (CD_DATE_EDITOR (editor), value);
  g_assert_cmpuint (notified, ==, 1);
  cd_date_editor_set_date_time (CD_DATE_EDITOR (editor), same);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.date_row)), ==, "Fri 27 Nov 2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.time_row)), ==, "07:30");
  g_assert_cmpstr (zone_shown (&rows), ==, "UTC");

  /* Typed: a whole time is the new value once the row is activated, not
   * while it is being typed. */
  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "9:05");
  g_assert_cmpuint (notified, ==, 1);
  g_signal_emit_by_name (rows.time_row, "entry-activated");
  g_assert_cmpuint (notified, ==, 2);
  expected = g_date_time_new_utc (2026, 11, 27, 9, 5, 0);
  g_assert_true (g_date_time_equal (cd_date_editor_get_date_time (CD_DATE_EDITOR (editor)),
                                    expected));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.time_row)), ==, "9:05");
  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "9:0");
  g_assert_cmpuint (notified, ==, 2);

  /* An offset from a file is offered as it is, without writing back. */
  cd_date_editor_set_date_time (CD_DATE_EDITOR (editor), from_file);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpstr (zone_shown (&rows), ==, "UTC+02:00");
  g_assert_true (cd_date_editor_get_date_time (CD_DATE_EDITOR (editor)) == from_file);
  g_assert_cmpstr (g_time_zone_get_identifier (cd_date_editor_get_zone (CD_DATE_EDITOR (editor))),
                   ==, g_time_zone_get_identifier (g_date_time_get_timezone (from_file)));

  /* Unset from outside. */
  g_object_set (editor, "date-time", NULL, NULL);
  g_assert_cmpuint (notified, ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.date_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.time_row)), ==, "");

  g_assert_finalize_object (editor);
}

static void
test_date_editor_typed (void)
{
  GtkWidget *editor = g_object_ref_sink (cd_date_editor_new ());
  g_autoptr(GDateTime) value = g_date_time_new_utc (2026, 11, 27, 7, 30, 0);
  GDateTime *now;
  EditorRows rows;
  guint notified = 0;

  get_editor_rows (editor, &rows);
  cd_date_editor_set_language (CD_DATE_EDITOR (editor), "en-GB");
  cd_date_editor_set_date_time (CD_DATE_EDITOR (editor), value);
  g_signal_connect (editor, "notify::date-time", G_CALLBACK (count_notify_cb), &notified);

  /* Typing is no change until the row is activated; then one change that
   * keeps the time and the zone. */
  gtk_editable_set_text (GTK_EDITABLE (rows.date_row), "12 July 2017");
  g_assert_cmpuint (notified, ==, 0);
  g_signal_emit_by_name (rows.date_row, "entry-activated");
  g_assert_cmpuint (notified, ==, 1);
  now = cd_date_editor_get_date_time (CD_DATE_EDITOR (editor));
  g_assert_cmpint (g_date_time_get_year (now), ==, 2017);
  g_assert_cmpint (g_date_time_get_month (now), ==, 7);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 12);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 7);
  g_assert_cmpint (g_date_time_get_minute (now), ==, 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.date_row)), ==, "Wed 12 Jul 2017");
  g_assert_false (gtk_widget_has_css_class (rows.date_row, "error"));

  /* What the row shows, activated again, is no change. */
  g_signal_emit_by_name (rows.date_row, "entry-activated");
  g_assert_cmpuint (notified, ==, 1);

  /* A date that does not exist: marked, explained, the value kept. */
  type_date (&rows, "31 February 2017");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_widget_has_css_class (rows.date_row, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (rows.date_row), "28 days"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.date_row)), ==, "31 February 2017");
  g_assert_true (g_date_time_equal (cd_date_editor_get_date_time (CD_DATE_EDITOR (editor)), now));
  /* Correcting it clears the mark. */
  gtk_editable_set_text (GTK_EDITABLE (rows.date_row), "3 February 2017");
  g_assert_false (gtk_widget_has_css_class (rows.date_row, "error"));
  g_assert_null (strstr (gtk_widget_get_tooltip_text (rows.date_row), "28 days"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (rows.date_row), "12 July 2017"));

  /* Numbers follow the article's language. */
  type_date (&rows, "12/07/2017");
  now = cd_date_editor_get_date_time (CD_DATE_EDITOR (editor));
  g_assert_cmpint (g_date_time_get_month (now), ==, 7);
  cd_date_editor_set_language (CD_DATE_EDITOR (editor), "en-US");
  type_date (&rows, "12/07/2017");
  now = cd_date_editor_get_date_time (CD_DATE_EDITOR (editor));
  g_assert_cmpint (g_date_time_get_month (now), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 7);

  /* A full ISO 8601 time brings its time and offset. */
  type_date (&rows, "2017-07-12T09:00:00+04:00");
  now = cd_date_editor_get_date_time (CD_DATE_EDITOR (editor));
  g_assert_cmpint (g_date_time_get_hour (now), ==, 9);
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 4 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.time_row)), ==, "09:00");
  g_assert_cmpstr (zone_shown (&rows), ==, "UTC+04:00");

  /* Times as people write them. */
  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "9:30 pm");
  g_signal_emit_by_name (rows.time_row, "entry-activated");
  now = cd_date_editor_get_date_time (CD_DATE_EDITOR (editor));
  g_assert_cmpint (g_date_time_get_hour (now), ==, 21);
  g_assert_cmpint (g_date_time_get_minute (now), ==, 30);
  gtk_editable_set_text (GTK_EDITABLE (rows.time_row), "25:00");
  g_signal_emit_by_name (rows.time_row, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (rows.time_row, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (rows.time_row), "no hour 25"));
  g_assert_cmpint (g_date_time_get_hour (cd_date_editor_get_date_time (CD_DATE_EDITOR (editor))), ==, 21);

  /* Emptied, the date comes back: it cannot unset the value. */
  type_date (&rows, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows.date_row)), ==, "Wed 12 Jul 2017");

  g_assert_finalize_object (editor);
}

static gboolean
zone_results_are_cb (gpointer data)
{
  GtkListView *list = data;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  guint n = g_list_model_get_n_items (model);

  /* Dubai and nothing else that is not at +04:00 by name. */
  return n >= 1 && n < 5;
}

static void
test_date_editor_zone_search (void)
{
  GtkWidget *editor = cd_date_editor_new ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) value = g_date_time_new (berlin, 2017, 7, 12, 9, 0, 0);
  g_autoptr(CdTimeZone) first = NULL;
  GtkWidget *popover, *search, *list;
  GtkWindow *window;
  GDateTime *chosen;
  EditorRows rows;

  get_editor_rows (editor, &rows);
  cd_date_editor_set_date_time (CD_DATE_EDITOR (editor), value);
  g_assert_cmpstr (zone_shown (&rows), ==, "Europe/Berlin");
  window = cd_ui_test_show (editor, 420, 600);

  /* Opened, the list is every zone, the local one first. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (rows.zone_button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (rows.zone_button)));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, popover, CD_UI_TEST_TIMEOUT_MS,
                       "the zone list to open");
  search = find_child_of_type (popover, GTK_TYPE_SEARCH_ENTRY);
  list = find_child_of_type (popover, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (search);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_focus (search) ||
                 gtk_widget_get_focus_child (search) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
                    >, 300);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))), 0);
  g_assert_true (cd_time_zone_get_is_local (first));
  screenshot (popover, "date-editor-zone-list");

  /* Typed, it narrows to the city. */
  gtk_editable_set_text (GTK_EDITABLE (search), "Dubai");
  cd_ui_test_wait_for (zone_results_are_cb, list, CD_UI_TEST_TIMEOUT_MS,
                       "the zone list to show Dubai");
  {
    g_autoptr(CdTimeZone) found = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))), 0);
    g_assert_cmpstr (cd_time_zone_get_id (found), ==, "Asia/Dubai");
  }
  screenshot (popover, "date-editor-zone-search");

  /* Enter takes it, keeping the wall-clock time. */
  g_signal_emit_by_name (search, "activate");
  chosen = cd_date_editor_get_date_time (CD_DATE_EDITOR (editor));
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (chosen)), ==, "Asia/Dubai");
  g_assert_cmpint (g_date_time_get_hour (chosen), ==, 9);
  g_assert_cmpint (g_date_time_get_utc_offset (chosen), ==, 4 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (zone_shown (&rows), ==, "Asia/Dubai");

  /* By offset too; nothing found says so. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (rows.zone_button));
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb, popover, CD_UI_TEST_TIMEOUT_MS,
                       "the zone list to open again");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (search), "Atlantis");
  cd_ui_test_wait_for (cd_ui_test_is_mapped_cb,
                       gtk_widget_get_last_child (gtk_popover_get_child (GTK_POPOVER (popover))),
                       CD_UI_TEST_TIMEOUT_MS, "the list to say nothing matches");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (rows.zone_button));

  gtk_window_destroy (window);
}

/* Search bar */

/* The match count: the first label in the bar that is not an entry's. */
static GtkLabel *
find_label_outside_editables (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found;

      if (GTK_IS_EDITABLE (c))
        continue;
      if (GTK_IS_LABEL (c))
        return GTK_LABEL (c);
      if ((found = find_label_outside_editables (c)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_is_cb (gpointer data)
{
  gpointer *pair = data;

  return g_strcmp0 (gtk_label_get_label (pair[0]), pair[1]) == 0;
}

static void
test_search_bar_view (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = cd_search_bar_new ();
  GtkWidget *view = gtk_source_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkSearchBar *search_bar;
  GtkWidget *entry;
  GtkLabel *label;
  gpointer wait[2];
  GtkTextIter start, end;
  GtkWindow *window;

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), view);
  g_assert_null (cd_search_bar_get_view (CD_SEARCH_BAR (bar)));
  g_object_set (bar, "view", view, NULL);
  g_assert_true (cd_search_bar_get_view (CD_SEARCH_BAR (bar)) == GTK_SOURCE_VIEW (view));
  gtk_text_buffer_set_text (buffer, "One ferry, two ferries.", -1);
  window = cd_ui_test_show (box, 500, 300);

  search_bar = GTK_SEARCH_BAR (find_child_of_type (bar, GTK_TYPE_SEARCH_BAR));
  entry = find_child_of_type (bar, GTK_TYPE_SEARCH_ENTRY);
  label = find_label_outside_editables (bar);
  g_assert_nonnull (label);
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_false (cd_search_bar_has_search (CD_SEARCH_BAR (bar)));

  /* Open, type: the first match is selected and counted. */
  cd_search_bar_open (CD_SEARCH_BAR (bar), FALSE);
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  gtk_editable_set_text (GTK_EDITABLE (entry), "ferr");
  wait[0] = label;
  wait[1] = (gpointer) "1 of 2";
  cd_ui_test_wait_for (label_is_cb, wait, CD_UI_TEST_TIMEOUT_MS, "the label's text");
  g_assert_true (cd_search_bar_has_search (CD_SEARCH_BAR (bar)));
  g_assert_true (cd_search_bar_selection_is_match (CD_SEARCH_BAR (bar)));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 4);

  /* Next wraps around. */
  cd_search_bar_find_next (CD_SEARCH_BAR (bar));
  wait[1] = (gpointer) "2 of 2";
  cd_ui_test_wait_for (label_is_cb, wait, CD_UI_TEST_TIMEOUT_MS, "the label's text");
  cd_search_bar_find_next (CD_SEARCH_BAR (bar));
  wait[1] = (gpointer) "1 of 2";
  cd_ui_test_wait_for (label_is_cb, wait, CD_UI_TEST_TIMEOUT_MS, "the label's text");

  /* Closing gives the focus back to the view. */
  cd_search_bar_close (CD_SEARCH_BAR (bar));
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_true (gtk_widget_has_focus (view));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The test AT context keeps the accessible properties for checking; with
   * "none" (the default of these tests) widgets have no context at all. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cd_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/preflight-button/problems", test_preflight_button_problems);
  g_test_add_func ("/widgets/preflight-button/ready", test_preflight_button_ready);
  g_test_add_func ("/widgets/preflight-button/popup", test_preflight_button_popup);
  g_test_add_func ("/widgets/preflight-button/model-changes", test_preflight_button_model_changes);
  g_test_add_func ("/widgets/date-editor/value", test_date_editor_value);
  g_test_add_func ("/widgets/date-editor/typed", test_date_editor_typed);
  g_test_add_func ("/widgets/date-editor/zone-search", test_date_editor_zone_search);
  g_test_add_func ("/widgets/search-bar/view", test_search_bar_view);
  g_test_add_func ("/widgets/status-bar/sample", test_status_bar_sample);
  g_test_add_func ("/widgets/status-bar/short", test_status_bar_short);
  g_test_add_func ("/widgets/preferences/entries", test_preferences_entries);
  g_test_add_func ("/widgets/preferences/language", test_preferences_language);
  g_test_add_func ("/widgets/preferences/editing", test_preferences_editing);
  g_test_add_func ("/widgets/preferences/theme", test_preferences_theme);
  g_test_add_func ("/widgets/preferences/house-rules", test_preferences_house_rules);
  g_test_add_func ("/widgets/preferences/screenshots", test_preferences_screenshots);

  return g_test_run ();
}
