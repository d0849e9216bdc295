public import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension OTelResource {
    /// The SDK's default resource, completed from the environment.
    ///
    /// Layers, later winning over earlier:
    /// 1. `service.name` = `unknown_service:<executable name>` (or `unknown_service`), and `telemetry.sdk.name`,
    ///    `telemetry.sdk.language`, `telemetry.sdk.version`;
    /// 2. `OTEL_RESOURCE_ATTRIBUTES` (`key1=value1,key2=value2`, percent-decoded); if any member is malformed
    ///    the whole value is discarded and a warning logged;
    /// 3. `OTEL_SERVICE_NAME` as `service.name`.
    ///
    /// [OpenTelemetry Specification: Resource SDK, specifying resource information via an environment variable](https://opentelemetry.io/docs/specs/otel/resource/sdk/#specifying-resource-information-via-an-environment-variable)
    public static func makeDefault(environment: OTelEnvironment = .process, logger: Logger) -> OTelResource {
        var attributes: OTelAttributes = [
            "service.name": .string(executableName.map { "unknown_service:\($0)" } ?? "unknown_service"),
            "telemetry.sdk.name": .string(OTelLibrary.sdkName),
            "telemetry.sdk.language": .string(OTelLibrary.sdkLanguage),
            "telemetry.sdk.version": .string(OTelLibrary.version),
        ]
        if let raw = environment["OTEL_RESOURCE_ATTRIBUTES"] {
            if let parsed = parseResourceAttributes(raw) {
                attributes.merge(parsed)
            } else {
                environment.warn(
                    "OTEL_RESOURCE_ATTRIBUTES",
                    raw,
                    hint:
                        "expected key1=value1,key2=value2 with ',', '=' and '%' percent-encoded; the whole value is ignored",
                    logger: logger
                )
            }
        }
        if let serviceName = environment["OTEL_SERVICE_NAME"] {
            attributes["service.name"] = .string(serviceName)
        }
        return OTelResource(attributes: attributes)
    }

    /// The default resource from environment variables given as a dictionary.
    public static func makeDefault(environment: [String: String], logger: Logger) -> OTelResource {
        makeDefault(environment: OTelEnvironment(environment), logger: logger)
    }

    /// Parses `key1=value1,key2=value2`: keys and values trimmed and percent-decoded, values as strings.
    ///
    /// - Returns: `nil` if any non-empty member lacks `=`, has an empty key, or has an invalid escape.
    static func parseResourceAttributes(_ text: String) -> OTelAttributes? {
        var attributes = OTelAttributes()
        for member in Substring(text).utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let trimmed = member.trimmingOptionalWhitespace()
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: UInt8(ascii: "=")),
                let key = PercentEncoding.decode(trimmed[..<equals].trimmingOptionalWhitespace()),
                !key.isEmpty,
                let value = PercentEncoding.decode(
                    trimmed[trimmed.index(after: equals)...].trimmingOptionalWhitespace()
                )
            else { return nil }
            attributes[key] = .string(value)
        }
        return attributes
    }

    /// The base name of this process's executable (`process.executable.name`), if it can be found.
    static let executableName: String? = {
        #if os(Linux)
            var buffer = [UInt8](repeating: 0, count: 4096)
            let length = buffer.withUnsafeMutableBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) { readlink("/proc/self/exe", $0.baseAddress!, $0.count) }
            }
            if length > 0, let name = baseName(of: String(decoding: buffer[..<length], as: UTF8.self)) {
                return name
            }
        #elseif canImport(Darwin)
            if let name = getprogname().flatMap({ baseName(of: String(cString: $0)) }) {
                return name
            }
        #endif
        return CommandLine.arguments.first.flatMap(baseName(of:))
    }()

    private static func baseName(of path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init)
        return name?.isEmpty == false ? name : nil
    }
}
