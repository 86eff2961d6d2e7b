/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-image-editor"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "cd-image-editor-private.h"
#include "cd-spell-adapter.h"
#include "cd-text-field.h"
#include "cd-image-loader.h"

/**
 * CdImageEditor:
 *
 * The "Lead Image" block of the metadata form. It edits the article's
 * #CdImage in place: the source (a file chosen, dropped, or an https URL
 * typed and applied), the alt text, caption, credit, photographer and
 * copyright, and "Remove Image" clears them all.
 *
 * The thumbnail of a local image is decoded off the main thread by
 * cd-image-loader, which refuses images too large to decode safely. A load
 * can be cancelled, and the latest wins. A remote image is not fetched here;
 * the preview shows it.
 */

#define THUMB_MAX_WIDTH   340
#define THUMB_MAX_HEIGHT  200

#define STATE_EMPTY   "empty"
#define STATE_LOADING "loading"
#define STATE_LOADED  "loaded"
#define STATE_REMOTE  "remote"
#define STATE_ERROR   "error"

G_DEFINE_FINAL_TYPE (CdImageEditor, cd_image_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_ARTICLE_DIR,
  PROP_THUMBNAIL_STATE,
  PROP_MESSAGE,
  PROP_THUMBNAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The text fields: the row's offset in the instance and the id of the field
 * in the registry, which names the CdImage property the row edits. */
static const struct {
  gsize       row_offset;
  const char *field;
} text_fields[] = {
  { G_STRUCT_OFFSET (CdImageEditor, alt_view), "image.alt" },
  { G_STRUCT_OFFSET (CdImageEditor, caption_view), "image.caption" },
  { G_STRUCT_OFFSET (CdImageEditor, credit_row), "image.credit" },
  { G_STRUCT_OFFSET (CdImageEditor, photographer_row), "image.photographer" },
  { G_STRUCT_OFFSET (CdImageEditor, copyright_row), "image.copyright" },
};

/* The fields of the picture itself, for which the Choose button, or the URL
 * row of a remote image, takes the focus. */
static const char * const picture_fields[] = { "image", "image.source" };

static GtkWidget *
text_field_row (CdImageEditor *self,
                guint          i)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, text_fields[i].row_offset);
}

static const char *
text_field_property (guint i)
{
  return cd_field_get_property (cd_field_lookup (text_fields[i].field));
}

static gboolean
is_picture_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (picture_fields); i++)
    {
      if (g_str_equal (field, picture_fields[i]))
        return TRUE;
    }

  return FALSE;
}

/* The alt text and the caption are paragraphs in text views (they can be
 * long, and an entry shows only its tail); the other fields are entries. */
static char *
dup_field_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_field_text (GtkWidget  *widget,
                const char *text)
{
  g_autofree char *current = dup_field_text (widget);

  /* Setting the same text again would move the cursor. */
  if (g_strcmp0 (current, text) == 0)
    return;

  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

/* What the widget shows */

static void
set_state (CdImageEditor *self,
           const char    *state,
           const char    *message,
           GdkPaintable  *thumbnail)
{
  gboolean state_changed = g_strcmp0 (self->state, state) != 0;
  gboolean message_changed = g_strcmp0 (self->message, message) != 0;
  gboolean thumbnail_changed = self->thumbnail != thumbnail;

  g_object_freeze_notify (G_OBJECT (self));

  if (message_changed)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (thumbnail_changed)
    {
      g_set_object (&self->thumbnail, thumbnail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THUMBNAIL]);
    }

  if (state_changed)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THUMBNAIL_STATE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Shows @message under the thumbnail, in red for an error. */
static void
show_message (CdImageEditor *self,
              const char    *message,
              gboolean       is_error)
{
  GtkWidget *label = GTK_WIDGET (self->message_label);

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (label, message != NULL && *message != '\0');
  gtk_widget_remove_css_class (label, is_error ? "dim-label" : "error");
  gtk_widget_add_css_class (label, is_error ? "error" : "dim-label");
}

/* Shows the placeholder box with @icon (or a spinner without one) and
 * @label in it. */
static void
show_placeholder (CdImageEditor *self,
                  const char    *icon,
                  const char    *label)
{
  gtk_stack_set_visible_child_name (self->thumb_stack, "placeholder");
  gtk_picture_set_paintable (self->picture, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_icon), icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (self->placeholder_icon, icon);
  gtk_widget_set_visible (self->spinner, icon == NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), icon == NULL);

  gtk_label_set_text (self->placeholder_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), label != NULL && *label != '\0');
}

static void
cancel_load (CdImageEditor *self)
{
  if (self->load_cancellable != NULL)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
    }
}

static void
show_error (CdImageEditor *self,
            const char    *name,
            const char    *message)
{
  set_state (self, STATE_ERROR, message, NULL);
  show_placeholder (self, "image-missing-symbolic", name);
  show_message (self, message, TRUE);
}

/* What a load was started for: the editor, the load it was (a later one
 * replaces it) and the image's name. */
typedef struct
{
  CdImageEditor *self;
  GCancellable  *cancellable;
  char          *name;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->cancellable);
  g_free (request->name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadRequest, load_request_free)

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(LoadRequest) request = user_data;
  CdImageEditor *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) thumbnail = NULL;
  g_autofree char *message = NULL;
  int width = 0, height = 0;

  thumbnail = cd_image_loader_load_thumbnail_finish (res, &width, &height, &error);

  /* A later load, another article or the widget's end replaced this one. */
  if (request->cancellable != self->load_cancellable ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);

  if (thumbnail == NULL)
    {
      show_error (self, request->name, error->message);
      return;
    }

  /* Translators: the file name, then its size in pixels */
  message = g_strdup_printf (_("%s — %d × %d pixels"), request->name, width, height);

  set_state (self, STATE_LOADED, message, thumbnail);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), FALSE);
  /* The picture may get narrower than the thumbnail, never lower: in a
   * scrolled form it gets its minimum height, which would otherwise be 0. */
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1,
                               gdk_paintable_get_intrinsic_height (thumbnail));
  adw_clamp_set_maximum_size (self->picture_clamp, gdk_paintable_get_intrinsic_width (thumbnail));
  adw_clamp_set_tightening_threshold (self->picture_clamp,
                                      gdk_paintable_get_intrinsic_width (thumbnail));
  gtk_picture_set_paintable (self->picture, thumbnail);
  gtk_stack_set_visible_child_name (self->thumb_stack, "picture");
  show_message (self, message, FALSE);
}

static char *
dup_remote_host (const char *source)
{
  g_autoptr(GUri) uri = g_uri_parse (source, G_URI_FLAGS_NONE, NULL);

  if (uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (source);
}

/* Shows the image the article has now, starting a load for a local file. */
void
cd_image_editor_reload_thumbnail (CdImageEditor *self)
{
  g_autofree char *source = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *message = NULL;
  LoadRequest *request;

  cancel_load (self);

  if (self->image == NULL || !cd_image_is_set (self->image))
    {
      set_state (self, STATE_EMPTY, _("No lead image"), NULL);
      show_placeholder (self, "image-x-generic-symbolic", _("No lead image"));
      show_message (self, _("Choose an image file or drop one here, or enter an https address"),
                    FALSE);
      return;
    }

  source = g_strstrip (g_strdup (cd_image_get_source (self->image)));

  if (cd_image_is_remote (self->image))
    {
      g_autofree char *host = dup_remote_host (source);

      set_state (self, STATE_REMOTE, _("Remote image — shown in the preview"), NULL);
      show_placeholder (self, "web-browser-symbolic", host);
      show_message (self, self->message, FALSE);
      return;
    }

  name = g_filename_display_basename (source);

  if (g_path_is_absolute (source))
    file = g_file_new_for_path (source);
  else if (self->article_dir != NULL)
    file = g_file_resolve_relative_path (self->article_dir, source);
  else
    {
      message = g_strdup_printf (_("The image “%s” could not be read: it is beside the "
                                   "article, which has not been saved yet"), name);
      show_error (self, name, message);
      return;
    }

  message = g_strdup_printf (_("Loading “%s”…"), name);
  set_state (self, STATE_LOADING, message, NULL);
  show_placeholder (self, NULL, name);
  show_message (self, message, FALSE);

  self->load_cancellable = g_cancellable_new ();
  request = g_new0 (LoadRequest, 1);
  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (self->load_cancellable);
  request->name = g_strdup (name);
  cd_image_loader_load_thumbnail_async (file, name, THUMB_MAX_WIDTH, THUMB_MAX_HEIGHT,
                                        gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                        self->load_cancellable, load_done_cb, request);
}

/* Keeping the rows and the image in step */

void
cd_image_editor_sync_url_row (CdImageEditor *self)
{
  const char *text = "";

  if (self->image != NULL && cd_image_is_remote (self->image))
    text = cd_image_get_source (self->image);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->url_row)), text) != 0)
    {
      self->syncing++;
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), text);
      self->syncing--;
    }
}

void
cd_image_editor_set_url_error (CdImageEditor *self,
                               const char    *message)
{
  gtk_label_set_text (self->url_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->url_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->url_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->url_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->url_row),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
}

void
cd_image_editor_set_file_error (CdImageEditor *self,
                                const char    *message)
{
  gtk_label_set_text (self->file_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_error_label), message != NULL);
}

static void
sync_fields (CdImageEditor *self)
{
  self->syncing++;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *value = NULL;

      if (self->image != NULL)
        g_object_get (self->image, text_field_property (i), &value, NULL);
      set_field_text (text_field_row (self, i), value != NULL ? value : "");
    }

  gtk_widget_set_sensitive (self->remove_button,
                            self->image != NULL && !cd_image_is_empty (self->image));
  gtk_picture_set_alternative_text (self->picture,
                                    self->image != NULL ? cd_image_get_alt (self->image) : NULL);

  self->syncing--;
}

static void
image_notify_cb (CdImage       *image,
                 GParamSpec    *pspec,
                 CdImageEditor *self)
{
  sync_fields (self);

  if (g_strcmp0 (pspec->name, "source") == 0)
    {
      cd_image_editor_sync_url_row (self);
      cd_image_editor_reload_thumbnail (self);
    }
}

static void
field_changed_cb (CdImageEditor *self,
                  GtkWidget     *row)
{
  if (self->syncing > 0 || self->image == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      if (text_field_row (self, i) == row)
        {
          g_autofree char *text = dup_field_text (row);

          g_object_set (self->image, text_field_property (i), text, NULL);
          return;
        }
    }
}

static void
alt_changed_cb (CdImageEditor *self)
{
  field_changed_cb (self, GTK_WIDGET (self->alt_view));
}

static void
caption_changed_cb (CdImageEditor *self)
{
  field_changed_cb (self, GTK_WIDGET (self->caption_view));
}

static void
scale_factor_changed_cb (CdImageEditor *self,
                         GParamSpec    *pspec,
                         gpointer       user_data)
{
  if (g_strcmp0 (self->state, STATE_LOADED) == 0 ||
      g_strcmp0 (self->state, STATE_LOADING) == 0)
    cd_image_editor_reload_thumbnail (self);
}

/* GObject */

static void
cd_image_editor_dispose (GObject *object)
{
  CdImageEditor *self = CD_IMAGE_EDITOR (object);

  cancel_load (self);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  if (self->image != NULL)
    {
      g_clear_signal_handler (&self->image_notify_id, self->image);
      g_clear_object (&self->image);
    }
  g_clear_object (&self->article);
  g_clear_object (&self->article_dir);
  g_clear_object (&self->thumbnail);

  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_IMAGE_EDITOR);

  G_OBJECT_CLASS (cd_image_editor_parent_class)->dispose (object);
}

static void
cd_image_editor_finalize (GObject *object)
{
  CdImageEditor *self = CD_IMAGE_EDITOR (object);

  g_free (self->message);

  G_OBJECT_CLASS (cd_image_editor_parent_class)->finalize (object);
}

static void
cd_image_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CdImageEditor *self = CD_IMAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_ARTICLE_DIR:
      g_value_set_object (value, self->article_dir);
      break;

    case PROP_THUMBNAIL_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_THUMBNAIL:
      g_value_set_object (value, self->thumbnail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_image_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CdImageEditor *self = CD_IMAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cd_image_editor_set_article (self, g_value_get_object (value));
      break;

    case PROP_ARTICLE_DIR:
      cd_image_editor_set_article_dir (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_image_editor_class_init (CdImageEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_image_editor_dispose;
  object_class->finalize = cd_image_editor_finalize;
  object_class->get_property = cd_image_editor_get_property;
  object_class->set_property = cd_image_editor_set_property;

  /* The form leaves the lead image's fields to this widget: each must be a
   * part of the lead image in the registry, with a property to edit. */
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const CdField *field = cd_field_lookup (text_fields[i].field);

      g_assert (field != NULL && cd_field_has_flags (field, CD_FIELD_LEAD_IMAGE));
      g_assert (text_field_property (i) != NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (picture_fields); i++)
    g_assert (cd_field_lookup (picture_fields[i]) != NULL &&
              cd_field_has_flags (cd_field_lookup (picture_fields[i]), CD_FIELD_LEAD_IMAGE));

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CD_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARTICLE_DIR] =
    g_param_spec_object ("article-dir", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_THUMBNAIL_STATE] =
    g_param_spec_string ("thumbnail-state", NULL, NULL,
                         STATE_EMPTY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_THUMBNAIL] =
    g_param_spec_object ("thumbnail", NULL, NULL,
                         GDK_TYPE_PAINTABLE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-image-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, group);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, thumb_stack);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, placeholder_icon);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, picture_clamp);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, picture);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, choose_button);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, file_error_label);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, url_error_label);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, alt_row);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, alt_view);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, alt_hint_label);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, caption_row);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, caption_view);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, credit_row);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, photographer_row);
  gtk_widget_class_bind_template_child (widget_class, CdImageEditor, copyright_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "choose_clicked_cb",
                                                G_CALLBACK (cd_image_editor_choose_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "remove_clicked_cb",
                                                G_CALLBACK (cd_image_editor_remove_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "url_apply_cb",
                                                G_CALLBACK (cd_image_editor_url_apply_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "url_changed_cb",
                                                G_CALLBACK (cd_image_editor_url_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "cd-image-editor");
}

static void
cd_image_editor_init (CdImageEditor *self)
{
  GtkDropTarget *target;

  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);
  g_type_ensure (ADW_TYPE_ENTRY_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = STATE_EMPTY;

  /* Enter with an unchanged address (after a refused one) applies it again. */
  g_signal_connect_swapped (self->url_row, "entry-activated",
                            G_CALLBACK (cd_image_editor_url_apply_cb), self);

  cd_text_field_setup (self->alt_view, self->alt_row);
  cd_text_field_setup (self->caption_view, self->caption_row);
  cd_spell_adapter_attach (self->alt_view, CD_SPELL_TEXT_PLAIN, "image.alt");
  cd_spell_adapter_attach (self->caption_view, CD_SPELL_TEXT_PLAIN, "image.caption");
  cd_spell_adapter_attach_entry (GTK_EDITABLE (self->credit_row), "image.credit");
  g_signal_connect_object (gtk_text_view_get_buffer (self->alt_view), "changed",
                           G_CALLBACK (alt_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->caption_view), "changed",
                           G_CALLBACK (caption_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alt_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->alt_hint_label),
                                  -1);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (target, "drop", G_CALLBACK (cd_image_editor_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  gtk_widget_set_sensitive (self->group, FALSE);
  sync_fields (self);
  cd_image_editor_reload_thumbnail (self);
}

/**
 * cd_image_editor_new:
 *
 * Returns: (transfer floating): a new image editor without an article
 */
GtkWidget *
cd_image_editor_new (void)
{
  return g_object_new (CD_TYPE_IMAGE_EDITOR, NULL);
}

/**
 * cd_image_editor_get_article:
 * @self: a #CdImageEditor
 *
 * Returns: (transfer none) (nullable): the article whose image is edited
 */
CdArticle *
cd_image_editor_get_article (CdImageEditor *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_EDITOR (self), NULL);
  return self->article;
}

/**
 * cd_image_editor_set_article:
 * @self: a #CdImageEditor
 * @article: (nullable): the article whose lead image to edit
 */
void
cd_image_editor_set_article (CdImageEditor *self,
                             CdArticle     *article)
{
  g_return_if_fail (CD_IS_IMAGE_EDITOR (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->image != NULL)
    {
      g_clear_signal_handler (&self->image_notify_id, self->image);
      g_clear_object (&self->image);
    }

  g_set_object (&self->article, article);

  if (article != NULL)
    {
      self->image = g_object_ref (cd_article_get_image (article));
      self->image_notify_id = g_signal_connect (self->image, "notify",
                                                G_CALLBACK (image_notify_cb), self);
    }

  gtk_widget_set_sensitive (self->group, article != NULL);
  cd_image_editor_set_url_error (self, NULL);
  cd_image_editor_set_file_error (self, NULL);
  sync_fields (self);
  cd_image_editor_sync_url_row (self);
  cd_image_editor_reload_thumbnail (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * cd_image_editor_get_article_dir:
 * @self: a #CdImageEditor
 *
 * Returns: (transfer none) (nullable): the folder of the article's file
 */
GFile *
cd_image_editor_get_article_dir (CdImageEditor *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_EDITOR (self), NULL);
  return self->article_dir;
}

/**
 * cd_image_editor_set_article_dir:
 * @self: a #CdImageEditor
 * @article_dir: (nullable): the folder of the article's file, which a relative
 *   image path is relative to; %NULL for an article not saved yet
 */
void
cd_image_editor_set_article_dir (CdImageEditor *self,
                                 GFile         *article_dir)
{
  g_return_if_fail (CD_IS_IMAGE_EDITOR (self));
  g_return_if_fail (article_dir == NULL || G_IS_FILE (article_dir));

  if (self->article_dir == article_dir ||
      (self->article_dir != NULL && article_dir != NULL &&
       g_file_equal (self->article_dir, article_dir)))
    return;

  g_set_object (&self->article_dir, article_dir);
  cd_image_editor_reload_thumbnail (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_DIR]);
}


/**
 * cd_image_editor_has_field:
 * @field: the id of a field in the registry (see cd_field_lookup())
 *
 * Returns: %TRUE if the image editor has a row or button for @field, which
 *   cd_image_editor_focus_field() focuses
 */
gboolean
cd_image_editor_has_field (const char *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (is_picture_field (field))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      if (g_str_equal (field, text_fields[i].field))
        return TRUE;
    }

  return FALSE;
}

/**
 * cd_image_editor_focus_field:
 * @self: a #CdImageEditor
 * @field: a field id of the registry
 *
 * Returns: %TRUE if the widget has a row or button for @field
 */
gboolean
cd_image_editor_focus_field (CdImageEditor *self,
                             const char    *field)
{
  g_return_val_if_fail (CD_IS_IMAGE_EDITOR (self), FALSE);

  if (field == NULL)
    return FALSE;

  if (is_picture_field (field))
    {
      if (self->image != NULL && cd_image_is_remote (self->image))
        gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      else
        gtk_widget_grab_focus (self->choose_button);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      if (g_str_equal (field, text_fields[i].field))
        {
          gtk_widget_grab_focus (GTK_WIDGET (text_field_row (self, i)));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cd_image_editor_get_thumbnail_state:
 * @self: a #CdImageEditor
 *
 * Returns: "empty", "loading", "loaded", "remote" or "error"
 */
const char *
cd_image_editor_get_thumbnail_state (CdImageEditor *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_EDITOR (self), NULL);
  return self->state;
}

/**
 * cd_image_editor_get_message:
 * @self: a #CdImageEditor
 *
 * Returns: (nullable): what the widget says about the image: its name and
 *   size, that it is remote, or why it cannot be shown
 */
const char *
cd_image_editor_get_message (CdImageEditor *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_EDITOR (self), NULL);
  return self->message;
}

/**
 * cd_image_editor_get_thumbnail:
 * @self: a #CdImageEditor
 *
 * Returns: (transfer none) (nullable): the thumbnail, when loaded
 */
GdkPaintable *
cd_image_editor_get_thumbnail (CdImageEditor *self)
{
  g_return_val_if_fail (CD_IS_IMAGE_EDITOR (self), NULL);
  return self->thumbnail;
}

void
cd_image_editor_set_spell_context (CdImageEditor  *self,
                                   CdSpellContext *context)
{
  g_return_if_fail (CD_IS_IMAGE_EDITOR (self));

  cd_spell_adapter_set_context (cd_spell_adapter_get_for_view (self->alt_view), context);
  cd_spell_adapter_set_context (cd_spell_adapter_get_for_view (self->caption_view), context);
  cd_spell_adapter_set_entry_context (GTK_EDITABLE (self->credit_row), context);
}
