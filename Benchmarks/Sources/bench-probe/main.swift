// Runs one workload a fixed number of times, for `valgrind --tool=callgrind` (instruction counts that other work on
// the machine cannot disturb) and for quick timings: min/median/max ns per span over several rounds.
//
//     bench-probe <scenario> [spans per round] [rounds]
//
// Under callgrind, collect only the workload: `--toggle-collect='*HotPathWorkload*run*'`.
import BenchSupport
import OTelModel
import OpenTracing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let scenarios = [
    "shim-sampled", "otel-sampled", "noop",
    "shim-always-off", "shim-parent-not-sampled", "otel-always-off", "otel-parent-not-sampled",
]

let arguments = CommandLine.arguments
guard arguments.count >= 2, scenarios.contains(arguments[1]) else {
    print("usage: bench-probe <\(scenarios.joined(separator: "|"))> [spans per round] [rounds]")
    exit(2)
}
let scenario = arguments[1]
let spansPerRound = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 11 : 11

let sampling: BenchPipeline.Sampling =
    scenario.hasSuffix("always-off") ? .alwaysOff : scenario.hasSuffix("parent-not-sampled") ? .parentNotSampled : .sampled
let pipeline = BenchPipeline(sampling: sampling)

func runRound() {
    switch scenario {
    case "noop":
        let tracer: any OpenTracing.Tracer = NoopTracer.shared
        let scope = tracer.startActiveSpan("parent")
        for _ in 0..<spansPerRound { HotPathWorkload.run(tracer) }
        scope.close()
    case let name where name.hasPrefix("shim"):
        let tracer = pipeline.shim
        pipeline.withActiveParent(sampling: sampling) {
            for _ in 0..<spansPerRound { HotPathWorkload.run(tracer) }
        }
    default:
        let tracer = pipeline.otelTracer
        pipeline.withActiveParent(sampling: sampling) {
            for _ in 0..<spansPerRound { HotPathWorkload.run(tracer) }
        }
    }
}

let clock = ContinuousClock()
var nanosecondsPerSpan: [Double] = []
for _ in 0..<rounds {
    let elapsed = clock.measure { runRound() }
    let (seconds, attoseconds) = elapsed.components
    let nanoseconds = Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    nanosecondsPerSpan.append(nanoseconds / Double(spansPerRound))
}
nanosecondsPerSpan.sort()
let dropped = pipeline.processor.droppedSpanCount
blockingWait { await pipeline.shutdown() }
let exported = pipeline.exporter.exportedSpanCount
func format(_ value: Double) -> String { "\(Double(Int((value * 10).rounded())) / 10)" }
print(
    "\(scenario): ns/span min \(format(nanosecondsPerSpan.first ?? 0)) median \(format(nanosecondsPerSpan[nanosecondsPerSpan.count / 2])) max \(format(nanosecondsPerSpan.last ?? 0))"
        + " | spans \(spansPerRound * rounds) exported \(exported) dropped \(dropped)"
)
