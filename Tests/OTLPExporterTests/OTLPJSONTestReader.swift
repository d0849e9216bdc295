import Foundation
import OTLPExporter

/// A strict test-only reader of the OTLP/JSON we write, over Foundation's JSONSerialization: it
/// checks the OTLP/JSON rules while reading (known lowerCamelCase keys only, lowercase hex ids,
/// 64-bit integers as strings, enums as numbers) and builds an ``OTLPDecodedRequest`` to compare
/// with the source spans.
struct OTLPJSONTestReader {
    struct Violation: Error, CustomStringConvertible {
        var description: String
    }

    static func request(_ bytes: [UInt8]) throws -> OTLPDecodedRequest {
        let root = try object(JSONSerialization.jsonObject(with: Data(bytes)), allowed: ["resourceSpans"])
        return OTLPDecodedRequest(resourceSpans: try array(root["resourceSpans"]).map(resourceSpans))
    }

    private static func resourceSpans(_ value: Any) throws -> OTLPDecodedRequest.ResourceSpans {
        let o = try object(value, allowed: ["resource", "scopeSpans", "schemaUrl"])
        return .init(
            resource: try o["resource"].map {
                let r = try object($0, allowed: ["attributes", "droppedAttributesCount", "entityRefs"])
                return .init(
                    attributes: try attributes(r["attributes"]),
                    droppedAttributesCount: try uint32(r["droppedAttributesCount"]),
                    entityRefs: []
                )
            },
            scopeSpans: try array(o["scopeSpans"]).map(scopeSpans),
            schemaURL: try string(o["schemaUrl"])
        )
    }

    private static func scopeSpans(_ value: Any) throws -> OTLPDecodedRequest.ScopeSpans {
        let o = try object(value, allowed: ["scope", "spans", "schemaUrl"])
        return .init(
            scope: try o["scope"].map {
                let s = try object($0, allowed: ["name", "version", "attributes", "droppedAttributesCount"])
                return .init(
                    name: try string(s["name"]),
                    version: try string(s["version"]),
                    attributes: try attributes(s["attributes"]),
                    droppedAttributesCount: try uint32(s["droppedAttributesCount"])
                )
            },
            spans: try array(o["spans"]).map(span),
            schemaURL: try string(o["schemaUrl"])
        )
    }

    private static func span(_ value: Any) throws -> OTLPDecodedRequest.Span {
        let o = try object(value, allowed: [
            "traceId", "spanId", "traceState", "parentSpanId", "flags", "name", "kind", "startTimeUnixNano",
            "endTimeUnixNano", "attributes", "droppedAttributesCount", "events", "droppedEventsCount", "links",
            "droppedLinksCount", "status",
        ])
        return .init(
            traceID: try hex(o["traceId"]),
            spanID: try hex(o["spanId"]),
            traceState: try string(o["traceState"]),
            parentSpanID: try hex(o["parentSpanId"]),
            flags: try uint32(o["flags"]),
            name: try string(o["name"]),
            kind: OTLPSpanKind(rawValue: Int32(try integer(o["kind"]))),
            startTimeUnixNano: try uint64String(o["startTimeUnixNano"]),
            endTimeUnixNano: try uint64String(o["endTimeUnixNano"]),
            attributes: try attributes(o["attributes"]),
            droppedAttributesCount: try uint32(o["droppedAttributesCount"]),
            events: try array(o["events"]).map { value in
                let e = try object(value, allowed: ["timeUnixNano", "name", "attributes", "droppedAttributesCount"])
                return .init(
                    timeUnixNano: try uint64String(e["timeUnixNano"]),
                    name: try string(e["name"]),
                    attributes: try attributes(e["attributes"]),
                    droppedAttributesCount: try uint32(e["droppedAttributesCount"])
                )
            },
            droppedEventsCount: try uint32(o["droppedEventsCount"]),
            links: try array(o["links"]).map { value in
                let l = try object(value, allowed: ["traceId", "spanId", "traceState", "attributes", "droppedAttributesCount", "flags"])
                return .init(
                    traceID: try hex(l["traceId"]),
                    spanID: try hex(l["spanId"]),
                    traceState: try string(l["traceState"]),
                    attributes: try attributes(l["attributes"]),
                    droppedAttributesCount: try uint32(l["droppedAttributesCount"]),
                    flags: try uint32(l["flags"])
                )
            },
            droppedLinksCount: try uint32(o["droppedLinksCount"]),
            status: try o["status"].map {
                let s = try object($0, allowed: ["message", "code"])
                return .init(message: try string(s["message"]), code: OTLPStatusCode(rawValue: Int32(try integer(s["code"]))))
            }
        )
    }

    static func attributes(_ value: Any?) throws -> [OTLPKeyValue] {
        try array(value).map(keyValue)
    }

    private static func keyValue(_ value: Any) throws -> OTLPKeyValue {
        let o = try object(value, allowed: ["key", "value"])
        return OTLPKeyValue(key: try string(o["key"]), value: try anyValue(o["value"] ?? [String: Any]()))
    }

    static func anyValue(_ value: Any) throws -> OTLPAnyValue {
        let o = try object(value, allowed: ["stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"])
        guard o.count <= 1 else { throw Violation(description: "AnyValue with several members: \(o.keys)") }
        guard let (member, content) = o.first else { return .empty }
        switch member {
        case "stringValue": return .string(try string(content))
        case "boolValue":
            guard let flag = content as? Bool else { throw Violation(description: "boolValue \(content)") }
            return .bool(flag)
        case "intValue":
            guard let text = content as? String, let int = Int64(text) else { throw Violation(description: "intValue must be a decimal string: \(content)") }
            return .int(int)
        case "doubleValue":
            if let text = content as? String {
                switch text {
                case "NaN": return .double(.nan)
                case "Infinity": return .double(.infinity)
                case "-Infinity": return .double(-.infinity)
                default: throw Violation(description: "doubleValue string \(text)")
                }
            }
            guard let number = content as? NSNumber else { throw Violation(description: "doubleValue \(content)") }
            return .double(number.doubleValue)
        case "arrayValue":
            return .array(try array(try object(content, allowed: ["values"])["values"]).map(anyValue))
        case "kvlistValue":
            return .keyValueList(try attributes(try object(content, allowed: ["values"])["values"]))
        default:
            guard let text = content as? String, let data = Data(base64Encoded: text) else { throw Violation(description: "bytesValue \(content)") }
            return .bytes(Array(data))
        }
    }

    // MARK: - Scalars

    private static func object(_ value: Any, allowed: Set<String>) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw Violation(description: "expected an object: \(value)") }
        let unknown = Set(object.keys).subtracting(allowed)
        guard unknown.isEmpty else { throw Violation(description: "unexpected keys \(unknown.sorted())") }
        return object
    }

    private static func array(_ value: Any?) throws -> [Any] {
        guard let value else { return [] }
        guard let array = value as? [Any] else { throw Violation(description: "expected an array: \(value)") }
        return array
    }

    private static func string(_ value: Any?) throws -> String {
        guard let value else { return "" }
        guard let string = value as? String else { throw Violation(description: "expected a string: \(value)") }
        return string
    }

    private static func integer(_ value: Any?) throws -> Int {
        guard let value else { return 0 }
        guard !(value is String), let number = value as? NSNumber else { throw Violation(description: "expected a number: \(value)") }
        return number.intValue
    }

    private static func uint32(_ value: Any?) throws -> UInt32 {
        UInt32(try integer(value))
    }

    private static func uint64String(_ value: Any?) throws -> UInt64 {
        guard let value else { return 0 }
        guard let text = value as? String, let number = UInt64(text) else {
            throw Violation(description: "64-bit integers must be decimal strings: \(value)")
        }
        return number
    }

    /// Ids: lowercase hex only (OTLP/JSON, not base64; we emit lowercase).
    private static func hex(_ value: Any?) throws -> [UInt8] {
        let text = try string(value)
        guard text.utf8.count % 2 == 0, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw Violation(description: "id is not lowercase hex: \(text)")
        }
        let digits = Array(text.utf8).map { $0 <= 0x39 ? $0 - 0x30 : $0 - 0x61 + 10 }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

}
