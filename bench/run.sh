#!/usr/bin/env bash
# Times bookbuild against pandoc + xelatex on the same inputs and prints medians and the ratio.
#   bench/run.sh [RUNS]        (default 5 runs per tool and input)
# Inputs: the sample book's chapters (concatenated for pandoc), and pandoc's own MANUAL.txt (a 300 KB real Markdown
# document, from ../shared/corpus/pandoc/). Needs: pandoc, xelatex (Debian: pandoc texlive-xetex fonts-lmodern).
# Whole-process wall time, fresh JVM each run, as a user sees it. Peak memory from /usr/bin/time when present.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v pandoc >/dev/null && command -v xelatex >/dev/null || { echo "bench: needs pandoc and xelatex" >&2; exit 2; }
[ -f "$here/target/bookbuild.jar" ] || (cd "$here" && mvn -q -DskipTests package)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

time_cmd() {  # prints one wall time in seconds per run
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
  done
}

bench_pair() {  # name, bookbuild project dir, markdown file for pandoc
  local name="$1" proj="$2" md="$3"
  # warm the disk cache and check both tools work on the input
  "$here/book" build "$proj" --out "$work/bb.pdf" >/dev/null 2>&1 || true
  (cd "$work" && pandoc "$md" -o "$work/pd.pdf" --pdf-engine=xelatex -V mainfont="Latin Modern Roman" >/dev/null 2>&1) \
    || echo "bench: pandoc failed on $name (timing it anyway)" >&2
  local bb pd
  bb=$(time_cmd "$here/book" build "$proj" --out "$work/bb.pdf" | median)
  pd=$(time_cmd sh -c "cd '$work' && pandoc '$md' -o '$work/pd.pdf' --pdf-engine=xelatex -V mainfont='Latin Modern Roman'" | median)
  local bbp pdp
  bbp=$( (pdfinfo "$work/bb.pdf" 2>/dev/null || true) | awk '/^Pages/ {print $2}')
  pdp=$( (pdfinfo "$work/pd.pdf" 2>/dev/null || true) | awk '/^Pages/ {print $2}')
  printf '%-14s bookbuild %6.2f s (%s pp)   pandoc+xelatex %6.2f s (%s pp)   ratio %.2f\n' \
    "$name" "$bb" "${bbp:-?}" "$pd" "${pdp:-?}" "$(echo "$bb / $pd" | bc -l)"
}

# 1. the sample book
mkdir -p "$work/sample"
# pandoc applies \newcommand definitions written in the Markdown to the math (its latex_macros extension), so the
# book's macros from book.yml go in front as such definitions
perl -ne 'if (/^\s+\x27(\\\w+)\x27:\s*\x27(.*)\x27\s*$/) { my ($n,$b)=($1,$2); my $a=0; while ($b =~ /#(\d)/g) { $a=$1 if $1>$a } print "\\newcommand{$n}".($a?"[$a]":"")."{$b}\n" }' "$here/book.yml" > "$work/sample.md"
echo >> "$work/sample.md"
for f in $(awk '/file:/ {print $NF}' "$here/book.yml"); do cat "$here/$f"; echo; done >> "$work/sample.md" 2>/dev/null || true
bench_pair "sample book" "$here" "$work/sample.md"

# 2. pandoc's manual as a one-chapter book
corpus="${CORPUS:-$here/../shared/corpus}/pandoc/MANUAL.txt"
if [ -f "$corpus" ]; then
  mkdir -p "$work/manual"
  cp "$corpus" "$work/manual/manual.md"
  printf 'title: Pandoc User Manual\ntoc:\n  - file: manual.md\n' > "$work/manual/book.yml"
  bench_pair "pandoc manual" "$work/manual" "$work/manual/manual.md"
fi
