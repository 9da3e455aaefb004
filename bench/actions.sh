#!/usr/bin/env bash
# bench/actions.sh — the work a clerk waits on, on the large database:
# core actions (plan PDF, yearly report, JSON export and import) and the
# window's pages (another plan, switching pages), N runs each (default 20),
# with the stall monitor watching the window; then the app itself on the
# large database with KEHOACH_DEBUG_STALLS=1. Runs under Xvfb.
#
#   bench/actions.sh [N]
#
# Environment: KEHOACH_BUILDDIR (default _build-startup, set up release),
# OUT (databases, default the build's bench/ directory), GSK_RENDERER.
# Figures go in docs/performance.md, section "Clerk actions".
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${KEHOACH_BUILDDIR:-$ROOT/_build-startup}
OUT=${OUT:-$BUILD/bench}
RUNS=${1:-20}

[ -f "$BUILD/build.ninja" ] || meson setup "$BUILD" "$ROOT" --buildtype=release >/dev/null
ninja -C "$BUILD" src/gui/kehoach src/cli/kehoach-cli data/gschemas.compiled \
  bench/kh-bench-generate bench/kh-bench-actions bench/kh-bench-mapwait >/dev/null
mkdir -p "$OUT"
[ -f "$OUT/demo.db" ] || "$BUILD/src/cli/kehoach-cli" --db "$OUT/demo.db" demo >/dev/null
[ -f "$OUT/large.db" ] || "$BUILD/bench/kh-bench-generate" "$OUT/large.db" >/dev/null

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')," \
     "load $(cut -d' ' -f1-3 /proc/loadavg); renderer ${GSK_RENDERER:-default}"
home=$(mktemp -d)
XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILD/data" GTK_A11Y=none NO_AT_BRIDGE=1 \
KEHOACH_TODAY=2024-11-15 \
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  "$BUILD/bench/kh-bench-actions" "$OUT/large.db" "$OUT/demo.db" "$RUNS" 2> "$OUT/actions-stalls.log"

# The app itself on the large database with the stall monitor on, from
# launch until 5 s after its first frame: what start-up leaves behind.
XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILD/data" GTK_A11Y=none NO_AT_BRIDGE=1 \
KEHOACH_DEBUG_STALLS=1 \
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  "$BUILD/bench/kh-bench-mapwait" --settle 5000 -- "$BUILD/src/gui/kehoach" --db "$OUT/large.db" \
  > /dev/null 2> "$OUT/startup-stalls.log" || true
echo "kehoach on the large database, KEHOACH_DEBUG_STALLS=1, 5 s after the first frame:" \
     "$(grep -c 'main loop stalled' "$OUT/startup-stalls.log" || true) stalls ($OUT/startup-stalls.log)"
rm -rf "$home"
echo "stall log: $OUT/actions-stalls.log ($(grep -c 'main loop stalled' "$OUT/actions-stalls.log" || true) stalls)"
