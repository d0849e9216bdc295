import Logging
import NIOConcurrencyHelpers

/// A logger whose lines (message and metadata, rendered) are kept for inspection.
final class LogCapture: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var logger: Logger {
        Logger(label: "capture") { _ in Handler(capture: self) }
    }

    var recorded: [String] { lines.withLockedValue { $0 } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            capture.lines.withLockedValue {
                $0.append("\(event.level) \(event.message) \(fields.joined(separator: " "))")
            }
        }
    }
}
