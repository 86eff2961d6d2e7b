/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include "cd-exporter.h"

G_BEGIN_DECLS

#define CD_TYPE_COPYDESK_EXPORTER (cd_copydesk_exporter_get_type ())

G_DECLARE_FINAL_TYPE (CdCopydeskExporter, cd_copydesk_exporter, CD, COPYDESK_EXPORTER, GObject)

G_END_DECLS
