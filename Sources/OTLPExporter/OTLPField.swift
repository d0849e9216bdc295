/// Field numbers of the OTLP v1.11.0 trace schema (proto/, compat-spec.md §4), named after the
/// schema so the writers read like the `.proto` files.
package enum OTLPField {
    package enum ExportTraceServiceRequest {
        package static let resourceSpans: UInt32 = 1
    }
    package enum ExportTraceServiceResponse {
        package static let partialSuccess: UInt32 = 1
    }
    package enum ExportTracePartialSuccess {
        package static let rejectedSpans: UInt32 = 1
        package static let errorMessage: UInt32 = 2
    }
    package enum ResourceSpans {
        package static let resource: UInt32 = 1
        package static let scopeSpans: UInt32 = 2
        package static let schemaURL: UInt32 = 3
    }
    package enum Resource {
        package static let attributes: UInt32 = 1
        package static let droppedAttributesCount: UInt32 = 2
        package static let entityRefs: UInt32 = 3
    }
    package enum ScopeSpans {
        package static let scope: UInt32 = 1
        package static let spans: UInt32 = 2
        package static let schemaURL: UInt32 = 3
    }
    package enum InstrumentationScope {
        package static let name: UInt32 = 1
        package static let version: UInt32 = 2
        package static let attributes: UInt32 = 3
        package static let droppedAttributesCount: UInt32 = 4
    }
    package enum Span {
        package static let traceID: UInt32 = 1
        package static let spanID: UInt32 = 2
        package static let traceState: UInt32 = 3
        package static let parentSpanID: UInt32 = 4
        package static let name: UInt32 = 5
        package static let kind: UInt32 = 6
        package static let startTimeUnixNano: UInt32 = 7
        package static let endTimeUnixNano: UInt32 = 8
        package static let attributes: UInt32 = 9
        package static let droppedAttributesCount: UInt32 = 10
        package static let events: UInt32 = 11
        package static let droppedEventsCount: UInt32 = 12
        package static let links: UInt32 = 13
        package static let droppedLinksCount: UInt32 = 14
        package static let status: UInt32 = 15
        package static let flags: UInt32 = 16
    }
    package enum Event {
        package static let timeUnixNano: UInt32 = 1
        package static let name: UInt32 = 2
        package static let attributes: UInt32 = 3
        package static let droppedAttributesCount: UInt32 = 4
    }
    package enum Link {
        package static let traceID: UInt32 = 1
        package static let spanID: UInt32 = 2
        package static let traceState: UInt32 = 3
        package static let attributes: UInt32 = 4
        package static let droppedAttributesCount: UInt32 = 5
        package static let flags: UInt32 = 6
    }
    package enum Status {
        package static let message: UInt32 = 2
        package static let code: UInt32 = 3
    }
    package enum AnyValue {
        package static let stringValue: UInt32 = 1
        package static let boolValue: UInt32 = 2
        package static let intValue: UInt32 = 3
        package static let doubleValue: UInt32 = 4
        package static let arrayValue: UInt32 = 5
        package static let kvlistValue: UInt32 = 6
        package static let bytesValue: UInt32 = 7
        package static let stringValueStrindex: UInt32 = 8
    }
    package enum ArrayValue {
        package static let values: UInt32 = 1
    }
    package enum KeyValueList {
        package static let values: UInt32 = 1
    }
    package enum KeyValue {
        package static let key: UInt32 = 1
        package static let value: UInt32 = 2
    }
    package enum RPCStatus {
        package static let code: UInt32 = 1
        package static let message: UInt32 = 2
        package static let details: UInt32 = 3
    }
    package enum ProtobufAny {
        package static let typeURL: UInt32 = 1
        package static let value: UInt32 = 2
    }
}
