/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gi18n.h>

#include "cd-history-dialog.h"

struct _CdHistoryDialog
{
  AdwWindow       parent_instance;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkButton      *restore_button;
  GtkStack       *stack;
  GtkListBox     *list_box;
  GtkLabel       *summary_label;
  GtkDropDown    *compare_dropdown;
  GtkTextView    *text_view;

  CdVersionStore *store;
  CdArticle      *current;
  GListModel     *versions;    /* of CdVersion, newest first */
  GHashTable     *articles;    /* version id (gint64 *) → CdArticle */
  CdVersion      *selected;
  gulong          changed_id;
  guint           render_source;
  guint           reloading : 1;
};

G_DEFINE_FINAL_TYPE (CdHistoryDialog, cd_history_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The article of @version, loaded once. NULL when it does not load back
 * (a damaged store): the view says so instead of comparing. */
static CdArticle *
load_version (CdHistoryDialog  *self,
              CdVersion        *version,
              GError          **error)
{
  gint64 id = cd_version_get_id (version);
  CdArticle *article = g_hash_table_lookup (self->articles, &id);

  if (article == NULL)
    {
      article = cd_version_store_load_article (self->store, version, error);
      if (article == NULL)
        return NULL;
      g_hash_table_insert (self->articles, g_memdup2 (&id, sizeof id), article);
    }
  return article;
}

/* "3 minutes ago", for the list; the exact time is in its tooltip. */
static char *
dup_relative_time (GDateTime *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 seconds = g_date_time_difference (now, time) / G_TIME_SPAN_SECOND;

  if (seconds < 60)
    return g_strdup (_("Just now"));
  if (seconds < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         (gulong) (seconds / 60)),
                            (int) (seconds / 60));
  if (seconds < 86400)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago",
                                         (gulong) (seconds / 3600)),
                            (int) (seconds / 3600));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago",
                                       (gulong) (seconds / 86400)),
                          (int) (seconds / 86400));
}

static char *
dup_absolute_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: when a version was recorded, as in "8 December 2026, 14:02";
   * a g_date_time_format () format. */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static const char *
version_author (CdVersion *version)
{
  const char *author = cd_version_get_author (version);

  return author != NULL && *author != '\0' ? author : _("Unknown author");
}

/* Words added to and removed from the body since the version before
 * @position, "+12 −3"; NULL for the oldest or when either does not load. */
static char *
dup_words_changed (CdHistoryDialog *self,
                   guint            position)
{
  g_autoptr(CdVersion) version = g_list_model_get_item (self->versions, position);
  g_autoptr(CdVersion) previous = g_list_model_get_item (self->versions, position + 1);
  g_autoptr(CdArticleDiff) diff = NULL;
  CdArticle *new_article, *old_article;

  if (previous == NULL)
    return NULL;
  new_article = load_version (self, version, NULL);
  old_article = load_version (self, previous, NULL);
  if (new_article == NULL || old_article == NULL)
    return NULL;
  diff = cd_article_diff_new (old_article, new_article);
  /* Translators: words added to and removed from the body since the
   * version before, as in "+12 −3". */
  return g_strdup_printf (_("+%u −%u"), cd_article_diff_get_body_words_added (diff),
                          cd_article_diff_get_body_words_removed (diff));
}

static GtkWidget *
create_row (CdHistoryDialog *self,
            guint            position)
{
  g_autoptr(CdVersion) version = g_list_model_get_item (self->versions, position);
  g_autofree char *relative = dup_relative_time (cd_version_get_time (version));
  g_autofree char *absolute = dup_absolute_time (cd_version_get_time (version));
  g_autofree char *subtitle = NULL;
  g_autofree char *words = dup_words_changed (self, position);
  g_autofree char *title = g_markup_escape_text (version_author (version), -1);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: under the author of a version: when, why it was recorded
   * and the article's status then, as in "3 minutes ago · Saved · Draft". */
  subtitle = g_strdup_printf (_("%s · %s · %s"), relative,
                              cd_version_reason_get_label (cd_version_get_reason (version)),
                              cd_article_status_get_label (cd_version_get_status (version)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, absolute);
  if (words != NULL)
    {
      GtkWidget *label = gtk_label_new (words);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, _("Words added to and removed from the body "
                                            "since the version before"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  g_object_set_data_full (G_OBJECT (row), "cd-version", g_object_ref (version), g_object_unref);
  return row;
}

/* The comparison */

static void
insert_tagged (GtkTextBuffer *buffer,
               const char    *text,
               gssize         length,
               const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, length, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, length);
}

static void
insert_word_diff (GtkTextBuffer *buffer,
                  CdWordDiff    *diff)
{
  for (guint i = 0; i < cd_word_diff_get_n_ops (diff); i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);
      size_t length = 0;
      const char *text = cd_word_diff_get_op_text (diff, op, &length);

      switch (op->kind)
        {
        case CD_WORD_DIFF_EQUAL:
          insert_tagged (buffer, text, length, NULL);
          break;
        case CD_WORD_DIFF_INSERT:
          /* A word replaced by another: a thin space between the two
           * keeps "forty" and "sixty" from reading as "fortysixty". */
          if (i > 0 && cd_word_diff_get_op (diff, i - 1)->kind == CD_WORD_DIFF_DELETE)
            insert_tagged (buffer, "\u2009", -1, NULL);
          insert_tagged (buffer, text, length, "inserted");
          break;
        case CD_WORD_DIFF_DELETE:
          insert_tagged (buffer, text, length, "deleted");
          break;
        case CD_WORD_DIFF_MOVED_FROM:
          insert_tagged (buffer, _("Paragraph moved from here:"), -1, "moved-label");
          insert_tagged (buffer, " ", 1, NULL);
          insert_tagged (buffer, text, length, "moved-from");
          break;
        case CD_WORD_DIFF_MOVED_TO:
          insert_tagged (buffer, _("Paragraph moved here:"), -1, "moved-label");
          insert_tagged (buffer, " ", 1, NULL);
          insert_tagged (buffer, text, length, "moved-to");
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* The version or text chosen under "Compare With": NULL for the current
 * text. (transfer full) */
static CdVersion *
dup_compare_version (CdHistoryDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->versions == NULL)
    return NULL;
  return g_list_model_get_item (self->versions, selected - 1);
}

static void
render (CdHistoryDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(CdVersion) other = NULL;
  g_autoptr(CdArticleDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *summary = NULL;
  CdArticle *old_article, *new_article;
  guint n_changes;

  g_clear_handle_id (&self->render_source, g_source_remove);
  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_label_set_label (self->summary_label, "");
  if (self->selected == NULL)
    return;

  old_article = load_version (self, self->selected, &error);
  if (old_article == NULL)
    {
      insert_tagged (buffer, error->message, -1, "note");
      return;
    }
  other = dup_compare_version (self);
  if (other != NULL)
    {
      new_article = load_version (self, other, &error);
      if (new_article == NULL)
        {
          insert_tagged (buffer, error->message, -1, "note");
          return;
        }
    }
  else
    new_article = self->current;

  diff = cd_article_diff_new (old_article, new_article);
  n_changes = g_list_model_get_n_items (G_LIST_MODEL (diff));
  when = dup_absolute_time (cd_version_get_time (self->selected));
  if (other == NULL)
    /* Translators: above the changes; %s is a version's time. */
    summary = g_strdup_printf (_("From the version of %s to the current text"), when);
  else
    {
      g_autofree char *other_when = dup_absolute_time (cd_version_get_time (other));

      /* Translators: above the changes; each %s is a version's time. */
      summary = g_strdup_printf (_("From the version of %s to the version of %s"),
                                 when, other_when);
    }
  gtk_label_set_label (self->summary_label, summary);

  if (n_changes == 0)
    {
      insert_tagged (buffer, _("No differences in the article’s fields."), -1, "note");
      return;
    }

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(CdFieldChange) change = g_list_model_get_item (G_LIST_MODEL (diff), i);
      CdWordDiff *words = cd_field_change_get_word_diff (change);
      const char *old_value = cd_field_change_get_old_value (change);
      const char *new_value = cd_field_change_get_new_value (change);

      if (i > 0)
        insert_tagged (buffer, "\n", 1, NULL);
      insert_tagged (buffer, cd_field_change_get_label (change), -1, "heading");
      insert_tagged (buffer, "\n", 1, NULL);

      if (words != NULL)
        insert_word_diff (buffer, words);
      else
        {
          switch (cd_field_change_get_kind (change))
            {
            case CD_FIELD_CHANGE_ADDED:
              insert_tagged (buffer, new_value, -1, "inserted");
              break;
            case CD_FIELD_CHANGE_REMOVED:
              insert_tagged (buffer, old_value, -1, "deleted");
              break;
            case CD_FIELD_CHANGE_CHANGED:
            default:
              insert_tagged (buffer, old_value, -1, "deleted");
              insert_tagged (buffer, " → ", -1, "arrow");
              insert_tagged (buffer, new_value, -1, "inserted");
              break;
            }
        }
      insert_tagged (buffer, "\n", 1, NULL);
    }
}

static gboolean
render_cb (gpointer data)
{
  CdHistoryDialog *self = data;

  self->render_source = 0;
  render (self);
  return G_SOURCE_REMOVE;
}

/* The current text changed (typing, a restore): compared again a moment later. */
static void
current_changed_cb (CdHistoryDialog *self)
{
  if (self->render_source == 0 && dup_compare_version (self) == NULL)
    self->render_source = g_timeout_add (300, render_cb, self);
}

static void
row_selected_cb (CdHistoryDialog *self,
                 GtkListBoxRow   *row)
{
  if (self->reloading)
    return;
  g_clear_object (&self->selected);
  if (row != NULL)
    self->selected = g_object_ref (g_object_get_data (G_OBJECT (row), "cd-version"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), self->selected != NULL);
  render (self);
}

static void
compare_changed_cb (CdHistoryDialog *self)
{
  if (!self->reloading)
    render (self);
}

static void
restore_clicked_cb (CdHistoryDialog *self)
{
  g_autoptr(GError) error = NULL;
  CdArticle *article;

  if (self->selected == NULL)
    return;
  article = load_version (self, self->selected, &error);
  if (article == NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), error->message, -1);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_RESTORE], 0, article);
  render (self);
}

static void
create_tags (CdHistoryDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* Translucent backgrounds keep the text's own colour, which the style
   * sheet makes readable on light and dark backgrounds alike. */
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 12, "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "inserted",
                              "background-rgba", &(GdkRGBA) { 0.18, 0.76, 0.49, 0.25 },
                              "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "deleted",
                              "background-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 0.20 },
                              "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "moved-from",
                              "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.15 },
                              "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "moved-to",
                              "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.22 }, NULL);
  gtk_text_buffer_create_tag (buffer, "moved-label", "style", PANGO_STYLE_ITALIC,
                              "weight", PANGO_WEIGHT_SEMIBOLD, "scale", 0.85, NULL);
  gtk_text_buffer_create_tag (buffer, "arrow", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "note", "style", PANGO_STYLE_ITALIC, NULL);
}

/* GObject */

static void
cd_history_dialog_dispose (GObject *object)
{
  CdHistoryDialog *self = CD_HISTORY_DIALOG (object);

  /* The list empties as it goes: no selection to show any more. */
  self->reloading = TRUE;
  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->current);
  g_clear_object (&self->selected);
  g_clear_object (&self->versions);
  g_clear_object (&self->current);
  g_clear_object (&self->store);
  g_clear_pointer (&self->articles, g_hash_table_unref);

  G_OBJECT_CLASS (cd_history_dialog_parent_class)->dispose (object);
}

static void
cd_history_dialog_class_init (CdHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_history_dialog_dispose;

  /**
   * CdHistoryDialog::restore:
   * @article: the selected version's content
   *
   * "Restore This Version" was clicked.
   */
  signals[SIGNAL_RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CD_TYPE_ARTICLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CdHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CdHistoryDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CdHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CdHistoryDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, CdHistoryDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CdHistoryDialog, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdHistoryDialog, text_view);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, compare_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
}

static void
cd_history_dialog_init (CdHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  create_tags (self);
}

/* API */

CdHistoryDialog *
cd_history_dialog_new (CdVersionStore *store,
                       CdArticle      *current)
{
  CdHistoryDialog *self;

  g_return_val_if_fail (CD_IS_VERSION_STORE (store), NULL);
  g_return_val_if_fail (CD_IS_ARTICLE (current), NULL);

  self = g_object_new (CD_TYPE_HISTORY_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->current = g_object_ref (current);
  self->changed_id = g_signal_connect_swapped (current, "changed",
                                               G_CALLBACK (current_changed_cb), self);
  cd_history_dialog_reload (self);
  return self;
}

void
cd_history_dialog_reload (CdHistoryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  gint64 selected_id = 0;
  guint n_versions;

  g_return_if_fail (CD_IS_HISTORY_DIALOG (self));

  if (self->selected != NULL)
    selected_id = cd_version_get_id (self->selected);
  self->reloading = TRUE;
  g_clear_object (&self->versions);
  self->versions = cd_version_store_list (self->store, cd_article_get_id (self->current), &error);
  if (self->versions == NULL)
    {
      self->versions = G_LIST_MODEL (g_list_store_new (CD_TYPE_VERSION));
      adw_status_page_set_title (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                 _("History Not Available"));
      adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                       error->message);
    }
  n_versions = g_list_model_get_n_items (self->versions);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)))
    gtk_list_box_remove (self->list_box, row);
  gtk_string_list_append (choices, _("Current Text"));
  for (guint i = 0; i < n_versions; i++)
    {
      g_autoptr(CdVersion) version = g_list_model_get_item (self->versions, i);
      g_autofree char *when = dup_absolute_time (cd_version_get_time (version));
      /* Translators: a version under "Compare With": who, then when. */
      g_autofree char *choice = g_strdup_printf (_("%s, %s"), version_author (version), when);

      gtk_list_box_append (self->list_box, create_row (self, i));
      gtk_string_list_append (choices, choice);
    }
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->compare_dropdown, 0);
  gtk_stack_set_visible_child_name (self->stack, n_versions > 0 ? "versions" : "empty");
  adw_window_title_set_subtitle (self->window_title, cd_article_get_headline (self->current));
  self->reloading = FALSE;

  g_clear_object (&self->selected);
  if (!cd_history_dialog_select_version (self, selected_id))
    cd_history_dialog_select_version (self, 0);
}

gboolean
cd_history_dialog_select_version (CdHistoryDialog *self,
                                  gint64           version_id)
{
  g_return_val_if_fail (CD_IS_HISTORY_DIALOG (self), FALSE);

  for (guint i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);
      CdVersion *version;

      if (row == NULL)
        return FALSE;
      version = g_object_get_data (G_OBJECT (row), "cd-version");
      if (version_id == 0 || cd_version_get_id (version) == version_id)
        {
          gtk_list_box_select_row (self->list_box, row);
          return TRUE;
        }
    }
}

GListModel *
cd_history_dialog_get_versions (CdHistoryDialog *self)
{
  g_return_val_if_fail (CD_IS_HISTORY_DIALOG (self), NULL);

  return self->versions;
}

char *
cd_history_dialog_dup_diff_text (CdHistoryDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CD_IS_HISTORY_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
cd_history_dialog_has_change (CdHistoryDialog *self,
                              const char      *text,
                              gboolean         inserted)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter, match_start, match_end;

  g_return_val_if_fail (CD_IS_HISTORY_DIALOG (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                   inserted ? "inserted" : "deleted");
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, text, 0, &match_start, &match_end, NULL))
    {
      if (gtk_text_iter_has_tag (&match_start, tag))
        return TRUE;
      iter = match_end;
    }
  return FALSE;
}
