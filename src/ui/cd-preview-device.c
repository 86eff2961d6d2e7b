/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The preview's layout: the device bar above the page, and the page either
 * filling the pane (desktop) or standing in a frame of a tablet's or a
 * phone's width, centred; and the stateful action preview.device that the
 * device buttons and the window's shortcuts use. */

#include "config.h"

#define G_LOG_DOMAIN "cd-preview"

#include <glib/gi18n.h>

#include "cd-preview-private.h"

/* Device widths in CSS pixels: the page is laid out at this width, as on
 * the device, and zoomed out (webkit_web_view_set_zoom_level ()) when the
 * pane is narrower, so that a phone's page is a phone's page and not the
 * desktop's squeezed. WebKit zooms the page itself, not a picture of it, so
 * text stays sharp. A desktop pane wider than DESKTOP_WIDTH shows the page
 * at the pane's width, as a wide browser window would. */
#define DESKTOP_WIDTH 1280
#define TABLET_WIDTH 768
#define PHONE_WIDTH 390

/* The preview pane's minimum width, and the margin around a device frame. */
#define MIN_WIDTH 360
#define FRAME_MARGIN 12

int
cd_preview_device_get_width (CdPreviewDevice device)
{
  switch (device)
    {
    case CD_PREVIEW_DEVICE_TABLET:
      return TABLET_WIDTH;
    case CD_PREVIEW_DEVICE_PHONE:
      return PHONE_WIDTH;
    case CD_PREVIEW_DEVICE_DESKTOP:
    default:
      return DESKTOP_WIDTH;
    }
}

/* The width of the frame's border (the device's bezel, style.css). */
static int
frame_border_width (CdPreview *self)
{
  GtkBorder border, padding;
  GtkStyleContext *context = gtk_widget_get_style_context (self->frame);

  gtk_style_context_get_border (context, &border);
  gtk_style_context_get_padding (context, &padding);
  return border.left + border.right + padding.left + padding.right;
}

void
cd_preview_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  CdPreview *self = CD_PREVIEW (widget);
  int bar_min, bar_nat, frame_min, frame_nat;

  gtk_widget_measure (self->device_box, orientation, -1, &bar_min, &bar_nat, NULL, NULL);
  gtk_widget_measure (self->frame, orientation, -1, &frame_min, &frame_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int width = cd_preview_device_get_width (self->device);

      *minimum = MAX (MIN_WIDTH, MAX (bar_min, frame_min));
      *natural = self->device == CD_PREVIEW_DEVICE_DESKTOP
                 ? MAX (*minimum, 480)
                 : MAX (*minimum, width + 2 * FRAME_MARGIN + frame_border_width (self));
    }
  else
    {
      *minimum = bar_min + frame_min;
      *natural = bar_nat + MAX (frame_nat, 400);
    }
}

static gboolean
update_scale_label_cb (gpointer data)
{
  CdPreview *self = data;
  g_autofree char *label = NULL;
  const char *name;

  self->scale_label_source = 0;
  switch (self->device)
    {
    case CD_PREVIEW_DEVICE_TABLET:
      name = _("Tablet");
      break;
    case CD_PREVIEW_DEVICE_PHONE:
      name = _("Phone");
      break;
    case CD_PREVIEW_DEVICE_DESKTOP:
    default:
      name = _("Desktop");
      break;
    }

  /* Translators: the device the preview shows, the page's width in CSS
   * pixels and how much it is zoomed to fit the pane: "Phone, 390 px, 80%". */
  label = g_strdup_printf (_("%s, %d px, %d%%"), name, self->page_width,
                           (int) (self->scale * 100 + 0.5));
  gtk_label_set_label (GTK_LABEL (self->scale_label), label);
  return G_SOURCE_REMOVE;
}

void
cd_preview_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CdPreview *self = CD_PREVIEW (widget);
  int bar_height, frame_min, frame_width, frame_height, device, x, border, content;
  int page_width;
  double scale;

  gtk_widget_measure (self->device_box, GTK_ORIENTATION_VERTICAL, width,
                      NULL, &bar_height, NULL, NULL);
  gtk_widget_allocate (self->device_box, width, bar_height, -1, NULL);

  gtk_widget_measure (self->frame, GTK_ORIENTATION_HORIZONTAL, -1,
                      &frame_min, NULL, NULL, NULL);
  device = cd_preview_device_get_width (self->device);
  border = frame_border_width (self);
  if (self->device == CD_PREVIEW_DEVICE_DESKTOP)
    {
      /* The desktop's page fills the pane, zoomed out below its width. */
      page_width = MAX (device, width);
      content = width;
      frame_height = height - bar_height;
    }
  else
    {
      page_width = device;
      content = MIN (device, width - 2 * FRAME_MARGIN - border);
      frame_height = height - bar_height - FRAME_MARGIN;
    }
  content = MAX (content, 1);
  /* The zoom that lays the page out at exactly @page_width CSS pixels in
   * @content device pixels. */
  scale = (double) content / page_width;
  frame_width = MAX (content + border, frame_min);
  frame_height = MAX (frame_height, 0);
  x = (width - frame_width) / 2;

  if (self->web_view != NULL &&
      G_APPROX_VALUE (webkit_web_view_get_zoom_level (self->web_view), scale, 1e-9) == FALSE)
    webkit_web_view_set_zoom_level (self->web_view, scale);
  if (!G_APPROX_VALUE (self->scale, scale, 1e-9) || self->page_width != page_width ||
      self->scale_device != self->device)
    {
      self->scale = scale;
      self->page_width = page_width;
      self->scale_device = self->device;
      /* Not while allocating: a new label asks for a new size. */
      if (self->scale_label_source == 0 && self->scale_label != NULL)
        self->scale_label_source = g_idle_add (update_scale_label_cb, self);
    }

  gtk_widget_allocate (self->frame, frame_width, frame_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, bar_height)));
}

void
cd_preview_update_device (CdPreview *self)
{
  static const char * const nicks[] = { "desktop", "tablet", "phone" };
  const char *nick = nicks[self->device];
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "device");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (nick));

  /* A device's page stands in a frame of its own, a phone's or a tablet's
   * (style.css), on a neutral pane; the desktop's fills the pane under a
   * separator. */
  gtk_widget_remove_css_class (self->frame, "card");
  if (self->device == CD_PREVIEW_DEVICE_DESKTOP)
    {
      gtk_widget_remove_css_class (self->frame, "device-frame");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "device");
    }
  else
    {
      gtk_widget_add_css_class (self->frame, "device-frame");
      gtk_widget_add_css_class (GTK_WIDGET (self), "device");
    }
  if (self->device == CD_PREVIEW_DEVICE_PHONE)
    gtk_widget_add_css_class (self->frame, "phone");
  else
    gtk_widget_remove_css_class (self->frame, "phone");
  gtk_widget_set_visible (self->separator, self->device == CD_PREVIEW_DEVICE_DESKTOP);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cd_preview_device_change_state_cb (GSimpleAction *action,
                                   GVariant      *value,
                                   gpointer       user_data)
{
  CdPreview *self = user_data;
  GEnumValue *device = g_enum_get_value_by_nick (g_type_class_peek (CD_TYPE_PREVIEW_DEVICE),
                                                 g_variant_get_string (value, NULL));

  if (device == NULL)
    {
      g_warning ("No such preview device: %s", g_variant_get_string (value, NULL));
      return;
    }
  cd_preview_set_device (self, device->value);
}
