/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

#include "cd-article.h"
#include "cd-article-file.h"
#include "cd-author.h"
#include "cd-document.h"
#include "cd-exporter.h"
#include "cd-file-util.h"
#include "cd-history.h"
#include "cd-house-rules.h"
#include "cd-html-markdown.h"
#include "cd-image.h"
#include "cd-image-size.h"
#include "cd-import-ninjs.h"
#include "cd-json.h"
#include "cd-language.h"
#include "cd-limits.h"
#include "cd-markdown.h"
#include "cd-markdown-edit.h"
#include "cd-media-topics.h"
#include "cd-page.h"
#include "cd-preflight.h"
#include "cd-stats.h"
#include "cd-tag.h"
#include "cd-text.h"
#include "cd-url.h"
