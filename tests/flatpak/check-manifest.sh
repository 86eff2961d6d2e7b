#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# Checks the Flatpak manifest without the GNOME SDK: flatpak-builder must read
# it without a warning (an unknown key is only a warning, hence fatal-warnings),
# the runtime must be pinned, and the sandbox must not reach the host's files.
set -eu
builder=$1
manifest=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")

# flatpak-builder keeps its state (a .flatpak-builder folder) in the folder it
# runs in, even for --show-manifest, which takes no --state-dir: run it in a
# throw-away folder so that it never lands in the source or build tree.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && G_DEBUG=fatal-warnings "$builder" --show-manifest "$manifest") > /dev/null

if grep -q '"runtime-version": *"master"' "$manifest"; then
  echo "$manifest: pin runtime-version to a released GNOME runtime, not master" >&2
  exit 1
fi
if grep -q -- '--filesystem' "$manifest"; then
  echo "$manifest: no --filesystem permission; files go through portals" >&2
  exit 1
fi
grep -q '"name": *"md4c"' "$manifest" || {
  echo "$manifest: md4c must be built as a module; the GNOME runtime lacks it" >&2
  exit 1
}
echo "ok: $manifest"
