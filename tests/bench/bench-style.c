/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* How long the preflight check takes on a long body, with and without the
 * house style, since the window runs it after each pause in typing. It
 * prints the times; it never fails on them. */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "cd-article.h"
#include "cd-house-rules.h"
#include "cd-preflight.h"

#define RUNS 50

static double
median_ms (CdArticle    *article,
           CdHouseRules *rules,
           guint        *n_issues)
{
  double times[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GListModel) issues = cd_preflight_check_in_folder (article, rules, NULL);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      *n_issues = g_list_model_get_n_items (issues);
    }

  for (guint i = 1; i < RUNS; i++)
    for (guint j = i; j > 0 && times[j - 1] > times[j]; j--)
      {
        double t = times[j];

        times[j] = times[j - 1];
        times[j - 1] = t;
      }

  return times[RUNS / 2];
}

int
main (void)
{
  static const char * const paragraph =
    "The first electric ferry to cross Portmere harbour carried 112 passengers on its "
    "opening run on Thursday, more than two years after it was due to enter service. "
    "Councillor Ruth Okonkwo-Hale said the wait had been \"frustrating for everyone\", "
    "and that the council would utilise the savings in order to buy a second boat by 2028; "
    "see [the report](https://example.com/report) and `code`.\n\n";
  const char *json_off =
    "{\"format\": \"copydesk-house-rules\", \"version\": 1, \"rules\": {"
    " \"style-preferred\": \"off\", \"style-banned\": \"off\", \"style-doubled-word\": \"off\","
    " \"style-double-space\": \"off\", \"style-quotes\": \"off\", \"style-numbers\": \"off\"}}";
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(CdHouseRules) rules = cd_house_rules_new_default ();
  g_autoptr(CdHouseRules) off = NULL;
  g_autoptr(GError) error = NULL;
  guint n_style = 0;
  guint n_off = 0;
  double with_style;
  double without;

  off = cd_house_rules_load_from_data (json_off, strlen (json_off), "off.json", &error);
  g_assert_no_error (error);

  /* About 10,000 words. */
  for (guint i = 0; i < 170; i++)
    g_string_append (body, paragraph);

  cd_article_set_language (article, "en-GB");
  cd_article_set_body (article, body->str);

  with_style = median_ms (article, rules, &n_style);
  without = median_ms (article, off, &n_off);

  g_print ("preflight of a %zu-byte body: %.2f ms with house style (%u issues), "
           "%.2f ms without (%u issues); style adds %.2f ms\n",
           body->len, with_style, n_style, without, n_off, with_style - without);

  return 0;
}
