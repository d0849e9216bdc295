// End to end and overload: producer threads run the hot-path workload through the shim → batch span processor →
// OTLP/HTTP exporter → a counting receiver in another process on loopback.
//
//     bench-e2e mode=flood|paced|refused|slow producers=1 seconds=10 [rate=300000] [delay=2000]
//               [exporter=otlp|otlp-gzip] [queue=2048] [batch=512]
//
// flood:   producers flat out; delivered spans/s, drops, CPU-s per million delivered spans, peak RSS, bytes/span.
// paced:   producers offer `rate` spans/s in total; there must be no drops below capacity.
// refused: nothing listens on the endpoint (connection refused). slow: the receiver replies after `delay` ms.
// Every run checks the accounting: offered = delivered + dropped (queue drops + spans of failed exports).
import BenchSupport
import OTShim
import OTelModel
import OpenTracing
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

var options: [String: String] = [:]
for argument in CommandLine.arguments.dropFirst() {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    if parts.count == 2 { options[parts[0]] = parts[1] }
}
let mode = options["mode"] ?? "flood"
let producerCount = Int(options["producers"] ?? "1") ?? 1
let seconds = Int(options["seconds"] ?? "10") ?? 10
let offeredRate = Double(options["rate"] ?? "300000") ?? 300_000
let replyDelay = Int(options["delay"] ?? "2000") ?? 2000
let exporterKind = options["exporter"] ?? "otlp"
let maxQueueSize = Int(options["queue"] ?? "2048") ?? 2048
let maxExportBatchSize = Int(options["batch"] ?? "512") ?? 512
let shutdownLimit = Double(options["shutdown-limit"] ?? "60") ?? 60

// MARK: - Collector

let receiver: ReceiverProcess?
let port: Int
switch mode {
case "refused":
    receiver = nil
    port = try LoopbackHTTP.closedPort()
case "slow":
    receiver = try ReceiverProcess(replyDelayMilliseconds: replyDelay)
    port = receiver!.port
default:
    receiver = try ReceiverProcess(replyDelayMilliseconds: 0)
    port = receiver!.port
}
let endpoint = "http://127.0.0.1:\(port)/v1/traces"

// MARK: - Pipeline

let counting = CountingSpanExporter(wrapping: try makeExporter(kind: exporterKind, endpoint: endpoint))
let processor = OTelBatchSpanProcessor(
    exporter: counting,
    configuration: OTelBatchSpanProcessorConfiguration(maxQueueSize: maxQueueSize, maxExportBatchSize: maxExportBatchSize)
)
let provider = OTelTracerProvider(
    resource: OTelResource(attributes: ["service.name": .string("bench-e2e")]),
    processors: [processor]
)
let shim = OpenTracingShim.makeTracer(provider: provider)

// MARK: - Producers

final class ProducerCounters: Sendable {
    let spans = Atomic<Int>(0)
    let busyNanoseconds = Atomic<Int>(0)
    let stop = Atomic<Bool>(false)
}
let counters = ProducerCounters()
let chunk = 100

@Sendable func nanosecondsNow() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
}

let cpuAtStart = ProcessStatistics.cpuSeconds
let startNanoseconds = nanosecondsNow()
let perProducerRate = offeredRate / Double(producerCount)
let threads = (0..<producerCount).map { _ in
    ProducerThread { [shim] in
        let parent = shim.startActiveSpan("producer")
        var produced = 0
        while !counters.stop.load(ordering: .relaxed) {
            let before = nanosecondsNow()
            for _ in 0..<chunk { HotPathWorkload.run(shim) }
            let after = nanosecondsNow()
            produced += chunk
            counters.spans.add(chunk, ordering: .relaxed)
            counters.busyNanoseconds.add(after - before, ordering: .relaxed)
            if mode == "paced" {
                let due = startNanoseconds + Int(Double(produced) / perProducerRate * 1e9)
                let ahead = due - nanosecondsNow()
                if ahead > 0 {
                    var pause = timespec(tv_sec: ahead / 1_000_000_000, tv_nsec: ahead % 1_000_000_000)
                    nanosleep(&pause, nil)
                }
            }
        }
        parent.close()
    }
}

// Once a second: spans offered, producer ns/span in that second, resident memory.
struct Sample {
    var second: Int
    var spans: Int
    var nanosecondsPerSpan: Double
    var residentMiB: Double
}
var samples: [Sample] = []
var lastSpans = 0
var lastBusy = 0
for second in 1...seconds {
    var pause = timespec(tv_sec: 1, tv_nsec: 0)
    nanosleep(&pause, nil)
    let spans = counters.spans.load(ordering: .relaxed)
    let busy = counters.busyNanoseconds.load(ordering: .relaxed)
    let delta = spans - lastSpans
    samples.append(
        Sample(
            second: second,
            spans: delta,
            nanosecondsPerSpan: delta > 0 ? Double(busy - lastBusy) / Double(delta) : 0,
            residentMiB: Double(ProcessStatistics.residentBytes) / 1_048_576
        )
    )
    lastSpans = spans
    lastBusy = busy
}
counters.stop.store(true, ordering: .relaxed)
for thread in threads { thread.join() }
let producingSeconds = Double(nanosecondsNow() - startNanoseconds) / 1e9
// Each producer's parent span ("producer") is exported too.
let offered = counters.spans.load(ordering: .relaxed) + producerCount
let deliveredDuringWindow = (try? receiver?.statistics())??.spans ?? 0
let droppedDuringWindow = processor.droppedSpanCount

// MARK: - Drain (bounded)

let shutdownStart = nanosecondsNow()
let finished = Atomic<Bool>(false)
let shutdownThread = ProducerThread {
    blockingWait { await shim.close() }
    finished.store(true, ordering: .releasing)
}
while !finished.load(ordering: .acquiring), Double(nanosecondsNow() - shutdownStart) / 1e9 < shutdownLimit {
    var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
    nanosleep(&pause, nil)
}
let shutdownSeconds = Double(nanosecondsNow() - shutdownStart) / 1e9
let drained = finished.load(ordering: .acquiring)
let cpuSeconds = ProcessStatistics.cpuSeconds - cpuAtStart
let peakMiB = Double(ProcessStatistics.peakResidentBytes) / 1_048_576
let received = (try? receiver?.statistics()) ?? nil
receiver?.stop()

// MARK: - Report

let queueDrops = processor.droppedSpanCount
let handed = counting.handedSpanCount
let succeeded = counting.succeededSpanCount
let failed = counting.failedSpanCount
let delivered = received?.spans ?? 0
let inFlight = offered - queueDrops - handed
/// `digits` decimal places, without Foundation.
func f(_ value: Double, _ digits: Int = 1) -> String {
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((abs(value) * Double(scale)).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return "\(sign)\(scaled)" }
    let fraction = String(scaled % scale)
    return "\(sign)\(scaled / scale)." + String(repeating: "0", count: digits - fraction.count) + fraction
}
let latencies = samples.map(\.nanosecondsPerSpan).filter { $0 > 0 }.sorted()
let firstLatency = samples.prefix(max(1, seconds / 5)).map(\.nanosecondsPerSpan)
let lastLatency = samples.suffix(max(1, seconds / 5)).map(\.nanosecondsPerSpan)
func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
let rss = samples.map(\.residentMiB)

print("mode=\(mode) producers=\(producerCount) seconds=\(seconds) exporter=\(exporterKind) queue=\(maxQueueSize) batch=\(maxExportBatchSize)" + (mode == "paced" ? " rate=\(Int(offeredRate))" : "") + (mode == "slow" ? " delay=\(replyDelay)ms" : ""))
print("  offered \(offered) spans (\(f(Double(offered) / producingSeconds, 0))/s)")
print("  delivered during the window \(deliveredDuringWindow) (\(f(Double(deliveredDuringWindow) / producingSeconds, 0)) spans/s), dropped during the window \(droppedDuringWindow)")
print("  after drain (\(drained ? "finished" : "NOT finished") in \(f(shutdownSeconds, 2)) s): delivered \(delivered), queue drops \(queueDrops), failed-export spans \(failed) (\(counting.failedExportCount) exports), still in flight \(inFlight)")
print("  accounting: offered \(offered) = exported \(succeeded) + queue drops \(queueDrops) + failed \(failed) + in flight \(inFlight) -> \(offered == succeeded + queueDrops + failed + inFlight ? "exact" : "MISMATCH"); receiver counted \(delivered) vs exporter succeeded \(succeeded) -> \(delivered == succeeded || receiver == nil ? "equal" : "DIFFERENT")")
print("  CPU \(f(cpuSeconds, 2)) s = \(delivered > 0 ? f(cpuSeconds / Double(delivered) * 1e6, 2) : "n/a") CPU-s per million delivered; \(f(cpuSeconds / Double(max(offered, 1)) * 1e6, 2)) CPU-s per million offered")
print("  peak RSS \(f(peakMiB)) MiB; RSS per second (MiB): \(rss.map { f($0, 0) }.joined(separator: " "))")
print("  producer ns/span per second: min \(f(latencies.first ?? 0)) median \(f(latencies.isEmpty ? 0 : latencies[latencies.count / 2])) max \(f(latencies.last ?? 0)); first fifth \(f(mean(firstLatency))) vs last fifth \(f(mean(lastLatency)))")
if let received, received.spans > 0 {
    print("  bytes/span on the wire \(f(Double(received.bodyBytes) / Double(received.spans))) (\(received.requests) requests, \(received.malformed) malformed)")
}
print("  per second: " + samples.map { "\($0.second)s:\($0.spans)@\(f($0.nanosecondsPerSpan, 0))ns" }.joined(separator: " "))
