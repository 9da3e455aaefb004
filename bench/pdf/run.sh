#!/bin/sh
# bench/pdf/run.sh — export the seed plan with our writer (median of 100
# runs) and, in the same run, convert the same plan with LibreOffice;
# print times and file sizes side by side.
#
#   bench/pdf/run.sh [BUILD_DIR]      (default: _build-bench-pdf)
#
# Environment: RUNS (default 100), LO_RUNS (default 5), OUT (a directory
# for the PDFs, default a temporary one, kept and printed).
# Installs libreoffice-writer-nogui with apt-get when soffice is missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/_build-bench-pdf}
RUNS=${RUNS:-100}
LO_RUNS=${LO_RUNS:-5}
OUT=${OUT:-$(mktemp -d /tmp/kh-bench-pdf-XXXXXX)}
PLAN=$ROOT/tests/pdf/seed-plan.txt

mkdir -p "$OUT"

# Our writer, built optimised as the project builds it.
if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup "$BUILD" "$ROOT" --buildtype=debugoptimized >/dev/null
fi
ninja -C "$BUILD" src/core/libkehoach-core.a tests/pdf/libkh-test-pdf.a >/dev/null

PKGS="glib-2.0 gio-2.0 gobject-2.0 sqlite3 json-glib-1.0 fontconfig harfbuzz-subset cairo pangocairo"
# shellcheck disable=SC2046
cc -O2 -std=c11 -o "$OUT/kh-bench-pdf" "$ROOT/bench/pdf/kh-bench-pdf.c" \
  -I"$BUILD" -I"$ROOT/src/core" -I"$ROOT/src/core/pdf" -I"$ROOT/tests/pdf" \
  $(pkg-config --cflags $PKGS) \
  "$BUILD/tests/pdf/libkh-test-pdf.a" "$BUILD/src/core/libkehoach-core.a" \
  -lhpdf $(pkg-config --libs $PKGS) -lm

"$OUT/kh-bench-pdf" "$PLAN" "$OUT/kehoach.pdf" "$RUNS" > "$OUT/kehoach.txt"
ours_ms=$(sed -n 's/^median_ms=//p' "$OUT/kehoach.txt")
ours_first=$(sed -n 's/^first_ms=//p' "$OUT/kehoach.txt")
ours_bytes=$(sed -n 's/^bytes=//p' "$OUT/kehoach.txt")
ours_pages=$(pdfinfo "$OUT/kehoach.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')

# LibreOffice, on the same text laid out the same way.
if ! command -v soffice >/dev/null 2>&1; then
  echo "soffice missing: installing libreoffice-writer-nogui" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y --no-install-recommends libreoffice-writer-nogui >&2
fi

python3 "$ROOT/bench/pdf/plan-to-fodt.py" "$PLAN" > "$OUT/plan.fodt"
PROFILE="file://$OUT/lo-profile"
convert () {
  soffice -env:UserInstallation="$PROFILE" --headless --convert-to pdf \
    --outdir "$OUT" "$OUT/plan.fodt" >/dev/null 2>&1
}
convert   # first start: creates the profile, not timed

lo_times=""
i=0
while [ "$i" -lt "$LO_RUNS" ]; do
  start=$(date +%s%N)
  convert
  end=$(date +%s%N)
  lo_times="$lo_times $(( (end - start) / 1000 ))"
  i=$((i + 1))
done
lo_ms=$(echo "$lo_times" | tr ' ' '\n' | sed '/^$/d' | sort -n |
        awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }')
lo_bytes=$(stat -c %s "$OUT/plan.pdf")
lo_pages=$(pdfinfo "$OUT/plan.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')

echo "seed plan ($(grep -c '^[a-z0-9-]*: ' "$PLAN") blocks and recipients), PDFs in $OUT"
printf '%-28s %12s %10s %6s\n' "" "median ms" "bytes" "pages"
printf '%-28s %12s %10s %6s\n' "Kế Hoạch (libharu, $RUNS runs)" "$ours_ms" "$ours_bytes" "$ours_pages"
printf '%-28s %12s %10s %6s\n' "LibreOffice ($LO_RUNS runs)" "$lo_ms" "$lo_bytes" "$lo_pages"
echo "first export (loads the fonts): $ours_first ms"
awk -v a="$lo_ms" -v b="$ours_ms" -v x="$lo_bytes" -v y="$ours_bytes" 'BEGIN {
  printf "speed-up: %.0f× (goal ≥ 50×); size: %.2f of LibreOffice'"'"'s (goal ≤ 1)\n", a / b, y / x }'
