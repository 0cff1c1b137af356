#!/usr/bin/env bash
# Renders pages of the built sample book as small PNG thumbnails for the README, so that the pictures there
# always come from a real build rather than from pasted screenshots.
#
#   scripts/readme-thumbnails.sh            # builds the book if out/ has no PDF, then renders the README pages
#   PAGES="1 5 17 40" scripts/readme-thumbnails.sh
#
# Needs pdftoppm (poppler-utils). Writes docs/thumbnails/page-NNN.png and removes thumbnails of pages not asked for.
set -euo pipefail
cd "$(dirname "$0")/.."
pdf="$(ls out/*.pdf 2>/dev/null | head -n 1 || true)"
if [ -z "$pdf" ]; then
  ./book build
  pdf="$(ls out/*.pdf | head -n 1)"
fi
command -v pdftoppm >/dev/null || { echo "readme-thumbnails: pdftoppm not found (install poppler-utils)" >&2; exit 2; }
# title, contents, the opening of chapter 1 and its next pages (figure, table, theorems), a page of chapter 2
pages="${PAGES:-1 3 17 18 19 22 23 33}"
dpi="${DPI:-40}"
out=docs/thumbnails
mkdir -p "$out"
rm -f "$out"/page-*.png
for p in $pages; do
  name="$(printf 'page-%03d' "$p")"
  pdftoppm -r "$dpi" -png -f "$p" -l "$p" -singlefile "$pdf" "$out/$name"
done
ls "$out"
