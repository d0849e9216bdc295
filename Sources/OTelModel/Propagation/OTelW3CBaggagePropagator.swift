/// Propagates baggage in the W3C `baggage` header.
///
/// Extraction combines repeated `baggage` fields, trims optional whitespace, percent-decodes values (invalid
/// UTF-8 becomes U+FFFD) and keeps properties (after `;`) as the entry's metadata. A malformed member is
/// skipped; the others are kept. Extracted entries are set on top of the context's baggage.
///
/// Limits: all baggage within 64 members and 8192 bytes is propagated, as the spec requires; beyond that,
/// whole members are dropped (never a part of one) once the header would exceed 180 members (the ABNF's cap) or
/// 8192 bytes, on both extraction and injection.
///
/// [W3C Baggage](https://www.w3.org/TR/baggage/),
/// [OpenTelemetry Specification: Baggage propagation](https://opentelemetry.io/docs/specs/otel/baggage/api/#propagation)
public struct OTelW3CBaggagePropagator: OTelTextMapPropagator {
    static let header = "baggage"
    /// The most members propagated (the W3C ABNF allows at most 180).
    static let maximumMemberCount = 180
    /// The most bytes propagated, over all members and separators.
    static let maximumByteCount = 8192

    /// Creates the propagator.
    public init() {}

    public var fields: [String] { [Self.header] }

    public func inject(_ context: OTelPropagationContext, into carrier: inout some OTelTextMapWriter) {
        guard !context.baggage.isEmpty else { return }
        var header = ""
        var memberCount = 0
        for entry in context.baggage {
            guard memberCount < Self.maximumMemberCount else { break }
            guard let member = Self.member(for: entry) else { continue }
            let addedBytes = member.utf8.count + (memberCount > 0 ? 1 : 0)
            guard header.utf8.count + addedBytes <= Self.maximumByteCount else { continue }
            if memberCount > 0 { header.append(",") }
            header.append(member)
            memberCount += 1
        }
        if memberCount > 0 { carrier.set(header, forField: Self.header) }
    }

    public func extract(from carrier: some OTelTextMapReader, into context: inout OTelPropagationContext) {
        guard let header = carrier.combinedValue(forField: Self.header) else { return }
        var baggage = context.baggage
        var memberCount = 0
        var byteCount = 0
        for member in Substring(header).utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let trimmed = member.trimmingOptionalWhitespace()
            if trimmed.isEmpty { continue }
            guard let entry = Self.parseMember(trimmed) else { continue }
            let addedBytes = trimmed.count + (memberCount > 0 ? 1 : 0)
            guard memberCount < Self.maximumMemberCount else { break }
            guard byteCount + addedBytes <= Self.maximumByteCount else { continue }
            memberCount += 1
            byteCount += addedBytes
            baggage = baggage.setting(entry)
        }
        context.baggage = baggage
    }

    /// `key=value[;properties]` from a trimmed list member, or `nil` if it is malformed.
    static func parseMember(_ member: Substring.UTF8View) -> OTelBaggage.Entry? {
        let propertiesStart = member.firstIndex(of: UInt8(ascii: ";"))
        let pair = member[member.startIndex..<(propertiesStart ?? member.endIndex)]
        guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let key = pair[pair.startIndex..<equals].trimmingOptionalWhitespace()
        let rawValue = pair[pair.index(after: equals)...].trimmingOptionalWhitespace()
        guard !key.isEmpty, key.allSatisfy(\.isHTTPTokenCharacter), rawValue.allSatisfy(\.isBaggageOctet),
            let value = PercentEncoding.decode(rawValue, repairingUTF8: true)
        else { return nil }
        var metadata: String?
        if let propertiesStart {
            metadata = normalizedProperties(member[member.index(after: propertiesStart)...])
        }
        return OTelBaggage.Entry(name: String(decoding: key, as: UTF8.self), value: value, metadata: metadata)
    }

    /// The properties with optional whitespace removed around each property and its `=`, joined by `;`, or `nil`
    /// if none is left. Properties are kept opaque otherwise.
    static func normalizedProperties(_ text: Substring.UTF8View) -> String? {
        var result: [UInt8] = []
        for property in text.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            let trimmed = property.trimmingOptionalWhitespace()
            if trimmed.isEmpty { continue }
            if !result.isEmpty { result.append(UInt8(ascii: ";")) }
            if let equals = trimmed.firstIndex(of: UInt8(ascii: "=")) {
                result += trimmed[trimmed.startIndex..<equals].trimmingOptionalWhitespace()
                result.append(UInt8(ascii: "="))
                result += trimmed[trimmed.index(after: equals)...].trimmingOptionalWhitespace()
            } else {
                result += trimmed
            }
        }
        return result.isEmpty ? nil : String(decoding: result, as: UTF8.self)
    }

    /// The list member for `entry`, or `nil` if its name is not an HTTP token.
    static func member(for entry: OTelBaggage.Entry) -> String? {
        guard !entry.name.isEmpty, entry.name.utf8.allSatisfy(\.isHTTPTokenCharacter) else { return nil }
        var member =
            entry.name + "=" + PercentEncoding.encode(entry.value) { $0.isBaggageOctet && $0 != UInt8(ascii: "%") }
        // Metadata is opaque; it is sent only if it cannot break the header's list syntax.
        if let metadata = entry.metadata, !metadata.isEmpty,
            metadata.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != UInt8(ascii: ",") })
        {
            member += ";" + metadata
        }
        return member
    }
}

extension UInt8 {
    /// `baggage-octet`: printable ASCII except space, `"`, `,`, `;` and `\`.
    var isBaggageOctet: Bool {
        self >= 0x21 && self <= 0x7E && self != 0x22 && self != 0x2C && self != 0x3B && self != 0x5C
    }

    /// An RFC 9110 `tchar`.
    var isHTTPTokenCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(self)
        }
    }
}
