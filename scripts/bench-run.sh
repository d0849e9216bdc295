#!/usr/bin/env bash
# The whole benchmark suite (`make bench`): machine description, package-benchmark suites (time, mallocs),
# callgrind instruction counts, encoding, end to end and overload. Prints everything and keeps a copy in
# Benchmarks/results/<UTC time>.txt. Not part of `make test`. Takes about 12 minutes after the first build.
#
#   scripts/bench-run.sh            everything
#   QUICK=1 scripts/bench-run.sh    10 s overload runs instead of 30 s
#   REPEATS=1 scripts/bench-run.sh  each end-to-end run once instead of 3 times
set -uo pipefail
cd "$(dirname "$0")/../Benchmarks"
mkdir -p results
RESULTS="results/$(date -u +%Y-%m-%dT%H%M%SZ).txt"
exec > >(tee "$RESULTS") 2>&1
OVERLOAD_SECONDS=30
[ -n "${QUICK:-}" ] && OVERLOAD_SECONDS=10

section() { echo; echo "### $1    [$(date -u +%H:%M:%S) load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)]"; }

section "Machine"
echo "nproc: $(nproc 2>/dev/null || sysctl -n hw.ncpu)"
grep -m1 'model name' /proc/cpuinfo 2>/dev/null || sysctl -n machdep.cpu.brand_string 2>/dev/null
grep -m1 MemTotal /proc/meminfo 2>/dev/null
swift --version 2>&1 | head -1
git -C .. log -1 --format='commit %H %s'

section "Build (release)"
swift build -c release 2>&1 | grep -E "error|warning: .*Benchmarks/|Compiling|Build complete" | tail -3
BIN=$(swift build -c release --show-bin-path)

section "package-benchmark: hot path and unsampled path (per span: * columns are per 1,000-span sample / 1,000)"
swift package --allow-writing-to-package-directory benchmark --target HotPath --no-progress 2>&1 \
    | grep -v "^Build\|^Building\|^\[" 

section "callgrind: instructions and heap allocations per span (exact, load-independent)"
SKIP_BUILD=1 PROBE="$BIN/bench-probe" PROFILE=1 TOP=25 ../scripts/bench-callgrind.sh

section "callgrind: encoder (512-span batch) and whole producer process (paced 5,000 spans/s for 4 s), per span"
CG=.build/callgrind
mkdir -p "$CG"
for tool in bench-encode bench-e2e bench-receiver; do cp "$BIN/$tool" "$CG/$tool" && strip --strip-debug "$CG/$tool"; done
valgrind --tool=callgrind --toggle-collect='*OTLPSpanEncoder*E6encodeyys10ArraySlice*SpanVGF' --callgrind-out-file="$CG/encode.out" \
    "$CG/bench-encode" 512 1 protobuf >/dev/null 2>&1
# bench-encode encodes the batch once before its round, then 195 times: 196 × 512 spans.
echo "protobuf encode: $(callgrind_annotate "$CG/encode.out" 2>/dev/null | awk '/PROGRAM TOTALS/ && !d { gsub(",", "", $1); printf "%.0f", $1 / (196 * 512); d = 1 }') instructions/span"
callgrind_annotate --inclusive=yes "$CG/encode.out" 2>/dev/null | sed -n '/^Ir/,$p' | sed -n '6,30p' | swift-demangle --simplified | cut -c1-200
valgrind --tool=callgrind --callgrind-out-file="$CG/e2e.out" "$CG/bench-e2e" mode=paced producers=1 seconds=4 rate=5000 \
    2>/dev/null | grep -E "accounting"
echo "whole producer process, inclusive instructions (divide by the spans in the accounting line):"
callgrind_annotate --inclusive=yes "$CG/e2e.out" 2>/dev/null | sed -n '/^Ir/,$p' | swift-demangle --simplified \
    | grep -E "PROGRAM TOTALS|HotPathWorkload.run|OTLPHTTPSpanExporter.export\(|OTLPSpanEncoder.encode|destroy for OTelFinishedSpan|consume of ExportWorker.Step|ExportWorker.enqueue|SelectableEventLoop.run\(\)|HTTPClient.execute\(" \
    | cut -c1-160

section "bench-probe: wall-clock ns/span, 11 rounds of 100,000 spans (producer thread; batch worker concurrent)"
for scenario in noop shim-sampled otel-sampled shim-always-off shim-parent-not-sampled otel-always-off otel-parent-not-sampled; do
    "$BIN/bench-probe" "$scenario" 100000 11 2>/dev/null
done

section "Encoding: OTLP protobuf / JSON, memcpy floor, gzip (21 rounds of ~100,000 spans)"
"$BIN/bench-encode" 8 21
"$BIN/bench-encode" 512 21

REPEATS=${REPEATS:-3}
e2e() {  # title, then bench-e2e arguments; repeated $REPEATS times for min/median/max
    local title=$1; shift
    for run in $(seq 1 "$REPEATS"); do
        section "$title (run $run of $REPEATS)"
        "$BIN/bench-e2e" "$@" 2>/dev/null | grep -v "^  per second:"
    done
}
e2e "End to end, flat out: 1 producer, 10 s" mode=flood producers=1 seconds=10
e2e "End to end, flat out: 2 producers, 10 s" mode=flood producers=2 seconds=10
e2e "End to end, flat out with gzip: 1 producer, 10 s" mode=flood producers=1 seconds=10 exporter=otlp-gzip
e2e "End to end, paced below capacity: ${PACED_RATE:=100000} spans/s, 2 producers, 10 s" \
    mode=paced producers=2 seconds=10 rate="$PACED_RATE"
e2e "End to end, paced: $PACED_RATE spans/s, 2 producers, 10 s, queue 16384" \
    mode=paced producers=2 seconds=10 rate="$PACED_RATE" queue=16384

section "Overload: collector down (connection refused), 2 producers flat out, $OVERLOAD_SECONDS s"
"$BIN/bench-e2e" mode=refused producers=2 seconds="$OVERLOAD_SECONDS" 2>/dev/null
section "Overload: collector slow (replies after 2 s), 2 producers flat out, $OVERLOAD_SECONDS s"
"$BIN/bench-e2e" mode=slow producers=2 seconds="$OVERLOAD_SECONDS" delay=2000 2>/dev/null

section "Done; results in Benchmarks/$RESULTS"
