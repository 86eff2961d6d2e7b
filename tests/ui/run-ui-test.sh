#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# Runs one UI test program in its own X server and session bus: GTK needs a
# session bus under Xvfb, and a private server keeps tests from sharing focus.
set -e
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" "$@"
