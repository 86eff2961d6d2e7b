/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The metadata form's instance structure and what its two files share: the
 * form itself (cd-metadata-form.c) and focusing a field by its id
 * (cd-metadata-form-focus.c). Only cd-metadata-form*.c include this
 * header. */

#pragma once

#include <adwaita.h>

#include "cd-authors-editor.h"
#include "cd-date-editor.h"
#include "cd-image-editor.h"
#include "cd-metadata-form.h"
#include "cd-tag-editor.h"

G_BEGIN_DECLS

struct _CdMetadataForm
{
  GtkWidget      parent_instance;

  /* The only child: bound so that disposing the template unparents it. */
  GtkWidget     *scroller;
  GtkWidget     *content;
  GtkWidget     *headline_row;
  GtkWidget     *headline_view;
  GtkWidget     *headline_counter;
  GtkWidget     *standfirst_view;
  GtkWidget     *standfirst_counter;
  GtkWidget     *slug_row;
  GtkWidget     *reset_slug_button;
  GtkWidget     *section_row;
  GtkWidget     *language_row;
  GtkWidget     *language_name_label;
  GtkWidget     *language_button;
  GtkWidget     *authors_editor;
  GtkWidget     *dateline_row;
  GtkWidget     *dates_list;
  GtkWidget     *embargo_row;
  GtkWidget     *image_editor;
  GtkWidget     *tag_editor;
  GtkWidget     *status_row;
  GtkWidget     *planned_row;
  GtkWidget     *planned_spin;
  GtkWidget     *comments_switch;
  GtkWidget     *editor_note_view;

  GtkWidget     *published_editor;
  GtkWidget     *embargo_editor;

  CdArticle     *article;
  CdHouseRules  *rules;
  GSettings     *settings;
  GFile         *article_dir;

  GBindingGroup *bindings;
  GSignalGroup  *article_signals;
  guint          resize_source;

  /* Set while the text views and the slug entry are filled from the article,
   * so that their change handlers neither write the value back nor an
   * intermediate one (a text buffer is emptied before it is refilled). The
   * other widgets follow the article through the binding group, which does
   * not echo. */
  gboolean       updating;
  /* Set while the slug entry writes to the article: an emptied entry makes the
   * article derive the slug again, which must not refill the entry being typed
   * in. The entry shows the derived slug again when it loses focus. */
  gboolean       editing_slug;
};

/* cd-metadata-form-focus.c: aborts when a field of the registry has no
 * widget on the form or two, or when the form's map names no field. */
void cd_metadata_form_check_focus_maps (void);

G_END_DECLS
