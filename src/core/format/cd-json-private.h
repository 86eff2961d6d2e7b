/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* What the parts of the JSON reader and writer share: the parser's state,
 * the arrays and objects it has open, the mark of a number whose text is
 * kept, and the functions that one part calls in another (cd-json.c walks
 * the document, cd-json-tokens.c reads its tokens, cd-json-messages.c words
 * its messages, cd-json-writer.c writes text). Only cd-json*.c include it. */

#pragma once

#include "cd-json.h"

G_BEGIN_DECLS

/* A number whose text is kept is held as a string node that starts with
 * this byte, which never occurs in UTF-8 and so in no parsed string. */
#define NUMBER_TEXT_MARK '\xFF'

typedef struct
{
  const char *start;         /* the first byte after a byte order mark */
  const char *end;
  const char *pos;
  const char *display_name;
  guint       max_depth;
  CdJsonParseFlags flags;
  GString    *buffer;        /* the decoded text of the last string read */
  const char *data;          /* the text as given, byte order mark included */
  GHashTable *member_offsets; /* JsonNode → offset of its key, or NULL */
} CdJsonParser;

/* An array or object that is still open. Its node is added to its parent
 * only once it is closed. */
typedef struct
{
  JsonNode   *node;
  char       *key;           /* objects: the key read last */
  const char *open;          /* where its “[” or “{” is */
  gsize       key_offset;    /* objects: where that key is in the text */
} CdJsonFrame;

void      cd_json_parser_skip_whitespace           (CdJsonParser        *self);
void      cd_json_parser_locate                    (const CdJsonParser  *self,
                                                    const char          *where,
                                                    guint               *line,
                                                    guint               *column);
void      cd_json_parser_set_error                 (CdJsonParser        *self,
                                                    GError             **error,
                                                    CdJsonError          code,
                                                    const char          *where,
                                                    const char          *format,
                                                    ...) G_GNUC_PRINTF (5, 6);
char     *cd_json_quote_text                       (const char          *text,
                                                    gsize                length) G_GNUC_WARN_UNUSED_RESULT;
char     *cd_json_quote_key                        (const char          *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean  cd_json_is_word_char                     (char                 c);
gsize     cd_json_parser_word_length               (const CdJsonParser  *self,
                                                    const char          *p);
gboolean  cd_json_parser_at_comment                (const CdJsonParser  *self);
char     *cd_json_parser_describe_found            (const CdJsonParser  *self,
                                                    const char          *p) G_GNUC_WARN_UNUSED_RESULT;
void      cd_json_parser_error_comment             (CdJsonParser        *self,
                                                    GError             **error);
void      cd_json_parser_error_unclosed            (CdJsonParser        *self,
                                                    const CdJsonFrame   *frame,
                                                    GError             **error);
void      cd_json_parser_error_unterminated_string (CdJsonParser        *self,
                                                    const char          *open,
                                                    GError             **error);
void      cd_json_parser_error_expected_value      (CdJsonParser        *self,
                                                    const CdJsonFrame   *top,
                                                    GError             **error);
void      cd_json_parser_error_control_character   (CdJsonParser        *self,
                                                    const char          *p,
                                                    GError             **error);
void      cd_json_parser_error_expected_separator  (CdJsonParser        *self,
                                                    const CdJsonFrame   *frame,
                                                    GError             **error);
JsonNode *cd_json_parser_parse_scalar              (CdJsonParser        *self,
                                                    const CdJsonFrame   *top,
                                                    GError             **error);
gboolean  cd_json_parser_parse_key                 (CdJsonParser        *self,
                                                    CdJsonFrame         *frame,
                                                    GError             **error);
void      cd_json_append_value                     (GString             *out,
                                                    JsonNode            *node);

G_END_DECLS
