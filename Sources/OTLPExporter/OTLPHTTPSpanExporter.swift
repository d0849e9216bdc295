import AsyncHTTPClient
import CompressNIO
public import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
public import OTelModel
import Synchronization

/// Sends spans to an OTLP/HTTP endpoint (an OpenTelemetry Collector, Jaeger, Tempo, a vendor) as
/// `ExportTraceServiceRequest`s, in binary protobuf or OTLP/JSON, optionally gzip-compressed.
///
/// - An empty batch sends nothing ("senders SHOULD NOT create empty envelopes").
/// - A batch encoding to more than ``OTLPHTTPExporterConfiguration/maximumRequestBodySize`` is split in halves
///   until each part fits; a single span over the limit is not sent, but dropped, counted and logged.
/// - HTTP 429, 502, 503 and 504 and connection failures are retried per ``OTLPRetryPolicy``, honouring
///   `Retry-After` (seconds or HTTP-date), all within ``OTLPHTTPExporterConfiguration/timeout``; any other status
///   (400 included) drops the batch at once. Once the processor begins to shut down (``prepareForShutdown()``),
///   each batch gets one attempt. A partial success is logged with the rejected count and never retried.
/// - A response body over ``OTLPHTTPExporterConfiguration/maximumResponseBodySize`` fails the export without retry.
/// - ``statistics`` counts exported, dropped, rejected and oversized spans, requests, retries and failures.
///   Failures are logged at most once per 10 s per kind; header values are never logged.
///
/// Give it to an `OTelBatchSpanProcessor`, which never runs two exports at once; ``shutdown()`` releases the HTTP
/// client, and later exports fail.
///
/// [OTLP Specification: OTLP/HTTP](https://opentelemetry.io/docs/specs/otlp/#otlphttp),
/// [OpenTelemetry Specification: Span Exporter](https://opentelemetry.io/docs/specs/otel/trace/sdk/#span-exporter)
public final class OTLPHTTPSpanExporter: OTelSpanExporter {
    /// The configuration in use.
    public let configuration: OTLPHTTPExporterConfiguration

    private let client: HTTPClient
    private let headers: HTTPHeaders
    private let encoder: OTLPRequestEncoder
    private let counters = OTLPExportCounters()
    private let isShutDown = Atomic<Bool>(false)
    /// Raised by ``prepareForShutdown()``: from then on each request gets one attempt, and a back-off wait ends.
    private let shutdownBegun = OTLPShutdownSignal()
    private let sleep: @Sendable (Duration) async throws -> Void
    private let jitter: @Sendable () -> Double
    private let logger: Logger
    private let failureLog: OTLPRateLimitedLogger
    private let partialSuccessLog: OTLPRateLimitedLogger
    private let oversizeLog: OTLPRateLimitedLogger

    /// Creates the exporter and its HTTP client.
    ///
    /// - Throws: ``OTLPHTTPExporterError`` if a TLS file of the configuration cannot be loaded, or only one of the
    ///   client certificate and key is given.
    public convenience init(
        configuration: OTLPHTTPExporterConfiguration,
        logger: Logger = Logger(label: "OTLPExporter")
    ) throws {
        try self.init(
            configuration: configuration,
            logger: logger,
            sleep: { try await Task.sleep(for: $0) },
            jitter: { Double.random(in: 0.5...1) }
        )
    }

    /// Creates the exporter with injected waiting and jitter (tests).
    package init(
        configuration: OTLPHTTPExporterConfiguration,
        logger: Logger,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        jitter: @escaping @Sendable () -> Double
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.sleep = sleep
        self.jitter = jitter
        failureLog = OTLPRateLimitedLogger(logger: logger, level: .error)
        partialSuccessLog = OTLPRateLimitedLogger(logger: logger, level: .warning)
        oversizeLog = OTLPRateLimitedLogger(logger: logger, level: .error)
        encoder = OTLPRequestEncoder(protocol: configuration.protocol)

        var headers = HTTPHeaders()
        for header in configuration.headers { headers.add(name: header.name, value: header.value) }
        headers.replaceOrAdd(name: "Content-Type", value: configuration.protocol.contentType)
        headers.replaceOrAdd(name: "User-Agent", value: configuration.userAgent)
        if configuration.compression == .gzip {
            headers.replaceOrAdd(name: "Content-Encoding", value: "gzip")
        }
        self.headers = headers

        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.tlsConfiguration = try Self.makeTLSConfiguration(configuration.tls)
        clientConfiguration.redirectConfiguration = .disallow
        clientConfiguration.decompression = .disabled
        // Connection failures go through the exporter's own retry policy (jittered backoff, counted, bounded by the
        // export timeout) rather than the pool's silent retries until the deadline.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        clientConfiguration.timeout = .init(
            connect: .nanoseconds(Self.nanoseconds(configuration.timeout ?? .seconds(10)))
        )
        // Exporting must not trace itself: a request span would be exported, which would make another request...
        clientConfiguration.tracing.tracer = nil
        client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: clientConfiguration,
            backgroundActivityLogger: logger
        )
        if !configuration.headers.isEmpty {
            logger.debug(
                "OTLP exporter sends custom headers",
                metadata: ["headers": "\(configuration.headers.map(\.name).joined(separator: ", "))"]
            )
        }
    }

    deinit {
        // Backstop only: shutdown() is the way to release the client. Non-blocking, as the last release may happen
        // on an event loop thread.
        if !isShutDown.load(ordering: .relaxed) {
            let shutdown: EventLoopFuture<Void> = client.shutdown()
            shutdown.whenComplete { _ in }
        }
    }

    /// What the exporter has done so far.
    public var statistics: OTLPExportStatistics { counters.snapshot }

    // MARK: - OTelSpanExporter

    /// Sends `batch`, retrying transient failures within the timeout; throws if any span could not be delivered
    /// (those spans are dropped and counted).
    public func export(_ batch: [OTelFinishedSpan]) async throws {
        guard !isShutDown.load(ordering: .relaxed) else {
            counters.droppedSpans.add(batch.count, ordering: .relaxed)
            throw OTelSpanExporterShutDownError()
        }
        guard !batch.isEmpty else { return }
        let deadline = configuration.timeout.map { NIODeadline.now() + .nanoseconds(Self.nanoseconds($0)) }
        var failed = 0
        var lastError: (any Error)?
        await send(batch[...], deadline: deadline, failed: &failed, lastError: &lastError)
        if let lastError {
            throw failed < batch.count ? OTLPHTTPExporterError.partiallyDelivered(failedSpans: failed) : lastError
        }
    }

    /// Nothing to do: the exporter holds no spans between exports.
    public func forceFlush() async throws {}

    /// From now on each request gets a single attempt (a back-off wait in progress ends and its retry is the last),
    /// so that the processor's shutdown drains the queue promptly even when the collector is down.
    public func prepareForShutdown() {
        shutdownBegun.raise()
    }

    /// Shuts the HTTP client down; later exports fail.
    public func shutdown() async {
        shutdownBegun.raise()
        guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        do {
            try await client.shutdown()
        } catch {
            logger.debug("OTLP exporter HTTP client shutdown reported an error", metadata: ["error": "\(error)"])
        }
    }

    // MARK: - Sending

    /// Sends `spans` in one request, or in halves while they are too large; accumulates failures.
    private func send(
        _ spans: ArraySlice<OTelFinishedSpan>,
        deadline: NIODeadline?,
        failed: inout Int,
        lastError: inout (any Error)?
    ) async {
        switch encoder.encode(spans, limit: configuration.maximumRequestBodySize, allocator: ByteBufferAllocator()) {
        case .tooLarge(let size) where spans.count == 1:
            counters.oversizedSpans.add(1, ordering: .relaxed)
            counters.droppedSpans.add(1, ordering: .relaxed)
            let span = spans[spans.startIndex]
            oversizeLog.log(
                "Dropped a span too large to send",
                metadata: [
                    "span_name": "\(span.name)", "trace_id": "\(span.context.traceID)",
                    "span_id": "\(span.context.spanID)",
                    "size": "\(size)", "limit": "\(configuration.maximumRequestBodySize)",
                ]
            )
            failed += 1
            lastError = OTLPHTTPExporterError.spanTooLarge(size: size, limit: configuration.maximumRequestBodySize)
        case .tooLarge:
            let middle = spans.startIndex + spans.count / 2
            await send(spans[..<middle], deadline: deadline, failed: &failed, lastError: &lastError)
            await send(spans[middle...], deadline: deadline, failed: &failed, lastError: &lastError)
        case .body(var body):
            do {
                if configuration.compression == .gzip {
                    body = try body.compress(with: .gzip())
                }
                try await post(body, spanCount: spans.count, deadline: deadline)
            } catch {
                counters.droppedSpans.add(spans.count, ordering: .relaxed)
                counters.failedRequests.add(1, ordering: .relaxed)
                failureLog.log(
                    "OTLP export failed; spans dropped",
                    metadata: ["spans": "\(spans.count)", "error": "\(error)", "endpoint": "\(configuration.endpoint)"]
                )
                failed += spans.count
                lastError = error
            }
        }
    }

    private enum AttemptOutcome {
        case delivered(rejected: Int64, message: String)
        case retryable(reason: String, retryAfter: Duration?)
        case failed(any Error)
    }

    /// Posts one body, retrying per the policy; returns when delivered, throws when given up.
    private func post(_ body: ByteBuffer, spanCount: Int, deadline: NIODeadline?) async throws {
        let policy = configuration.retryPolicy
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            counters.requests.add(1, ordering: .relaxed)
            switch await attemptOnce(body, deadline: deadline) {
            case .delivered(let rejected, let message):
                let rejectedCount = Int(clamping: max(0, rejected))
                counters.exportedSpans.add(max(0, spanCount - rejectedCount), ordering: .relaxed)
                if rejected > 0 || !message.isEmpty {
                    counters.rejectedSpans.add(rejectedCount, ordering: .relaxed)
                    counters.droppedSpans.add(rejectedCount, ordering: .relaxed)
                    partialSuccessLog.log(
                        "OTLP endpoint accepted the export partially",
                        metadata: ["rejected_spans": "\(rejected)", "message": "\(message)"]
                    )
                }
                return
            case .failed(let error):
                throw error
            case .retryable(let reason, let retryAfter):
                guard attempt < policy.maximumAttempts else {
                    throw OTLPHTTPExporterError.retriesExhausted(attempts: attempt, lastFailure: reason)
                }
                guard !shutdownBegun.isRaised else {
                    throw OTLPHTTPExporterError.retriesExhausted(
                        attempts: attempt,
                        lastFailure: reason + " (no retries: shutting down)"
                    )
                }
                let delay = retryAfter ?? policy.backoff(beforeRetry: attempt, jitter: jitter())
                if let deadline, NIODeadline.now() + .nanoseconds(Self.nanoseconds(delay)) >= deadline {
                    throw OTLPHTTPExporterError.retriesExhausted(
                        attempts: attempt,
                        lastFailure: reason + " (timeout reached)"
                    )
                }
                counters.retries.add(1, ordering: .relaxed)
                logger.debug(
                    "Retrying OTLP export",
                    metadata: ["reason": "\(reason)", "delay": "\(delay)", "attempt": "\(attempt + 1)"]
                )
                try await shutdownBegun.sleep(delay, using: sleep)
            }
        }
    }

    private func attemptOnce(_ body: ByteBuffer, deadline: NIODeadline?) async -> AttemptOutcome {
        var request = HTTPClientRequest(url: configuration.endpoint.url)
        request.method = .POST
        request.headers = headers
        request.body = .bytes(body)
        let response: HTTPClientResponse
        let responseBody: ByteBuffer
        do {
            response = try await client.execute(request, deadline: deadline ?? .distantFuture, logger: logger)
            responseBody = try await readBody(of: response)
        } catch let error as OTLPHTTPExporterError {
            return .failed(error)
        } catch {
            return classify(error)
        }
        let status = Int(response.status.code)
        switch status {
        case 200..<300:
            return delivered(responseBody)
        case 429, 502, 503, 504:
            let retryAfter = response.headers.first(name: "Retry-After").flatMap {
                OTLPRetryAfter.delay($0, nowNanoseconds: OTelSystemClock().nanosecondsSinceEpoch())
            }
            return .retryable(reason: "HTTP \(status)", retryAfter: retryAfter)
        default:
            return .failed(OTLPHTTPExporterError.requestFailed(status: status, message: failureMessage(responseBody)))
        }
    }

    /// Reads the response body up to the limit (after decompression, if the server compressed it anyway).
    private func readBody(of response: HTTPClientResponse) async throws -> ByteBuffer {
        let limit = configuration.maximumResponseBodySize
        var body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw OTLPHTTPExporterError.responseTooLarge(limit: limit)
        }
        if response.headers.first(name: "Content-Encoding")?.lowercased() == "gzip" {
            do {
                body = try body.decompress(with: .gzip(), maxSize: limit)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw OTLPHTTPExporterError.responseTooLarge(limit: limit)
            } catch {
                return ByteBuffer()  // An unreadable body only loses the partial-success details.
            }
        }
        return body
    }

    private func delivered(_ body: ByteBuffer) -> AttemptOutcome {
        guard body.readableBytes > 0 else { return .delivered(rejected: 0, message: "") }
        if configuration.protocol == .httpJSON {
            let partial = OTLPJSONResponseReader.partialSuccess(body.readableBytesView)
            return .delivered(rejected: partial?.rejectedSpans ?? 0, message: partial?.errorMessage ?? "")
        }
        let decoded = body.withUnsafeReadableBytes { try? OTLPDecodedResponse(protobuf: $0) }
        let partial = decoded?.partialSuccess
        return .delivered(rejected: partial?.rejectedSpans ?? 0, message: partial?.errorMessage ?? "")
    }

    /// The `google.rpc.Status` message of a failure body, if it has one.
    private func failureMessage(_ body: ByteBuffer) -> String {
        guard body.readableBytes > 0 else { return "" }
        if configuration.protocol == .httpJSON {
            return OTLPJSONResponseReader.statusMessage(body.readableBytesView) ?? ""
        }
        return body.withUnsafeReadableBytes { try? OTLPDecodedRPCStatus(protobuf: $0) }?.message ?? ""
    }

    /// Connection failures and drops are retryable; a passed deadline, cancellation and configuration errors are not.
    private func classify(_ error: any Error) -> AttemptOutcome {
        if error is CancellationError { return .failed(error) }
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded || error == .cancelled {
                return .failed(OTLPHTTPExporterError.timedOut)
            }
            let permanent: [HTTPClientError] = [
                .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown, .redirectLimitReached, .redirectCycleDetected,
            ]
            if permanent.contains(error) || error.shortDescription.hasPrefix("Unsupported scheme")
                || error.shortDescription.hasPrefix("Invalid header field")
            {
                return .failed(OTLPHTTPExporterError.transportFailed("\(error)"))
            }
            return .retryable(reason: "\(error)", retryAfter: nil)
        }
        if error is NIOSSLError || error is BoringSSLError {
            return .failed(OTLPHTTPExporterError.transportFailed("TLS: \(error)"))
        }
        return .retryable(reason: "\(error)", retryAfter: nil)
    }

    // MARK: - Helpers

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }

    private static func makeTLSConfiguration(_ tls: OTLPHTTPExporterConfiguration.TLS) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let path = tls.trustedCertificatesFile {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw OTLPHTTPExporterError.unreadableTLSFile("trusted certificates", path: path, reason: "\(error)")
            }
        }
        switch (tls.clientCertificateFile, tls.clientKeyFile) {
        case (nil, nil):
            break
        case (let certificatePath?, let keyPath?):
            do {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificatePath).map {
                    .certificate($0)
                }
            } catch {
                throw OTLPHTTPExporterError.unreadableTLSFile(
                    "client certificate",
                    path: certificatePath,
                    reason: "\(error)"
                )
            }
            do {
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem))
            } catch {
                throw OTLPHTTPExporterError.unreadableTLSFile("client key", path: keyPath, reason: "\(error)")
            }
        default:
            throw OTLPHTTPExporterError.incompleteClientCertificate
        }
        return configuration
    }
}
