#!/usr/bin/env bash
# Times what `book watch` redoes before the render for every edit, warm: parse (from the page memo), the transforms
# (from the transform memo) and the FO (from the chapter memo), RUNS times in one JVM, each run after a paragraph was
# added to EDIT (a page of the project; default chapters/03-projections.md when the project has it, else no edit), and
# prints the median of the second half per stage (thread CPU, ms; transforms of 3 ms or more by name). For work on
# what the watch's preview waits for: a machine's load moves these far less than it moves a whole watch edit.
#   [EDIT=page] bench/transforms.sh [PROJECT_DIR] [RUNS]  (default: a ~300-page book made by bench/genbook.py, 40 runs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${2:-40}"
project="${1:-}"
if [ -z "$project" ]; then
  project="$(mktemp -d)/gen300"
  python3 "$here/bench/genbook.py" "$here" "$project" 3 >/dev/null
fi
. "$here/bench/harness.sh"
edit="${EDIT-}"
if [ -z "${EDIT+set}" ] && [ -f "$project/chapters/03-projections.md" ]; then edit=chapters/03-projections.md; fi
echo "transforms.sh: $project, $runs runs${edit:+, a paragraph added to $edit before each}" >&2
harness_run TransformsBench -XX:+UseG1GC -Xss8m -Djava.awt.headless=true "$project" "$runs" "$edit"
