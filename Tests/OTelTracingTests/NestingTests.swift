import PlainThreads
import OTelModel
import OTelTracing
import OpenTracing
import Testing
import Tracing

@Suite("One trace across OpenTracing and swift-distributed-tracing call sites")
struct NestingTests {
    /// OT → SDT → OT → SDT with imperative OpenTracing scopes, in synchronous code; checks the active span at
    /// every level from both APIs.
    private static func nestImperatively(_ fixture: MixedFixture) {
        let ot = fixture.ot
        let sdt = fixture.sdt
        let outer = ot.startSpan("ot-1")
        let outerScope = ot.scopeManager.activate(outer)
        sdt.withSpan("sdt-2") { sdtSpan in
            let sdtID = sdtSpan.otelSpan.context.spanID.hexString
            #expect(activeOpenTracingSpanID(ot) == sdtID)
            let inner = ot.startSpan("ot-3")
            let innerScope = ot.scopeManager.activate(inner)
            #expect(currentDistributedSpanID(sdt) == inner.context.spanID)
            sdt.withSpan("sdt-4") { innermost in
                let innermostID = innermost.otelSpan.context.spanID.hexString
                #expect(activeOpenTracingSpanID(ot) == innermostID)
                #expect(currentOTelSpanID() == innermostID)
            }
            #expect(activeOpenTracingSpanID(ot) == inner.context.spanID)
            innerScope.close()
            inner.finish()
            #expect(activeOpenTracingSpanID(ot) == sdtID)
        }
        #expect(activeOpenTracingSpanID(ot) == outer.context.spanID)
        outerScope.close()
        outer.finish()
        #expect(ot.activeSpan == nil)
    }

    @Test("OT → SDT → OT → SDT on a plain thread: imperative scopes parent withSpan spans and the reverse")
    func imperativeOnThread() async throws {
        let fixture = MixedFixture()
        runOnNewThreads(1) { _ in Self.nestImperatively(fixture) }
        expectChain(["ot-1", "sdt-2", "ot-3", "sdt-4"], in: try await fixture.exportedSpans())
    }

    @Test("OT → SDT → OT → SDT in synchronous code called by a task")
    func imperativeInTask() async throws {
        let fixture = MixedFixture()
        await Task.detached { Self.nestImperatively(fixture) }.value
        expectChain(["ot-1", "sdt-2", "ot-3", "sdt-4"], in: try await fixture.exportedSpans())
    }

    @Test("OT → SDT → OT → SDT async: imperative scopes survive awaits and parent withSpan spans")
    func imperativeAsync() async throws {
        let fixture = MixedFixture()
        let ot = fixture.ot
        let sdt = fixture.sdt
        let outerScope = ot.startActiveSpan("ot-1")
        await Task.yield()
        await sdt.withSpan("sdt-2") { sdtSpan in
            await Task.yield()
            #expect(activeOpenTracingSpanID(ot) == sdtSpan.otelSpan.context.spanID.hexString)
            let innerScope = ot.startActiveSpan("ot-3")
            await Task.yield()
            await sdt.withSpan("sdt-4") { innermost in
                await Task.yield()
                #expect(activeOpenTracingSpanID(ot) == innermost.otelSpan.context.spanID.hexString)
            }
            #expect(activeOpenTracingSpanID(ot) == innerScope.span.context.spanID)
            innerScope.close()
        }
        #expect(activeOpenTracingSpanID(ot) == outerScope.span.context.spanID)
        outerScope.close()
        expectChain(["ot-1", "sdt-2", "ot-3", "sdt-4"], in: try await fixture.exportedSpans())
    }

    @Test("OT → SDT → OT → SDT async with structured OpenTracing scopes, across awaits")
    func structuredAsync() async throws {
        let fixture = MixedFixture()
        let ot = fixture.ot
        let sdt = fixture.sdt
        await ot.withActiveSpan("ot-1") { _ in
            await Task.yield()
            await sdt.withSpan("sdt-2") { _ in
                await Task.yield()
                await ot.withActiveSpan("ot-3") { inner in
                    await Task.yield()
                    #expect(currentDistributedSpanID(sdt) == inner.context.spanID)
                    await sdt.withSpan("sdt-4") { innermost in
                        await Task.yield()
                        #expect(activeOpenTracingSpanID(ot) == innermost.otelSpan.context.spanID.hexString)
                    }
                }
            }
        }
        expectChain(["ot-1", "sdt-2", "ot-3", "sdt-4"], in: try await fixture.exportedSpans())
    }

    @Test("SDT → OT → SDT → OT: a withSpan span is OpenTracing's active span and parents OpenTracing spans")
    func distributedFirst() async throws {
        let fixture = MixedFixture()
        let ot = fixture.ot
        let sdt = fixture.sdt
        await sdt.withSpan("sdt-1") { outer in
            let active = ot.activeSpan
            #expect(active?.context.spanID == outer.otelSpan.context.spanID.hexString)
            #expect(active?.context.traceID == outer.otelSpan.context.traceID.hexString)
            await ot.withActiveSpan("ot-2") { _ in
                await Task.yield()
                await sdt.withSpan("sdt-3") { _ in
                    let scope = ot.startActiveSpan("ot-4")
                    await Task.yield()
                    #expect(currentDistributedSpanID(sdt) == scope.span.context.spanID)
                    scope.close()
                }
            }
        }
        expectChain(["sdt-1", "ot-2", "sdt-3", "ot-4"], in: try await fixture.exportedSpans())
    }

    @Test("tags set on OpenTracing's view of a withSpan span land on that span")
    func tagThroughOpenTracingView() async throws {
        let fixture = MixedFixture()
        fixture.sdt.withSpan("shared") { _ in
            fixture.ot.activeSpan?.setTag("db.system", "postgresql")
            fixture.ot.activeSpan?.log(event: "query")
        }
        let span = try await fixture.exportedSpan(named: "shared")
        #expect(span.attributes["db.system"] == .string("postgresql"))
        #expect(span.events.map(\.name) == ["query"])
    }

    @Test("child tasks of a withSpan parent OpenTracing spans on the withSpan span; detached tasks start new traces")
    func childTasks() async throws {
        let fixture = MixedFixture()
        let ot = fixture.ot
        await fixture.sdt.withSpan("request") { _ in
            async let fromAsyncLet: Void = ot.startSpan("async-let").finish()
            await fromAsyncLet
            await withTaskGroup(of: Void.self) { group in
                group.addTask { ot.startSpan("group-child").finish() }
            }
            await Task { ot.startSpan("unstructured").finish() }.value
            await Task.detached { ot.startSpan("detached").finish() }.value
        }
        let spans = try await fixture.exportedSpansByName()
        let request = try #require(spans["request"])
        for name in ["async-let", "group-child", "unstructured"] {
            #expect(spans[name]?.parentSpanID == request.context.spanID, "\(name)")
            #expect(spans[name]?.context.traceID == request.context.traceID, "\(name)")
        }
        #expect(spans["detached"]?.parentSpanID == nil)
    }

    @Test("withActiveContext hands an imperative OpenTracing scope to child tasks that use withSpan")
    func bridgeIntoChildTasks() async throws {
        let fixture = MixedFixture()
        let sdt = fixture.sdt
        let scope = fixture.ot.startActiveSpan("ot-parent")
        await OTelContext.withActiveContext {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { sdt.withSpan("sdt-child") { _ in } }
            }
        }
        scope.close()
        expectChain(["ot-parent", "sdt-child"], in: try await fixture.exportedSpans())
    }

    @Test("an OpenTracing scope left open inside withSpan hides nothing after it")
    func leakedScope() async throws {
        let fixture = MixedFixture()
        let ot = fixture.ot
        let outer = ot.startActiveSpan("outer")
        let leaked: (any Scope)? = fixture.sdt.withSpan("sdt") { _ in ot.startActiveSpan("leaked") }
        #expect(activeOpenTracingSpanID(ot) == outer.span.context.spanID)
        fixture.sdt.withSpan("after") { _ in }
        leaked?.close()
        outer.close()
        let spans = try await fixture.exportedSpansByName()
        #expect(spans["after"]?.parentSpanID == spans["outer"]?.context.spanID)
    }
}
