#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# run-fuzzer.sh MODE TARGET WORKDIR SECONDS SEED_DIR...
#
# MODE "fuzz": runs the libFuzzer TARGET for SECONDS, starting from the seed
# folders (read, never written) and a working corpus in WORKDIR; any crash,
# leak, sanitizer report or timeout fails, and the input is kept in WORKDIR.
# MODE "regress": runs TARGET once over every file of the seed folders, which
# include the crashers found before; this is what keeps them fixed.
set -eu
mode=$1 target=$2 workdir=$3 seconds=$4
shift 4

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

name=$(basename "$target")
case "$mode" in
  fuzz)
    corpus="$workdir/corpus/$name"
    artifacts="$workdir/artifacts/$name/"
    mkdir -p "$corpus" "$artifacts"
    # libFuzzer reads folders as corpora; single seed files are copied in.
    dirs=""
    for seed in "$@"; do
      if [ -d "$seed" ]; then
        dirs="$dirs $seed"
      else
        cp "$seed" "$corpus/"
      fi
    done
    # shellcheck disable=SC2086 # one argument per folder; the paths have no spaces
    exec "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -malloc_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
      -error_exitcode=1 -timeout_exitcode=1 \
      -artifact_prefix="$artifacts" "$corpus" $dirs
    ;;
  regress)
    files=$(find "$@" -type f ! -name 'README' ! -name 'NOTICE.md' ! -name 'EXPECTED.txt' | sort)
    # shellcheck disable=SC2086 # one argument per file; the names have no spaces
    exec "$target" -timeout=10 -rss_limit_mb=2048 -error_exitcode=1 -timeout_exitcode=1 $files
    ;;
esac
echo "run-fuzzer.sh: unknown mode $mode" >&2
exit 2
