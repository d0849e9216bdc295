import Logging
import Testing

@testable import OTelModel

@Suite("Environment variables")
struct EnvironmentTests {
    @Test("an empty value is treated as unset")
    func emptyIsUnset() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let environment: OTelEnvironment = ["A": "", "B": "x"]
        #expect(environment["A"] == nil)
        #expect(environment["B"] == "x")
        #expect(environment.integer("A", logger: logger) == nil)
        #expect(environment.list("A") == nil)
        #expect(logs.all.isEmpty)
    }

    @Test("only case-insensitive true is true; other values are false, and values other than false are logged")
    func booleans() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let environment: OTelEnvironment = [
            "T1": "true", "T2": "TRUE", "F1": "false", "F2": "False", "X": "1", "Y": "yes",
        ]
        #expect(environment.bool("T1", logger: logger))
        #expect(environment.bool("T2", logger: logger))
        #expect(!environment.bool("F1", logger: logger))
        #expect(!environment.bool("F2", logger: logger))
        #expect(!environment.bool("X", logger: logger))
        #expect(!environment.bool("Y", logger: logger))
        #expect(!environment.bool("UNSET", logger: logger))
        #expect(logs.all.count == 2)
        #expect(logs.all.map { $0.metadata["variable"]?.description } == ["X", "Y"])
    }

    @Test("an unparseable or negative integer is logged once with a hint and ignored")
    func invalidIntegerLoggedOnce() throws {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let environment: OTelEnvironment = ["N": "abc", "NEG": "-1", "OK": " 42 "]
        #expect(environment.integer("N", logger: logger) == nil)
        #expect(environment.integer("N", logger: logger) == nil)
        #expect(environment.integer("NEG", logger: logger) == nil)
        #expect(environment.integer("OK", logger: logger) == 42)
        #expect(logs.all.count == 2)
        let first = try #require(logs.all.first)
        #expect(first.level == .warning)
        #expect(first.metadata["value"]?.description == "abc")
        #expect(first.metadata["hint"]?.description.contains("integer") == true)
    }

    @Test("durations are non-negative whole milliseconds")
    func durations() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let environment: OTelEnvironment = ["D": "5000", "Z": "0", "BAD": "1.5", "NEG": "-3"]
        #expect(environment.milliseconds("D", logger: logger) == .seconds(5))
        #expect(environment.milliseconds("Z", logger: logger) == .zero)
        #expect(environment.milliseconds("BAD", logger: logger) == nil)
        #expect(environment.milliseconds("NEG", logger: logger) == nil)
        #expect(logs.all.count == 2)
    }

    @Test("enum values are case-insensitive; unknown values are logged and ignored")
    func choices() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let environment: OTelEnvironment = ["C": "GZip", "U": "brotli"]
        #expect(environment.choice("C", allowed: ["none", "gzip"], logger: logger) == "gzip")
        #expect(environment.choice("U", allowed: ["none", "gzip"], logger: logger) == nil)
        #expect(logs.all.count == 1)
    }

    @Test("lists are trimmed, lowercased and deduplicated, keeping the first occurrence")
    func lists() {
        let environment: OTelEnvironment = ["L": " TraceContext , baggage,,tracecontext ,B3 "]
        #expect(environment.list("L") == ["tracecontext", "baggage", "b3"])
    }

    @Test("the process environment is read without Foundation")
    func processEnvironment() {
        let environment = OTelEnvironment.process
        #expect(environment.values["PATH"] != nil || environment.values["HOME"] != nil)
    }
}

@Suite("Span limits from the environment")
struct SpanLimitsEnvironmentTests {
    @Test("unset variables keep the spec defaults")
    func defaults() {
        let (logger, _) = CapturingLogHandler.makeLogger()
        #expect(OTelSpanLimits(environment: [:] as [String: String], logger: logger) == OTelSpanLimits())
    }

    @Test("each OTEL_*_LIMIT variable sets its limit")
    func specificVariables() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let limits = OTelSpanLimits(
            environment: [
                "OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT": "10",
                "OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT": "5",
                "OTEL_SPAN_EVENT_COUNT_LIMIT": "6",
                "OTEL_SPAN_LINK_COUNT_LIMIT": "7",
                "OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT": "8",
                "OTEL_LINK_ATTRIBUTE_COUNT_LIMIT": "9",
            ],
            logger: logger
        )
        #expect(limits.attributes == OTelAttributeLimits(countLimit: 5, valueLengthLimit: 10))
        #expect(limits.eventCountLimit == 6)
        #expect(limits.linkCountLimit == 7)
        #expect(limits.attributePerEventCountLimit == 8)
        #expect(limits.attributePerLinkCountLimit == 9)
        #expect(limits.eventAttributes.valueLengthLimit == 10)
        #expect(logs.all.isEmpty)
    }

    @Test("generic attribute limits apply where no model-specific variable is set, and specific ones win")
    func genericLimits() {
        let (logger, _) = CapturingLogHandler.makeLogger()
        let limits = OTelSpanLimits(
            environment: [
                "OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT": "20",
                "OTEL_ATTRIBUTE_COUNT_LIMIT": "30",
                "OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT": "3",
            ],
            logger: logger
        )
        #expect(limits.attributes == OTelAttributeLimits(countLimit: 3, valueLengthLimit: 20))
        #expect(limits.attributePerEventCountLimit == 30)
        #expect(limits.attributePerLinkCountLimit == 30)
        #expect(limits.eventCountLimit == 128)
    }

    @Test("an invalid limit is logged and the default kept")
    func invalidLimit() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let limits = OTelSpanLimits(environment: ["OTEL_SPAN_EVENT_COUNT_LIMIT": "lots"], logger: logger)
        #expect(limits.eventCountLimit == 128)
        #expect(logs.all.count == 1)
    }
}

@Suite("Default resource from the environment")
struct ResourceEnvironmentTests {
    @Test("the default resource has unknown_service:<executable> and the telemetry.sdk attributes")
    func defaults() throws {
        let (logger, _) = CapturingLogHandler.makeLogger()
        let resource = OTelResource.makeDefault(environment: [:] as [String: String], logger: logger)
        guard case .string(let serviceName) = try #require(resource.attributes["service.name"]) else {
            Issue.record("service.name is not a string")
            return
        }
        #expect(serviceName.hasPrefix("unknown_service:"))
        #expect(serviceName.count > "unknown_service:".count)
        #expect(resource.attributes["telemetry.sdk.name"] == "swift-opentracing-shim")
        #expect(resource.attributes["telemetry.sdk.language"] == "swift")
        #expect(resource.attributes["telemetry.sdk.version"] == .string(OTelLibrary.version))
    }

    @Test("OTEL_RESOURCE_ATTRIBUTES is split on , and =, trimmed and percent-decoded")
    func resourceAttributes() {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let resource = OTelResource.makeDefault(
            environment: [
                "OTEL_RESOURCE_ATTRIBUTES": " service.name = shop , deployment.environment=prod%2Ceu,note=a%3Db%20c%25,"
            ],
            logger: logger
        )
        #expect(resource.attributes["service.name"] == "shop")
        #expect(resource.attributes["deployment.environment"] == "prod,eu")
        #expect(resource.attributes["note"] == "a=b c%")
        #expect(logs.all.isEmpty)
    }

    @Test(
        "a malformed OTEL_RESOURCE_ATTRIBUTES is discarded as a whole, with a warning",
        arguments: ["a=1,b", "a=1,=2", "a=1,b=%zz", "a=1,b=%2", "a=%FF"]
    )
    func malformedResourceAttributes(_ value: String) {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let resource = OTelResource.makeDefault(environment: ["OTEL_RESOURCE_ATTRIBUTES": value], logger: logger)
        #expect(resource.attributes["a"] == nil)
        #expect(resource.attributes.count == 4)
        #expect(logs.all.count == 1)
        #expect(logs.all.first?.metadata["variable"]?.description == "OTEL_RESOURCE_ATTRIBUTES")
    }

    @Test("OTEL_SERVICE_NAME wins over service.name in OTEL_RESOURCE_ATTRIBUTES")
    func serviceNameWins() {
        let (logger, _) = CapturingLogHandler.makeLogger()
        let resource = OTelResource.makeDefault(
            environment: [
                "OTEL_RESOURCE_ATTRIBUTES": "service.name=from-attributes,team=a", "OTEL_SERVICE_NAME": "checkout",
            ],
            logger: logger
        )
        #expect(resource.attributes["service.name"] == "checkout")
        #expect(resource.attributes["team"] == "a")
    }
}
