/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib-object.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* The registry of article fields.
 *
 * Every part of Copydesk that names a field of an article (preflight issues,
 * statistics, the undo history, the checklist's popover, the form and the
 * image editor that focus a field, the command-line tool) uses the ids and
 * labels defined once in cd-field.c. A field id is a dotted name such as
 * "headline", "image.alt" or "editor_note"; a field there is one of per
 * author has the author's position, counted from 0, in brackets:
 * "authors[1].name". The registry lists such a field by its base id, with
 * empty brackets: "authors[].name". Each field has a label as people know
 * it ("Lead image alt text", "Name of author %u" for an indexed one), the
 * GObject property that holds its value, and flags saying what it is.
 *
 * To add a field: add a row to the table in cd-field.c, at its place in the
 * order of the form, with its label marked N_() (a translator comment when
 * the label alone is unclear), the property and the flags. Then give it a
 * widget: the form's focus map (cd-metadata-form.c) or, for a lead-image
 * field, the image editor's (cd-image-editor.c). The form checks at class
 * initialisation that every field flagged CD_FIELD_ON_FORM has a widget in
 * exactly one of the two maps, and the maps no other field. Add the German
 * label to po/de.po (the po-de test finds it missing). A counted field needs
 * nothing more: statistics and `copydesk-cli stats` follow the flag.
 * tests/core/test-field.c checks that the fields preflight, statistics and
 * the undo history report are all here. */

/**
 * CdFieldFlags:
 * @CD_FIELD_FLAGS_NONE: none of the below
 * @CD_FIELD_PROSE: text people write in sentences or phrases (headline,
 *   alt text, body), not a name, code, number or date; edited in a text
 *   view that wraps, so that a long one can be read whole
 * @CD_FIELD_COUNTED: cd_stats_get_field_characters() counts its characters
 * @CD_FIELD_LEAD_IMAGE: part of the lead image, edited in the image editor
 * @CD_FIELD_PER_AUTHOR: there is one per author: its id has the author's
 *   position, as in "authors[1].name"
 * @CD_FIELD_ON_FORM: edited on the metadata form (everything but the body,
 *   which has its own editor), so the form can take the focus to it
 *
 * What a field is.
 */
typedef enum
{
  CD_FIELD_FLAGS_NONE = 0,
  CD_FIELD_PROSE      = 1 << 0,
  CD_FIELD_COUNTED    = 1 << 1,
  CD_FIELD_LEAD_IMAGE = 1 << 2,
  CD_FIELD_PER_AUTHOR = 1 << 3,
  CD_FIELD_ON_FORM    = 1 << 4,
} CdFieldFlags;

/* What cd_field_id_parse() gives as the index of a field without one. */
#define CD_FIELD_NO_INDEX G_MAXUINT

typedef struct _CdField CdField;

guint           cd_field_get_n_fields (void);
const CdField  *cd_field_get_nth      (guint           position);
const CdField  *cd_field_lookup       (const char     *id);
const char     *cd_field_get_id       (const CdField  *field);
guint           cd_field_get_position (const CdField  *field);
CdFieldFlags    cd_field_get_flags    (const CdField  *field);
gboolean        cd_field_has_flags    (const CdField  *field,
                                       CdFieldFlags    flags);
const char     *cd_field_get_property (const CdField  *field);
gboolean        cd_field_get_value    (const CdField  *field,
                                       CdArticle      *article,
                                       guint           index,
                                       GValue         *value);

gboolean        cd_field_id_parse     (const char     *id,
                                       char          **base,
                                       guint          *index);
char           *cd_field_id_format    (const char     *base,
                                       guint           index) G_GNUC_WARN_UNUSED_RESULT;
char           *cd_field_dup_label    (const char     *id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
