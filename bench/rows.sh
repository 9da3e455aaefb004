#!/usr/bin/env bash
# bench/rows.sh — laying out 50 rows with long titles: AdwActionRow against
# KhListRow, RUNS times each, alternating, under Xvfb with the renderer
# given (GSK_RENDERER, default cairo). Figures in docs/performance.md.
#
#   bench/rows.sh [RUNS]
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${KEHOACH_BUILDDIR:-$ROOT/_build-startup}
RUNS=${1:-10}

[ -f "$BUILD/build.ninja" ] || meson setup "$BUILD" "$ROOT" --buildtype=release >/dev/null
ninja -C "$BUILD" bench/kh-bench-rows >/dev/null

export GSK_RENDERER=${GSK_RENDERER:-cairo} GTK_A11Y=none NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
xvfb-run -a -s "-screen 0 1280x1024x24" bash -c "
  for i in \$(seq $RUNS); do
    '$BUILD/bench/kh-bench-rows' adw
    '$BUILD/bench/kh-bench-rows' kh
  done" | python3 -c '
import re, statistics, sys
runs = {}
for line in sys.stdin:
    m = re.match(r"(\w+), (\d+) rows: ([\d.]+) ms", line)
    if m:
        runs.setdefault(m.group(1), []).append(float(m.group(3)))
for kind, values in runs.items():
    values.sort()
    print(f"{kind}: median {statistics.median(values):.1f} ms of CPU (min {values[0]:.1f}, max {values[-1]:.1f}, {len(values)} runs)")
'
