#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# run-fuzzer.sh MODE TARGET WORKDIR AMOUNT MAX_LEN CRASHERS SEED...
#
# MODE "ci": runs the libFuzzer TARGET AMOUNT times with the fixed seed 1,
# from a fresh, empty working corpus plus the seed folders and CRASHERS
# (read, never written), so that the same build always runs the same
# inputs and a failure can be reproduced. Any crash, leak, sanitizer report
# or timeout fails; the input is kept in WORKDIR/artifacts.
# MODE "explore": runs TARGET for AMOUNT seconds with a random seed and a
# working corpus in WORKDIR that grows from run to run; an input that fails
# is saved in CRASHERS, so that "regress" replays it from then on.
# MODE "regress": runs TARGET once over every file of CRASHERS and the seed
# folders; this is what keeps earlier crashes fixed.
set -eu
mode=$1 target=$2 workdir=$3 amount=$4 max_len=$5 crashers=$6
shift 6

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

name=$(basename "$target")
limits="-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=$max_len"

# libFuzzer reads folders as corpora; single seed files are copied into the
# working corpus $1.
seed_dirs() {
  corpus=$1
  shift
  dirs=""
  for seed in "$@"; do
    if [ -d "$seed" ]; then
      dirs="$dirs $seed"
    elif [ -e "$seed" ]; then
      cp "$seed" "$corpus/"
    fi
    # A target with no crasher yet has no folder: git keeps no empty ones.
  done
  echo "$dirs"
}

case "$mode" in
  ci)
    mkdir -p "$workdir/artifacts/$name" "$workdir/tmp"
    corpus=$(mktemp -d "$workdir/tmp/$name.XXXXXX")
    trap 'rm -rf "$corpus"' EXIT
    dirs=$(seed_dirs "$corpus" "$crashers" "$@")
    status=0
    # shellcheck disable=SC2086 # one argument per folder; the paths have no spaces
    "$target" -seed=1 -runs="$amount" $limits -print_final_stats=1 \
      -error_exitcode=1 -timeout_exitcode=1 \
      -artifact_prefix="$workdir/artifacts/$name/" "$corpus" $dirs || status=$?
    if [ "$status" -ne 0 ]; then
      echo "run-fuzzer.sh: the failing input is in $workdir/artifacts/$name/;" \
        "copy it into $crashers/ with the fix so that it is replayed from then on" >&2
    fi
    exit "$status"
    ;;
  explore)
    corpus="$workdir/corpus/$name"
    mkdir -p "$corpus" "$crashers"
    dirs=$(seed_dirs "$corpus" "$crashers" "$@")
    # shellcheck disable=SC2086 # one argument per folder; the paths have no spaces
    exec "$target" -max_total_time="$amount" $limits -print_final_stats=1 \
      -error_exitcode=1 -timeout_exitcode=1 \
      -artifact_prefix="$crashers/" "$corpus" $dirs
    ;;
  regress)
    files=$(find "$crashers" "$@" -type f ! -name 'README' ! -name 'NOTICE.md' ! -name 'EXPECTED.txt' | sort)
    # shellcheck disable=SC2086 # one argument per file; the names have no spaces
    exec "$target" -timeout=10 -rss_limit_mb=2048 -error_exitcode=1 -timeout_exitcode=1 $files
    ;;
esac
echo "run-fuzzer.sh: unknown mode $mode" >&2
exit 2
