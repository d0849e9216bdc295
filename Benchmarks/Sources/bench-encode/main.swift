// Encoding cost per span: OTLP protobuf and OTLP/JSON (the exporter library's encoders, reused between batches as
// the exporter reuses them), memcpy of the same protobuf bytes (the floor), and gzip of them (compress-nio).
//
//     bench-encode [spans per batch: 8|512|…] [rounds] [scenario: all|protobuf|json|memcpy|gzip]
//
// Prints min/median/max ns/span over `rounds` rounds of ~100,000 spans each, MB/s of output, and bytes/span.
// The encoders are `package` API of OTLPExporter: this target is compiled with `-disable-access-control`
// (see Benchmarks/Package.swift), so it measures exactly the code the exporter runs.
import BenchSupport
import CompressNIO
import NIOCore
import OTLPExporter
import OTelModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = CommandLine.arguments
let batchSize = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 512) : 512
let rounds = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 21) : 21
let only = arguments.count > 3 ? arguments[3] : "all"
let batch = SpanBatchFactory.makeBatch(count: batchSize)
let batchesPerRound = max(1, 100_000 / batchSize)
let clock = ContinuousClock()

struct Figures {
    var nanosecondsPerSpan: [Double] = []
    var bytesPerBatch = 0

    mutating func add(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = Double(seconds) * 1e9 + Double(attoseconds) / 1e9
        nanosecondsPerSpan.append(nanoseconds / Double(batchesPerRound * batchSize))
    }

    func line(_ name: String) -> String {
        let sorted = nanosecondsPerSpan.sorted()
        let median = sorted[sorted.count / 2]
        let bytesPerSpan = Double(bytesPerBatch) / Double(batchSize)
        // MB/s of output at the median: bytes per span / ns per span = GB/s; × 1000 = MB/s.
        let megabytesPerSecond = bytesPerSpan / median * 1000
        return "\(name) batch=\(batchSize): ns/span min \(f(sorted[0])) median \(f(median)) max \(f(sorted[sorted.count - 1]))"
            + " | MB/s (median) \(f(megabytesPerSecond)) | bytes/span \(f(bytesPerSpan)) | rounds \(rounds) × \(batchesPerRound * batchSize) spans"
    }
}

/// One decimal place, without Foundation.
func f(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
}

@inline(never)
func blackHole(_ value: Int) {
    if value == -1 { print("unreachable") }
}

var protobufEncoder = OTLPProtobufEncoder()
protobufEncoder.encode(batch)
let protobufBytes = protobufEncoder.encodedBytes

if only == "all" || only == "protobuf" {
    var figures = Figures(bytesPerBatch: protobufBytes.count)
    for _ in 0..<rounds {
        figures.add(clock.measure {
            for _ in 0..<batchesPerRound {
                protobufEncoder.encode(batch)
                blackHole(protobufEncoder.encodedByteCount)
            }
        })
    }
    print(figures.line("protobuf"))
}

if only == "all" || only == "json" {
    var jsonEncoder = OTLPJSONEncoder()
    jsonEncoder.encode(batch)
    var figures = Figures(bytesPerBatch: jsonEncoder.encodedByteCount)
    for _ in 0..<rounds {
        figures.add(clock.measure {
            for _ in 0..<batchesPerRound {
                jsonEncoder.encode(batch)
                blackHole(jsonEncoder.encodedByteCount)
            }
        })
    }
    print(figures.line("json"))
}

if only == "all" || only == "memcpy" {
    let destination = UnsafeMutableRawPointer.allocate(byteCount: protobufBytes.count, alignment: 16)
    defer { destination.deallocate() }
    var figures = Figures(bytesPerBatch: protobufBytes.count)
    protobufBytes.withUnsafeBytes { source in
        for _ in 0..<rounds {
            figures.add(clock.measure {
                for _ in 0..<batchesPerRound {
                    memcpy(destination, source.baseAddress!, source.count)
                    blackHole(Int(destination.load(fromByteOffset: source.count / 2, as: UInt8.self)))
                }
            })
        }
    }
    print(figures.line("memcpy (floor)"))
}

if only == "all" || only == "gzip" {
    var input = ByteBuffer(bytes: protobufBytes)
    var output = ByteBufferAllocator().buffer(capacity: protobufBytes.count + 1024)
    input.moveReaderIndex(to: 0)
    try input.compress(to: &output, with: CompressionAlgorithm.gzip())
    var figures = Figures(bytesPerBatch: output.readableBytes)
    // Fewer batches per round: gzip is two orders of magnitude slower than encoding.
    let gzipRounds = max(3, rounds / 3)
    figures.nanosecondsPerSpan.reserveCapacity(gzipRounds)
    for _ in 0..<gzipRounds {
        let elapsed = try clock.measure {
            for _ in 0..<max(1, batchesPerRound / 10) {
                input.moveReaderIndex(to: 0)
                output.clear()
                try input.compress(to: &output, with: CompressionAlgorithm.gzip())
                blackHole(output.readableBytes)
            }
        }
        let (seconds, attoseconds) = elapsed.components
        let nanoseconds = Double(seconds) * 1e9 + Double(attoseconds) / 1e9
        figures.nanosecondsPerSpan.append(nanoseconds / Double(max(1, batchesPerRound / 10) * batchSize))
    }
    let ratio = Double(protobufBytes.count) / Double(output.readableBytes)
    print(figures.line("gzip of protobuf") + " | compression ratio \(f(ratio))")
}
