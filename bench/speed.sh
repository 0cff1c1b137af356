#!/usr/bin/env bash
# Issue 14's benchmark, in one run: cold builds against mystmd + xelatex, the warm rebuild after a one-paragraph edit
# in `book watch`, peak heap, a run held to a 256 MB heap, time per page at 300 and 1,200 pages, and the speed-up with
# 1, 2 and 4 layout workers (and --workers 0, one FOP pass over the whole book). Prints medians over RUNS runs and a table at the end.
#   bench/speed.sh [RUNS]      (default 3; BIG_RUNS for the 1,200-page book, default RUNS; EDITS watch edits, default 5)
# Inputs: (a) the sample book; (b) the largest book in $CORPUS/projects (LARGEST, default climate-laboratory-2021) and
# mines-nancy-optimization, the one myst.yml project, which mystmd reads too; (c) books of about 300 and 1,200 pages
# made of the sample book's chapters repeated (bench/genbook.py).
# Each cold build is a fresh JVM through ./book (as a user runs it, with the launcher's AppCDS archive, made before the
# first timed build; BOOK_CDS=0 leaves it out) into an
# empty output folder (with --out, the figure and layout caches live beside the PDF). Wall time and peak resident memory from /usr/bin/time; heap from the
# JVM's own GC log (-Xlog:gc). The peer is ../shared/tools/myst-pdf.sh (mystmd 1.8.3 + xelatex, installed by
# ../shared/tools/peers.sh); its own timing of the myst build is used. Needs: java 17, python3, /usr/bin/time, pdfinfo.
# Each build's layout line (--timings: chapters laid out, passes, layouts) is printed under its time, and the last run's
# jvm line (process CPU, JIT, GC, classes loaded).
# Only SKIP_PEER=1 / SKIP_BIG=1 / SKIP_WATCH=1 / SKIP_WORKERS=1 / SKIP_LARGEST=1 leave parts out. On a shared,
# loaded machine wall times stretch; the CPU seconds beside them and ratios taken within one run are steadier.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
big_runs="${BIG_RUNS:-$runs}"
edits="${EDITS:-5}"
corpus="${CORPUS:-$here/../shared/corpus}"
tools="${TOOLS:-$here/../shared/tools}"
largest="${LARGEST:-climate-laboratory-2021}"
work="$(mktemp -d /tmp/bookbench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
book="$here/book"
for c in java python3 pdfinfo /usr/bin/time; do command -v "$c" >/dev/null || { echo "bench: needs $c" >&2; exit 2; }; done
"$book" --version >/dev/null   # builds the tool when its jar is stale
# The launcher's class-data archive (target/bookbuild.jsa) is made in the background after the first build of a new
# jar; a user's builds after that one map it, so the timed builds do too: one untimed build, then wait for the archive.
if [ "${BOOK_CDS:-1}" != 0 ] && [ ! "$here/target/bookbuild.jsa" -nt "$here/target/bookbuild.jar" ]; then
  "$book" build "$here" --out "$work/prime/book.pdf" --quiet >/dev/null 2>&1 || true
  for _ in $(seq 120); do [ "$here/target/bookbuild.jsa" -nt "$here/target/bookbuild.jar" ] && break; sleep 1; done
  [ "$here/target/bookbuild.jsa" -nt "$here/target/bookbuild.jar" ] || echo "bench: no class-data archive; timing without it" >&2
fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
maxof() { sort -g | tail -1; }
pages() { (pdfinfo "$1" 2>/dev/null || true) | awk '/^Pages/ {print $2}'; }
# the largest heap in use before a collection and the largest left after one, in MB, from a -Xlog:gc file
heap_peak() { grep -ho '[0-9]*M->[0-9]*M' "$@" 2>/dev/null | sed 's/M->.*//' | maxof; }
heap_live() { grep -ho '[0-9]*M->[0-9]*M' "$@" 2>/dev/null | sed 's/.*->//; s/M//' | maxof; }

# cold NAME PROJECT N [JAVA_OPTS [BUILD_ARGS]]: N fresh builds; sets wall and cpu (medians, s), rss (max MB), pp
# (pages), peak/live (MB), report (the build's layout line from --timings)
cold() {
  local name="$1" proj="$2" n="$3" opts="${4:-}" args="${5:-}" i
  : > "$work/walls"; : > "$work/cpus"; : > "$work/rss"; rm -f "$work"/gc.*.log "$work/$name.pdf"
  # with --out, the build's out/ (figure and layout caches) is the PDF's folder: a fresh one per build keeps it cold
  local outdir="$work/out.$(echo "$name" | tr -c 'A-Za-z0-9\n' '_')"
  for i in $(seq "$n"); do
    rm -rf "$proj/out" "$outdir"
    mkdir -p "$outdir"
    BOOK_JAVA_OPTS="$opts -Xlog:gc:file=$work/gc.$i.log" /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
      "$book" build "$proj" --out "$outdir/book.pdf" --quiet --timings $args >/dev/null 2>"$work/$name.err" || true
    cp "$outdir/book.pdf" "$work/$name.pdf" 2>/dev/null || true
    tail -1 "$work/time" | awk '{print $1}' >> "$work/walls"
    tail -1 "$work/time" | awk '{print $2 + $3}' >> "$work/cpus"
    tail -1 "$work/time" | awk '{print int($4/1024)}' >> "$work/rss"
  done
  wall=$(median < "$work/walls"); cpu=$(median < "$work/cpus"); rss=$(maxof < "$work/rss"); pp=$(pages "$work/$name.pdf")
  peak=$(heap_peak "$work"/gc.*.log); live=$(heap_live "$work"/gc.*.log)
  report=$(grep -o 'layout: .*' "$work/$name.err" | tail -1 || true)
  jvm=$(grep -o 'jvm: .*' "$work/$name.err" | tail -1 || true)
  printf '%-28s %7.2f s wall, %7.2f s CPU  %5s pp  %6.1f ms/page  heap peak %4s MB, live %4s MB, RSS %4s MB  (walls: %s)\n' \
    "$name${opts:+ [$opts]}" "$wall" "$cpu" "${pp:-?}" "$(echo "1000 * $wall / ${pp:-1}" | bc -l)" "${peak:-?}" \
    "${live:-?}" "$rss" "$(tr '\n' ' ' < "$work/walls")"
  [ -z "$report" ] || echo "    $report"
  [ -z "$jvm" ] || echo "    $jvm (last run)"
  [ -n "$pp" ] || { echo "bench: no PDF for $name:"; tail -5 "$work/$name.err"; }
}

# peer PROJECT N: mystmd + xelatex through myst-pdf.sh (whole script: copy, config, myst build --pdf); sets peer and
# peer_cpu (medians, s) and peer_pp
peer() {
  local proj="$1" n="$2" i
  : > "$work/pwalls"; : > "$work/pcpus"
  for i in $(seq "$n"); do
    /usr/bin/time -f '%e %U %S' -o "$work/ptime" "$tools/myst-pdf.sh" "$proj" "$work/peer.pdf" >/dev/null 2>&1 || true
    tail -1 "$work/ptime" | awk '{print $1}' >> "$work/pwalls"
    tail -1 "$work/ptime" | awk '{print $2 + $3}' >> "$work/pcpus"
  done
  peer=$(median < "$work/pwalls"); peer_cpu=$(median < "$work/pcpus"); peer_pp=$(pages "$work/peer.pdf")
  printf '%-28s %7.2f s wall, %7.2f s CPU  %5s pp  (walls: %s)\n' "mystmd + xelatex" "$peer" "$peer_cpu" \
    "${peer_pp:-? (pdfinfo cannot read it)}" "$(tr '\n' ' ' < "$work/pwalls")"
}

echo "bench: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "bench: bookbuild $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?'), $runs runs per figure ($big_runs for 1,200 pages)"
table=()

# (a) the sample book
python3 "$here/bench/genbook.py" "$here" "$work/sample" 1
cold sample "$work/sample" "$runs"; s_wall=$wall; s_pp=$pp; s_peak=$peak
table+=("| sample book | $s_pp | $s_wall ($cpu CPU) | – | – | ${s_peak} MB |")

# (b) the peer comparison on the myst.yml project, and the largest corpus book
mines="$corpus/projects/mines-nancy-optimization"
if [ -d "$mines" ]; then
  cp -r "$mines" "$work/mines"
  cold mines-nancy-optimization "$work/mines" "$runs"; m_wall=$wall; m_cpu=$cpu; m_pp=$pp; m_peak=$peak
  ratio="–"; peer="–"
  if [ "${SKIP_PEER:-0}" != 1 ] && [ -x /opt/peers/myst/node_modules/.bin/myst ]; then
    peer "$mines" "$runs"
    ratio=$(printf '%.2f' "$(echo "$m_wall / $peer" | bc -l)")
    cratio=$(printf '%.2f' "$(echo "$m_cpu / $peer_cpu" | bc -l)")
    echo "  cold ratio bookbuild / (mystmd + xelatex): wall $ratio, CPU $cratio   (goal ≤ 0.33)"
    ratio="$ratio (CPU $cratio)"; peer="$peer ($peer_cpu CPU)"
  fi
  table+=("| mines-nancy-optimization (myst.yml) | $m_pp | $m_wall ($m_cpu CPU) | $peer | $ratio | ${m_peak} MB |")
fi
if [ "${SKIP_LARGEST:-0}" != 1 ] && [ -d "$corpus/projects/$largest" ]; then
  cp -r "$corpus/projects/$largest" "$work/largest"
  cold "$largest" "$work/largest" "$runs"
  table+=("| $largest (largest) | $pp | $wall ($cpu CPU) | no myst.yml | – | ${peak} MB |")
fi

# (c) generated books: about 300 and 1,200 pages
python3 "$here/bench/genbook.py" "$here" "$work/gen300" "${COPIES_300:-3}"
cold gen300 "$work/gen300" "$runs"; g3_wall=$wall; g3_pp=$pp
table+=("| generated ~300 pages | $g3_pp | $g3_wall ($cpu CPU) | – | – | ${peak} MB |")
# the same book held to a 256 MB heap (issue 14's memory goal): its time against the unbounded run's, from this run
cold gen300 "$work/gen300" "$runs" "-Xmx256m"
table+=("| same, -Xmx256m | ${pp:-no PDF} | $wall ($cpu CPU) | – | ratio to unbounded $(printf '%.2f' "$(echo "$wall / $g3_wall" | bc -l)") | peak ${peak} MB, live ${live} MB |")
printf '  -Xmx256m / unbounded at %s pp: %.2f (goal ≤ 1.2; %s)\n' "$g3_pp" "$(echo "$wall / $g3_wall" | bc -l)" \
  "$([ -n "$pp" ] && echo "finished, $pp pages" || echo "no PDF: $(grep -o 'OutOfMemoryError[^(]*' "$work/gen300.err" | head -1)")"
if [ "${SKIP_BIG:-0}" != 1 ]; then
  python3 "$here/bench/genbook.py" "$here" "$work/gen1200" "${COPIES_1200:-13}"
  cold gen1200 "$work/gen1200" "$big_runs"; g12_wall=$wall; g12_cpu=$cpu; g12_pp=$pp; g12_peak=$peak; g12_live=$live
  cold gen1200 "$work/gen1200" "$big_runs" "-Xmx256m"; cap_wall=$wall; cap_pp=$pp
  table+=("| generated ~1,200 pages | $g12_pp | $g12_wall ($g12_cpu CPU) | – | – | ${g12_peak} MB (live ${g12_live} MB) |")
  table+=("| same, -Xmx256m | ${cap_pp:-no PDF} | $cap_wall ($cpu CPU) | – | ratio to unbounded $(printf '%.2f' "$(echo "$cap_wall / $g12_wall" | bc -l)") | peak ${peak} MB, live ${live} MB |")
  per300=$(echo "$g3_wall / $g3_pp" | bc -l); per1200=$(echo "$g12_wall / $g12_pp" | bc -l)
  printf '  time per page: %.1f ms at %s pp, %.1f ms at %s pp, ratio %.2f (goal ≤ 1.15)\n' \
    "$(echo "1000*$per300" | bc -l)" "$g3_pp" "$(echo "1000*$per1200" | bc -l)" "$g12_pp" "$(echo "$per1200 / $per300" | bc -l)"
  printf '  -Xmx256m / unbounded: %.2f (goal ≤ 1.2; %s)\n' "$(echo "$cap_wall / $g12_wall" | bc -l)" \
    "$([ -n "$cap_pp" ] && echo "finished, $cap_pp pages" || echo "no PDF: $(grep -o 'OutOfMemoryError[^(]*' "$work/gen1200.err" | head -1)")"
fi

# layout workers, on the ~300-page book: --workers 0 is one FOP pass over the whole book (the old way), N lays out N
# chapters at once (this machine has $(nproc) cores: more workers than cores only show the design scales, not speed)
if [ "${SKIP_WORKERS:-0}" != 1 ]; then
  for w in 0 1 2 4; do
    cold "gen300 --workers $w" "$work/gen300" "$runs" "" "--workers $w"
    eval "w$w=$wall"
  done
  printf '  speed-up with workers (gen300, against 1 worker): 2 → %.2f, 4 → %.2f; one whole-book pass %.2f s\n' \
    "$(echo "$w1 / $w2" | bc -l)" "$(echo "$w1 / $w4" | bc -l)" "$w0"
  table+=("| workers 0 (one pass) / 1 / 2 / 4 (gen300) | $g3_pp | $w0 / $w1 / $w2 / $w4 | – | speed-up $(printf '%.2f / %.2f' "$(echo "$w1 / $w2" | bc -l)" "$(echo "$w1 / $w4" | bc -l)") | – |")
fi

# book watch: a one-paragraph edit, saved to status line (the PDF is in place when the line is printed); the preview
# (the edited chapter's pages put into the PDF on show before the full build joins the book) has its own line
if [ "${SKIP_WATCH:-0}" != 1 ]; then
  for b in sample gen300; do
    rm -rf "$work/$b/out" "$work/watch-$b"
    mkdir -p "$work/watch-$b"
    line=$(python3 "$here/bench/watch-edit.py" "$book" "$work/$b" chapters/03-projections.md "$edits" "$work/watch-$b/book.pdf")
    cp "$work/watch-$b/book.pdf" "$work/watch-$b.pdf"
    echo "  book watch on $b ($(pages "$work/watch-$b.pdf") pp): $line"
    table+=("| watch edit, $b | $(pages "$work/watch-$b.pdf") | $(echo "$line" | sed 's/.*edit_median=\([0-9.]*\).*/\1/') (save → new PDF, median of $edits); preview $(echo "$line" | sed 's/.*preview_median=\([0-9.-]*\).*/\1/') (save → edited pages on show, $(echo "$line" | sed 's/.*previews=\([0-9]*\).*/\1/') of $edits edits; JVM CPU $(echo "$line" | sed 's/.*preview_cpu_median=\([0-9.-]*\).*/\1/') s) | – | – | – |")
  done
fi

echo
echo "| input | pages | bookbuild, s (median wall, CPU) | mystmd + xelatex, s | ratio | heap |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${table[@]}"
