/// The names of the exception event and its attributes (OpenTelemetry semantic conventions).
enum ExceptionAttribute {
    static let eventName = "exception"
    static let type = "exception.type"
    static let message = "exception.message"
}
