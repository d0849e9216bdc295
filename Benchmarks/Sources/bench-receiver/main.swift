// A loopback OTLP/HTTP receiver that only counts: the far end of the end-to-end and overload benchmarks, run in its
// own process so that its CPU is not charged to the producer.
//
//     bench-receiver <port> [reply delay in ms] [event loop threads]
//
// Prints `listening <port>` once bound; `GET /stats` returns {"requests","spans","bodyBytes","malformed"}.
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = CommandLine.arguments
let port = arguments.count > 1 ? Int(arguments[1]) ?? 0 : 0
let delayMilliseconds = arguments.count > 2 ? Int64(arguments[2]) ?? 0 : 0
let threads = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1

let statistics = ReceiverStatistics()
let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
let replyDelay = TimeAmount.milliseconds(delayMilliseconds)
let channel = try await ServerBootstrap(group: group)
    .serverChannelOption(.backlog, value: 256)
    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
    .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
            try channel.pipeline.syncOperations.addHandler(
                CountingHandler(statistics: statistics, replyDelay: replyDelay)
            )
        }
    }
    .bind(host: "127.0.0.1", port: port)
    .get()
print("listening \(channel.localAddress?.port ?? port)")
fflush(nil)
try await channel.closeFuture.get()
