#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# Runs one UI test program in its own X server and session bus: GTK needs a
# session bus under Xvfb, and a private server keeps tests from sharing focus.
#
# Xvfb picks a free display itself (-displayfd) and says which, so two test
# runs on one machine never race for a display number as `xvfb-run -a` can.
# Services the bus starts (the accessibility registry, portals) inherit the
# bus's output; that goes to standard error, so that the test's standard
# output is its TAP report alone.
set -e
tmp=$(mktemp -d)
Xvfb -displayfd 4 -screen 0 1600x1000x24 -nolisten tcp -noreset 4>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -rf "$tmp"' EXIT

i=0
while [ ! -s "$tmp/display" ]; do
  i=$((i + 1))
  if [ "$i" -gt 200 ] || ! kill -0 "$xvfb" 2>/dev/null; then
    echo "run-ui-test.sh: Xvfb did not start:" >&2
    cat "$tmp/xvfb.log" >&2
    exit 1
  fi
  sleep 0.05
done
DISPLAY=":$(cat "$tmp/display")"
export DISPLAY

status=0
exec 3>&1
dbus-run-session -- sh -c 'exec "$@" 1>&3 3>&-' sh "$@" >&2 || status=$?
exit "$status"
