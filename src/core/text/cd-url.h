/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cd_url_is_allowed       (const char *url);
gboolean cd_url_is_absolute_uri  (const char *text);
gboolean cd_url_is_absolute_iri  (const char *text);
gboolean cd_url_is_web_address   (const char *text);

G_END_DECLS
