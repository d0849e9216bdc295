#!/usr/bin/env bash
# Instruction counts per span (valgrind --tool=callgrind, collecting only inside the workload function) and heap
# allocations per span (valgrind memcheck's "total heap usage", difference of two run lengths, whole process).
# Both are exact and repeatable whatever else runs on the machine.
#
#   scripts/bench-callgrind.sh [scenario ...]      (default: every hot-path scenario)
#   SPANS=20000 TOP=15 scripts/bench-callgrind.sh shim-sampled
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
SPANS=${SPANS:-20000}
TOP=${TOP:-12}
OUT=${OUT:-.build/callgrind}
mkdir -p "$OUT"
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product bench-probe >/dev/null
PROBE=${PROBE:-.build/release/bench-probe}
# valgrind 3.19 cannot read the DWARF 5 of these binaries: profile a copy without debug info (symbols stay).
cp "$PROBE" "$OUT/bench-probe" && strip --strip-debug "$OUT/bench-probe" && PROBE="$OUT/bench-probe"
scenarios=("$@")
if [ ${#scenarios[@]} -eq 0 ]; then
    scenarios=(noop shim-sampled otel-sampled shim-always-off shim-parent-not-sampled otel-always-off otel-parent-not-sampled)
fi
printf '%-26s %14s %14s\n' scenario "instr/span" "allocs/span"
for scenario in "${scenarios[@]}"; do
    file="$OUT/$scenario.out"
    valgrind --tool=callgrind --toggle-collect='*HotPathWorkloadO3run*' --callgrind-out-file="$file" \
        "$PROBE" "$scenario" "$SPANS" 1 >/dev/null 2>&1
    total=$(callgrind_annotate "$file" 2>/dev/null | awk '/PROGRAM TOTALS/ && !done { gsub(",", "", $1); print $1; done = 1 }')
    allocs() {
        valgrind --tool=memcheck --leak-check=no "$PROBE" "$scenario" "$1" 1 2>&1 \
            | awk '/total heap usage/ { gsub(",", "", $5); print $5 }'
    }
    small=$(allocs 1000)
    large=$(allocs $((1000 + SPANS)))
    printf '%-26s %14.0f %14.2f\n' "$scenario" "$(echo "$total / $SPANS" | bc -l)" "$(echo "($large - $small) / $SPANS" | bc -l)"
done
if [ -n "${PROFILE:-}" ]; then
    for scenario in "${scenarios[@]}"; do
        echo
        echo "== $scenario: top $TOP symbols, inclusive instructions (whole run of $SPANS spans)"
        callgrind_annotate --inclusive=yes "$OUT/$scenario.out" 2>/dev/null | sed -n '/^Ir/,$p' | sed -n "3,$((TOP + 2))p" | cut -c1-240 \
            | { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else cat; fi; }
    done
fi
