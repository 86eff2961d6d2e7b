/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include "cd-article.h"
#include "cd-article-file.h"
#include "cd-author.h"
#include "cd-house-rules.h"
#include "cd-image.h"
#include "cd-json.h"
#include "cd-markdown.h"
#include "cd-page.h"
#include "cd-preflight.h"
#include "cd-stats.h"
#include "cd-tag.h"
#include "cd-text.h"
