#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# Command-line throughput on 1,000 copies of the sample article, each beside a
# baseline run on the same files:
#   validate: `copydesk-cli validate` on all 1,000 files in one process, against
#             json-glib-validate (parse only) on the same files;
#   export:   1,000 `copydesk-cli export --format ninjs` runs, against 1,000 runs
#             of `copydesk-cli format --check`, which reads the same files
#             without exporting, to show what exporting itself costs.
# Usage: tests/bench/bench-cli.sh BUILDDIR
set -euo pipefail

build=${1:?usage: bench-cli.sh BUILDDIR}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cli="$build/src/cli/copydesk-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/articles" "$work/out"
for i in $(seq -w 1 1000); do
  cp "$top/data/sample/harbour-ferry.copydesk" "$work/articles/story-$i.copydesk"
done

if ! command -v json-glib-validate >/dev/null; then
  echo "bench-cli: install json-glib-tools for the baseline" >&2
  exit 2
fi

hyperfine --warmup 1 --runs 5 --export-markdown "$work/validate.md" \
  -n "copydesk-cli validate (1000 files)" "$cli validate --quiet $work/articles/*.copydesk" \
  -n "json-glib-validate (1000 files)" "json-glib-validate $work/articles/*.copydesk"

export_loop() {
  for f in "$work"/articles/*.copydesk; do
    "$cli" export --format ninjs --image-base-url https://media.example.org/images/ \
      -o "$work/out/$(basename "$f" .copydesk).json" "$f"
  done
}
check_loop() {
  for f in "$work"/articles/*.copydesk; do
    "$cli" format --check "$f"
  done
}
export -f export_loop check_loop
export cli work

hyperfine --warmup 0 --runs 3 --shell bash --export-markdown "$work/export.md" \
  -n "1000 x copydesk-cli export --format ninjs" export_loop \
  -n "1000 x copydesk-cli format --check" check_loop

cat "$work/validate.md" "$work/export.md"
