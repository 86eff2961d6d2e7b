/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gi18n.h>

#include "cd-preflight-button.h"

/* The longest message line, in characters; longer messages wrap. */
#define MESSAGE_MAX_WIDTH_CHARS 50

struct _CdPreflightButton
{
  GtkWidget       parent_instance;

  GListModel     *issues;
  /* Follows the issues: a change updates the summary. */
  GSignalGroup   *issues_signals;

  /* Template widgets */
  GtkMenuButton  *menu_button;
  GtkWidget      *indicator;
  GtkImage       *indicator_image;
  GtkLabel       *indicator_label;
  GtkPopover     *popover;
  GtkLabel       *heading_label;
  GtkLabel       *description_label;
  GtkWidget      *scrolled_window;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (CdPreflightButton, cd_preflight_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ISSUES,
  N_PROPS
};

enum {
  FIELD_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const severity_classes[] = { "success", "warning", "error" };

/* Texts */

/* "2 errors, 1 warning", "1 warning", or NULL when there are none. */
static char *
dup_counts_text (guint errors,
                 guint warnings)
{
  g_autofree char *errors_text = NULL;
  g_autofree char *warnings_text = NULL;

  if (errors > 0)
    errors_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  if (warnings > 0)
    warnings_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);

  if (errors_text != NULL && warnings_text != NULL)
    /* Translators: the numbers of errors and of warnings, as in "2 errors, 1 warning" */
    return g_strdup_printf (C_("preflight counts", "%s, %s"), errors_text, warnings_text);
  if (errors_text != NULL)
    return g_steal_pointer (&errors_text);
  return g_steal_pointer (&warnings_text);
}

static void
set_indicator_class (CdPreflightButton *self,
                     const char        *css_class)
{
  for (gsize i = 0; i < G_N_ELEMENTS (severity_classes); i++)
    {
      if (g_strcmp0 (css_class, severity_classes[i]) == 0)
        gtk_widget_add_css_class (self->indicator, severity_classes[i]);
      else
        gtk_widget_remove_css_class (self->indicator, severity_classes[i]);
    }
}

static void
update_summary (CdPreflightButton *self)
{
  g_autofree char *counts = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *description = NULL;
  g_autofree char *number = NULL;
  GtkWidget *inner_button;
  guint n_items = 0;
  guint errors = 0;
  guint warnings = 0;

  if (self->issues != NULL)
    {
      n_items = g_list_model_get_n_items (self->issues);
      errors = cd_preflight_count (self->issues, CD_SEVERITY_ERROR);
      warnings = cd_preflight_count (self->issues, CD_SEVERITY_WARNING);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), self->issues != NULL);

  if (self->issues == NULL)
    {
      gtk_image_set_from_icon_name (self->indicator_image, "object-select-symbolic");
      gtk_label_set_label (self->indicator_label, C_("preflight", "Ready"));
      set_indicator_class (self, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Not checked yet"));
      accessible = g_strdup (_("Preflight: not checked yet"));
      heading = g_strdup (_("Not checked yet"));
    }
  else if (n_items == 0)
    {
      gtk_image_set_from_icon_name (self->indicator_image, "object-select-symbolic");
      gtk_label_set_label (self->indicator_label, C_("preflight", "Ready"));
      set_indicator_class (self, "success");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Ready to publish"));
      accessible = g_strdup (_("Preflight: ready to publish"));
      heading = g_strdup (_("Ready to publish"));
      description = g_strdup (_("The article passes every check of the house rules."));
    }
  else
    {
      counts = dup_counts_text (errors, warnings);
      /* Issues of a severity this widget does not know still count as problems. */
      number = g_strdup_printf ("%u", n_items);

      gtk_image_set_from_icon_name (self->indicator_image,
                                    errors > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_label_set_label (self->indicator_label, number);
      set_indicator_class (self, errors > 0 ? "error" : "warning");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), counts);
      /* Translators: %s is the numbers of problems, as in "2 errors, 1 warning" */
      accessible = g_strdup_printf (_("Preflight: %s"), counts);

      /* The heading counts what the button shows; the description says
       * which of them block publication. */
      if (errors > 0)
        {
          heading = g_strdup_printf (ngettext ("%u problem", "%u problems", n_items), n_items);
          if (errors == n_items)
            description = g_strdup (ngettext ("It blocks publication.",
                                              "They all block publication.",
                                              errors));
          else
            description = g_strdup_printf (ngettext ("%u of them blocks publication; warnings do not.",
                                                     "%u of them block publication; warnings do not.",
                                                     errors),
                                           errors);
        }
      else
        {
          heading = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_items), n_items);
          description = g_strdup (_("Warnings do not block publication."));
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* In GTK 4.8 the part that takes focus is the menu button's inner toggle
   * button, which screen readers announce; it gets the same name. */
  inner_button = gtk_widget_get_first_child (GTK_WIDGET (self->menu_button));
  if (GTK_IS_BUTTON (inner_button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    -1);
  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);
  gtk_widget_set_visible (self->scrolled_window, n_items > 0);
}

/* Rows */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CdPreflightIssue *issue = CD_PREFLIGHT_ISSUE (item);
  gboolean is_error = cd_preflight_issue_get_severity (issue) == CD_SEVERITY_ERROR;
  g_autofree char *field = cd_field_dup_label (cd_preflight_issue_get_field (issue));
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *text_box;
  GtkWidget *image;
  GtkWidget *message;
  GtkWidget *caption;

  image = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (image, is_error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error ? _("Error") : _("Warning"),
                                  -1);

  message = gtk_label_new (cd_preflight_issue_get_message (issue));
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (message), MESSAGE_MAX_WIDTH_CHARS);

  caption = gtk_label_new (field);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (text_box), message);
  gtk_box_append (GTK_BOX (text_box), caption);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), text_box);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
row_activated_cb (CdPreflightButton *self,
                  GtkListBoxRow     *row)
{
  g_autoptr(CdPreflightIssue) issue = NULL;
  g_autofree char *field = NULL;
  int index = gtk_list_box_row_get_index (row);

  if (self->issues == NULL || index < 0)
    return;

  issue = g_list_model_get_item (self->issues, (guint) index);
  if (issue == NULL)
    return;

  /* Copied: a handler may recheck the article and replace the model. */
  field = g_strdup (cd_preflight_issue_get_field (issue));
  gtk_menu_button_popdown (self->menu_button);
  g_signal_emit (self, signals[FIELD_ACTIVATED], 0, field);
}

static void
focus_first_row (CdPreflightButton *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, 0);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
popover_show_cb (CdPreflightButton *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window)), 0);
  focus_first_row (self);
}

static void
issues_items_changed_cb (CdPreflightButton *self)
{
  update_summary (self);
}

/* GObject */

static void
cd_preflight_button_dispose (GObject *object)
{
  CdPreflightButton *self = CD_PREFLIGHT_BUTTON (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->issues_signals != NULL)
    g_signal_group_set_target (self->issues_signals, NULL);
  g_clear_object (&self->issues_signals);
  g_clear_object (&self->issues);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_PREFLIGHT_BUTTON);

  G_OBJECT_CLASS (cd_preflight_button_parent_class)->dispose (object);
}

static void
cd_preflight_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CdPreflightButton *self = CD_PREFLIGHT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ISSUES:
      g_value_set_object (value, self->issues);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_preflight_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CdPreflightButton *self = CD_PREFLIGHT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ISSUES:
      cd_preflight_button_set_issues (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
cd_preflight_button_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  CdPreflightButton *self = CD_PREFLIGHT_BUTTON (widget);

  return gtk_widget_child_focus (GTK_WIDGET (self->menu_button), direction);
}

static gboolean
cd_preflight_button_grab_focus (GtkWidget *widget)
{
  CdPreflightButton *self = CD_PREFLIGHT_BUTTON (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
}

static void
cd_preflight_button_class_init (CdPreflightButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_preflight_button_dispose;
  object_class->get_property = cd_preflight_button_get_property;
  object_class->set_property = cd_preflight_button_set_property;

  widget_class->focus = cd_preflight_button_focus;
  widget_class->grab_focus = cd_preflight_button_grab_focus;

  /**
   * CdPreflightButton:issues:
   *
   * The issues of the last preflight check (a #GListModel of
   * #CdPreflightIssue), or %NULL before the first check. The button follows
   * the model's changes.
   */
  properties[PROP_ISSUES] =
    g_param_spec_object ("issues", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CdPreflightButton::field-activated:
   * @self: the button
   * @field: the preflight field of the chosen issue, such as "headline" or "image.alt"
   *
   * Emitted when an issue is chosen in the popover, after it closes.
   */
  signals[FIELD_ACTIVATED] =
    g_signal_new ("field-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-preflight-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, indicator);
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, indicator_image);
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, indicator_label);
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, popover);
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, description_label);
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CdPreflightButton, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cd-preflight-button");
}

static void
cd_preflight_button_init (CdPreflightButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->issues_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->issues_signals, "items-changed",
                                  G_CALLBACK (issues_items_changed_cb), self);
  update_summary (self);
}

/* Public API */

/**
 * cd_preflight_button_new:
 *
 * Returns: (transfer floating): a new preflight button with no issues yet
 */
GtkWidget *
cd_preflight_button_new (void)
{
  return g_object_new (CD_TYPE_PREFLIGHT_BUTTON, NULL);
}

/**
 * cd_preflight_button_get_issues:
 *
 * Returns: (transfer none) (nullable): the issues shown
 */
GListModel *
cd_preflight_button_get_issues (CdPreflightButton *self)
{
  g_return_val_if_fail (CD_IS_PREFLIGHT_BUTTON (self), NULL);

  return self->issues;
}

/**
 * cd_preflight_button_set_issues:
 * @issues: (nullable): a #GListModel of #CdPreflightIssue
 *
 * Shows @issues, and follows its changes until another model is set.
 */
void
cd_preflight_button_set_issues (CdPreflightButton *self,
                                GListModel        *issues)
{
  g_return_if_fail (CD_IS_PREFLIGHT_BUTTON (self));
  g_return_if_fail (issues == NULL || G_IS_LIST_MODEL (issues));

  if (self->issues == issues)
    return;

  g_set_object (&self->issues, issues);
  g_signal_group_set_target (self->issues_signals, issues);

  gtk_list_box_bind_model (self->list_box, issues, create_row, NULL, NULL);
  update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUES]);
}

/**
 * cd_preflight_button_popup:
 *
 * Opens the popover with the first issue focused, so that Enter goes to its
 * field and the arrow keys move through the others.
 */
void
cd_preflight_button_popup (CdPreflightButton *self)
{
  g_return_if_fail (CD_IS_PREFLIGHT_BUTTON (self));

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self->menu_button)))
    return;

  gtk_menu_button_popup (self->menu_button);
  focus_first_row (self);
}
