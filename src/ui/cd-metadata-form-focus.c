/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Focusing a field of the form by its id in the field registry, for the
 * preflight list and the window: the map from ids to the form's widgets (or
 * to functions for the fields that are more than one widget), and the check,
 * when the class is made, that every field on the form is in exactly one of
 * the form's and the image editor's maps. */

#include "config.h"

#define G_LOG_DOMAIN "cd-metadata-form"

#include <string.h>

#include "cd-metadata-form-private.h"

static gboolean
focus_widget (GtkWidget *widget)
{
  /* The viewport scrolls to the focus. A row such as the embargo's takes no
   * focus itself; its first control does. */
  return gtk_widget_grab_focus (widget) ||
         gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* Focus functions for the fields that are more than one widget; @index is
 * the author's position for a field there is one of per author. */

static gboolean
focus_authors (CdMetadataForm *self,
               guint           index)
{
  cd_authors_editor_focus (CD_AUTHORS_EDITOR (self->authors_editor));
  return TRUE;
}

static gboolean
focus_author (CdMetadataForm *self,
              guint           index)
{
  if (!cd_authors_editor_focus_author (CD_AUTHORS_EDITOR (self->authors_editor), index))
    cd_authors_editor_focus (CD_AUTHORS_EDITOR (self->authors_editor));
  return TRUE;
}

static gboolean
focus_embargo (CdMetadataForm *self,
               guint           index)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (self->embargo_row);

  if (!adw_expander_row_get_enable_expansion (row))
    return focus_widget (self->embargo_row);

  adw_expander_row_set_expanded (row, TRUE);
  return focus_widget (self->embargo_editor);
}

static gboolean
focus_tags (CdMetadataForm *self,
            guint           index)
{
  cd_tag_editor_focus (CD_TAG_EDITOR (self->tag_editor));
  return TRUE;
}

/* The form's fields by their ids in the registry: the widget to focus, at
 * its offset in the instance, or a function that focuses the field. The
 * lead image's fields are the image editor's. */
static const struct {
  const char *field;
  size_t      offset;
  gboolean  (*focus) (CdMetadataForm *self,
                      guint           index);
} focus_map[] = {
  { "headline", G_STRUCT_OFFSET (CdMetadataForm, headline_view), NULL },
  { "standfirst", G_STRUCT_OFFSET (CdMetadataForm, standfirst_view), NULL },
  { "slug", G_STRUCT_OFFSET (CdMetadataForm, slug_row), NULL },
  { "section", G_STRUCT_OFFSET (CdMetadataForm, section_row), NULL },
  { "language", G_STRUCT_OFFSET (CdMetadataForm, language_row), NULL },
  { "authors", 0, focus_authors },
  { "authors[]", 0, focus_author },
  { "authors[].name", 0, focus_author },
  { "authors[].role", 0, focus_author },
  { "authors[].email", 0, focus_author },
  { "authors[].url", 0, focus_author },
  { "dateline", G_STRUCT_OFFSET (CdMetadataForm, dateline_row), NULL },
  { "published", G_STRUCT_OFFSET (CdMetadataForm, published_editor), NULL },
  { "embargo", 0, focus_embargo },
  { "tags", 0, focus_tags },
  { "status", G_STRUCT_OFFSET (CdMetadataForm, status_row), NULL },
  { "planned_words", G_STRUCT_OFFSET (CdMetadataForm, planned_spin), NULL },
  { "comments", G_STRUCT_OFFSET (CdMetadataForm, comments_switch), NULL },
  { "editor_note", G_STRUCT_OFFSET (CdMetadataForm, editor_note_view), NULL },
};

static int
find_focus_entry (const char *field)
{
  for (size_t i = 0; i < G_N_ELEMENTS (focus_map); i++)
    {
      if (strcmp (field, focus_map[i].field) == 0)
        return (int) i;
    }

  return -1;
}

/* Every field of the registry that is on the form has a widget in exactly
 * one of the form's and the image editor's maps, and the maps name no other
 * field: a field added to the registry cannot be forgotten here. */
void
cd_metadata_form_check_focus_maps (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (focus_map); i++)
    {
      const CdField *field = cd_field_lookup (focus_map[i].field);

      if (field == NULL || strcmp (cd_field_get_id (field), focus_map[i].field) != 0)
        g_error ("The form’s focus map names “%s”, which is no field of the registry",
                 focus_map[i].field);
    }

  for (guint i = 0; i < cd_field_get_n_fields (); i++)
    {
      const CdField *field = cd_field_get_nth (i);
      const char *id = cd_field_get_id (field);
      gboolean in_form = find_focus_entry (id) >= 0;
      gboolean in_image_editor = cd_image_editor_has_field (id);

      if (cd_field_has_flags (field, CD_FIELD_ON_FORM) ? in_form == in_image_editor
                                                        : in_form || in_image_editor)
        g_error ("The field “%s” must have a widget in exactly one of the form’s and the image "
                 "editor’s focus maps if it is on the form, else in none", id);
      if (in_image_editor != cd_field_has_flags (field, CD_FIELD_LEAD_IMAGE))
        g_error ("The image editor must focus “%s” if and only if it is part of the lead image", id);
    }
}

gboolean
cd_metadata_form_focus_field (CdMetadataForm *self,
                              const char     *field)
{
  const CdField *known;
  guint index = CD_FIELD_NO_INDEX;
  int entry;

  g_return_val_if_fail (CD_IS_METADATA_FORM (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  known = cd_field_lookup (field);
  if (known == NULL)
    return FALSE;

  if (cd_field_has_flags (known, CD_FIELD_LEAD_IMAGE))
    return cd_image_editor_focus_field (CD_IMAGE_EDITOR (self->image_editor),
                                        cd_field_get_id (known));

  /* A base id such as "authors[].name" names no author. */
  if (cd_field_has_flags (known, CD_FIELD_PER_AUTHOR) &&
      (!cd_field_id_parse (field, NULL, &index) || index == CD_FIELD_NO_INDEX))
    return FALSE;

  entry = find_focus_entry (cd_field_get_id (known));
  if (entry < 0)
    return FALSE;

  if (focus_map[entry].focus != NULL)
    return focus_map[entry].focus (self, index);

  return focus_widget (G_STRUCT_MEMBER (GtkWidget *, self, focus_map[entry].offset));
}

void
cd_metadata_form_focus_headline (CdMetadataForm *self)
{
  g_return_if_fail (CD_IS_METADATA_FORM (self));

  focus_widget (self->headline_view);
}
