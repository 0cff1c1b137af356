#!/usr/bin/env bash
# Checks that `book watch` keeps nothing it should not: on a copy of PROJECT_DIR, EDITS random edits to its pages (a
# word added to a prose line, a labelled heading inserted, a reference to the last label added), each followed by a
# build with the memos a watch keeps (parsed pages, transforms' chapter turns, chapters' FO) and one without; prints
# each edit after which the two differ in FO text or diagnostics, and exits 1 if any did. SEED picks the edits.
#   bench/memo-check.sh PROJECT_DIR [EDITS] [SEED]      (defaults: 10 edits, seed 1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { sed -n '2,6p' "$0" >&2; exit 2; }
copy="$(mktemp -d)/project"
cp -r "$1" "$copy"
. "$here/bench/harness.sh"
harness_run MemoCheck -Xss8m -Djava.awt.headless=true "$copy" "${2:-10}" "${3:-1}" 2>&1 | grep -v '^book:'
