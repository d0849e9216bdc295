/// ``MockTracer``'s text map and HTTP header propagation.
enum MockTextMapEncoding {
    static let traceIDKey = "ot-tracer-traceid"
    static let spanIDKey = "ot-tracer-spanid"
    static let sampledKey = "ot-tracer-sampled"
    static let baggagePrefix = "ot-baggage-"

    static func inject(_ context: MockSpanContext, into writer: inout any TextMapWriter, percentEncoding: Bool) {
        writer.set(context.traceID, forKey: traceIDKey)
        writer.set(context.spanID, forKey: spanIDKey)
        writer.set(context.isSampled ? "true" : "false", forKey: sampledKey)
        for (key, value) in context.baggage {
            writer.set(percentEncoding ? PercentEncoding.encode(value) : value, forKey: baggagePrefix + key)
        }
    }

    /// Keys match case-insensitively; baggage keys keep the case they arrive in.
    static func extract(from reader: any TextMapReader, percentEncoding: Bool) throws -> MockSpanContext? {
        var traceIDText: String?
        var spanIDText: String?
        var sampledText: String?
        var baggage: [String: String] = [:]
        try reader.forEachKeyValue { key, value in
            let lowercased = key.lowercased()
            switch lowercased {
            case traceIDKey: traceIDText = value
            case spanIDKey: spanIDText = value
            case sampledKey: sampledText = value
            default:
                guard lowercased.hasPrefix(baggagePrefix) else { return }
                let baggageKey = String(key.dropFirst(baggagePrefix.count))
                if percentEncoding {
                    guard let decoded = PercentEncoding.decode(value) else {
                        throw OpenTracingError.spanContextCorrupted("baggage item '\(baggageKey)' is not valid percent-encoding")
                    }
                    baggage[baggageKey] = decoded
                } else {
                    baggage[baggageKey] = value
                }
            }
        }
        if traceIDText == nil, spanIDText == nil, sampledText == nil, baggage.isEmpty {
            return nil
        }
        guard let traceIDText, let traceID = MockSpanContext.parseID(traceIDText) else {
            throw OpenTracingError.spanContextCorrupted("\(traceIDKey) is \(describe(traceIDText)), expected 1 to 16 hex digits, not all zero")
        }
        guard let spanIDText, let spanID = MockSpanContext.parseID(spanIDText) else {
            throw OpenTracingError.spanContextCorrupted("\(spanIDKey) is \(describe(spanIDText)), expected 1 to 16 hex digits, not all zero")
        }
        let isSampled: Bool
        switch sampledText?.lowercased() {
        case nil, "true", "1": isSampled = true
        case "false", "0": isSampled = false
        default:
            throw OpenTracingError.spanContextCorrupted("\(sampledKey) is \(describe(sampledText)), expected true or false")
        }
        return MockSpanContext(traceIDValue: traceID, spanIDValue: spanID, baggage: baggage, isSampled: isSampled)
    }

    private static func describe(_ value: String?) -> String {
        value.map { "'\($0)'" } ?? "missing"
    }
}

/// Percent-encoding of header values: every byte outside the RFC 3986 unreserved set becomes `%XX`.
enum PercentEncoding {
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func encode(_ value: String) -> String {
        guard value.utf8.contains(where: { !isUnreserved($0) }) else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count * 3)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `nil` for a truncated or non-hex escape, or bytes that are not UTF-8.
    static func decode(_ value: String) -> String? {
        guard value.utf8.contains(UInt8(ascii: "%")) else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        var iterator = value.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard
                let high = iterator.next().flatMap(hexValue),
                let low = iterator.next().flatMap(hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
