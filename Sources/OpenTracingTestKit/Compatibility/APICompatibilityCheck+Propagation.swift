import OpenTracing

extension APICompatibilityCheck {
    static let propagationChecks: [APICompatibilityCheck] = [
        APICompatibilityCheck("textMap inject then extract keeps the trace id, span id and baggage") { c in
            try roundTrip(c, format: .textMap) { $0 }
        },
        APICompatibilityCheck("httpHeaders inject then extract keeps the context, also with upper-cased keys") { c in
            try roundTrip(c, format: .httpHeaders) { $0 }
            // Header names are case-insensitive, so baggage keys carried in them may come back in another case.
            try roundTrip(c, format: .httpHeaders, baggageKeysKeepCase: false) { carrier in
                Dictionary(carrier.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            }
        },
        APICompatibilityCheck("binary inject then extract keeps the context, or throws unsupportedFormat") { c in
            let span = c.tracer.startSpan("Bender")
            span.setBaggageItem("binary", "baggage")
            defer { span.finish() }
            var carrier = BinaryCarrier()
            guard c.can(.supportsBinaryFormat) else {
                c.expectError(.unsupportedFormat(.binary), "binary inject") {
                    try c.tracer.inject(span.context, format: .binary, into: &carrier)
                }
                c.expectError(.unsupportedFormat(.binary), "binary extract") {
                    _ = try c.tracer.extract(format: .binary, from: carrier)
                }
                return
            }
            try c.tracer.inject(span.context, format: .binary, into: &carrier)
            let extracted = try c.tracer.extract(format: .binary, from: carrier)
            guard c.can(.propagatesContext) else { return }
            c.expect.check(!carrier.bytes.isEmpty, "binary inject wrote no bytes")
            let context = try c.expect.require(extracted, "binary extract found no context in the injected bytes")
            c.expect.equal(context.traceID, span.context.traceID, "extracted trace id")
            c.expect.equal(context.spanID, span.context.spanID, "extracted span id")
            if c.can(.keepsBaggage) {
                c.expect.equal(context.baggageItems, ["binary": "baggage"], "extracted baggage")
            }
        },
        APICompatibilityCheck("a child of an extracted context continues the trace under the injected span") { c in
            let client = c.tracer.startSpan("client")
            var headers: [String: String] = [:]
            try c.tracer.inject(client.context, format: .httpHeaders, into: &headers)
            client.finish()
            let extracted = try c.tracer.extract(format: .httpHeaders, from: headers)
            c.tracer.startSpan("server", childOf: extracted).finish()
            guard c.can([.recordsSpans, .propagatesContext]) else { return }
            let spans = try c.finishedSpansFromThread()
            let clientSpan = try c.onlySpan(named: "client", in: spans)
            let serverSpan = try c.onlySpan(named: "server", in: spans)
            c.expect.equal(serverSpan.traceID, clientSpan.traceID, "trace id of the server span")
            c.expect.equal(serverSpan.parentSpanID, clientSpan.spanID, "parent of the server span")
        },
        APICompatibilityCheck("an unknown format throws unsupportedFormat on inject and on extract") { c in
            let span = c.tracer.startSpan("Bender")
            defer { span.finish() }
            let custom = Format(name: "kiss my shiny metal")
            var carrier: [String: String] = [:]
            c.expectError(.unsupportedFormat(custom), "inject in an unknown format") {
                try c.tracer.inject(span.context, format: custom, into: &carrier)
            }
            c.expectError(.unsupportedFormat(custom), "extract in an unknown format") {
                _ = try c.tracer.extract(format: custom, from: carrier)
            }
        },
        APICompatibilityCheck("a carrier whose type does not fit the format throws invalidCarrier") { c in
            let span = c.tracer.startSpan("Bender")
            defer { span.finish() }
            var binaryCarrier = BinaryCarrier()
            var number = 42
            for format in [Format.textMap, .httpHeaders] {
                c.expectInvalidCarrier(format, "\(format) inject into a BinaryCarrier") {
                    try c.tracer.inject(span.context, format: format, into: &binaryCarrier)
                }
                c.expectInvalidCarrier(format, "\(format) inject into an Int") {
                    try c.tracer.inject(span.context, format: format, into: &number)
                }
                c.expectInvalidCarrier(format, "\(format) extract from an Int") {
                    _ = try c.tracer.extract(format: format, from: number)
                }
            }
            guard c.can(.supportsBinaryFormat) else { return }
            var textMap: [String: String] = [:]
            c.expectInvalidCarrier(.binary, "binary inject into a dictionary") {
                try c.tracer.inject(span.context, format: .binary, into: &textMap)
            }
            c.expectInvalidCarrier(.binary, "binary extract from a dictionary") {
                _ = try c.tracer.extract(format: .binary, from: textMap)
            }
        },
        APICompatibilityCheck("extract from a carrier without a span context returns nil") { c in
            let empty: [String: String] = [:]
            let unrelated = ["content-type": "text/plain", "x-request-id": "42"]
            for format in [Format.textMap, .httpHeaders] {
                c.expect.check(try c.tracer.extract(format: format, from: empty) == nil, "\(format) from [:]")
                c.expect.check(
                    try c.tracer.extract(format: format, from: unrelated) == nil,
                    "\(format) from a carrier of unrelated entries"
                )
            }
            if c.can(.supportsBinaryFormat) {
                c.expect.check(
                    try c.tracer.extract(format: .binary, from: BinaryCarrier()) == nil,
                    "binary from an empty carrier"
                )
            }
        },
    ]

    /// Injects a span with baggage in `format`, transforms the carrier like a transport might, extracts, and
    /// compares.
    private static func roundTrip(
        _ c: CheckContext,
        format: Format,
        baggageKeysKeepCase: Bool = true,
        transport: ([String: String]) -> [String: String]
    ) throws {
        let span = c.tracer.startSpan("Bender")
        span.setBaggageItem("Kiff-loves", "Amy")
        span.setBaggageItem("with-unicode", "Zoidberg 🦞")
        defer { span.finish() }
        var carrier = ["unrelated-entry": "kept"]
        try c.tracer.inject(span.context, format: format, into: &carrier)
        c.expect.equal(carrier["unrelated-entry"], "kept", "an entry already in the \(format) carrier")
        let extracted = try c.tracer.extract(format: format, from: transport(carrier))
        guard c.can(.propagatesContext) else { return }
        let context = try c.expect.require(extracted, "\(format) extract found no context in \(carrier)")
        c.expect.equal(context.traceID, span.context.traceID, "\(format) extracted trace id")
        c.expect.equal(context.spanID, span.context.spanID, "\(format) extracted span id")
        if c.can(.keepsBaggage) {
            let expected = ["Kiff-loves": "Amy", "with-unicode": "Zoidberg 🦞"]
            if baggageKeysKeepCase {
                c.expect.equal(context.baggageItems, expected, "\(format) extracted baggage")
            } else {
                c.expect.equal(
                    lowercasedKeys(context.baggageItems),
                    lowercasedKeys(expected),
                    "\(format) extracted baggage, keys compared without case"
                )
            }
        }
    }

    private static func lowercasedKeys(_ items: [String: String]) -> [String: String] {
        Dictionary(items.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

extension CheckContext {
    /// Expects `body` to throw exactly `expected`.
    func expectError(
        _ expected: OpenTracingError,
        _ what: String,
        fileID: String = #fileID,
        line: Int = #line,
        _ body: () throws -> Void
    ) {
        do {
            try body()
            expect.record("\(what): expected \(expected) to be thrown, nothing was", fileID: fileID, line: line)
        } catch let error as OpenTracingError {
            expect.equal(error, expected, what, fileID: fileID, line: line)
        } catch {
            expect.record("\(what): expected \(expected), got \(error)", fileID: fileID, line: line)
        }
    }

    /// Expects `body` to throw ``OpenTracingError/invalidCarrier(format:carrierType:)`` for `format`.
    func expectInvalidCarrier(
        _ format: Format,
        _ what: String,
        fileID: String = #fileID,
        line: Int = #line,
        _ body: () throws -> Void
    ) {
        do {
            try body()
            expect.record("\(what): expected invalidCarrier to be thrown, nothing was", fileID: fileID, line: line)
        } catch OpenTracingError.invalidCarrier(let thrownFormat, _) {
            expect.equal(thrownFormat, format, "\(what): format of invalidCarrier", fileID: fileID, line: line)
        } catch {
            expect.record("\(what): expected invalidCarrier, got \(error)", fileID: fileID, line: line)
        }
    }
}
