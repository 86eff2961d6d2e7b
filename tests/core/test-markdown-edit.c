/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib.h>

#include "cd-markdown-edit.h"
#include "cd-test-util.h"

typedef struct
{
  CdMarkdownEdit edit;
  const char    *before;
  int            select_start;
  int            select_end;
  const char    *after;
  int            after_start;
  int            after_end;
} EditCase;

#define BOLD     CD_MARKDOWN_EDIT_BOLD
#define ITALIC   CD_MARKDOWN_EDIT_ITALIC
#define LINK     CD_MARKDOWN_EDIT_LINK
#define HEADING  CD_MARKDOWN_EDIT_HEADING
#define QUOTE    CD_MARKDOWN_EDIT_QUOTE
#define BULLETS  CD_MARKDOWN_EDIT_BULLETED_LIST
#define NUMBERS  CD_MARKDOWN_EDIT_NUMBERED_LIST

static const EditCase inline_cases[] = {
  /* Bold: wrap, insert, unwrap from inside and outside, trim. */
  { BOLD, "Hello world", 6, 11, "Hello **world**", 8, 13 },
  { BOLD, "Hello world", 6, 6, "Hello ****world", 8, 8 },
  { BOLD, "", 0, 0, "****", 2, 2 },
  { BOLD, "Hello **world**", 6, 15, "Hello world", 6, 11 },
  { BOLD, "Hello **world**", 8, 13, "Hello world", 6, 11 },
  { BOLD, "Hello ****", 8, 8, "Hello ", 6, 6 },
  { BOLD, "Hello world ", 6, 12, "Hello **world** ", 8, 13 },
  { BOLD, "  Hello  ", 0, 9, "  **Hello**  ", 4, 9 },
  { BOLD, "Hello __world__", 8, 13, "Hello world", 6, 11 },
  { BOLD, "a **b** c **d** e", 2, 15, "a ****b** c **d**** e", 4, 17 },
  /* Non-ASCII text around and inside the selection. */
  { BOLD, "Grüße, 東京!", 7, 9, "Grüße, **東京**!", 9, 11 },
  { BOLD, "Grüße, **東京**!", 9, 11, "Grüße, 東京!", 7, 9 },
  { ITALIC, "Ça « va » ?", 5, 7, "Ça « _va_ » ?", 6, 8 },
  { ITALIC, "Ünïcödé", 0, 7, "_Ünïcödé_", 1, 8 },
  /* Italic: _, and * without confusing it with bold. */
  { ITALIC, "Hello world", 6, 11, "Hello _world_", 7, 12 },
  { ITALIC, "Hello world", 11, 11, "Hello world__", 12, 12 },
  { ITALIC, "Hello _world_", 7, 12, "Hello world", 6, 11 },
  { ITALIC, "Hello _world_", 6, 13, "Hello world", 6, 11 },
  { ITALIC, "The *Harbour Spirit*, a", 5, 19, "The Harbour Spirit, a", 4, 18 },
  { ITALIC, "**bold**", 2, 6, "**_bold_**", 3, 7 },
  { ITALIC, "***both***", 3, 7, "**both**", 2, 6 },
  { BOLD, "***both***", 3, 7, "*both*", 1, 5 },
  { ITALIC, "snake_case_name", 6, 10, "snake__case__name", 7, 11 },
  /* A selection given end first is the same selection. */
  { BOLD, "Hello world", 11, 6, "Hello **world**", 8, 13 },
  /* Link. */
  { LINK, "See the council page.", 8, 20, "See the [council page](url).", 23, 26 },
  { LINK, "Go to https://example.com now", 6, 25, "Go to [](https://example.com) now", 7, 7 },
  { LINK, "Go ", 3, 3, "Go [](url)", 4, 4 },
  { LINK, "www.example.org", 0, 15, "[](https://www.example.org)", 1, 1 },
  { LINK, "Die Straße hier", 4, 10, "Die [Straße](url) hier", 13, 16 },
  { LINK, "mailto: x", 0, 9, "[mailto: x](url)", 12, 15 },
};

static const EditCase line_cases[] = {
  /* Heading: ## → ### → none, on the cursor's line. */
  { HEADING, "Title\nText", 2, 2, "## Title\nText", 5, 5 },
  { HEADING, "## Title\nText", 5, 5, "### Title\nText", 6, 6 },
  { HEADING, "### Title\nText", 6, 6, "Title\nText", 2, 2 },
  { HEADING, "# Big", 3, 3, "Big", 1, 1 },
  { HEADING, "Text\n", 5, 5, "Text\n## ", 8, 8 },
  { HEADING, "", 0, 0, "## ", 3, 3 },
  { HEADING, "One\nTwo", 0, 7, "## One\n## Two", 0, 13 },
  { HEADING, "## One\n\nTwo", 0, 11, "### One\n\n### Two", 0, 16 },
  { HEADING, "Überschrift", 11, 11, "## Überschrift", 14, 14 },
  /* The cursor stays where it was in the text of its line. */
  { HEADING, "### Title", 1, 1, "Title", 0, 0 },
  /* Quote: every line, blank ones as ">" inside, toggled off. */
  { QUOTE, "A\n\nB", 0, 4, "> A\n>\n> B", 0, 9 },
  { QUOTE, "> A\n>\n> B", 0, 9, "A\n\nB", 0, 4 },
  { QUOTE, "", 0, 0, "> ", 2, 2 },
  { QUOTE, "Line one\nLine two\nNext", 2, 9, "> Line one\nLine two\nNext", 0, 10 },
  { QUOTE, "Line one\nLine two\nNext", 2, 12, "> Line one\n> Line two\nNext", 0, 21 },
  { QUOTE, "Said\n", 0, 5, "> Said\n", 0, 6 },
  { QUOTE, "« Zitat »", 3, 3, "> « Zitat »", 5, 5 },
  { QUOTE, "A\r\nB", 0, 4, "> A\r\n> B", 0, 8 },
  /* Bulleted list. */
  { BULLETS, "one\ntwo\n\nthree", 0, 14, "- one\n- two\n\n- three", 0, 20 },
  { BULLETS, "- one\n- two\n\n- three", 0, 20, "one\ntwo\n\nthree", 0, 14 },
  { BULLETS, "item", 2, 2, "- item", 4, 4 },
  { BULLETS, "1. a\n2. b", 0, 9, "- a\n- b", 0, 7 },
  { BULLETS, "- a\nb", 0, 5, "- a\n- b", 0, 7 },
  { BULLETS, "Äpfel\nBirnen", 0, 12, "- Äpfel\n- Birnen", 0, 16 },
  /* Numbered list. */
  { NUMBERS, "one\ntwo\nthree", 0, 13, "1. one\n2. two\n3. three", 0, 22 },
  { NUMBERS, "1. one\n2. two\n3. three", 0, 22, "one\ntwo\nthree", 0, 13 },
  { NUMBERS, "- a\n- b", 0, 7, "1. a\n2. b", 0, 9 },
  { NUMBERS, "", 0, 0, "1. ", 3, 3 },
  { NUMBERS, "  - nested", 10, 10, "  1. nested", 11, 11 },
  { NUMBERS, "x\n\ny", 0, 4, "1. x\n\n2. y", 0, 10 },
};

static void
run_cases (const EditCase *cases,
           guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const EditCase *c = &cases[i];
      g_autofree char *after = NULL;
      int start = -1, end = -1;

      g_test_message ("%d on \"%s\" [%d, %d]", c->edit, c->before,
                      c->select_start, c->select_end);
      after = cd_markdown_edit_apply (c->edit, c->before, c->select_start, c->select_end,
                                      &start, &end);
      g_assert_cmpstr (after, ==, c->after);
      g_assert_cmpint (start, ==, c->after_start);
      g_assert_cmpint (end, ==, c->after_end);
    }
}

static void
test_markdown_edit_inline (void)
{
  run_cases (inline_cases, G_N_ELEMENTS (inline_cases));
}

static void
test_markdown_edit_lines (void)
{
  run_cases (line_cases, G_N_ELEMENTS (line_cases));
}

/* Applying an inline toggle twice gives back the text and the selection;
 * three headings come back to none. */
static void
test_markdown_edit_round_trip (void)
{
  static const CdMarkdownEdit toggles[] = { BOLD, ITALIC, QUOTE, BULLETS, NUMBERS };
  static const char *texts[] = { "Hello world", "Grüße aus Köln", "Äpfel und 東京" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
      {
        g_autofree char *once = NULL;
        g_autofree char *twice = NULL;
        int start, end;

        once = cd_markdown_edit_apply (toggles[i], texts[t], 0, 5, &start, &end);
        g_assert_cmpstr (once, !=, texts[t]);
        twice = cd_markdown_edit_apply (toggles[i], once, start, end, &start, &end);
        g_assert_cmpstr (twice, ==, texts[t]);
        if (toggles[i] == BOLD || toggles[i] == ITALIC)
          {
            g_assert_cmpint (start, ==, 0);
            g_assert_cmpint (end, ==, 5);
          }
      }

  {
    g_autofree char *text = g_strdup ("Hello world");
    int start = 3, end = 3;

    for (int i = 0; i < 3; i++)
      {
        char *next = cd_markdown_edit_apply (HEADING, text, start, end, &start, &end);

        g_free (text);
        text = next;
      }
    g_assert_cmpstr (text, ==, "Hello world");
    g_assert_cmpint (start, ==, 3);
    g_assert_cmpint (end, ==, 3);
  }
}

/* Offsets past the end are clamped to it. */
static void
test_markdown_edit_clamp (void)
{
  g_autofree char *text = NULL;
  int start, end;

  text = cd_markdown_edit_apply (BOLD, "Hi", 5, 99, &start, &end);
  g_assert_cmpstr (text, ==, "Hi****");
  g_assert_cmpint (start, ==, 4);
  g_assert_cmpint (end, ==, 4);
}

static void
test_markdown_edit_is_block (void)
{
  g_assert_false (cd_markdown_edit_is_block (""));
  g_assert_false (cd_markdown_edit_is_block ("Some **inline** text"));
  g_assert_false (cd_markdown_edit_is_block ("Line\nbreak"));
  g_assert_true (cd_markdown_edit_is_block ("One\n\nTwo"));
  g_assert_true (cd_markdown_edit_is_block ("## Heading"));
  g_assert_true (cd_markdown_edit_is_block ("> Quote"));
  g_assert_true (cd_markdown_edit_is_block ("- item"));
  g_assert_true (cd_markdown_edit_is_block ("3. item"));
  g_assert_false (cd_markdown_edit_is_block ("#hashtag"));
}

int
main (int   argc,
      char *argv[])
{
  cd_test_init (&argc, &argv);

  g_test_add_func ("/markdown-edit/inline", test_markdown_edit_inline);
  g_test_add_func ("/markdown-edit/lines", test_markdown_edit_lines);
  g_test_add_func ("/markdown-edit/round-trip", test_markdown_edit_round_trip);
  g_test_add_func ("/markdown-edit/clamp", test_markdown_edit_clamp);
  g_test_add_func ("/markdown-edit/is-block", test_markdown_edit_is_block);

  return g_test_run ();
}
