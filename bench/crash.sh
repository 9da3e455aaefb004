#!/usr/bin/env bash
# Kills the crash writer 1,000 times (or $1) and checks every committed
# edit survived. Figures go in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
builddir="${KEHOACH_BUILDDIR:-_build}"
[ -d "$builddir" ] || meson setup "$builddir"
ninja -C "$builddir" tests/crash/test-crash tests/crash/kh-crash-writer
kills="${1:-1000}"
start=$(date +%s.%N)
KH_CRASH_KILLS="$kills" KH_CRASH_WRITER="$builddir/tests/crash/kh-crash-writer" \
  "$builddir/tests/crash/test-crash" --verbose | grep -E "kills survived|^ok|^not ok"
end=$(date +%s.%N)
printf 'elapsed: %.1f s\n' "$(echo "$end - $start" | bc)"
