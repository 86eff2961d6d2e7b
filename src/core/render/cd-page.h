/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"

G_BEGIN_DECLS

/**
 * CdPageTheme:
 * @CD_PAGE_THEME_AUTO: follow the reader's light or dark preference
 *   (nick "system")
 * @CD_PAGE_THEME_LIGHT: always light (nick "light")
 * @CD_PAGE_THEME_DARK: always dark (nick "dark")
 *
 * The colour scheme of a rendered page. The preview sets it to follow the
 * application; an exported page follows the reader.
 *
 * Its GType, %CD_TYPE_PAGE_THEME, has the nicks and values of the
 * application's preview-theme setting, so that the setting maps onto it
 * with g_settings_get_enum() or a GSettings binding.
 */
typedef enum
{
  CD_PAGE_THEME_AUTO,
  CD_PAGE_THEME_LIGHT,
  CD_PAGE_THEME_DARK,
} CdPageTheme;

#define CD_TYPE_PAGE_THEME (cd_page_theme_get_type ())
GType     cd_page_theme_get_type    (void) G_GNUC_CONST;

/* What a page needs besides the article. Plain data; strings are borrowed for
 * the duration of the call. A zeroed struct is a page without a lead image
 * that follows the reader's colour scheme. */
typedef struct
{
  const char  *image_href;  /* the lead image's src: an https URL, a file:// URI
                             * or a relative href; NULL for no lead image */
  CdPageTheme  theme;
  gboolean     no_remote_images;  /* the page may load no image from the network
                                   * (https and http), only local and data: ones */
  const char  *local_scheme;  /* the scheme through which a viewer serves the
                               * article's local images (the preview's own, which
                               * checks each file); file: is then not allowed.
                               * NULL: local images are file: URIs */
} CdPageOptions;

char     *cd_page_render            (CdArticle           *article,
                                     const CdPageOptions *options) G_GNUC_WARN_UNUSED_RESULT;
char     *cd_page_dup_image_uri     (CdArticle           *article,
                                     GFile               *article_dir) G_GNUC_WARN_UNUSED_RESULT;
char     *cd_page_format_date       (GDateTime           *date_time,
                                     const char          *language) G_GNUC_WARN_UNUSED_RESULT;
gboolean  cd_page_language_is_rtl   (const char          *language);

G_END_DECLS
