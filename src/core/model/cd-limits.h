/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#pragma once

/* The limits on what Copydesk reads, in one place. Each is far above what
 * real newsroom files hold and low enough that hostile input is refused with
 * a message before it can exhaust memory or time, or give the window more
 * rows than anyone could use. */

/* The largest article file, ninjs document or HTML file that is read. */
#define CD_LIMIT_FILE_SIZE        (32 * 1024 * 1024)

/* The longest body, and the longest of any other text field (headline,
 * standfirst, a caption, an author's name…), in bytes of UTF-8. */
#define CD_LIMIT_BODY_BYTES       (8 * 1024 * 1024)
#define CD_LIMIT_TEXT_BYTES       (64 * 1024)

/* The largest house-rules file; real ones are a few kilobytes. */
#define CD_LIMIT_HOUSE_RULES_SIZE (1024 * 1024)

/* How deeply arrays and objects may nest in any JSON that is read. */
#define CD_LIMIT_JSON_DEPTH       64

/* The most authors and tags one article may have. */
#define CD_LIMIT_AUTHORS          1000
#define CD_LIMIT_TAGS             1000

/* The most sites one article records a publication on. */
#define CD_LIMIT_PUBLICATIONS     100

/* The house style of house rules: languages, phrases per language
 * (preferred and banned together), and the length of one phrase or
 * preferred form. */
#define CD_LIMIT_STYLE_LANGUAGES     100
#define CD_LIMIT_STYLE_PHRASES       2000
#define CD_LIMIT_STYLE_PHRASE_BYTES  200
#define CD_LIMIT_STYLE_PHRASE_WORDS  8

/* The most house-style findings reported in one field: more than anyone
 * reads, and a body of eight megabytes of "a a a" stays a few of them. */
#define CD_LIMIT_STYLE_FINDINGS      1000

/* The most review comments on one article, replies to one comment, and
 * entries in its corrections log. */
#define CD_LIMIT_COMMENTS            1000
#define CD_LIMIT_COMMENT_REPLIES     1000
#define CD_LIMIT_CORRECTIONS         1000
