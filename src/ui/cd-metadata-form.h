/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>
#include "copydesk-core.h"
#include "cd-spell-context.h"

G_BEGIN_DECLS

/* The article's metadata as a scrollable form of groups: Article (headline and
 * standfirst with live counters against the house limits, slug, section,
 * language), People and place (authors, dateline), Dates (publication date and
 * time with zone and "Now", optional embargo), Lead image (CdImageEditor),
 * Tags (CdTagEditor), Workflow (status, planned length, comments, editor's note).
 *
 * Properties: "article" (CdArticle, nullable), "house-rules" (CdHouseRules),
 * "settings" (GSettings, nullable: recent tags, defaults), "article-dir"
 * (GFile, nullable: passed to the image editor). */
#define CD_TYPE_METADATA_FORM (cd_metadata_form_get_type ())
G_DECLARE_FINAL_TYPE (CdMetadataForm, cd_metadata_form, CD, METADATA_FORM, GtkWidget)

GtkWidget    *cd_metadata_form_new             (void);
CdArticle    *cd_metadata_form_get_article     (CdMetadataForm *self);
void          cd_metadata_form_set_article     (CdMetadataForm *self,
                                                CdArticle      *article);
CdHouseRules *cd_metadata_form_get_house_rules (CdMetadataForm *self);
void          cd_metadata_form_set_house_rules (CdMetadataForm *self,
                                                CdHouseRules   *rules);
GSettings    *cd_metadata_form_get_settings    (CdMetadataForm *self);
void          cd_metadata_form_set_settings    (CdMetadataForm *self,
                                                GSettings      *settings);
GFile        *cd_metadata_form_get_article_dir (CdMetadataForm *self);
void          cd_metadata_form_set_article_dir (CdMetadataForm *self,
                                                GFile          *article_dir);
/* Scrolls to and focuses the widget that edits @field, a field id of the
 * registry (cd-field.h) such as "headline", "image.alt" or "authors[1].name":
 * every field flagged CD_FIELD_ON_FORM has one. Returns FALSE for any other
 * id (e.g. "body", which the window handles). */
gboolean      cd_metadata_form_focus_field     (CdMetadataForm *self,
                                                const char     *field);
/* Focuses the headline entry (a new article opens there). */
void          cd_metadata_form_focus_headline  (CdMetadataForm *self);
/* Spell checking and house-style underlines in the prose fields. */
void          cd_metadata_form_set_spell_context (CdMetadataForm *self,
                                                  CdSpellContext *context);
/* The lead-image editor, so the window can forward dropped files. */
GtkWidget    *cd_metadata_form_get_image_editor (CdMetadataForm *self);

G_END_DECLS
