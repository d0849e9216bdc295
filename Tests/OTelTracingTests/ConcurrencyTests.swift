import PlainThreads
import OTelModel
import OTelTracing
import OpenTracing
import Testing
import Tracing

/// Many concurrent "requests", each mixing both APIs; every span is tagged with its request's index.
@Suite("Concurrent requests mixing both APIs never share context")
struct ConcurrencyTests {
    static let requestKey = "test.request"
    static let spansPerRequest = 5

    /// OT (imperative) → SDT → OT child + SDT in `async let` → SDT leaf; awaits between every step.
    static func asyncRequest(_ index: Int, fixture: MixedFixture) async {
        let ot = fixture.ot
        let sdt = fixture.sdt
        let tag: [String: TagValue] = [requestKey: .int(Int64(index))]
        let scope = ot.startActiveSpan("request", tags: tag)
        await Task.yield()
        await sdt.withSpan("handler") { span in
            span.attributes[requestKey] = index
            await Task.yield()
            let child = ot.startSpan("ot-child", tags: tag)
            await Task.yield()
            child.finish()
            async let leaf: Void = sdt.withSpan("async-let") { leaf in
                leaf.attributes[requestKey] = index
                await Task.yield()
            }
            await ot.withActiveSpan("ot-structured", tags: tag) { _ in
                await Task.yield()
            }
            await leaf
        }
        scope.close()
    }

    /// The same shape in synchronous code (imperative OT scopes, withSpan).
    static func syncRequest(_ index: Int, fixture: MixedFixture) {
        let ot = fixture.ot
        let sdt = fixture.sdt
        let tag: [String: TagValue] = [requestKey: .int(Int64(index))]
        let scope = ot.startActiveSpan("request", tags: tag)
        sdt.withSpan("handler") { span in
            span.attributes[requestKey] = index
            ot.startSpan("ot-child", tags: tag).finish()
            sdt.withSpan("async-let") { leaf in leaf.attributes[requestKey] = index }
            let structured = ot.startActiveSpan("ot-structured", tags: tag)
            structured.close()
        }
        scope.close()
    }

    /// Checks that each request's spans form its own trace with the expected parents.
    static func expectIsolatedTraces(_ spans: [OTelFinishedSpan], requests: Int) {
        #expect(spans.count == requests * spansPerRequest)
        var byRequest: [Int64: [OTelFinishedSpan]] = [:]
        for span in spans {
            guard case .int(let index) = span.attributes[requestKey] else {
                Issue.record("span '\(span.name)' has no request index")
                continue
            }
            byRequest[index, default: []].append(span)
        }
        #expect(byRequest.count == requests)
        var traceIDs: Set<TraceID> = []
        for (index, requestSpans) in byRequest {
            #expect(requestSpans.count == spansPerRequest, "request \(index)")
            let traces = Set(requestSpans.map(\.context.traceID))
            #expect(traces.count == 1, "request \(index) spans \(traces.count) traces")
            if let trace = traces.first { traceIDs.insert(trace) }
            expectChain(["request", "handler", "ot-child"], in: requestSpans)
            expectChain(["request", "handler", "async-let"], in: requestSpans)
            expectChain(["request", "handler", "ot-structured"], in: requestSpans)
        }
        #expect(traceIDs.count == requests, "no two requests share a trace")
    }

    @Test("50 requests in a task group: each request's spans share one trace id, and only that one")
    func taskGroup() async throws {
        let fixture = MixedFixture()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask { await Self.asyncRequest(index, fixture: fixture) }
            }
        }
        Self.expectIsolatedTraces(try await fixture.exportedSpans(), requests: 50)
    }

    @Test("50 requests in detached tasks: no cross-talk")
    func detachedTasks() async throws {
        let fixture = MixedFixture()
        let tasks = (0..<50).map { index in
            Task.detached { await Self.asyncRequest(index, fixture: fixture) }
        }
        for task in tasks { await task.value }
        Self.expectIsolatedTraces(try await fixture.exportedSpans(), requests: 50)
    }

    @Test("requests started inside another request's withSpan but detached start their own traces")
    func detachedInsideRequest() async throws {
        let fixture = MixedFixture()
        await fixture.sdt.withSpan("outer") { _ in
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        await Task.detached { await Self.asyncRequest(index, fixture: fixture) }.value
                    }
                }
            }
        }
        let spans = try await fixture.exportedSpans().filter { $0.name != "outer" }
        Self.expectIsolatedTraces(spans, requests: 10)
    }

    @Test("16 threads × 10 synchronous requests: no cross-talk")
    func threads() async throws {
        let fixture = MixedFixture()
        runOnNewThreads(16) { thread in
            for round in 0..<10 {
                Self.syncRequest(thread * 10 + round, fixture: fixture)
            }
        }
        Self.expectIsolatedTraces(try await fixture.exportedSpans(), requests: 160)
    }
}
