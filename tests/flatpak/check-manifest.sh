#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# Checks the Flatpak manifest without the GNOME SDK: flatpak-builder must read
# it without a warning (an unknown key is only a warning, hence fatal-warnings),
# the runtime must be pinned, the sandbox must reach no more files than the two
# folders flatpak/README.md gives the reasons for, and it must configure inside
# the SDK.
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
# Files go through portals, plus the two folders where articles and their
# photos live, so that a relative lead image beside an article is found and
# changes by other programs are seen (flatpak/README.md). Never host or home.
for fs in $(grep -o -- '--filesystem=[^"]*' "$manifest"); do
  case "$fs" in
    --filesystem=xdg-documents|--filesystem=xdg-pictures) ;;
    *)
      echo "$manifest: $fs reaches beyond xdg-documents and xdg-pictures; see flatpak/README.md" >&2
      exit 1
      ;;
  esac
done
# Inside the SDK there are none of the tests' checkers: configure without tests.
grep -q '"-Dtests=false"' "$manifest" || {
  echo "$manifest: Copydesk's config-opts need -Dtests=false" >&2
  exit 1
}
# The cleanup rules name /lib; md4c's CMake would pick lib64 or a multiarch
# folder on its own.
grep -q '"-DCMAKE_INSTALL_LIBDIR=lib"' "$manifest" || {
  echo "$manifest: md4c's config-opts need -DCMAKE_INSTALL_LIBDIR=lib" >&2
  exit 1
}
grep -q '"name": *"md4c"' "$manifest" || {
  echo "$manifest: md4c must be built as a module; the GNOME runtime lacks it" >&2
  exit 1
}
echo "ok: $manifest"
