#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# Runs one UI test program in its own X server and session bus: GTK needs a
# session bus under Xvfb, and a private server keeps tests from sharing focus.
#
# Services the bus starts (the accessibility registry, portals) inherit the
# bus's output; that goes to standard error, so that the test's standard
# output is its TAP report alone.
set -e
exec 3>&1
exec dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" \
  sh -c 'exec "$@" 1>&3 3>&-' sh "$@" >&2
