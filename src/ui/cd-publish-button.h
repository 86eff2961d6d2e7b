/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

#include "cd-site-list.h"

G_BEGIN_DECLS

/* The header bar's Publish button, beside Export. Its popover chooses the
 * site (or links to Preferences ▸ Sites when there is none) and the status
 * (from the article's for a new post; "Keep Current Status" for a post
 * already on that site), says when the post will appear in the site's time
 * zone and the user's, and shows the live link of a post already published.
 * Its Publish (or Update) button activates win.publish; while that runs the
 * popover shows the stage, a progress bar and Cancel (win.publish-cancel).
 * The article is the one of the window the button is in. */
#define CD_TYPE_PUBLISH_BUTTON (cd_publish_button_get_type ())
G_DECLARE_FINAL_TYPE (CdPublishButton, cd_publish_button, CD, PUBLISH_BUTTON, GtkWidget)

GtkWidget   *cd_publish_button_new          (void);
/* The chosen site, or NULL when there is none. (transfer none) */
CdSiteEntry *cd_publish_button_get_site     (CdPublishButton *self);
/* The chosen status ("draft", "pending", "publish", "future"), or NULL to
 * keep the post's current status. */
const char  *cd_publish_button_get_status   (CdPublishButton *self);
/* Shows the progress page (@busy) or the form again. */
void         cd_publish_button_set_busy     (CdPublishButton *self,
                                             gboolean         busy);
void         cd_publish_button_set_progress (CdPublishButton *self,
                                             const char      *stage,
                                             double           fraction);
/* Reads the article and the sites again (after a publish, say). */
void         cd_publish_button_refresh      (CdPublishButton *self);
void         cd_publish_button_popup        (CdPublishButton *self);
void         cd_publish_button_popdown      (CdPublishButton *self);

G_END_DECLS
