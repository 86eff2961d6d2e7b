/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The preview's layout: the device bar above the page, and the page either
 * filling the pane (desktop) or standing in a frame of a tablet's or a
 * phone's width, centred; and the stateful action preview.device that the
 * device buttons and the window's shortcuts use. */

#include "config.h"

#define G_LOG_DOMAIN "cd-preview"

#include "cd-preview-private.h"

/* Device widths in CSS pixels (the web view's zoom level is 1). */
#define TABLET_WIDTH 768
#define PHONE_WIDTH 375

/* The preview pane's minimum width, and the margin around a device frame. */
#define MIN_WIDTH 360
#define FRAME_MARGIN 12

static int
device_width (CdPreviewDevice device)
{
  switch (device)
    {
    case CD_PREVIEW_DEVICE_TABLET:
      return TABLET_WIDTH;
    case CD_PREVIEW_DEVICE_PHONE:
      return PHONE_WIDTH;
    case CD_PREVIEW_DEVICE_DESKTOP:
    default:
      return -1;
    }
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
      int width = device_width (self->device);

      *minimum = MAX (MIN_WIDTH, MAX (bar_min, frame_min));
      *natural = MAX (*minimum, width > 0 ? width + 2 * FRAME_MARGIN : 480);
    }
  else
    {
      *minimum = bar_min + frame_min;
      *natural = bar_nat + MAX (frame_nat, 400);
    }
}

void
cd_preview_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CdPreview *self = CD_PREVIEW (widget);
  int bar_height, frame_min, frame_width, frame_height, device, x;

  gtk_widget_measure (self->device_box, GTK_ORIENTATION_VERTICAL, width,
                      NULL, &bar_height, NULL, NULL);
  gtk_widget_allocate (self->device_box, width, bar_height, -1, NULL);

  gtk_widget_measure (self->frame, GTK_ORIENTATION_HORIZONTAL, -1,
                      &frame_min, NULL, NULL, NULL);
  device = device_width (self->device);
  if (device < 0)
    {
      frame_width = width;
      frame_height = height - bar_height;
    }
  else
    {
      frame_width = MIN (device, width - 2 * FRAME_MARGIN);
      frame_height = height - bar_height - FRAME_MARGIN;
    }
  frame_width = MAX (frame_width, frame_min);
  frame_height = MAX (frame_height, 0);
  x = (width - frame_width) / 2;

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

  /* A device's page stands in a frame of its own; the desktop's fills the
   * pane under a separator. */
  if (self->device == CD_PREVIEW_DEVICE_DESKTOP)
    gtk_widget_remove_css_class (self->frame, "card");
  else
    gtk_widget_add_css_class (self->frame, "card");
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
