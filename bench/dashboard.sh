#!/usr/bin/env bash
# The dashboard on a large database: 10 plans (2015–2024), 50 tasks and
# 5,000 results a year. Generates the database once (in the build
# directory, or $1), then times the 2024 dashboard 100 times (or $2).
# Figures go in docs/performance.md, section "Dashboard".
set -euo pipefail
cd "$(dirname "$0")/.."
builddir="${KEHOACH_BUILDDIR:-_build}"
[ -d "$builddir" ] || meson setup "$builddir"
if ! log=$(ninja -C "$builddir" bench/kh-bench-generate bench/kh-bench-dashboard 2>&1); then
  echo "$log"
  exit 1
fi
db="${1:-$builddir/bench/dashboard.db}"
runs="${2:-100}"

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')," \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sqlite: $(pkg-config --modversion sqlite3)"
if [ ! -f "$db" ]; then
  "$builddir/bench/kh-bench-generate" "$db"
else
  echo "database: $db ($(du -k "$db" | cut -f1) KB), already generated"
fi
"$builddir/bench/kh-bench-dashboard" "$db" "$runs"
