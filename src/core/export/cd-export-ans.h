/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include "cd-exporter.h"

G_BEGIN_DECLS

#define CD_TYPE_ANS_EXPORTER (cd_ans_exporter_get_type ())

G_DECLARE_FINAL_TYPE (CdAnsExporter, cd_ans_exporter, CD, ANS_EXPORTER, GObject)

G_END_DECLS
