import OTShim
import OTelModel
import OpenTracing
import OpenTracingTestKit

/// The OpenTracing test kit's harness for the shim: it reads the spans the shim exported as OpenTelemetry spans
/// (simple processor → in-memory exporter) and maps them back to OpenTracing terms.
///
/// The mapping inverts the shim's own, so the kit's checks run unchanged:
/// - links with `opentracing.ref_type` → references; a parent without such links → an implicit `child_of`
///   reference (the active span);
/// - attributes → tags; status error / ok → the `error` tag `true` / `false`; a kind other than internal → the
///   `span.kind` tag;
/// - events → logs; an `exception` event → an OpenTracing error log: `exception.type` → `error.kind`,
///   `exception.message` → `message` and also `error.object` (the error object itself cannot be exported; its
///   description stands in for it), `exception.stacktrace` → `stack`.
struct OTShimHarness: TracerHarness {
    let fixture: ShimFixture

    init(fixture: ShimFixture = ShimFixture()) {
        self.fixture = fixture
    }

    var tracer: any OpenTracing.Tracer { fixture.tracer }

    /// Everything, binary format included: the shim has threads, tasks, structured and imperative activation.
    var capabilities: TracerCapabilities { .all }

    func finishedSpans() async throws -> [RecordedSpan] {
        try await fixture.exportedSpans().map(RecordedSpan.init(exported:))
    }

    func reset() async throws {
        try await fixture.provider.forceFlush()
        fixture.exporter.reset()
    }
}

extension RecordedSpan {
    init(exported span: OTelFinishedSpan) {
        var references: [RecordedReference] = []
        for link in span.links {
            guard case .string(let type)? = link.attributes["opentracing.ref_type"],
                let kind = Reference.Kind(rawValue: type)
            else { continue }
            references.append(
                RecordedReference(
                    kind: kind, traceID: link.context.traceID.hexString, spanID: link.context.spanID.hexString)
            )
        }
        if references.isEmpty, let parent = span.parentSpanID {
            references = [
                RecordedReference(kind: .childOf, traceID: span.context.traceID.hexString, spanID: parent.hexString)
            ]
        }
        var tags: [String: TagValue] = [:]
        for (key, value) in span.attributes {
            tags[key] = TagValue(attribute: value)
        }
        switch span.status {
        case .error: tags[SpanTag.error] = true
        case .ok: tags[SpanTag.error] = false
        case .unset: break
        }
        if let kindTag = span.kind.openTracingTag, tags[SpanTag.spanKind] == nil {
            tags[SpanTag.spanKind] = .string(kindTag)
        }
        self.init(
            operationName: span.name,
            traceID: span.context.traceID.hexString,
            spanID: span.context.spanID.hexString,
            parentSpanID: span.parentSpanID?.hexString,
            references: references,
            tags: tags,
            logs: span.events.map(RecordedLog.init(event:)),
            startTime: Timestamp(nanosecondsSinceEpoch: span.startTime),
            finishTime: Timestamp(nanosecondsSinceEpoch: span.endTime)
        )
    }
}

extension RecordedLog {
    init(event: OTelSpanEvent) {
        var fields: [LogField] = []
        let isException = event.name == "exception"
        for (key, value) in event.attributes {
            let tagValue = TagValue(attribute: value)
            guard isException else {
                fields.append(LogField(key, tagValue))
                continue
            }
            switch key {
            case "exception.type": fields.append(LogField(LogFieldKey.errorKind, tagValue))
            case "exception.message":
                fields.append(LogField(LogFieldKey.errorObject, tagValue))
                fields.append(LogField(LogFieldKey.message, tagValue))
            case "exception.stacktrace": fields.append(LogField(LogFieldKey.stack, tagValue))
            default: fields.append(LogField(key, tagValue))
            }
        }
        self.init(timestamp: Timestamp(nanosecondsSinceEpoch: event.time), fields: fields)
    }
}

extension TagValue {
    init(attribute: OTelAttributeValue) {
        switch attribute {
        case .string(let value): self = .string(value)
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .double(let value): self = .double(value)
        default: self = .string(attribute.description)
        }
    }
}

extension OTelSpanKind {
    /// The OpenTracing `span.kind` value; `nil` for internal.
    var openTracingTag: String? {
        switch self {
        case .internal: nil
        case .client: "client"
        case .server: "server"
        case .producer: "producer"
        case .consumer: "consumer"
        }
    }
}
