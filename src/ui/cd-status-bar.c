/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gi18n.h>

#include "cd-status-bar.h"

struct _CdStatusBar
{
  GtkWidget  parent_instance;

  CdStats   *stats;
  guint      planned_words;

  /* Template widgets */
  GtkLabel  *counts_label;
  GtkLabel  *planned_label;
  GtkLabel  *note_label;
};

G_DEFINE_FINAL_TYPE (CdStatusBar, cd_status_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATS,
  PROP_PLANNED_WORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A count with the locale's thousands separator: "1,234" in English, "1.234"
 * in German, "1234" in the C locale. */
static char *
format_count (size_t count)
{
  return g_strdup_printf ("%'zu", count);
}

/* ngettext() takes an unsigned long; counts beyond it use the plural. */
static gulong
plural_n (size_t count)
{
  return (gulong) MIN (count, (size_t) G_MAXULONG);
}

static char *
dup_counts_text (CdStats *stats)
{
  size_t words = cd_stats_get_words (stats);
  size_t characters = cd_stats_get_characters (stats);
  guint seconds = cd_stats_get_reading_seconds (stats);
  guint minutes = cd_stats_get_reading_minutes (stats);
  g_autofree char *words_number = format_count (words);
  g_autofree char *characters_number = format_count (characters);
  g_autofree char *words_text = NULL;
  g_autofree char *characters_text = NULL;
  g_autofree char *reading_text = NULL;
  g_autofree char *minutes_number = NULL;

  /* Translators: %s is a number of words, with thousands separators */
  words_text = g_strdup_printf (ngettext ("%s word", "%s words", plural_n (words)), words_number);
  /* Translators: %s is a number of characters, with thousands separators */
  characters_text = g_strdup_printf (ngettext ("%s character", "%s characters", plural_n (characters)),
                                     characters_number);

  /* An empty body has no reading time worth mentioning. */
  if (seconds == 0)
    /* Translators: the separator between the statistics, as in "12 words · 60 characters" */
    return g_strdup_printf (C_("status bar", "%s · %s"), words_text, characters_text);

  if (seconds < 60)
    reading_text = g_strdup (_("less than a minute"));
  else
    {
      minutes_number = format_count (minutes);
      /* Translators: the reading time; %s is a number of minutes */
      reading_text = g_strdup_printf (ngettext ("%s min read", "%s min read", minutes), minutes_number);
    }

  /* Translators: words, characters and reading time, as in
   * "1,234 words · 6,789 characters · 6 min read" */
  return g_strdup_printf (C_("status bar", "%s · %s · %s"), words_text, characters_text, reading_text);
}

static void
update_planned (CdStatusBar *self)
{
  g_autofree char *words_number = NULL;
  g_autofree char *planned_number = NULL;
  g_autofree char *difference_number = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  gboolean over;
  size_t words;

  if (self->stats == NULL || self->planned_words == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->planned_label), FALSE);
      gtk_label_set_label (self->planned_label, "");
      return;
    }

  words = cd_stats_get_words (self->stats);
  over = words > self->planned_words;
  words_number = format_count (words);
  planned_number = format_count (self->planned_words);
  difference_number = format_count (over ? words - self->planned_words : self->planned_words - words);

  /* Translators: the words written and the planned length, as in
   * "· 1,234 of 1,200 words"; the dot continues the list before it */
  text = g_strdup_printf (ngettext ("· %s of %s word", "· %s of %s words", self->planned_words),
                          words_number, planned_number);
  if (over)
    tooltip = g_strdup_printf (ngettext ("%s word over the planned length",
                                         "%s words over the planned length",
                                         plural_n (words - self->planned_words)),
                               difference_number);
  else if (words == self->planned_words)
    tooltip = g_strdup (_("Exactly the planned length"));
  else
    tooltip = g_strdup_printf (ngettext ("%s word to go", "%s words to go",
                                         plural_n (self->planned_words - words)),
                               difference_number);

  gtk_label_set_label (self->planned_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->planned_label), tooltip);
  /* Dimmed like the rest unless it is over the plan, which the desk will cut. */
  if (over)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->planned_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->planned_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->planned_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->planned_label), "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->planned_label), TRUE);
}

static void
update (CdStatusBar *self)
{
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;

  if (self->stats != NULL)
    counts = dup_counts_text (self->stats);
  gtk_label_set_label (self->counts_label, counts != NULL ? counts : "");
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), counts != NULL);

  update_planned (self);

  text = cd_status_bar_dup_text (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* GObject */

static void
cd_status_bar_dispose (GObject *object)
{
  CdStatusBar *self = CD_STATUS_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_STATUS_BAR);

  G_OBJECT_CLASS (cd_status_bar_parent_class)->dispose (object);
}

static void
cd_status_bar_finalize (GObject *object)
{
  CdStatusBar *self = CD_STATUS_BAR (object);

  g_clear_pointer (&self->stats, cd_stats_unref);

  G_OBJECT_CLASS (cd_status_bar_parent_class)->finalize (object);
}

static void
cd_status_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CdStatusBar *self = CD_STATUS_BAR (object);

  switch (prop_id)
    {
    case PROP_STATS:
      g_value_set_boxed (value, self->stats);
      break;

    case PROP_PLANNED_WORDS:
      g_value_set_uint (value, self->planned_words);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_status_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CdStatusBar *self = CD_STATUS_BAR (object);

  switch (prop_id)
    {
    case PROP_STATS:
      cd_status_bar_set_stats (self, g_value_get_boxed (value));
      break;

    case PROP_PLANNED_WORDS:
      cd_status_bar_set_planned_words (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_status_bar_class_init (CdStatusBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_status_bar_dispose;
  object_class->finalize = cd_status_bar_finalize;
  object_class->get_property = cd_status_bar_get_property;
  object_class->set_property = cd_status_bar_set_property;

  /**
   * CdStatusBar:stats:
   *
   * The statistics shown, or %NULL for none (the bar is then empty).
   */
  properties[PROP_STATS] =
    g_param_spec_boxed ("stats", NULL, NULL,
                        CD_TYPE_STATS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CdStatusBar:planned-words:
   *
   * The article's planned length in words, or 0 when it has none.
   */
  properties[PROP_PLANNED_WORDS] =
    g_param_spec_uint ("planned-words", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-status-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CdStatusBar, counts_label);
  gtk_widget_class_bind_template_child (widget_class, CdStatusBar, planned_label);
  gtk_widget_class_bind_template_child (widget_class, CdStatusBar, note_label);

  gtk_widget_class_set_css_name (widget_class, "cd-status-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
cd_status_bar_init (CdStatusBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/* Public API */

/**
 * cd_status_bar_new:
 *
 * Returns: (transfer floating): a new, empty status bar
 */
GtkWidget *
cd_status_bar_new (void)
{
  return g_object_new (CD_TYPE_STATUS_BAR, NULL);
}

/**
 * cd_status_bar_get_stats:
 *
 * Returns: (transfer none) (nullable): the statistics shown
 */
CdStats *
cd_status_bar_get_stats (CdStatusBar *self)
{
  g_return_val_if_fail (CD_IS_STATUS_BAR (self), NULL);

  return self->stats;
}

/**
 * cd_status_bar_set_stats:
 * @stats: (nullable): the article's statistics
 */
void
cd_status_bar_set_stats (CdStatusBar *self,
                         CdStats     *stats)
{
  g_return_if_fail (CD_IS_STATUS_BAR (self));

  if (self->stats == stats)
    return;

  if (stats != NULL)
    cd_stats_ref (stats);
  g_clear_pointer (&self->stats, cd_stats_unref);
  self->stats = stats;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATS]);
}

guint
cd_status_bar_get_planned_words (CdStatusBar *self)
{
  g_return_val_if_fail (CD_IS_STATUS_BAR (self), 0);

  return self->planned_words;
}

/**
 * cd_status_bar_set_planned_words:
 * @planned_words: the planned length in words, or 0 for none
 */
void
cd_status_bar_set_planned_words (CdStatusBar *self,
                                 guint        planned_words)
{
  g_return_if_fail (CD_IS_STATUS_BAR (self));

  if (self->planned_words == planned_words)
    return;

  self->planned_words = planned_words;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_WORDS]);
}

/**
 * cd_status_bar_dup_text:
 *
 * Returns: (transfer full): the text the bar shows, as one line; empty when
 *   it has no statistics
 */
char *
cd_status_bar_dup_text (CdStatusBar *self)
{
  GString *text;

  g_return_val_if_fail (CD_IS_STATUS_BAR (self), NULL);

  text = g_string_new (NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->counts_label)))
    g_string_append (text, gtk_label_get_text (self->counts_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->planned_label)))
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, gtk_label_get_text (self->planned_label));
    }

  return g_string_free (text, FALSE);
}

/**
 * cd_status_bar_set_note:
 * @self: a #CdStatusBar
 * @note: (nullable): a short remark at the end of the bar, or %NULL for none
 * @details: (nullable): more about it, in the remark's tooltip
 *
 * Shows something worth knowing that needs no answer, such as a missing
 * spelling dictionary.
 */
void
cd_status_bar_set_note (CdStatusBar *self,
                        const char  *note,
                        const char  *details)
{
  g_return_if_fail (CD_IS_STATUS_BAR (self));

  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_label), details != NULL ? details : note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
}

const char *
cd_status_bar_get_note (CdStatusBar *self)
{
  g_return_val_if_fail (CD_IS_STATUS_BAR (self), NULL);
  return gtk_label_get_label (self->note_label);
}
