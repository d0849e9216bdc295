import AsyncHTTPClient
import CompressNIO
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import OTLPExporter

/// The events a receiver reported, in order.
final class ReceiverEventLog: Sendable {
    private let events = NIOLockedValueBox<[OTLPReceiver.Event]>([])

    func append(_ event: OTLPReceiver.Event) {
        events.withLockedValue { $0.append(event) }
    }

    var received: [OTLPReceiver.ReceivedRequest] {
        events.withLockedValue { events in
            events.compactMap { if case .received(let request) = $0 { request } else { nil } }
        }
    }

    var rejected: [OTLPReceiver.Rejection] {
        events.withLockedValue { events in
            events.compactMap { if case .rejected(let rejection) = $0 { rejection } else { nil } }
        }
    }
}

/// An HTTP answer as the tests look at it.
struct ReceiverAnswer {
    var status: Int
    var contentType: String?
    var body: [UInt8]
    var headers: [(String, String)]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

enum ReceiverHarness {
    /// Runs `body` with a receiver on a free loopback port, then shuts it down and waits for `run()` to return.
    static func withReceiver<Result: Sendable>(
        _ configuration: OTLPReceiver.Configuration = OTLPReceiver.Configuration(port: 0),
        _ body: (OTLPReceiver, ReceiverEventLog) async throws -> Result
    ) async throws -> Result {
        let log = ReceiverEventLog()
        let receiver = try await OTLPReceiver.bind(configuration: configuration) { event in
            log.append(event)
        }
        let running = Task { try await receiver.run() }
        do {
            let result = try await body(receiver, log)
            receiver.shutdown()
            try await running.value
            return result
        } catch {
            receiver.shutdown()
            _ = try? await running.value
            throw error
        }
    }

    /// Sends one request with AsyncHTTPClient and collects the answer.
    static func send(
        _ method: HTTPMethod = .POST,
        to url: String,
        contentType: String? = "application/x-protobuf",
        headers: [(String, String)] = [],
        body: HTTPClientRequest.Body? = nil
    ) async throws -> ReceiverAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let contentType {
            request.headers.add(name: "Content-Type", value: contentType)
        }
        for (name, value) in headers {
            request.headers.add(name: name, value: value)
        }
        request.body = body
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let collected = try await response.body.collect(upTo: 1 << 20)
        return ReceiverAnswer(
            status: Int(response.status.code),
            contentType: response.headers.first(name: "content-type"),
            body: Array(collected.readableBytesView),
            headers: response.headers.map { ($0.name, $0.value) }
        )
    }

    static func post(
        _ bytes: [UInt8],
        to url: String,
        contentType: String? = "application/x-protobuf",
        headers: [(String, String)] = []
    ) async throws -> ReceiverAnswer {
        try await send(
            .POST, to: url, contentType: contentType, headers: headers, body: .bytes(ByteBuffer(bytes: bytes)))
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        let compressed = try buffer.compress(with: .gzip())
        return Array(compressed.readableBytesView)
    }

    /// Runs CPU-heavy or blocking test work on a thread of its own, leaving Swift concurrency's few
    /// cooperative threads (which Dispatch's global queues share on Linux) to the tests, of other
    /// suites too, that measure time.
    static func offCooperativePool<Value: Sendable>(
        _ work: @escaping @Sendable () throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try work() })
            }.start()
        }
    }

    /// `members` gzip members of 1 MiB of zeros each (RFC 1952 allows several): `gunzip` inflates
    /// 200 members, about 200 KiB, to 200 MiB. Cheap to build: one member is compressed once.
    static func gzipBomb(members: Int) throws -> [UInt8] {
        let member = try gzip([UInt8](repeating: 0, count: 1 << 20))
        var bomb: [UInt8] = []
        bomb.reserveCapacity(member.count * members)
        for _ in 0..<members {
            bomb += member
        }
        return bomb
    }

    /// One gzip member holding `mebibytes` MiB of zeros, compressed 1 MiB at a time.
    static func singleMemberGzipBomb(mebibytes: Int) throws -> [UInt8] {
        let compressor = CompressionAlgorithm.gzip().compressor
        var output = ByteBufferAllocator().buffer(capacity: max(64 * 1024, mebibytes * 2048))
        let zeros = ByteBuffer(repeating: 0, count: 1 << 20)
        try compressor.startStream()
        for step in 0..<mebibytes {
            var input = zeros
            try input.compressStream(to: &output, with: compressor, flush: step == mebibytes - 1 ? .finish : .no)
        }
        try compressor.finishStream()
        return Array(output.readableBytesView)
    }
}
