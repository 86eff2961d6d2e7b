/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-file-bar"

#include <glib/gi18n.h>

#include "cd-file-bar.h"

struct _CdFileBar
{
  GtkWidget            parent_instance;

  CdDocument          *document;
  GSignalGroup        *document_signals;
  CdDocumentDiskState  state;

  /* Template widgets */
  GtkRevealer         *revealer;
  GtkLabel            *message_label;
  GtkLabel            *detail_label;
  GtkWidget           *reload_button;
  GtkWidget           *keep_button;
  GtkWidget           *save_button;
  GtkWidget           *dismiss_button;
};

G_DEFINE_FINAL_TYPE (CdFileBar, cd_file_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_message (CdFileBar *self)
{
  const char *name = self->document != NULL ? cd_document_get_display_name (self->document) : "";
  gboolean changed = self->state == CD_DOCUMENT_DISK_CHANGED;
  gboolean deleted = self->state == CD_DOCUMENT_DISK_DELETED;
  g_autofree char *message = NULL;

  /* The texts stay while the bar slides away. */
  if (changed)
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” was changed by another program."), name);
      gtk_label_set_text (self->detail_label,
                          _("Reload to see those changes and lose yours, or keep yours "
                            "and replace the file when you save."));
    }
  else if (deleted)
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” was deleted or moved by another program."), name);
      gtk_label_set_text (self->detail_label,
                          _("Your article is still here: save it to write the file again."));
    }

  if (message != NULL)
    gtk_label_set_text (self->message_label, message);

  gtk_widget_set_visible (self->reload_button, changed);
  gtk_widget_set_visible (self->keep_button, changed);
  gtk_widget_set_visible (self->save_button, deleted);
  gtk_widget_set_visible (self->dismiss_button, deleted);
  gtk_revealer_set_reveal_child (self->revealer, self->state != CD_DOCUMENT_DISK_UNCHANGED);
}

/* Actions */

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CdFileBar *self = CD_FILE_BAR (widget);

  if (self->document == NULL || self->state != CD_DOCUMENT_DISK_CHANGED)
    return;

  /* The document's disk state goes back to unchanged, and the window
   * passes that on. */
  cd_document_ignore_disk_change (self->document);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cd_file_bar_set_state (CD_FILE_BAR (widget), CD_DOCUMENT_DISK_UNCHANGED);
}

/* GObject */

static void
cd_file_bar_dispose (GObject *object)
{
  CdFileBar *self = CD_FILE_BAR (object);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_FILE_BAR);

  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cd_file_bar_parent_class)->dispose (object);
}

static void
cd_file_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CdFileBar *self = CD_FILE_BAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_file_bar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CdFileBar *self = CD_FILE_BAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cd_file_bar_set_document (self, g_value_get_object (value));
      break;

    case PROP_STATE:
      cd_file_bar_set_state (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_file_bar_class_init (CdFileBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_file_bar_dispose;
  object_class->get_property = cd_file_bar_get_property;
  object_class->set_property = cd_file_bar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CD_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CD_TYPE_DOCUMENT_DISK_STATE, CD_DOCUMENT_DISK_UNCHANGED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-file-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CdFileBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, CdFileBar, message_label);
  gtk_widget_class_bind_template_child (widget_class, CdFileBar, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CdFileBar, reload_button);
  gtk_widget_class_bind_template_child (widget_class, CdFileBar, keep_button);
  gtk_widget_class_bind_template_child (widget_class, CdFileBar, save_button);
  gtk_widget_class_bind_template_child (widget_class, CdFileBar, dismiss_button);

  gtk_widget_class_install_action (widget_class, "file-bar.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "file-bar.dismiss", NULL, dismiss_action);

  gtk_widget_class_set_css_name (widget_class, "filebar");
}

static void
cd_file_bar_init (CdFileBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (CD_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::display-name",
                                 G_CALLBACK (update_message), self, G_CONNECT_SWAPPED);

  update_message (self);
}

GtkWidget *
cd_file_bar_new (void)
{
  return g_object_new (CD_TYPE_FILE_BAR, NULL);
}

CdDocument *
cd_file_bar_get_document (CdFileBar *self)
{
  g_return_val_if_fail (CD_IS_FILE_BAR (self), NULL);

  return self->document;
}

void
cd_file_bar_set_document (CdFileBar  *self,
                          CdDocument *document)
{
  g_return_if_fail (CD_IS_FILE_BAR (self));
  g_return_if_fail (document == NULL || CD_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  update_message (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CdDocumentDiskState
cd_file_bar_get_state (CdFileBar *self)
{
  g_return_val_if_fail (CD_IS_FILE_BAR (self), CD_DOCUMENT_DISK_UNCHANGED);

  return self->state;
}

void
cd_file_bar_set_state (CdFileBar           *self,
                       CdDocumentDiskState  state)
{
  g_return_if_fail (CD_IS_FILE_BAR (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  /* After the notification: a handler may already have settled the change
   * (the window reloads an article without unsaved changes by itself), and
   * then the bar does not show at all. */
  update_message (self);
}

const char *
cd_file_bar_get_message (CdFileBar *self)
{
  g_return_val_if_fail (CD_IS_FILE_BAR (self), NULL);

  return gtk_label_get_text (self->message_label);
}

gboolean
cd_file_bar_get_revealed (CdFileBar *self)
{
  g_return_val_if_fail (CD_IS_FILE_BAR (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
