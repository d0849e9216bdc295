internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Renders an ``OTLPTraceTree`` as text for a terminal: one block per trace, spans as a tree with
/// name, kind, duration, status and span id, then their attributes, events (with attributes) and
/// links (with `opentracing.ref_type`).
///
/// ```
/// trace 0af7651916cd43dd8448eb211c80319c · 2 spans · service shop
/// └─ GET /checkout  SERVER  25.000 ms  span b7ad6b7169203331
///    │ http.url = "http://127.0.0.1:8080/checkout"
///    └─ charge  CLIENT  10.500 ms  span 00f067aa0ba902b7
/// ```
///
/// Text from the wire (names, keys, values) has its control characters escaped, so a span cannot
/// move the cursor or change colours. ANSI colour is used only when ``useColor`` is set; see
/// ``useColorForStandardOutput(environment:)``.
package struct OTLPTraceTreeFormatter: Sendable {
    /// Whether to add ANSI colour and bold.
    package var useColor: Bool

    /// Nesting beyond this many levels is not indented further (the depth is printed instead).
    private static let maximumIndentedDepth = 32

    package init(useColor: Bool) {
        self.useColor = useColor
    }

    /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty (https://no-color.org).
    package static func useColorForStandardOutput(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        guard isatty(STDOUT_FILENO) == 1 else { return false }
        return environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// The trees of the spans of `requests`, one block per trace, each line ending in a newline.
    package func format(_ requests: some Sequence<OTLPDecodedRequest>) -> String {
        format(OTLPTraceTree(requests: requests))
    }

    /// The trees, one block per trace, each line ending in a newline.
    package func format(_ tree: OTLPTraceTree) -> String {
        var output = ""
        for trace in tree.traces {
            write(trace, into: &output)
        }
        return output
    }

    // MARK: - Trace

    private struct Frame {
        var index: Int
        var prefix: String
        var isLast: Bool
        var depth: Int
    }

    private func write(_ trace: OTLPTraceTree.Trace, into output: inout String) {
        let services = trace.serviceNames
        var header = paint("trace", .bold) + " " + paint(Self.hex(trace.traceID), .bold)
        header += " · \(trace.spans.count) span\(trace.spans.count == 1 ? "" : "s")"
        if !services.isEmpty {
            header +=
                " · service\(services.count == 1 ? "" : "s") " + services.map(Self.sanitized).joined(separator: ", ")
        }
        output += header + "\n"

        var stack = trace.roots.enumerated().reversed().map { position, index in
            Frame(index: index, prefix: "", isLast: position == trace.roots.count - 1, depth: 0)
        }
        while let frame = stack.popLast() {
            let node = trace.spans[frame.index]
            let indented = frame.depth < Self.maximumIndentedDepth
            let connector = indented ? (frame.isLast ? "└─ " : "├─ ") : "·· "
            output +=
                paint(frame.prefix + connector, .dim)
                + title(node, in: trace, showService: services.count > 1, depth: frame.depth) + "\n"

            let childPrefix = indented ? frame.prefix + (frame.isLast ? "   " : "│  ") : frame.prefix
            let detailPrefix = paint(childPrefix + (node.children.isEmpty ? "  " : "│ "), .dim)
            for line in details(node.span, traceID: trace.traceID) {
                output += detailPrefix + line + "\n"
            }
            for (position, child) in node.children.enumerated().reversed() {
                stack.append(
                    Frame(
                        index: child,
                        prefix: childPrefix,
                        isLast: position == node.children.count - 1,
                        depth: frame.depth + 1
                    ))
            }
        }
    }

    private func title(_ node: OTLPTraceTree.Node, in trace: OTLPTraceTree.Trace, showService: Bool, depth: Int)
        -> String
    {
        let span = node.span
        var parts = [paint(span.name.isEmpty ? "(unnamed)" : Self.sanitized(span.name), .bold)]
        if showService, let service = node.serviceName {
            parts.append(paint("[\(Self.sanitized(service))]", .blue))
        }
        parts.append(paint(Self.kindName(span.kind), .magenta))
        parts.append(paint(Self.duration(from: span.startTimeUnixNano, to: span.endTimeUnixNano), .yellow))
        parts.append(paint("span " + Self.hex(span.spanID), .dim))
        if let status = span.status {
            switch status.code {
            case .unset:
                break
            case .ok:
                parts.append(paint("OK", .green))
            case .error:
                parts.append(
                    paint("ERROR", .red)
                        + (status.message.isEmpty ? "" : " " + paint(Self.quoted(status.message), .red)))
            default:
                parts.append(paint("status \(status.code.rawValue)", .red))
            }
        }
        switch node.placement {
        case .root, .child:
            break
        case .orphan(let parentSpanID):
            parts.append(paint("(parent \(Self.hex(parentSpanID)) not present)", .dim))
        case .parentCycle:
            parts.append(paint("(parent chain loops)", .red))
        }
        if depth >= Self.maximumIndentedDepth {
            parts.append(paint("(depth \(depth))", .dim))
        }
        return parts.joined(separator: "  ")
    }

    private func details(_ span: OTLPDecodedRequest.Span, traceID: [UInt8]) -> [String] {
        var lines: [String] = []
        if !span.traceState.isEmpty {
            lines.append(paint("tracestate", .cyan) + " " + Self.sanitized(span.traceState))
        }
        for attribute in span.attributes {
            lines.append(self.attribute(attribute))
        }
        var dropped: [String] = []
        if span.droppedAttributesCount != 0 { dropped.append(Self.count(span.droppedAttributesCount, "attribute")) }
        if span.droppedEventsCount != 0 { dropped.append(Self.count(span.droppedEventsCount, "event")) }
        if span.droppedLinksCount != 0 { dropped.append(Self.count(span.droppedLinksCount, "link")) }
        if !dropped.isEmpty {
            lines.append(paint("dropped " + dropped.joined(separator: ", "), .dim))
        }
        for event in span.events {
            var line = paint("event", .green) + " " + paint(Self.sanitized(event.name), .green)
            if event.timeUnixNano != 0 && span.startTimeUnixNano != 0 {
                line += " at " + Self.offset(from: span.startTimeUnixNano, to: event.timeUnixNano)
            }
            if event.droppedAttributesCount != 0 {
                line += " " + paint("(dropped \(Self.count(event.droppedAttributesCount, "attribute")))", .dim)
            }
            lines.append(line)
            for attribute in event.attributes {
                lines.append("  " + self.attribute(attribute))
            }
        }
        for link in span.links {
            let referenceType = link.attributes.last { $0.key == "opentracing.ref_type" }
            var line = paint("link", .cyan)
            if case .string(let type)? = referenceType?.value {
                line += " " + Self.sanitized(type)
            }
            line += " → " + paint("span " + Self.hex(link.spanID), .dim)
            if link.traceID != traceID {
                line += " " + paint("in trace " + Self.hex(link.traceID), .dim)
            }
            lines.append(line)
            for attribute in link.attributes where attribute.key != "opentracing.ref_type" {
                lines.append("  " + self.attribute(attribute))
            }
        }
        return lines
    }

    private func attribute(_ attribute: OTLPKeyValue) -> String {
        paint(Self.sanitized(attribute.key), .cyan) + " = " + Self.render(attribute.value)
    }

    // MARK: - Values

    static func render(_ value: OTLPAnyValue) -> String {
        switch value {
        case .empty: "(empty)"
        case .string(let string): quoted(string)
        case .bool(let bool): String(bool)
        case .int(let int): String(int)
        case .double(let double): String(double)
        case .bytes(let bytes): "0x" + hex(bytes)
        case .array(let values): "[" + values.map(render).joined(separator: ", ") + "]"
        case .keyValueList(let pairs):
            "{" + pairs.map { sanitized($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
        case .stringIndex(let index): "(string table #\(index))"
        }
    }

    static func kindName(_ kind: OTLPSpanKind) -> String {
        switch kind {
        case .unspecified: "UNSPECIFIED"
        case .internal: "INTERNAL"
        case .server: "SERVER"
        case .client: "CLIENT"
        case .producer: "PRODUCER"
        case .consumer: "CONSUMER"
        default: "KIND \(kind.rawValue)"
        }
    }

    /// `12.345 ms` (microsecond precision), or `? ms` when a time is missing or the end precedes the start.
    static func duration(from start: UInt64, to end: UInt64) -> String {
        guard start != 0, end >= start else { return "? ms" }
        return milliseconds(end - start) + " ms"
    }

    /// `+0.500 ms` / `-1.000 ms`: an event's time relative to its span's start.
    static func offset(from start: UInt64, to time: UInt64) -> String {
        time >= start ? "+" + milliseconds(time - start) + " ms" : "-" + milliseconds(start - time) + " ms"
    }

    private static func milliseconds(_ nanoseconds: UInt64) -> String {
        let microseconds = nanoseconds / 1_000 + (nanoseconds % 1_000 >= 500 ? 1 : 0)
        let fraction = String(microseconds % 1_000)
        return "\(microseconds / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    private static func count(_ count: UInt32, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    static func hex(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "(none)" }
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A string in double quotes, with `"` and `\` escaped and control characters as escapes.
    static func quoted(_ string: String) -> String {
        "\"" + escaped(string, quote: true) + "\""
    }

    /// Text from the wire with control characters escaped.
    static func sanitized(_ string: String) -> String {
        escaped(string, quote: false)
    }

    private static func escaped(_ string: String, quote: Bool) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"" where quote: result += "\\\""
            case "\\" where quote: result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                let code = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - code.count) + code
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: - Colour

    private enum Paint: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
    }

    private func paint(_ text: String, _ paint: Paint) -> String {
        guard useColor, !text.isEmpty else { return text }
        return "\u{1B}[\(paint.rawValue)m\(text)\u{1B}[0m"
    }
}
