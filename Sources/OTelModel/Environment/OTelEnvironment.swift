public import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Environment variables, with typed readers that follow the OpenTelemetry rules for configuration values.
///
/// An empty value is treated as unset. A value that cannot be used is logged as a warning, with a hint of
/// what is accepted, and ignored (the caller falls back to its default); it is never thrown. Each bad value is
/// reported once per `OTelEnvironment` (copies share the record).
///
/// [OpenTelemetry Specification: Environment Variable Specification](https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/)
public struct OTelEnvironment: Sendable {
    /// The variables, by name.
    public let values: [String: String]
    private let reported = LockedValue<Set<String>>([])

    /// Wraps `values`.
    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The environment of this process, read now (through the C `environ`, not Foundation).
    public static var process: OTelEnvironment {
        OTelEnvironment(readProcessEnvironment())
    }

    /// The value of `name`, or `nil` if it is unset or empty.
    public subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// A boolean: only `true` (any case) is true; unset, empty and `false` are false.
    ///
    /// Any other value is false and logged.
    public func bool(_ name: String, logger: Logger) -> Bool {
        guard let raw = self[name] else { return false }
        let value = raw.trimmingSpaces().lowercased()
        if value == "true" { return true }
        if value != "false" { warn(name, raw, hint: "expected true or false; using false", logger: logger) }
        return false
    }

    /// An integer of at least `minimum` (0 by default), or `nil` if unset or not such an integer (logged).
    public func integer(_ name: String, minimum: Int = 0, logger: Logger) -> Int? {
        guard let raw = self[name] else { return nil }
        guard let value = Int(raw.trimmingSpaces()), value >= minimum else {
            warn(name, raw, hint: "expected an integer of at least \(minimum); using the default", logger: logger)
            return nil
        }
        return value
    }

    /// A non-negative number of milliseconds as a duration (the spec's Duration and Timeout types), or `nil` if
    /// unset or invalid (logged). For timeouts, callers treat zero as "no limit".
    public func milliseconds(_ name: String, logger: Logger) -> Duration? {
        guard let raw = self[name] else { return nil }
        guard let value = Int64(raw.trimmingSpaces()), value >= 0 else {
            warn(
                name,
                raw,
                hint: "expected a non-negative whole number of milliseconds; using the default",
                logger: logger
            )
            return nil
        }
        return .milliseconds(value)
    }

    /// One of `allowed` (compared case-insensitively; `allowed` is lowercase), or `nil` if unset or unknown
    /// (logged).
    public func choice(_ name: String, allowed: [String], logger: Logger) -> String? {
        guard let raw = self[name] else { return nil }
        let value = raw.trimmingSpaces().lowercased()
        guard allowed.contains(value) else {
            warn(
                name,
                raw,
                hint: "expected one of \(allowed.joined(separator: ", ")); using the default",
                logger: logger
            )
            return nil
        }
        return value
    }

    /// A comma-separated list, each item trimmed and lowercased, empty items skipped, duplicates removed (first
    /// kept), or `nil` if unset. Callers check the items.
    public func list(_ name: String) -> [String]? {
        guard let raw = self[name] else { return nil }
        var items: [String] = []
        for part in raw.split(separator: ",") {
            let item = part.trimmingSpaces().lowercased()
            if !item.isEmpty, !items.contains(item) { items.append(item) }
        }
        return items
    }

    /// Logs that `value` of `name` is unusable, once per name and value.
    public func warn(_ name: String, _ value: String, hint: String, logger: Logger) {
        let isFirst = reported.withLock { $0.insert("\(name)=\(value)").inserted }
        guard isFirst else { return }
        logger.warning(
            "Ignoring invalid environment variable value",
            metadata: ["variable": "\(name)", "value": "\(value)", "hint": "\(hint)"]
        )
    }

    private static func readProcessEnvironment() -> [String: String] {
        #if canImport(Darwin)
            let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = _NSGetEnviron()?.pointee
        #else
            let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        #endif
        guard var pointer = start else { return [:] }
        var result: [String: String] = [:]
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}

extension OTelEnvironment: ExpressibleByDictionaryLiteral {
    /// Wraps the given variables; a repeated name keeps its last value.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        String(decoding: Substring(self).utf8.trimmingOptionalWhitespace(), as: UTF8.self)
    }
}
