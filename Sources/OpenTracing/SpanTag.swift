/// The standard span tag keys and values of the OpenTracing semantic conventions.
///
/// [OpenTracing semantic conventions: Span tags table](https://github.com/opentracing/specification/blob/master/semantic_conventions.md#span-tags-table)
public enum SpanTag {
    public static let component = "component"
    public static let dbInstance = "db.instance"
    public static let dbStatement = "db.statement"
    public static let dbType = "db.type"
    public static let dbUser = "db.user"
    /// `true` if and only if the operation failed.
    public static let error = "error"
    public static let httpMethod = "http.method"
    public static let httpStatusCode = "http.status_code"
    public static let httpURL = "http.url"
    public static let messageBusDestination = "message_bus.destination"
    public static let peerAddress = "peer.address"
    public static let peerHostname = "peer.hostname"
    public static let peerIPv4 = "peer.ipv4"
    public static let peerIPv6 = "peer.ipv6"
    public static let peerPort = "peer.port"
    public static let peerService = "peer.service"
    /// A sampling hint: greater than 0 asks to capture the trace, 0 asks not to.
    public static let samplingPriority = "sampling.priority"
    /// The role of the span; see ``SpanKind``.
    public static let spanKind = "span.kind"

    /// The standard values of the `span.kind` tag.
    public enum SpanKind {
        public static let rpcClient: TagValue = "client"
        public static let rpcServer: TagValue = "server"
        public static let producer: TagValue = "producer"
        public static let consumer: TagValue = "consumer"
    }
}

/// The standard log field keys of the OpenTracing semantic conventions.
///
/// [OpenTracing semantic conventions: Log fields table](https://github.com/opentracing/specification/blob/master/semantic_conventions.md#log-fields-table)
public enum LogFieldKey {
    /// The type or kind of an error (only with `event` = `error`).
    public static let errorKind = "error.kind"
    /// The error itself, as ``TagValue/error(_:)``.
    public static let errorObject = "error.object"
    /// A stable identifier for the moment logged; `error` for errors.
    public static let event = "event"
    /// A concise, human-readable message.
    public static let message = "message"
    /// A stack trace.
    public static let stack = "stack"
}
