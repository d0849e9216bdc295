import Logging
import Testing

@testable import OTelModel

@Suite("Releasing a processor without shutdown")
struct ProcessorReleaseTests {
    private static let lostMessage = "A span processor was released without shutdown(); spans not yet exported are lost"

    /// Runs `body` with a batch processor that only `body` holds, so it is released when `body` returns.
    private func withBatchProcessor(
        _ exporter: GatedExporter,
        logger: Logger,
        _ body: (OTelBatchSpanProcessor) async -> Void
    ) async {
        await body(
            OTelBatchSpanProcessor(
                exporter: exporter,
                configuration: .init(maxExportBatchSize: 2, scheduleDelay: .seconds(5)),
                clock: ManualClock(),
                logger: logger
            )
        )
    }

    @Test("a batch processor released with queued and exporting spans logs one warning with their count")
    func batchReleaseLogsLostSpans() async {
        let exporter = GatedExporter()
        let (logger, logs) = CapturingLogHandler.makeLogger()
        await withBatchProcessor(exporter, logger: logger) { processor in
            var started = exporter.started.makeAsyncIterator()
            for name in ["a", "b", "c"] { processor.onEnd(finishedSpan(name)) }
            #expect(await started.next() == 2)  // a and b are being exported, c is queued
        }
        let warnings = logs.all.filter { $0.message == Self.lostMessage }
        #expect(warnings.count == 1)
        #expect(warnings.first?.level == .warning)
        #expect(warnings.first?.metadata["count"] == "3")
        #expect(warnings.first?.metadata["queued"] == "1")
        #expect(warnings.first?.metadata["exporting"] == "2")
        exporter.open()
    }

    @Test("a batch processor released after shutdown, or with nothing pending, logs nothing")
    func batchReleaseAfterShutdownIsQuiet() async {
        let exporter = GatedExporter(open: true)
        let (logger, logs) = CapturingLogHandler.makeLogger()
        await withBatchProcessor(exporter, logger: logger) { processor in
            processor.onEnd(finishedSpan("a"))
            await processor.shutdown()
        }
        await withBatchProcessor(exporter, logger: logger) { _ in }
        #expect(exporter.exportedNames == ["a"])
        #expect(logs.all.filter { $0.message == Self.lostMessage }.isEmpty)
    }

    @Test("a simple processor released with a pending span logs one warning with the count")
    func simpleReleaseLogsLostSpans() async {
        let exporter = GatedExporter()
        let (logger, logs) = CapturingLogHandler.makeLogger()
        do {
            let processor = OTelSimpleSpanProcessor(exporter: exporter, exportTimeout: .zero, logger: logger)
            var started = exporter.started.makeAsyncIterator()
            processor.onEnd(finishedSpan("a"))
            processor.onEnd(finishedSpan("b"))
            #expect(await started.next() == 1)
        }
        let warnings = logs.all.filter { $0.message == Self.lostMessage }
        #expect(warnings.map { $0.metadata["count"] } == ["2"])
        exporter.open()
    }
}
