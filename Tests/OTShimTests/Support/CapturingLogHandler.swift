import Logging

/// A log handler that records messages, for asserting on diagnostics.
struct CapturingLogHandler: LogHandler {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    final class Storage: @unchecked Sendable {
        private let lock = TestLock()
        private var records: [Record] = []
        var all: [Record] { lock.withLock { records } }
        func append(_ record: Record) { lock.withLock { records.append(record) } }
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

    static func makeLogger() -> (Logger, Storage) {
        let storage = Storage()
        return (Logger(label: "test") { _ in CapturingLogHandler(storage: storage) }, storage)
    }
}
