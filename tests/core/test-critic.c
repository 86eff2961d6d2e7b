/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <string.h>

#include "copydesk-core.h"

static CdCriticMark *
mark_at (GPtrArray *marks,
         guint      i)
{
  g_assert_cmpuint (i, <, marks->len);
  return g_ptr_array_index (marks, i);
}

static void
test_critic_parse_kinds (void)
{
  const char *body = "A {++new++} and {--old--} and {~~this~>that~~}, "
                     "{==look==}{>>Really?<<} {>>alone<<}.";
  g_autoptr(GPtrArray) marks = cd_critic_parse (body);
  CdCriticMark *mark;

  g_assert_cmpuint (marks->len, ==, 5);
  mark = mark_at (marks, 0);
  g_assert_cmpint (mark->kind, ==, CD_CRITIC_INSERTION);
  g_assert_cmpuint (mark->start, ==, 2);
  g_assert_cmpuint (mark->end, ==, 11);
  g_assert_null (mark->old_text);
  g_assert_cmpstr (mark->new_text, ==, "new");
  g_assert_true (cd_critic_is_suggestion (mark));

  mark = mark_at (marks, 1);
  g_assert_cmpint (mark->kind, ==, CD_CRITIC_DELETION);
  g_assert_cmpstr (mark->old_text, ==, "old");
  g_assert_null (mark->new_text);

  mark = mark_at (marks, 2);
  g_assert_cmpint (mark->kind, ==, CD_CRITIC_SUBSTITUTION);
  g_assert_cmpstr (mark->old_text, ==, "this");
  g_assert_cmpstr (mark->new_text, ==, "that");
  g_assert_cmpuint (mark->index, ==, 2);

  mark = mark_at (marks, 3);
  g_assert_cmpint (mark->kind, ==, CD_CRITIC_HIGHLIGHT);
  g_assert_cmpstr (mark->old_text, ==, "look");
  g_assert_cmpstr (mark->comment, ==, "Really?");
  g_assert_cmpuint (mark->end - mark->start, ==, strlen ("{==look==}{>>Really?<<}"));
  g_assert_false (cd_critic_is_suggestion (mark));

  mark = mark_at (marks, 4);
  g_assert_cmpint (mark->kind, ==, CD_CRITIC_COMMENT);
  g_assert_cmpstr (mark->comment, ==, "alone");

  g_assert_cmpuint (cd_critic_count_suggestions (body), ==, 3);
  g_assert_cmpuint (cd_critic_count_comments (body), ==, 2);
}

static void
test_critic_attribution (void)
{
  const char *body = "{++new words++}{>>@Eddie Editor 2026-12-08T10:15Z<<} "
                     "{--gone--}{>>@Ann Other, 2026-12-08T11:00:30+01:00: too long<<} "
                     "{==x==}{>>@Nobody: why?<<} {~~a~>b~~}{>>@Just A Name<<}";
  g_autoptr(GPtrArray) marks = cd_critic_parse (body);
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *with_note = NULL;
  g_autofree char *hostile = NULL;
  CdCriticMark *mark;

  g_assert_cmpuint (marks->len, ==, 4);
  mark = mark_at (marks, 0);
  g_assert_cmpstr (mark->author, ==, "Eddie Editor");
  g_assert_nonnull (mark->time);
  stamp = g_date_time_format_iso8601 (mark->time);
  g_assert_cmpstr (stamp, ==, "2026-12-08T10:15:00Z");
  g_assert_null (mark->comment);
  g_assert_cmpuint (mark->end, ==, strlen ("{++new words++}{>>@Eddie Editor 2026-12-08T10:15Z<<}"));

  mark = mark_at (marks, 1);
  g_assert_cmpstr (mark->author, ==, "Ann Other");
  g_assert_nonnull (mark->time);
  g_assert_cmpint (g_date_time_get_hour (mark->time), ==, 11);
  g_assert_cmpstr (mark->comment, ==, "too long");

  mark = mark_at (marks, 2);
  g_assert_cmpstr (mark->author, ==, "Nobody");
  g_assert_null (mark->time);
  g_assert_cmpstr (mark->comment, ==, "why?");

  mark = mark_at (marks, 3);
  g_assert_cmpstr (mark->author, ==, "Just A Name");
  g_assert_null (mark->comment);

  /* The canonical form reads back as what was written. */
  time = g_date_time_new_utc (2026, 12, 8, 10, 15, 0);
  canonical = cd_critic_attribution ("Eddie Editor", time, NULL);
  g_assert_cmpstr (canonical, ==, "{>>@Eddie Editor 2026-12-08T10:15Z<<}");
  with_note = cd_critic_attribution ("Eddie Editor", time, "Check\nthis");
  g_assert_cmpstr (with_note, ==, "{>>@Eddie Editor 2026-12-08T10:15Z: Check this<<}");
  /* A name cannot end the comment early. */
  hostile = cd_critic_attribution ("Evil <<} Name", NULL, NULL);
  g_assert_true (strstr (hostile, "<<}") == hostile + strlen (hostile) - 3);
}

static void
test_critic_resolve (void)
{
  const char *body = "One {++two ++}three {--four --}five {~~six~>seven~~}{>>@E 2026-12-08T10:15Z<<} "
                     "{==eight==}{>>note<<} nine{>>aside<<}.";
  g_autofree char *accepted = cd_critic_accept_all (body);
  g_autofree char *rejected = cd_critic_reject_all (body);
  g_autofree char *reader = cd_critic_reader_view (body);
  g_autofree char *first = cd_critic_accept (body, 0);
  g_autofree char *second = cd_critic_reject (body, 1);
  g_autofree char *not_a_suggestion = cd_critic_accept (body, 3);
  g_autofree char *past_end = cd_critic_reject (body, 99);

  g_assert_cmpstr (accepted, ==, "One two three five seven {==eight==}{>>note<<} nine{>>aside<<}.");
  g_assert_cmpstr (rejected, ==, "One three four five six {==eight==}{>>note<<} nine{>>aside<<}.");
  g_assert_cmpstr (reader, ==, "One three four five six eight nine.");
  g_assert_cmpstr (first, ==, "One two three {--four --}five {~~six~>seven~~}{>>@E 2026-12-08T10:15Z<<} "
                              "{==eight==}{>>note<<} nine{>>aside<<}.");
  g_assert_cmpstr (second, ==, "One {++two ++}three four five {~~six~>seven~~}{>>@E 2026-12-08T10:15Z<<} "
                               "{==eight==}{>>note<<} nine{>>aside<<}.");
  g_assert_cmpstr (not_a_suggestion, ==, body);
  g_assert_cmpstr (past_end, ==, body);
}

/* Markup in code is text: it is published as written. */
static void
test_critic_code_is_literal (void)
{
  const char *body = "Use `{++x++}` here.\n"
                     "\n"
                     "```\n"
                     "{--kept--}\n"
                     "```\n"
                     "\n"
                     "    {==indented==}\n"
                     "\n"
                     "``two `{>>ticks<<}` here``\n"
                     "but {++this++} counts, and \\{++escaped++} does not.\n";
  g_autoptr(GPtrArray) marks = cd_critic_parse (body);
  g_autofree char *reader = cd_critic_reader_view (body);

  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (mark_at (marks, 0)->new_text, ==, "this");
  g_assert_nonnull (strstr (reader, "`{++x++}`"));
  g_assert_nonnull (strstr (reader, "{--kept--}"));
  g_assert_nonnull (strstr (reader, "{==indented==}"));
  g_assert_nonnull (strstr (reader, "{>>ticks<<}"));
  g_assert_nonnull (strstr (reader, "but  counts"));
}

static void
test_critic_unterminated (void)
{
  const char *bodies[] = {
    "{++open", "{--", "{~~a~~}", "{~~a~>b", "{==x", "{>>", "{", "x{+", "{{++a++}",
    "```\n{++in fence", "`{++a++}", "{++a\n\nb++}",
  };
  guint expected[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GPtrArray) marks = cd_critic_parse (bodies[i]);
      g_autofree char *reader = cd_critic_reader_view (bodies[i]);

      g_test_message ("%s", bodies[i]);
      g_assert_cmpuint (marks->len, ==, expected[i]);
      if (expected[i] == 0)
        g_assert_cmpstr (reader, ==, bodies[i]);
    }
  g_assert_false (cd_critic_has_markup (NULL));
  g_assert_false (cd_critic_has_markup ("plain {text}"));
  g_assert_true (cd_critic_has_markup ("a {>>b<<}"));
}

/* A list item's indented paragraph is text, not code: its markup must
 * not be published as it stands. */
static void
test_critic_list_continuation (void)
{
  const char *body = "- item\n"
                     "\n"
                     "    {++pending++}{>>secret<<} words\n"
                     "\n"
                     "1. first\n"
                     "\n"
                     "    {--kept--}\n"
                     "\n"
                     "Back to text.\n"
                     "\n"
                     "    {==code again==}\n";
  g_autoptr(GPtrArray) marks = cd_critic_parse (body);
  g_autofree char *reader = cd_critic_reader_view (body);

  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_null (strstr (reader, "pending"));
  g_assert_null (strstr (reader, "secret"));
  g_assert_nonnull (strstr (reader, "    kept\n"));
  g_assert_nonnull (strstr (reader, "{==code again==}"));
}

/* Hostile input stays linear: thousands of openers with one closer far
 * away, or none. */
static void
test_critic_many_openers (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GPtrArray) marks = NULL;
  g_autofree char *body = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (s, "{~~{++`` ");
  g_string_append (s, "~~}");
  body = g_string_free (s, FALSE);
  marks = cd_critic_parse (body);
  g_assert_cmpuint (marks->len, ==, 0);
}

/* The preview's marked-up view: each mark as its element, with who and
 * when in its title; code stays code; the body's own private-use
 * characters cannot forge a tag. */
static void
test_critic_marked_up (void)
{
  g_autofree char *html = cd_critic_render_marked_up (
    "A {++new++}{>>@Eddie Editor 2026-12-08T10:15Z<<} and {--old--} "
    "{~~this~>that~~} {==look==}{>>Why?<<} `{++code++}`.{>>aside<<}\n\n"
    "{++one\n\ntwo++} \xee\x80\x80 <b>");

  g_test_message ("%s", html);
  g_assert_nonnull (strstr (html, "<ins class=\"critic\" title=\"Eddie Editor, 2026-12-08 10:15 UTC\">new</ins>"));
  g_assert_nonnull (strstr (html, "<del class=\"critic\">old</del>"));
  g_assert_nonnull (strstr (html, "<del class=\"critic\">this</del><ins class=\"critic\">that</ins>"));
  g_assert_nonnull (strstr (html, "<mark class=\"critic\" title=\"Why?\">look</mark>"));
  g_assert_nonnull (strstr (html, "<code>{++code++}</code>"));
  g_assert_nonnull (strstr (html, "<span class=\"critic-comment\">aside</span>"));
  /* A mark across paragraphs is closed in each. */
  g_assert_nonnull (strstr (html, "<p><ins class=\"critic\">one</ins></p>"));
  g_assert_nonnull (strstr (html, "<p><ins class=\"critic\">two</ins>"));
  g_assert_nonnull (strstr (html, "\xef\xbf\xbd"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;"));
  g_assert_null (strstr (html, "@Eddie"));
}

/* Marks in an image's alt text give no tag inside the image's tag. */
static void
test_critic_marked_up_attributes (void)
{
  g_autofree char *html = cd_critic_render_marked_up (
    "![A {++red++}{>>@Eddie 2026-12-08T10:15Z<<} ferry](https://example.com/a.jpg)");

  g_test_message ("%s", html);
  g_assert_null (strstr (html, "<ins"));
  g_assert_nonnull (strstr (html, "alt=\"A red ferry\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/critic/parse-kinds", test_critic_parse_kinds);
  g_test_add_func ("/critic/attribution", test_critic_attribution);
  g_test_add_func ("/critic/resolve", test_critic_resolve);
  g_test_add_func ("/critic/code-is-literal", test_critic_code_is_literal);
  g_test_add_func ("/critic/unterminated", test_critic_unterminated);
  g_test_add_func ("/critic/list-continuation", test_critic_list_continuation);
  g_test_add_func ("/critic/many-openers", test_critic_many_openers);
  g_test_add_func ("/critic/marked-up", test_critic_marked_up);
  g_test_add_func ("/critic/marked-up-attributes", test_critic_marked_up_attributes);

  return g_test_run ();
}
