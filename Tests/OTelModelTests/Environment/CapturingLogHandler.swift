import Logging

@testable import OTelModel

/// A log handler that records messages, for asserting on warnings.
struct CapturingLogHandler: LogHandler {
    /// One recorded message.
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    /// The shared record of everything logged through loggers made by ``makeLogger()``.
    final class Storage: Sendable {
        private let records = LockedValue<[Record]>([])
        var all: [Record] { records.withLock { $0 } }
        func append(_ record: Record) { records.withLock { $0.append(record) } }
    }

    let storage: Storage
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        storage.append(Record(level: event.level, message: event.message.description, metadata: event.metadata ?? [:]))
    }

    /// A logger and the storage its messages go to.
    static func makeLogger() -> (Logger, Storage) {
        let storage = Storage()
        return (Logger(label: "test") { _ in CapturingLogHandler(storage: storage) }, storage)
    }
}
