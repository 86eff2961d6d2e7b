/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include "cd-exporter.h"

G_BEGIN_DECLS

#define CD_TYPE_JSONLD_EXPORTER (cd_jsonld_exporter_get_type ())

G_DECLARE_FINAL_TYPE (CdJsonldExporter, cd_jsonld_exporter, CD, JSONLD_EXPORTER, GObject)

G_END_DECLS
