import OTelModel
import OpenTracing

/// How an OpenTracing log entry becomes an OpenTelemetry event (OT-33, OT-41, OT-42, OT-43).
enum LogMapping {
    static let exceptionEventName = "exception"
    static let defaultEventName = "log"
    static let exceptionType = "exception.type"
    static let exceptionMessage = "exception.message"
    static let exceptionStacktrace = "exception.stacktrace"

    /// The event for `fields`.
    ///
    /// - The name is the value of the `event` field (the last one, as its attribute keeps the last value), else
    ///   `log` when there is none or it is empty (OT-41). The `event` field stays an attribute.
    /// - With `event` = `error` the event is `exception` (OT-42): string values of `error.kind`, `message` and
    ///   `stack` are renamed `exception.type`, `exception.message` and `exception.stacktrace`. An `error.object`
    ///   that is a Swift `Error` is recorded as the exception: its type (`String(reflecting:)`) and description
    ///   fill `exception.type` and `exception.message` unless those were given explicitly; the object itself is
    ///   not kept. Every other field is an attribute.
    /// - Values convert as tags do (``TagMapping/attributeValue(_:)``).
    static func event(for fields: [LogField]) -> (name: String, attributes: OTelAttributes) {
        // One pass finds the name and builds the attributes; only the rare `error` event builds them again.
        var eventName: String?
        var attributes = OTelAttributes()
        attributes.reserveCapacity(fields.count)
        for field in fields {
            if isEventKey(field.key) { eventName = field.value.stringValue }
            attributes.updateValue(TagMapping.attributeValue(field.value), forKey: field.key)
        }
        if eventName == "error" {
            return (exceptionEventName, exceptionAttributes(fields))
        }
        return (name(ofEvent: eventName), attributes)
    }

    /// The event for a log with the single field `field`: what ``event(for:)`` makes of `[field]`, with its one
    /// attribute apart, so that no collection is built. (A one-field `event` = `error` log keeps that field as its
    /// only attribute on the exception path too.)
    static func event(for field: LogField) -> (name: String, key: String, value: OTelAttributeValue) {
        let eventName = isEventKey(field.key) ? field.value.stringValue : nil
        return (name(ofEvent: eventName), field.key, TagMapping.attributeValue(field.value))
    }

    /// The event name for the value of the `event` field (`nil` without one): `exception` for `error` (OT-42),
    /// `log` when there is none or it is empty (OT-41), else the value.
    private static func name(ofEvent eventName: String?) -> String {
        guard let eventName, !eventName.isEmpty else { return defaultEventName }
        return eventName == "error" ? exceptionEventName : eventName
    }

    /// Whether `key` is `event`; the length is compared first, as for tags (``TagMapping/isErrorTag(_:)``).
    @inline(__always)
    private static func isEventKey(_ key: String) -> Bool {
        key.utf8.count == 5 && key == LogFieldKey.event
    }

    private static func exceptionAttributes(_ fields: [LogField]) -> OTelAttributes {
        var attributes = OTelAttributes()
        attributes.reserveCapacity(fields.count + 1)
        var recordedError: (any Error)?
        for field in fields {
            switch (field.key, field.value) {
            case (LogFieldKey.errorObject, .error(let error)):
                recordedError = error
            case (LogFieldKey.errorKind, .string(let text)):
                attributes.updateValue(.string(text), forKey: exceptionType)
            case (LogFieldKey.message, .string(let text)):
                attributes.updateValue(.string(text), forKey: exceptionMessage)
            case (LogFieldKey.stack, .string(let text)):
                attributes.updateValue(.string(text), forKey: exceptionStacktrace)
            default:
                attributes.updateValue(TagMapping.attributeValue(field.value), forKey: field.key)
            }
        }
        if let recordedError {
            if attributes[exceptionType] == nil {
                attributes.updateValue(.string(String(reflecting: type(of: recordedError))), forKey: exceptionType)
            }
            if attributes[exceptionMessage] == nil {
                attributes.updateValue(.string(String(describing: recordedError)), forKey: exceptionMessage)
            }
        }
        return attributes
    }
}
