#!/usr/bin/env bash
# bench/startup.sh — start-up time and memory of kehoach against GNOME Text
# Editor, measured the same way, in one run, under one Xvfb server.
#
#   bench/startup.sh [RUNS]        (default 10 runs of each)
#
# Environment: KEHOACH_BUILDDIR (default _build-startup, set up release),
# OUT (a directory for the databases and the raw figures, default a
# temporary one, kept and printed), GSK_RENDERER (passed to both apps:
# unset, each uses GTK's default — GL, Mesa's llvmpipe under Xvfb).
#
# For each run, in turn: kehoach on the demo database, gnome-text-editor
# (--standalone: its own process, no session restored), kehoach on the
# large generated database (10 years × 50 tasks × 5,000 results). Each
# start has fresh XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME, the
# same environment (GSettings in memory, no accessibility bus), and is
# measured from outside by kh-bench-mapwait: launch → first toplevel
# mapped, → first frame drawn in it, then VmRSS and Pss 2 s after.
# One untimed start of each comes first: it warms the disk cache, and
# kehoach's daily backup of each database is written then (the first start
# of a day copies the database, in a worker thread), not in a timed run.
#
# Installs what it needs with apt-get when missing. Figures go in
# docs/performance.md, section "Start-up and memory".
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)

if [ "${1:-}" = "--inner" ]; then
  shift
  BUILD=$1 OUT=$2 RUNS=$3
  export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$BUILD/data"
  export GTK_A11Y=none NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 GTK_USE_PORTAL=0
  mapwait="$BUILD/bench/kh-bench-mapwait"

  start () {   # label command…
    local label=$1 home
    shift
    home=$(mktemp -d "$OUT/home-XXXXXX")
    line=$(XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
           "$mapwait" -- "$@" 2>>"$OUT/stderr.log") || line="failed"
    rm -rf "$home"
    echo "$label $line"
  }

  kehoach_demo () { start kehoach-demo "$BUILD/src/gui/kehoach" --db "$OUT/demo.db"; }
  kehoach_large () { start kehoach-large "$BUILD/src/gui/kehoach" --db "$OUT/large.db"; }
  text_editor () { start gnome-text-editor gnome-text-editor --standalone; }

  # Untimed: the disk cache, and kehoach's first-start-of-the-day backup.
  kehoach_demo >/dev/null
  text_editor >/dev/null
  kehoach_large >/dev/null

  for i in $(seq "$RUNS"); do
    kehoach_demo
    text_editor
    kehoach_large
  done
  exit 0
fi

RUNS=${1:-10}
BUILD=${KEHOACH_BUILDDIR:-$ROOT/_build-startup}
OUT=${OUT:-$(mktemp -d /tmp/kh-bench-startup-XXXXXX)}
mkdir -p "$OUT"

# What the run needs, from Debian.
need=()
command -v gnome-text-editor >/dev/null || need+=(gnome-text-editor)
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v dbus-run-session >/dev/null || need+=(dbus)
pkg-config --exists x11 xdamage || need+=(libx11-dev libxdamage-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y --no-install-recommends "${need[@]}" >&2
fi

[ -f "$BUILD/build.ninja" ] || meson setup "$BUILD" "$ROOT" --buildtype=release >/dev/null
ninja -C "$BUILD" src/gui/kehoach src/cli/kehoach-cli data/gschemas.compiled \
  bench/kh-bench-generate bench/kh-bench-mapwait >/dev/null

[ -f "$OUT/demo.db" ] || "$BUILD/src/cli/kehoach-cli" --db "$OUT/demo.db" demo >/dev/null
[ -f "$OUT/large.db" ] || "$BUILD/bench/kh-bench-generate" "$OUT/large.db" >/dev/null

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')," \
     "$(free -m | awk '/^Mem:/ { print $2 " MB" }'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "gnome-text-editor $(dpkg-query -W -f '${Version}' gnome-text-editor 2>/dev/null)," \
     "GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1)," \
     "renderer ${GSK_RENDERER:-default}"
echo "demo $(du -k "$OUT/demo.db" | cut -f1) KB, large $(du -k "$OUT/large.db" | cut -f1) KB; $RUNS runs each"

xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  bash "$0" --inner "$BUILD" "$OUT" "$RUNS" > "$OUT/runs.txt" 2>>"$OUT/stderr.log"

python3 - "$OUT/runs.txt" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, *fields = line.split()
    values = dict(f.split("=") for f in fields if "=" in f)
    if values:
        runs.setdefault(label, []).append({k: float(v) for k, v in values.items()})
def cell(rows, key, scale=1.0):
    v = sorted(r[key] / scale for r in rows)
    q = statistics.quantiles(v, n=4) if len(v) > 1 else [v[0]] * 3
    return f"{statistics.median(v):.0f} ({q[0]:.0f}–{q[2]:.0f}; {v[0]:.0f}–{v[-1]:.0f})"
print("\nmedian (interquartile range; min–max)\n")
print("| app, database | runs | first window drawn, ms | mapped, ms | RSS 2 s after, MB | PSS, MB |")
print("|---|---|---|---|---|---|")
for label in ("kehoach-demo", "gnome-text-editor", "kehoach-large"):
    rows = runs.get(label, [])
    if rows:
        print(f"| {label} | {len(rows)} | {cell(rows, 'paint_ms')} | {cell(rows, 'map_ms')} "
              f"| {cell(rows, 'rss_kb', 1024)} | {cell(rows, 'pss_kb', 1024)} |")
EOF
grep -c failed "$OUT/runs.txt" >/dev/null && echo "failed starts: $(grep -c failed "$OUT/runs.txt")"
echo "raw figures: $OUT/runs.txt"
