/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

#include "cd-date-editor.h"

G_BEGIN_DECLS

/* CdDateEditor spans cd-date-editor.c (the rows) and cd-date-editor-zones.c
 * (the zone chooser). */
struct _CdDateEditor
{
  GtkWidget      parent_instance;

  /* Template children */
  GtkWidget     *list;
  GtkWidget     *date_row;
  GtkWidget     *date_button;
  GtkWidget     *date_popover;
  GtkWidget     *time_row;
  GtkWidget     *zone_row;
  GtkWidget     *zone_button;
  GtkWidget     *zone_popover;

  /* Made when first opened. */
  GtkWidget     *calendar;
  GtkWidget     *zone_search;
  GtkWidget     *zone_list;
  GtkWidget     *zone_empty;
  GtkFilter     *zone_filter;
  GtkFilterListModel *zone_results;

  /* The zone new values are made in: the value's, or the one chosen. */
  GTimeZone     *zone;
  gboolean       zone_is_local;

  GDateTime     *value;
  char          *title;
  char          *language;
};

char *cd_date_editor_dup_local_label (GTimeZone     *zone) G_GNUC_WARN_UNUSED_RESULT;
void  cd_date_editor_show_zone       (CdDateEditor  *self);
void  cd_date_editor_zone_popup_cb   (GtkMenuButton *button,
                                      gpointer       user_data);

G_END_DECLS
