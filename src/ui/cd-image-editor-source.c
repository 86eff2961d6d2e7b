/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Where the lead image comes from: the https address typed in the URL row
 * and checked before it is applied, a file chosen with the file chooser or
 * dropped on the editor (cd_image_editor_set_file), and "Remove Image". The
 * thumbnail, the text rows and the widget itself are in cd-image-editor.c. */

#include "config.h"

#define G_LOG_DOMAIN "cd-image-editor"

#include <glib/gi18n.h>

#include "cd-image-editor-private.h"

/* The URL row */

/* Returns the URL to store for @text, or NULL with @message set to why not. */
static char *
check_url (const char  *text,
           const char **message)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;

  if (g_ascii_strncasecmp (text, "https://", 8) != 0)
    {
      if (g_ascii_strncasecmp (text, "http://", 7) == 0)
        *message = _("Only secure addresses, starting with https://, can be used.");
      else
        *message = _("Enter a web address that starts with https://.");
      return NULL;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        {
          *message = _("A web address cannot contain spaces.");
          return NULL;
        }
    }

  url = g_strconcat ("https://", text + 8, NULL);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      *message = _("This is not a valid web address.");
      return NULL;
    }

  return g_steal_pointer (&url);
}

void
cd_image_editor_url_apply_cb (CdImageEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *url = NULL;
  const char *message = NULL;

  if (self->image == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));

  if (*text == '\0')
    {
      /* Emptying the address removes a remote image, and nothing else. */
      cd_image_editor_set_url_error (self, NULL);
      if (cd_image_is_remote (self->image))
        cd_image_set_source (self->image, NULL);
      return;
    }

  url = check_url (text, &message);
  if (url == NULL)
    {
      cd_image_editor_set_url_error (self, message);
      return;
    }

  cd_image_editor_set_url_error (self, NULL);
  cd_image_editor_set_file_error (self, NULL);
  cd_image_set_source (self->image, url);
  cd_image_editor_sync_url_row (self);
}

void
cd_image_editor_url_changed_cb (CdImageEditor *self)
{
  if (self->syncing > 0)
    return;

  cd_image_editor_set_url_error (self, NULL);
}

/* Choosing, dropping and removing */

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CdImageEditor   *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !cd_image_editor_set_file (self, file, &error))
        cd_image_editor_set_file_error (self, error->message);
    }

  g_signal_handlers_disconnect_by_data (dialog, self);
  gtk_native_dialog_destroy (dialog);
}

void
cd_image_editor_choose_clicked_cb (CdImageEditor *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkRoot *root;
  const char * const suffixes[] = { "jpg", "jpeg", "png", "webp", "gif", "avif" };

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->chooser = gtk_file_chooser_native_new (_("Choose Lead Image"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (self->article_dir != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser),
                                         self->article_dir, NULL);

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
cd_image_editor_remove_clicked_cb (CdImageEditor *self)
{
  if (self->image == NULL)
    return;

  cd_image_editor_set_url_error (self, NULL);
  cd_image_editor_set_file_error (self, NULL);
  cd_image_clear (self->image);
}

gboolean
cd_image_editor_drop_cb (GtkDropTarget *target,
                         const GValue  *value,
                         double         x,
                         double         y,
                         CdImageEditor *self)
{
  g_autoptr(GError) error = NULL;
  GFile *file = NULL;

  if (self->article == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      file = files != NULL ? files->data : NULL;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;

  if (!cd_image_editor_set_file (self, file, &error))
    {
      cd_image_editor_set_file_error (self, error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * cd_image_editor_set_file:
 * @self: a #CdImageEditor
 * @file: an image file
 * @error: return location for a #GError
 *
 * Makes @file the article's lead image: its path relative to the article's
 * folder when it is inside it (or a folder below), its absolute path
 * otherwise. The other fields of the image are kept.
 *
 * Returns: %TRUE on success, %FALSE with @error set when there is no article,
 *   @file cannot be read, is not an image file, or is not a local file
 */
gboolean
cd_image_editor_set_file (CdImageEditor  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *source = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *name = NULL;
  const char *content_type;
  const char *display_name;

  g_return_val_if_fail (CD_IS_IMAGE_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->image == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("There is no article to add the image to"));
      return FALSE;
    }

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;

  display_name = g_file_info_get_display_name (info);
  if (display_name == NULL)
    display_name = name = g_file_get_basename (file);

  content_type = g_file_info_get_content_type (info);
  if (content_type != NULL)
    mime_type = g_content_type_get_mime_type (content_type);
  if (mime_type == NULL || !g_str_has_prefix (mime_type, "image/"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not an image file"), display_name);
      return FALSE;
    }

  if (self->article_dir != NULL && g_file_has_prefix (file, self->article_dir))
    source = g_file_get_relative_path (self->article_dir, file);
  if (source == NULL)
    source = g_file_get_path (file);
  if (source == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not on this computer; copy it to a folder first"),
                   display_name);
      return FALSE;
    }

#ifdef G_OS_WIN32
  g_strdelimit (source, "\\", '/');
#endif

  cd_image_editor_set_url_error (self, NULL);
  cd_image_editor_set_file_error (self, NULL);

  if (g_strcmp0 (cd_image_get_source (self->image), source) == 0)
    cd_image_editor_reload_thumbnail (self);  /* the same file again: it may have changed */
  else
    cd_image_set_source (self->image, source);

  return TRUE;
}
