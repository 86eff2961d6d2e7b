/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include "cd-exporter.h"

G_BEGIN_DECLS

#define CD_TYPE_HTML_EXPORTER (cd_html_exporter_get_type ())

G_DECLARE_FINAL_TYPE (CdHtmlExporter, cd_html_exporter, CD, HTML_EXPORTER, GObject)

G_END_DECLS
