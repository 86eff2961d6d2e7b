/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include "cd-ui-test-util.h"

int
main (int   argc,
      char *argv[])
{
  cd_ui_test_init (&argc, &argv);
  return g_test_run ();
}
