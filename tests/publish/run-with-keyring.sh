#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors

# run-with-keyring.sh CMD ARGS…: runs CMD with a real Secret Service (GNOME
# Keyring, unlocked with an empty password) on a session bus of its own, in
# a private home, so that the tests of Copydesk's passwords use the same
# keyring code as the user's desktop without ever touching the user's own
# keyring or settings. CMD's exit status is the script's.

set -eu

if ! command -v dbus-run-session > /dev/null || ! command -v gnome-keyring-daemon > /dev/null; then
  # TAP, as the tests it runs speak.
  echo "1..0 # SKIP needs dbus-run-session and gnome-keyring-daemon"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -m 700 "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
# No password from the calling environment reaches the test by accident.
unset COPYDESK_WP_PASSWORD GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DBUS_SESSION_BUS_ADDRESS

status=0
dbus-run-session -- sh -c '
  tmp=$1
  shift
  # The daemon stays in the foreground so that it can be stopped by its
  # own process id; the empty password on standard input (an empty line:
  # with no line at all it unlocks nothing and asks a prompter, which has
  # no display here) creates and unlocks the login keyring, the default
  # collection.
  printf "\n" | gnome-keyring-daemon --foreground --unlock --components=secrets \
    > "$tmp/keyring.env" 2> "$tmp/keyring.log" &
  keyring=$!
  # Wait until it owns the Secret Service name on this bus.
  tries=0
  until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
          --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2> /dev/null \
        | grep -q true; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$keyring" 2> /dev/null; then
      echo "gnome-keyring-daemon did not start:" >&2
      cat "$tmp/keyring.log" >&2
      kill "$keyring" 2> /dev/null || true
      exit 1
    fi
    sleep 0.1
  done
  GNOME_KEYRING_CONTROL=$(sed -n "s/^GNOME_KEYRING_CONTROL=//p" "$tmp/keyring.env")
  [ -n "$GNOME_KEYRING_CONTROL" ] || GNOME_KEYRING_CONTROL="$XDG_RUNTIME_DIR/keyring"
  export GNOME_KEYRING_CONTROL
  # Tests that write to a keyring check this, so that run outside this
  # script they leave the keyring of the user alone.
  export COPYDESK_TEST_KEYRING=1
  status=0
  "$@" || status=$?
  kill "$keyring" 2> /dev/null || true
  wait "$keyring" 2> /dev/null || true
  exit "$status"
' sh "$tmp" "$@" || status=$?

exit "$status"
