/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cd_html_to_markdown (const char *html,
                           gssize      length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
