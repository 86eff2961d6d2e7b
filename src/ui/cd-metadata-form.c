/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-metadata-form"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-authors-editor.h"
#include "cd-date-editor.h"
#include "cd-image-editor.h"
#include "cd-metadata-form-private.h"
#include "cd-spell-adapter.h"
#include "cd-text-field.h"
#include "cd-tag-editor.h"

/* Languages offered in the language menu. Any BCP 47 tag can still be typed. */
static const struct {
  const char *tag;
  const char *name;
} common_languages[] = {
  { "en", N_("English") },
  { "en-GB", N_("British English") },
  { "en-US", N_("American English") },
  { "de", N_("German") },
  { "fr", N_("French") },
  { "es", N_("Spanish") },
  { "it", N_("Italian") },
  { "nl", N_("Dutch") },
  { "pt", N_("Portuguese") },
  { "pt-BR", N_("Brazilian Portuguese") },
  { "da", N_("Danish") },
  { "sv", N_("Swedish") },
  { "nb", N_("Norwegian Bokmål") },
  { "fi", N_("Finnish") },
  { "pl", N_("Polish") },
  { "el", N_("Greek") },
  { "tr", N_("Turkish") },
  { "uk", N_("Ukrainian") },
  { "ru", N_("Russian") },
  { "ar", N_("Arabic") },
  { "he", N_("Hebrew") },
  { "hi", N_("Hindi") },
  { "ja", N_("Japanese") },
  { "ko", N_("Korean") },
  { "zh", N_("Chinese") },
};

G_DEFINE_FINAL_TYPE (CdMetadataForm, cd_metadata_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_HOUSE_RULES,
  PROP_SETTINGS,
  PROP_ARTICLE_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets @text on @editable only when it differs, so that a value coming back
 * from the article never moves the cursor. */
static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  /* A copy: @text may be the article's, which the edit could replace. */
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  if (strcmp (gtk_editable_get_text (editable), copy) != 0)
    gtk_editable_set_text (editable, copy);
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (CdMetadataForm *self,
                 GtkTextView    *view,
                 const char     *text)
{
  g_autofree char *current = dup_buffer_text (view);

  if (text == NULL)
    text = "";
  if (strcmp (current, text) == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  self->updating = FALSE;
}

/* Counters */

static void
update_counter (CdMetadataForm *self,
                GtkWidget      *label,
                const char     *text,
                const char     *limit,
                const char     *rule)
{
  g_autofree char *soft_id = g_strconcat (limit, ".soft", NULL);
  g_autofree char *hard_id = g_strconcat (limit, ".hard", NULL);
  g_autofree char *counter = NULL;
  g_autofree char *tooltip = NULL;
  size_t length = cd_text_count_characters (text != NULL ? text : "");
  int soft = cd_house_rules_get_limit (self->rules, soft_id);
  int hard = cd_house_rules_get_limit (self->rules, hard_id);
  gboolean checked = cd_house_rules_get_rule_level (self->rules, rule) != CD_RULE_LEVEL_OFF;
  const char *style = NULL;

  /* Translators: characters used and the house's aim, such as "64 / 70". */
  counter = g_strdup_printf (_("%zu / %d"), length, soft);
  tooltip = g_strdup_printf (_("The house aims for %d characters or fewer; the limit is %d."),
                             soft, hard);
  gtk_label_set_text (GTK_LABEL (label), counter);
  gtk_widget_set_tooltip_text (label, tooltip);

  if (checked && length > (size_t) hard)
    style = "error";
  else if (checked && length > (size_t) soft)
    style = "warning";

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  if (style != NULL)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, style);
    }
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
update_headline_counter (CdMetadataForm *self)
{
  update_counter (self, self->headline_counter,
                  self->article != NULL ? cd_article_get_headline (self->article) : "",
                  "headline", "headline-length");
}

static void
update_standfirst_counter (CdMetadataForm *self)
{
  update_counter (self, self->standfirst_counter,
                  self->article != NULL ? cd_article_get_standfirst (self->article) : "",
                  "standfirst", "standfirst-length");
}

/* Article to widgets */

static void
sync_slug (CdMetadataForm *self)
{
  gboolean edited = self->article != NULL && cd_article_get_slug_edited (self->article);

  if (!self->editing_slug)
    {
      self->updating = TRUE;
      set_editable_text (GTK_EDITABLE (self->slug_row),
                         self->article != NULL ? cd_article_get_slug (self->article) : "");
      self->updating = FALSE;
    }

  gtk_widget_set_visible (self->reset_slug_button, edited);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.reset-slug", edited);
}

static void
sync_language_name (CdMetadataForm *self)
{
  const char *language = self->article != NULL ? cd_article_get_language (self->article) : "";
  const char *name = NULL;
  size_t primary = strcspn (language, "-_");

  for (size_t i = 0; name == NULL && i < G_N_ELEMENTS (common_languages); i++)
    {
      if (g_ascii_strcasecmp (common_languages[i].tag, language) == 0)
        name = common_languages[i].name;
    }

  for (size_t i = 0; name == NULL && primary > 0 && i < G_N_ELEMENTS (common_languages); i++)
    {
      if (strlen (common_languages[i].tag) == primary &&
          g_ascii_strncasecmp (common_languages[i].tag, language, primary) == 0)
        name = common_languages[i].name;
    }

  gtk_label_set_text (GTK_LABEL (self->language_name_label), name != NULL ? _(name) : "");
}

/* The embargo's switch follows the article through the binding group. */
static void
sync_embargo (CdMetadataForm *self)
{
  GDateTime *embargo = self->article != NULL ? cd_article_get_embargo (self->article) : NULL;
  g_autofree char *subtitle = NULL;

  subtitle = embargo != NULL ? cd_date_editor_format (embargo) : g_strdup (_("No embargo"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->embargo_row), subtitle);
}

static const char *
planned_words_subtitle (guint words)
{
  return words == 0 ? _("Not set") : _("Words");
}

static void
sync_all (CdMetadataForm *self)
{
  CdArticle *article = self->article;

  /* With an article, the bindings fill the rest. Without one the bound
   * widgets are emptied; no binding writes them anywhere then. */
  if (article == NULL)
    {
      set_editable_text (GTK_EDITABLE (self->section_row), "");
      set_editable_text (GTK_EDITABLE (self->language_row), "");
      set_editable_text (GTK_EDITABLE (self->dateline_row), "");
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), CD_ARTICLE_STATUS_DRAFT);
      gtk_switch_set_active (GTK_SWITCH (self->comments_switch), FALSE);
      cd_date_editor_set_date_time (CD_DATE_EDITOR (self->published_editor), NULL);
      cd_date_editor_set_date_time (CD_DATE_EDITOR (self->embargo_editor), NULL);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self->embargo_row), FALSE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->planned_spin), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->planned_row), planned_words_subtitle (0));
    }

  set_buffer_text (self, GTK_TEXT_VIEW (self->headline_view),
                   article != NULL ? cd_article_get_headline (article) : "");
  set_buffer_text (self, GTK_TEXT_VIEW (self->standfirst_view),
                   article != NULL ? cd_article_get_standfirst (article) : "");
  set_buffer_text (self, GTK_TEXT_VIEW (self->editor_note_view),
                   article != NULL ? cd_article_get_editor_note (article) : "");
  sync_slug (self);
  sync_language_name (self);
  sync_embargo (self);
  update_headline_counter (self);
  update_standfirst_counter (self);
}

static void
article_notify_cb (CdArticle      *article,
                   GParamSpec     *pspec,
                   CdMetadataForm *self)
{
  const char *name = pspec->name;

  if (strcmp (name, "headline") == 0)
    {
      set_buffer_text (self, GTK_TEXT_VIEW (self->headline_view),
                       cd_article_get_headline (article));
      update_headline_counter (self);
    }
  else if (strcmp (name, "standfirst") == 0)
    {
      set_buffer_text (self, GTK_TEXT_VIEW (self->standfirst_view),
                       cd_article_get_standfirst (article));
      update_standfirst_counter (self);
    }
  else if (strcmp (name, "editor-note") == 0)
    set_buffer_text (self, GTK_TEXT_VIEW (self->editor_note_view),
                     cd_article_get_editor_note (article));
  else if (strcmp (name, "slug") == 0 || strcmp (name, "slug-edited") == 0)
    sync_slug (self);
  else if (strcmp (name, "language") == 0)
    sync_language_name (self);
  else if (strcmp (name, "embargo") == 0)
    sync_embargo (self);
}

/* GTK 4.8's text view learns its wrapped height while it is allocated, too
 * late to ask for more room; it says so through its adjustment, and the room
 * is asked for from an idle, only when the height is not the text's. */
static void
fit_text_view (GtkWidget *view)
{
  int natural;

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      NULL, &natural, NULL, NULL);
  if (natural != gtk_widget_get_height (view))
    gtk_widget_queue_resize (view);
}

static gboolean
resize_text_views_cb (gpointer data)
{
  CdMetadataForm *self = data;

  self->resize_source = 0;
  fit_text_view (self->headline_view);
  fit_text_view (self->standfirst_view);
  fit_text_view (self->editor_note_view);
  return G_SOURCE_REMOVE;
}

static void
text_view_extent_changed_cb (GtkAdjustment  *adjustment,
                             CdMetadataForm *self)
{
  if (self->resize_source == 0)
    self->resize_source = g_idle_add (resize_text_views_cb, self);
}

/* Widgets to article */

/* The rows with a text view look like entry rows, focus ring included. */
static void
text_focus_enter_cb (GtkWidget               *row,
                     GtkEventControllerFocus *controller)
{
  gtk_widget_add_css_class (row, "focused");
}

static void
text_focus_leave_cb (GtkWidget               *row,
                     GtkEventControllerFocus *controller)
{
  gtk_widget_remove_css_class (row, "focused");
}

static void
headline_changed_cb (GtkTextBuffer  *buffer,
                     CdMetadataForm *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->article == NULL)
    return;

  text = dup_buffer_text (GTK_TEXT_VIEW (self->headline_view));
  cd_article_set_headline (self->article, text);
}

static void
standfirst_changed_cb (GtkTextBuffer  *buffer,
                       CdMetadataForm *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->article == NULL)
    return;

  text = dup_buffer_text (GTK_TEXT_VIEW (self->standfirst_view));
  cd_article_set_standfirst (self->article, text);
}

static void
editor_note_changed_cb (GtkTextBuffer  *buffer,
                        CdMetadataForm *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->article == NULL)
    return;

  text = dup_buffer_text (GTK_TEXT_VIEW (self->editor_note_view));
  cd_article_set_editor_note (self->article, text);
}

static void
slug_row_changed_cb (GtkEditable    *editable,
                     CdMetadataForm *self)
{
  if (self->updating || self->article == NULL)
    return;

  self->editing_slug = TRUE;
  cd_article_set_slug (self->article, gtk_editable_get_text (editable));
  self->editing_slug = FALSE;
}

static void
slug_focus_leave_cb (GtkEventControllerFocus *controller,
                     CdMetadataForm          *self)
{
  sync_slug (self);
}

static void
embargo_enable_cb (AdwExpanderRow *row,
                   GParamSpec     *pspec,
                   CdMetadataForm *self)
{
  gboolean enabled = adw_expander_row_get_enable_expansion (row);

  /* The binding group also sets the switch to match the article; then
   * turning it off finds no embargo to clear, and turning it on finds the
   * embargo already there, so nothing is written back. */
  if (self->article == NULL)
    return;

  if (!enabled)
    cd_article_set_embargo (self->article, NULL);
  else if (cd_article_get_embargo (self->article) == NULL)
    {
      /* A new embargo starts at the publication time, the usual case, or at
       * the current minute. */
      GDateTime *published = cd_article_get_published (self->article);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) minute = g_date_time_add_seconds (now, -g_date_time_get_seconds (now));

      cd_article_set_embargo (self->article, published != NULL ? published : minute);
      adw_expander_row_set_expanded (row, TRUE);
    }
}

static gboolean
status_to_selected (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_status (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected > CD_ARTICLE_STATUS_KILLED)
    return FALSE;

  g_value_set_enum (to, (int) selected);
  return TRUE;
}

static gboolean
has_date_time (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_boxed (from) != NULL);
  return TRUE;
}

static gboolean
planned_words_to_value (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  g_value_set_double (to, g_value_get_uint (from));
  return TRUE;
}

static gboolean
value_to_planned_words (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  double value = g_value_get_double (from);

  if (value < 0 || value > CD_ARTICLE_MAX_PLANNED_WORDS)
    return FALSE;

  g_value_set_uint (to, (guint) (value + 0.5));
  return TRUE;
}

static gboolean
planned_words_to_subtitle (GBinding     *binding,
                           const GValue *from,
                           GValue       *to,
                           gpointer      user_data)
{
  g_value_set_string (to, planned_words_subtitle (g_value_get_uint (from)));
  return TRUE;
}

/* Actions */

static void
reset_slug_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CdMetadataForm *self = CD_METADATA_FORM (widget);

  g_return_if_fail (self->article != NULL);

  /* The button disappears, so keep the keyboard in the slug entry. */
  if (gtk_widget_has_focus (self->reset_slug_button))
    gtk_widget_grab_focus (self->slug_row);
  cd_article_reset_slug (self->article);
}

static void
set_language_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CdMetadataForm *self = CD_METADATA_FORM (widget);

  g_return_if_fail (self->article != NULL);
  cd_article_set_language (self->article, g_variant_get_string (parameter, NULL));
}

static void
published_now_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CdMetadataForm *self = CD_METADATA_FORM (widget);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) minute = NULL;

  g_return_if_fail (self->article != NULL);

  /* To the minute, as the time row shows it. */
  now = g_date_time_new_now (cd_date_editor_get_zone (CD_DATE_EDITOR (self->published_editor)));
  minute = g_date_time_add_seconds (now, -g_date_time_get_seconds (now));
  cd_article_set_published (self->article, minute);
}

/* Callbacks and class */

static void
cd_metadata_form_dispose (GObject *object)
{
  CdMetadataForm *self = (CdMetadataForm *)object;

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->article_signals != NULL)
    g_signal_group_set_target (self->article_signals, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->article_signals);
  g_clear_handle_id (&self->resize_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_METADATA_FORM);

  g_clear_object (&self->article);
  g_clear_object (&self->rules);
  g_clear_object (&self->settings);
  g_clear_object (&self->article_dir);

  G_OBJECT_CLASS (cd_metadata_form_parent_class)->dispose (object);
}

static void
cd_metadata_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CdMetadataForm *self = CD_METADATA_FORM (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_HOUSE_RULES:
      g_value_set_object (value, self->rules);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_ARTICLE_DIR:
      g_value_set_object (value, self->article_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_metadata_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CdMetadataForm *self = CD_METADATA_FORM (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cd_metadata_form_set_article (self, g_value_get_object (value));
      break;

    case PROP_HOUSE_RULES:
      cd_metadata_form_set_house_rules (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      cd_metadata_form_set_settings (self, g_value_get_object (value));
      break;

    case PROP_ARTICLE_DIR:
      cd_metadata_form_set_article_dir (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_metadata_form_class_init (CdMetadataFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_metadata_form_dispose;
  object_class->get_property = cd_metadata_form_get_property;
  object_class->set_property = cd_metadata_form_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CD_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HOUSE_RULES] =
    g_param_spec_object ("house-rules", NULL, NULL,
                         CD_TYPE_HOUSE_RULES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ARTICLE_DIR] =
    g_param_spec_object ("article-dir", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CD_TYPE_AUTHORS_EDITOR);
  g_type_ensure (CD_TYPE_DATE_EDITOR);
  g_type_ensure (CD_TYPE_IMAGE_EDITOR);
  g_type_ensure (CD_TYPE_TAG_EDITOR);

  cd_metadata_form_check_focus_maps ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-metadata-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, content);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, headline_row);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, headline_view);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, headline_counter);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, standfirst_view);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, standfirst_counter);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, slug_row);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, reset_slug_button);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, section_row);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, language_row);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, language_name_label);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, language_button);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, authors_editor);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, dateline_row);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, dates_list);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, embargo_row);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, published_editor);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, embargo_editor);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, image_editor);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, tag_editor);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, status_row);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, planned_row);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, planned_spin);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, comments_switch);
  gtk_widget_class_bind_template_child (widget_class, CdMetadataForm, editor_note_view);
  gtk_widget_class_bind_template_callback (widget_class, slug_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, embargo_enable_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_focus_leave_cb);

  gtk_widget_class_install_action (widget_class, "form.reset-slug", NULL, reset_slug_action);
  gtk_widget_class_install_action (widget_class, "form.set-language", "s", set_language_action);
  gtk_widget_class_install_action (widget_class, "form.published-now", NULL,
                                   published_now_action);
}

static GMenuModel *
create_language_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (size_t i = 0; i < G_N_ELEMENTS (common_languages); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      /* Translators: a language and its tag, such as "English (en)". */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), _(common_languages[i].name),
                                                common_languages[i].tag);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "form.set-language",
                                               g_variant_new_string (common_languages[i].tag));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static GListModel *
create_status_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* In the enumeration's order, so that the selected position is the status. */
  for (int status = CD_ARTICLE_STATUS_DRAFT; status <= CD_ARTICLE_STATUS_KILLED; status++)
    gtk_string_list_append (list, cd_article_status_get_label (status));

  return G_LIST_MODEL (list);
}

static void
cd_metadata_form_init (CdMetadataForm *self)
{
  g_autoptr(GMenuModel) languages = create_language_menu ();
  g_autoptr(GListModel) statuses = create_status_model ();
  GtkEventController *focus;
  GtkWidget *now_button;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rules = cd_house_rules_new_default ();

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->language_button), languages);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status_row), statuses);

  /* Publication: date, time with "Now", zone; then the embargo's own rows. */
  now_button = gtk_button_new_with_mnemonic (_("_Now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (now_button), "form.published-now");
  gtk_widget_set_valign (now_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (now_button, _("Set Publication Time to Now"));
  gtk_widget_add_css_class (now_button, "flat");
  cd_date_editor_add_time_suffix (CD_DATE_EDITOR (self->published_editor), now_button);

  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->headline_view)), "changed",
                    G_CALLBACK (headline_changed_cb), self);
  cd_text_field_setup (GTK_TEXT_VIEW (self->headline_view), self->headline_row);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->headline_view)),
                           "changed", G_CALLBACK (text_view_extent_changed_cb), self, 0);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->standfirst_view)), "changed",
                    G_CALLBACK (standfirst_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor_note_view)), "changed",
                    G_CALLBACK (editor_note_changed_cb), self);
  cd_text_field_add_body_shortcut (GTK_TEXT_VIEW (self->standfirst_view));
  cd_text_field_add_body_shortcut (GTK_TEXT_VIEW (self->editor_note_view));

  cd_spell_adapter_attach (GTK_TEXT_VIEW (self->headline_view), CD_SPELL_TEXT_PLAIN, "headline");
  cd_spell_adapter_attach (GTK_TEXT_VIEW (self->standfirst_view), CD_SPELL_TEXT_PLAIN, "standfirst");
  cd_spell_adapter_attach (GTK_TEXT_VIEW (self->editor_note_view), CD_SPELL_TEXT_PLAIN, "editor_note");
  cd_spell_adapter_attach_entry (GTK_EDITABLE (self->dateline_row), "dateline");

  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->standfirst_view)),
                           "changed", G_CALLBACK (text_view_extent_changed_cb), self, 0);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->editor_note_view)),
                           "changed", G_CALLBACK (text_view_extent_changed_cb), self, 0);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (slug_focus_leave_cb), self);
  gtk_widget_add_controller (self->slug_row, focus);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "section", self->section_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "language", self->language_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "dateline", self->dateline_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "comments", self->comments_switch, "active",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "published", self->published_editor, "date-time",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "embargo", self->embargo_editor, "date-time",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "language", self->published_editor, "language",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "language", self->embargo_editor, "language",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "status", self->status_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             status_to_selected, selected_to_status, NULL, NULL);
  /* One way: turning the switch on or off is embargo_enable_cb()'s to do. */
  g_binding_group_bind_full (self->bindings, "embargo", self->embargo_row, "enable-expansion",
                             G_BINDING_SYNC_CREATE,
                             has_date_time, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "planned-words", self->planned_spin, "value",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             planned_words_to_value, value_to_planned_words, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "planned-words", self->planned_row, "subtitle",
                             G_BINDING_SYNC_CREATE,
                             planned_words_to_subtitle, NULL, NULL, NULL);

  self->article_signals = g_signal_group_new (CD_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify",
                                 G_CALLBACK (article_notify_cb), self, 0);

  gtk_widget_set_sensitive (self->content, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.set-language", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.published-now", FALSE);
  sync_all (self);
}

GtkWidget *
cd_metadata_form_new (void)
{
  return g_object_new (CD_TYPE_METADATA_FORM, NULL);
}

/**
 * cd_metadata_form_get_article:
 * @self: a #CdMetadataForm
 *
 * Returns: (transfer none) (nullable): the article being edited
 */
CdArticle *
cd_metadata_form_get_article (CdMetadataForm *self)
{
  g_return_val_if_fail (CD_IS_METADATA_FORM (self), NULL);
  return self->article;
}

void
cd_metadata_form_set_article (CdMetadataForm *self,
                              CdArticle      *article)
{
  g_return_if_fail (CD_IS_METADATA_FORM (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;

  g_binding_group_set_source (self->bindings, article);
  g_signal_group_set_target (self->article_signals, article);

  cd_authors_editor_set_article (CD_AUTHORS_EDITOR (self->authors_editor), article);
  cd_image_editor_set_article (CD_IMAGE_EDITOR (self->image_editor), article);
  cd_tag_editor_set_article (CD_TAG_EDITOR (self->tag_editor), article);

  sync_all (self);

  gtk_widget_set_sensitive (self->content, article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.set-language", article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.published-now", article != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * cd_metadata_form_get_house_rules:
 * @self: a #CdMetadataForm
 *
 * Returns: (transfer none): the house rules the counters follow
 */
CdHouseRules *
cd_metadata_form_get_house_rules (CdMetadataForm *self)
{
  g_return_val_if_fail (CD_IS_METADATA_FORM (self), NULL);
  return self->rules;
}

/**
 * cd_metadata_form_set_house_rules:
 * @self: a #CdMetadataForm
 * @rules: (nullable): the house rules, or %NULL for the default ones
 */
void
cd_metadata_form_set_house_rules (CdMetadataForm *self,
                                  CdHouseRules   *rules)
{
  g_autoptr(CdHouseRules) fallback = NULL;

  g_return_if_fail (CD_IS_METADATA_FORM (self));
  g_return_if_fail (rules == NULL || CD_IS_HOUSE_RULES (rules));

  if (rules == NULL)
    rules = fallback = cd_house_rules_new_default ();

  if (!g_set_object (&self->rules, rules))
    return;

  update_headline_counter (self);
  update_standfirst_counter (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUSE_RULES]);
}

/**
 * cd_metadata_form_get_settings:
 * @self: a #CdMetadataForm
 *
 * Returns: (transfer none) (nullable): the application's settings
 */
GSettings *
cd_metadata_form_get_settings (CdMetadataForm *self)
{
  g_return_val_if_fail (CD_IS_METADATA_FORM (self), NULL);
  return self->settings;
}

void
cd_metadata_form_set_settings (CdMetadataForm *self,
                               GSettings      *settings)
{
  g_return_if_fail (CD_IS_METADATA_FORM (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;

  cd_tag_editor_set_settings (CD_TAG_EDITOR (self->tag_editor), settings);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

/**
 * cd_metadata_form_get_article_dir:
 * @self: a #CdMetadataForm
 *
 * Returns: (transfer none) (nullable): the folder of the article's file
 */
GFile *
cd_metadata_form_get_article_dir (CdMetadataForm *self)
{
  g_return_val_if_fail (CD_IS_METADATA_FORM (self), NULL);
  return self->article_dir;
}

void
cd_metadata_form_set_article_dir (CdMetadataForm *self,
                                  GFile          *article_dir)
{
  g_return_if_fail (CD_IS_METADATA_FORM (self));
  g_return_if_fail (article_dir == NULL || G_IS_FILE (article_dir));

  if (self->article_dir == article_dir ||
      (self->article_dir != NULL && article_dir != NULL &&
       g_file_equal (self->article_dir, article_dir)))
    return;

  g_set_object (&self->article_dir, article_dir);
  cd_image_editor_set_article_dir (CD_IMAGE_EDITOR (self->image_editor), article_dir);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_DIR]);
}

/**
 * cd_metadata_form_get_image_editor:
 * @self: a #CdMetadataForm
 *
 * Returns: (transfer none): the lead-image editor
 */
GtkWidget *
cd_metadata_form_get_image_editor (CdMetadataForm *self)
{
  g_return_val_if_fail (CD_IS_METADATA_FORM (self), NULL);
  return self->image_editor;
}

void
cd_metadata_form_set_spell_context (CdMetadataForm *self,
                                    CdSpellContext *context)
{
  g_return_if_fail (CD_IS_METADATA_FORM (self));

  cd_spell_adapter_set_context (cd_spell_adapter_get_for_view (GTK_TEXT_VIEW (self->headline_view)), context);
  cd_spell_adapter_set_context (cd_spell_adapter_get_for_view (GTK_TEXT_VIEW (self->standfirst_view)), context);
  cd_spell_adapter_set_context (cd_spell_adapter_get_for_view (GTK_TEXT_VIEW (self->editor_note_view)), context);
  cd_spell_adapter_set_entry_context (GTK_EDITABLE (self->dateline_row), context);
  cd_image_editor_set_spell_context (CD_IMAGE_EDITOR (self->image_editor), context);
}
