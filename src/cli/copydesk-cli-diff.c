/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The "diff" command: what changed between two versions of an article,
 * field by field and word by word (core's CdArticleDiff), for a terminal
 * (with colour, or git's --word-diff markers), as JSON for tools, and for
 * git: --textconv prints one article as stable text for git's own diff,
 * --git is an external diff driver that takes git's seven arguments. */

#include "config.h"

#define G_LOG_DOMAIN "copydesk-cli"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "copydesk-cli-private.h"

/* What git passes an external diff driver: path old-file old-hex old-mode
 * new-file new-hex new-mode. */
#define GIT_N_ARGS 7

#define COLOUR_INSERT "\033[32m"
#define COLOUR_DELETE "\033[31m"
#define COLOUR_MOVED_FROM "\033[2;36m"
#define COLOUR_MOVED_TO "\033[36m"
#define COLOUR_LABEL "\033[1m"
#define COLOUR_RESET "\033[m"

typedef struct
{
  gboolean colour;
} Output;

static void
put (const char *text,
     size_t      length)
{
  fwrite (text, 1, length, stdout);
}

static void
puts_plain (const char *text)
{
  fputs (text, stdout);
}

/* The text of a change between its markers: colour on a terminal, git's
 * --word-diff markers ("[-…-]", "{+…+}") elsewhere; a moved paragraph is
 * "[<…<]" where it was and "{>…>}" where it went. */
static void
put_marked (const Output   *output,
            CdWordDiffKind  kind,
            const char     *text,
            size_t          length)
{
  static const char * const colours[] = { "", COLOUR_INSERT, COLOUR_DELETE, COLOUR_MOVED_FROM, COLOUR_MOVED_TO };
  static const char * const open[] = { "", "{+", "[-", "[<", "{>" };
  static const char * const close[] = { "", "+}", "-]", "<]", ">}" };

  if (length == 0)
    return;

  puts_plain (output->colour ? colours[kind] : open[kind]);
  put (text, length);
  puts_plain (output->colour ? COLOUR_RESET : close[kind]);
}

/* Finds the first and last blank line ("\n\n") in an unchanged stretch. */
static const char *
find_break (const char *text,
            size_t      length,
            gboolean    last)
{
  const char *found = NULL;

  for (size_t i = 0; i + 1 < length; i++)
    {
      if (text[i] == '\n' && text[i + 1] == '\n')
        {
          found = text + i;
          if (!last)
            return found;
        }
    }

  return found;
}

/* An unchanged stretch of a long text: the rest of the paragraph that
 * holds the change before it and the start of the one that holds the
 * next change, with "…" for the whole paragraphs between. */
static void
put_equal (const char *text,
           size_t      length,
           gboolean    after_change,
           gboolean    before_change)
{
  const char *first = find_break (text, length, FALSE);
  const char *last = find_break (text, length, TRUE);
  const char *end = text + length;

  if (first == NULL || (after_change && before_change && first == last))
    {
      put (text, length);
      return;
    }

  if (after_change)
    {
      put (text, (size_t) (first - text));
      puts_plain ("\n\n");
    }
  puts_plain ("…");
  if (before_change)
    {
      const char *start = last + 2;

      puts_plain ("\n\n");
      put (start, (size_t) (end - start));
    }
  else
    {
      puts_plain ("\n");
    }
}

/* A paragraph where it moved to, with the edits made to it on the way:
 * "{>kept {+added+} [-removed-] kept>}". */
static void
put_moved_to (const Output *output,
              CdWordDiff   *edits,
              const char   *text,
              size_t        length)
{
  size_t content = strlen (cd_word_diff_get_new_text (edits));

  puts_plain (output->colour ? COLOUR_MOVED_TO : "{>");
  for (guint i = 0; i < cd_word_diff_get_n_ops (edits); i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (edits, i);
      size_t op_length = 0;
      const char *op_text = cd_word_diff_get_op_text (edits, op, &op_length);

      if (op->kind == CD_WORD_DIFF_EQUAL)
        {
          put (op_text, op_length);
          continue;
        }
      put_marked (output, op->kind, op_text, op_length);
      if (output->colour)
        puts_plain (COLOUR_MOVED_TO);
    }
  /* The blank lines after the paragraph. */
  if (content < length)
    put (text + content, length - content);
  puts_plain (output->colour ? COLOUR_RESET : ">}");
}

static void
put_word_diff (const Output *output,
               CdWordDiff   *diff)
{
  guint n = cd_word_diff_get_n_ops (diff);

  for (guint i = 0; i < n; i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);
      size_t length = 0;
      const char *text = cd_word_diff_get_op_text (diff, op, &length);

      if (op->kind == CD_WORD_DIFF_EQUAL)
        {
          put_equal (text, length, i > 0, i + 1 < n);
        }
      else if (op->kind == CD_WORD_DIFF_MOVED_TO)
        {
          g_autoptr(CdWordDiff) edits = cd_word_diff_dup_move (diff, op->move);

          if (cd_word_diff_is_equal (edits))
            put_marked (output, op->kind, text, length);
          else
            put_moved_to (output, edits, text, length);
        }
      else
        {
          put_marked (output, op->kind, text, length);
        }
    }
}

static void
put_label (const Output *output,
           const char   *label)
{
  if (output->colour)
    printf ("%s%s:%s", COLOUR_LABEL, label, COLOUR_RESET);
  else
    printf ("%s:", label);
}

static void
print_text (const Output  *output,
            CdArticleDiff *diff)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (diff));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdFieldChange) change = g_list_model_get_item (G_LIST_MODEL (diff), i);
      CdWordDiff *words = cd_field_change_get_word_diff (change);
      const char *old_value = cd_field_change_get_old_value (change);
      const char *new_value = cd_field_change_get_new_value (change);

      put_label (output, cd_field_change_get_label (change));

      if (words == NULL)
        {
          puts_plain (" ");
          put_marked (output, CD_WORD_DIFF_DELETE, old_value, strlen (old_value));
          put_marked (output, CD_WORD_DIFF_INSERT, new_value, strlen (new_value));
          puts_plain ("\n");
          continue;
        }

      if (strcmp (cd_field_change_get_field_id (change), "body") == 0)
        {
          guint moves = cd_word_diff_get_n_moves (words);

          puts_plain (" ");
          /* Translators: the words added to and removed from the body. */
          printf (_("+%u −%u words"), cd_word_diff_get_words_added (words),
                  cd_word_diff_get_words_removed (words));
          if (moves > 0)
            {
              puts_plain (", ");
              printf (g_dngettext (GETTEXT_PACKAGE, "%u paragraph moved", "%u paragraphs moved", moves),
                      moves);
            }
        }
      puts_plain ("\n");
      put_word_diff (output, words);
      puts_plain ("\n");
    }

  if (n == 0 && !cd_article_diff_get_identical (diff))
    printf ("%s\n", _("The articles differ only in what is not shown here: their ids, "
                      "times, publication records or data Copydesk does not know."));
}

/* JSON */

static void add_word_diff (JsonBuilder *builder,
                           CdWordDiff  *diff,
                           gboolean     counts);

static void
add_word_diff (JsonBuilder *builder,
               CdWordDiff  *diff,
               gboolean     counts)
{
  json_builder_set_member_name (builder, "ops");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cd_word_diff_get_n_ops (diff); i++)
    {
      const CdWordDiffOp *op = cd_word_diff_get_op (diff, i);
      g_autofree char *text = cd_word_diff_dup_op_text (diff, op);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, cd_word_diff_kind_to_string (op->kind));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      if (op->move != 0)
        {
          json_builder_set_member_name (builder, "move");
          json_builder_add_int_value (builder, op->move);
        }
      /* A paragraph moved and edited: its own operations. */
      if (op->kind == CD_WORD_DIFF_MOVED_TO)
        {
          g_autoptr(CdWordDiff) edits = cd_word_diff_dup_move (diff, op->move);

          if (!cd_word_diff_is_equal (edits))
            {
              json_builder_set_member_name (builder, "edits");
              json_builder_begin_object (builder);
              add_word_diff (builder, edits, FALSE);
              json_builder_end_object (builder);
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (!counts)
    return;
  json_builder_set_member_name (builder, "words_added");
  json_builder_add_int_value (builder, cd_word_diff_get_words_added (diff));
  json_builder_set_member_name (builder, "words_removed");
  json_builder_add_int_value (builder, cd_word_diff_get_words_removed (diff));
}

static void
print_json (CdArticleDiff *diff,
            const char    *old_name,
            const char    *new_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GEnumClass) kinds = g_type_class_ref (CD_TYPE_FIELD_CHANGE_KIND);
  g_autofree char *data = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (diff));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "old");
  json_builder_add_string_value (builder, old_name);
  json_builder_set_member_name (builder, "new");
  json_builder_add_string_value (builder, new_name);
  json_builder_set_member_name (builder, "identical");
  json_builder_add_boolean_value (builder, cd_article_diff_get_identical (diff));
  json_builder_set_member_name (builder, "body_words_added");
  json_builder_add_int_value (builder, cd_article_diff_get_body_words_added (diff));
  json_builder_set_member_name (builder, "body_words_removed");
  json_builder_add_int_value (builder, cd_article_diff_get_body_words_removed (diff));

  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdFieldChange) change = g_list_model_get_item (G_LIST_MODEL (diff), i);
      CdWordDiff *words = cd_field_change_get_word_diff (change);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, cd_field_change_get_field_id (change));
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, cd_field_change_get_label (change));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     g_enum_get_value (kinds, (int) cd_field_change_get_kind (change))->value_nick);
      json_builder_set_member_name (builder, "old");
      json_builder_add_string_value (builder, cd_field_change_get_old_value (change));
      json_builder_set_member_name (builder, "new");
      json_builder_add_string_value (builder, cd_field_change_get_new_value (change));
      if (words != NULL)
        add_word_diff (builder, words, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);
  printf ("%s\n", data);
}

/* --textconv: one article as stable text, one field a line in the order of
 * the form, by field id (not the translated label, so that git's cached
 * conversions do not depend on the language), the body last. */
static void
print_textconv_field (CdArticle     *article,
                      const CdField *field,
                      guint          index)
{
  g_autofree char *value = cd_article_diff_dup_value (article, field, index);
  g_autofree char *id = NULL;

  if (value == NULL)
    return;

  id = index != CD_FIELD_NO_INDEX ? cd_field_id_format (cd_field_get_id (field), index)
                                  : g_strdup (cd_field_get_id (field));
  if (strcmp (id, "body") == 0)
    printf ("%s:\n%s\n", id, value);
  else if (value[0] == '\0')
    printf ("%s:\n", id);
  else
    printf ("%s: %s\n", id, value);
}

static void
print_textconv (CdArticle *article)
{
  guint n_fields = cd_field_get_n_fields ();
  guint n_authors = g_list_model_get_n_items (cd_article_get_authors (article));

  for (guint i = 0; i < n_fields; i++)
    {
      const CdField *field = cd_field_get_nth (i);

      if (!cd_field_has_flags (field, CD_FIELD_PER_AUTHOR))
        {
          print_textconv_field (article, field, CD_FIELD_NO_INDEX);
          continue;
        }

      /* Author by author, when the first of their fields comes up. */
      if (cd_field_has_flags (cd_field_get_nth (i - 1), CD_FIELD_PER_AUTHOR))
        continue;

      for (guint index = 0; index < n_authors; index++)
        {
          for (guint j = i; j < n_fields && cd_field_has_flags (cd_field_get_nth (j), CD_FIELD_PER_AUTHOR); j++)
            print_textconv_field (article, cd_field_get_nth (j), index);
        }
    }
}

/* Loading: "/dev/null" is an empty article, as git passes it for a file
 * that was added or deleted. */
static CdArticle *
load (const char  *path,
      const char  *name,
      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (strcmp (path, "/dev/null") == 0)
    return cd_article_new_empty ();

  file = g_file_new_for_commandline_arg (path);
  if (!cd_file_read_bounded (file, CD_FILE_MAX_SIZE, NULL, &data, &length, error))
    {
      g_prefix_error (error, _("Could not read %s: "), name);
      return NULL;
    }

  return cd_article_load_from_data (data, length, name, error);
}

static gboolean
want_colour (const char *when,
             gboolean    git,
             gboolean   *colour)
{
  if (when == NULL || strcmp (when, "auto") == 0)
    {
      const char *term = g_getenv ("TERM");

      *colour = (isatty (STDOUT_FILENO) || (git && g_getenv ("GIT_PAGER_IN_USE") != NULL)) &&
                g_getenv ("NO_COLOR") == NULL && g_strcmp0 (term, "dumb") != 0;
      return TRUE;
    }
  if (strcmp (when, "always") == 0)
    {
      *colour = TRUE;
      return TRUE;
    }
  if (strcmp (when, "never") == 0)
    {
      *colour = FALSE;
      return TRUE;
    }
  return FALSE;
}

int
cd_cli_run_diff (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdArticle) old_article = NULL;
  g_autoptr(CdArticle) new_article = NULL;
  g_autoptr(CdArticleDiff) diff = NULL;
  g_autofree char *when = NULL;
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE;
  gboolean textconv = FALSE;
  gboolean git = FALSE;
  const char *old_name;
  const char *new_name;
  const char *old_path;
  const char *new_path;
  Output output = { FALSE };
  guint n_files;
  const GOptionEntry entries[] = {
    { "color", 0, 0, G_OPTION_ARG_STRING, &when,
      N_("Colour the changes: auto (on a terminal), always or never"), N_("WHEN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the changes as JSON, for other programs"), NULL },
    { "textconv", 0, 0, G_OPTION_ARG_NONE, &textconv,
      N_("Print one article as plain text for git’s own diff (git’s diff.*.textconv)"), NULL },
    { "git", 0, 0, G_OPTION_ARG_NONE, &git,
      N_("Take the seven arguments git gives an external diff (git’s diff.*.command)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = cd_cli_command_context (cd_cli_find_command ("diff"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cd_cli_usage_error (context, error->message);

  if (!want_colour (when, git, &output.colour))
    return cd_cli_usage_error (context, _("--color takes auto, always or never"));
  if ((json ? 1 : 0) + (textconv ? 1 : 0) + (git ? 1 : 0) > 1)
    return cd_cli_usage_error (context, _("--json, --textconv and --git cannot be combined"));

  n_files = files != NULL ? g_strv_length (files) : 0;

  if (textconv)
    {
      if (n_files != 1)
        return cd_cli_usage_error (context, _("--textconv takes one article file"));
      old_article = load (files[0], files[0], &error);
      if (old_article == NULL)
        return cd_cli_unreadable (error->message);
      /* The values too (a status, "Allowed") in English whatever the
       * language, so that git's cached conversions stay valid. */
      setlocale (LC_MESSAGES, "C");
      print_textconv (old_article);
      return EXIT_READY;
    }

  if (git)
    {
      if (n_files != GIT_N_ARGS)
        return cd_cli_usage_error (context, _("--git takes the seven arguments git gives an external "
                                              "diff: path, old file, hash and mode, new file, hash and mode"));
      old_path = files[1];
      new_path = files[4];
      old_name = files[0];
      new_name = files[0];
    }
  else
    {
      if (n_files != 2)
        return cd_cli_usage_error (context, _("diff takes two article files: the old and the new version"));
      old_path = old_name = files[0];
      new_path = new_name = files[1];
    }

  old_article = load (old_path, old_name, &error);
  if (old_article == NULL)
    return cd_cli_unreadable (error->message);
  new_article = load (new_path, new_name, &error);
  if (new_article == NULL)
    return cd_cli_unreadable (error->message);

  diff = cd_article_diff_new (old_article, new_article);

  if (json)
    {
      print_json (diff, old_name, new_name);
    }
  else
    {
      if (git)
        {
          /* A header like git's own, so that several files read apart. */
          g_autofree char *header = g_strdup_printf ("diff --copydesk a/%s b/%s", files[0], files[0]);

          printf (output.colour ? COLOUR_LABEL "%s" COLOUR_RESET "\n" : "%s\n", header);
          if (strcmp (old_path, "/dev/null") == 0)
            printf ("%s\n", _("new article"));
          else if (strcmp (new_path, "/dev/null") == 0)
            printf ("%s\n", _("deleted article"));
        }
      print_text (&output, diff);
    }

  /* git stops at an external diff that exits non-zero. */
  if (git)
    return EXIT_READY;

  return cd_article_diff_get_identical (diff) ? EXIT_READY : EXIT_HAS_ERRORS;
}
