/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include <gio/gio.h>

#include "cd-limits.h"

G_BEGIN_DECLS

gboolean cd_file_read_bounded (GFile         *file,
                               gsize          max_size,
                               GCancellable  *cancellable,
                               char         **contents,
                               gsize         *length,
                               GError       **error);

G_END_DECLS
