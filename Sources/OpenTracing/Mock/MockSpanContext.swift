/// The span context of ``MockTracer``: 64-bit trace and span identifiers, a sampled flag, and baggage.
public struct MockSpanContext: SpanContext, Hashable {
    /// The trace identifier; never zero.
    public let traceIDValue: UInt64
    /// The span identifier; never zero.
    public let spanIDValue: UInt64
    /// The baggage items.
    public let baggage: [String: String]
    /// Whether the trace is sampled.
    public let isSampled: Bool

    /// Creates a context.
    public init(traceIDValue: UInt64, spanIDValue: UInt64, baggage: [String: String] = [:], isSampled: Bool = true) {
        self.traceIDValue = traceIDValue
        self.spanIDValue = spanIDValue
        self.baggage = baggage
        self.isSampled = isSampled
    }

    /// Converts the context of any tracer: a ``MockSpanContext`` as is, another one from its hexadecimal identifiers
    /// (the last 16 digits) and baggage; `nil` when it has no usable identifiers.
    init?(converting context: any SpanContext) {
        if let mock = context as? MockSpanContext {
            self = mock
            return
        }
        guard
            let traceID = MockSpanContext.parseID(context.traceID.suffix(16)),
            let spanID = MockSpanContext.parseID(context.spanID.suffix(16))
        else { return nil }
        self.init(traceIDValue: traceID, spanIDValue: spanID, baggage: context.baggageItems)
    }

    /// The trace identifier as 16 lowercase hexadecimal digits.
    public var traceID: String { MockSpanContext.hex(traceIDValue) }

    /// The span identifier as 16 lowercase hexadecimal digits.
    public var spanID: String { MockSpanContext.hex(spanIDValue) }

    public func forEachBaggageItem(_ body: (_ key: String, _ value: String) throws -> Void) rethrows {
        for (key, value) in baggage {
            try body(key, value)
        }
    }

    /// The same identity with `value` stored under `key` in the baggage.
    func withBaggageItem(_ key: String, _ value: String) -> MockSpanContext {
        var baggage = baggage
        baggage[key] = value
        return MockSpanContext(traceIDValue: traceIDValue, spanIDValue: spanIDValue, baggage: baggage, isSampled: isSampled)
    }

    /// `value` as 16 lowercase hexadecimal digits, zero-padded.
    static func hex(_ value: UInt64) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                buffer[index] = digits[Int((value >> UInt64(60 - 4 * index)) & 0xF)]
            }
            return 16
        }
    }

    /// Parses 1 to 16 hexadecimal digits (either case) into a non-zero identifier; `nil` otherwise.
    static func parseID(_ text: some StringProtocol) -> UInt64? {
        guard (1...16).contains(text.utf8.count), let value = UInt64(text, radix: 16), value != 0 else { return nil }
        return value
    }

    /// A random non-zero identifier.
    static func randomID() -> UInt64 {
        UInt64.random(in: 1...UInt64.max)
    }
}
