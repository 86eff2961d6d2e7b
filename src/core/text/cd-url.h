/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cd_url_is_allowed (const char *url);

G_END_DECLS
