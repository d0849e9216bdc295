import Dispatch
import OTShim
import OTelModel
import OpenTracing
import Testing

@Suite("Scope manager shim over the OpenTelemetry context (OT-48 … OT-51)")
struct ScopeManagerTests {
    @Test("OT-48, OT-49 activate makes the OpenTelemetry span and the span's baggage current")
    func activateSetsOTelContext() async {
        let fixture = ShimFixture()
        await onNewThread {
            let span = fixture.tracer.startSpan("active")
            span.setBaggageItem("k", "v")
            let scope = fixture.tracer.scopeManager.activate(span, finishOnClose: true)
            let current = OTelContext.current
            #expect(current.spanContext?.spanID.hexString == span.context.spanID)
            #expect(current.baggage["k"] == "v")
            scope.close()
            #expect(OTelContext.current.span == nil)
            #expect(OTelContext.current.baggage.isEmpty)
        }
    }

    @Test("OT-49, OT-50 an unsampled span activates as one non-recording OpenTelemetry span, the same object every time")
    func unsampledSpanActivatesOneOTelSpan() async throws {
        let fixture = ShimFixture(sampler: OTelAlwaysOffSampler())
        await onNewThread {
            let span = fixture.tracer.startSpan("unsampled")
            let first = fixture.tracer.scopeManager.activate(span, finishOnClose: false)
            let otelSpan = OTelContext.current.span
            #expect(otelSpan?.isRecording == false)
            #expect(otelSpan?.context.traceID.hexString == span.context.traceID)
            #expect(otelSpan?.context.spanID.hexString == span.context.spanID)
            #expect(fixture.tracer.scopeManager.active === first)
            first.close()
            #expect(OTelContext.current.span == nil)
            let second = fixture.tracer.scopeManager.activate(span, finishOnClose: true)
            #expect(OTelContext.current.span === otelSpan)
            #expect(fixture.tracer.activeSpan === span)
            fixture.tracer.scopeManager.withActiveSpan(span) {
                #expect(OTelContext.current.span === otelSpan)
                #expect(fixture.tracer.activeSpan === span)
            }
            let child = fixture.tracer.startSpan("child")
            #expect(child.context.traceID == span.context.traceID)
            child.finish()
            second.close()
        }
        #expect(try await fixture.exportedSpans().isEmpty)
    }

    @Test("OT-50 a sampled span activates as its recording OpenTelemetry span")
    func sampledSpanActivatesItsRecordingSpan() async throws {
        let fixture = ShimFixture()
        await onNewThread {
            let span = fixture.tracer.startSpan("sampled")
            let scope = fixture.tracer.scopeManager.activate(span, finishOnClose: false)
            let otelSpan = OTelContext.current.span
            #expect(otelSpan?.isRecording == true)
            #expect(otelSpan?.name == "sampled")
            span.setTag("seen", true)
            #expect(otelSpan?.attributes["seen"] == .bool(true))
            scope.close()
            span.finish()
        }
        #expect(try await fixture.exportedSpan(named: "sampled").attributes["seen"] == .bool(true))
    }

    @Test("OT-51 baggage set on the active span after activate reaches OTelModel spans started inside the activation")
    func baggageSetAfterActivationReachesOTelModel() async {
        let fixture = ShimFixture()
        await onNewThread {
            let scope = fixture.tracer.scopeManager.activate(fixture.tracer.startSpan("ot"), finishOnClose: true)
            scope.span.setBaggageItem("late", "yes")
            let parent = OTelContext.current
            #expect(parent.baggage["late"] == "yes")
            let native = fixture.provider.tracer(name: "native").startSpan("otel", context: parent)
            #expect(native.context.traceID.hexString == scope.span.context.traceID)
            let childContext = parent.withSpan(native)
            #expect(childContext.baggage["late"] == "yes")
            OTelContext.withValue(childContext) {
                #expect(fixture.tracer.activeSpan?.baggageItem("late") == "yes")
            }
            native.end()
            scope.close()
            #expect(OTelContext.current.baggage.isEmpty)
        }
    }

    @Test("OT-49 activating a span with empty baggage hides the ambient OpenTelemetry baggage")
    func activationOverridesAmbientBaggage() async {
        let fixture = ShimFixture()
        await onNewThread {
            OTelContext.withValue(OTelContext(baggage: OTelBaggage().setting(name: "ambient", value: "x"))) {
                let scope = fixture.tracer.startActiveSpan("no baggage", ignoreActiveSpan: true)
                #expect(OTelContext.current.baggage.isEmpty)
                scope.close()
                #expect(OTelContext.current.baggage["ambient"] == "x")
            }
        }
    }

    @Test("OT-49 activating the no-op span activates no span: active is nil, and closing restores the outer scope")
    func activateNoopSpan() async {
        let fixture = ShimFixture()
        await onNewThread {
            let outer = fixture.tracer.startActiveSpan("outer")
            let noop = fixture.tracer.scopeManager.activate(NoopTracer().startSpan("noop"), finishOnClose: false)
            #expect(fixture.tracer.scopeManager.active == nil)
            #expect(OTelContext.current.spanContext?.isValid == false)
            noop.close()
            #expect(fixture.tracer.scopeManager.active === outer)
            outer.close()
            #expect(fixture.tracer.scopeManager.active == nil)
        }
    }

    @Test("OT-49 an unsampled span activates normally and parents its children")
    func unsampledSpanActivates() async throws {
        let fixture = ShimFixture(sampler: OTelAlwaysOffSampler())
        let ids: (String, String?) = await onNewThread {
            let scope = fixture.tracer.startActiveSpan("dropped")
            let child = fixture.tracer.startSpan("dropped child")
            defer {
                child.finish()
                scope.close()
            }
            #expect(fixture.tracer.scopeManager.active === scope)
            return (scope.span.context.traceID, child.context.traceID)
        }
        #expect(ids.0 == ids.1)
        #expect(ids.0 != String(repeating: "0", count: 32))
        #expect(try await fixture.exportedSpans().isEmpty)
    }

    @Test("OT-50 active is nil when the current span is invalid and the baggage empty")
    func activeIsNil() async {
        let fixture = ShimFixture()
        #expect(fixture.tracer.scopeManager.active == nil)
        await onNewThread {
            #expect(fixture.tracer.scopeManager.active == nil)
            OTelContext.withValue(OTelContext(span: OTelSpan(nonRecording: .invalid))) {
                #expect(fixture.tracer.scopeManager.active == nil)
            }
        }
    }

    @Test("OT-50 with only baggage current, active is a span over an invalid context carrying that baggage")
    func activeBaggageOnly() async {
        let fixture = ShimFixture()
        await onNewThread {
            OTelContext.withValue(OTelContext(baggage: OTelBaggage().setting(name: "only", value: "baggage"))) {
                let active = fixture.tracer.activeSpan
                #expect(active?.context.baggageItems == ["only": "baggage"])
                #expect(active?.context.spanID == String(repeating: "0", count: 16))
                #expect(active?.tracer === fixture.tracer)
                // A child inherits the baggage and starts a new trace.
                let child = fixture.tracer.startSpan("child")
                #expect(child.baggageItem("only") == "baggage")
                child.finish()
            }
        }
    }

    @Test("OT-50 while a shim activation is current, active returns the same scope and span objects")
    func activeIsSameObject() async {
        let fixture = ShimFixture()
        await onNewThread {
            let span = fixture.tracer.startSpan("same")
            let scope = fixture.tracer.scopeManager.activate(span, finishOnClose: true)
            #expect(fixture.tracer.scopeManager.active === scope)
            #expect(fixture.tracer.scopeManager.active === fixture.tracer.scopeManager.active)
            #expect(fixture.tracer.activeSpan === span)
            fixture.tracer.scopeManager.withActiveSpan(span) {
                #expect(fixture.tracer.activeSpan === span)
                #expect(fixture.tracer.scopeManager.active === fixture.tracer.scopeManager.active)
            }
            scope.close()
        }
    }

    @Test("OT-50, OT-51 a span made current through OTelModel is active as a new span shim over it")
    func activeWrapsNativeSpan() async throws {
        let fixture = ShimFixture()
        let native = fixture.provider.tracer(name: "native").startSpan("native", parent: nil)
        await onNewThread {
            OTelContext.withSpan(native) {
                let active = fixture.tracer.activeSpan
                #expect(active?.context.spanID == native.context.spanID.hexString)
                active?.setTag("tagged.through.shim", true)
                let child = fixture.tracer.startSpan("ot child")
                child.finish()
            }
        }
        native.end()
        let exported = try await fixture.exportedSpans()
        let nativeSpan = try #require(exported.first { $0.name == "native" })
        #expect(nativeSpan.attributes["tagged.through.shim"] == .bool(true))
        let child = try #require(exported.first { $0.name == "ot child" })
        #expect(child.parentSpanID == native.context.spanID)
        #expect(child.context.traceID == native.context.traceID)
    }

    @Test("OT-50 a non-recording span made current through OTelModel is active over that same object, recording nothing")
    func activeWrapsNonRecordingSpan() async throws {
        let fixture = ShimFixture()
        let traceID = try #require(TraceID(hexString: "0000000000000007000000000000000b"))
        let spanID = try #require(SpanID(hexString: "0000000000000009"))
        let remote = OTelSpan(
            nonRecording: OTelSpanContext(traceID: traceID, spanID: spanID, traceFlags: .sampled, isRemote: true))
        await onNewThread {
            OTelContext.withSpan(remote) {
                guard let active = fixture.tracer.activeSpan else {
                    Issue.record("no active span")
                    return
                }
                #expect(active.context.spanID == remote.context.spanID.hexString)
                active.setTag("ignored", true)
                active.setOperationName("ignored")
                let scope = fixture.tracer.scopeManager.activate(active, finishOnClose: false)
                #expect(OTelContext.current.span === remote)
                #expect(fixture.tracer.scopeManager.active === scope)
                let child = fixture.tracer.startSpan("child of remote")
                child.finish()
                scope.close()
                active.finish()
            }
        }
        let child = try await fixture.exportedSpan(named: "child of remote")
        #expect(child.parentSpanID == remote.context.spanID)
        #expect(child.context.traceID == remote.context.traceID)
        #expect(try await fixture.exportedSpans().count == 1)
    }

    @Test("OT-51 OpenTelemetry code under an OpenTracing scope gets the OpenTracing span as parent and its baggage")
    func nativeChildOfShimSpan() async throws {
        let fixture = ShimFixture()
        await onNewThread {
            let scope = fixture.tracer.startActiveSpan("ot parent")
            scope.span.setBaggageItem("k", "v")
            let inner = fixture.tracer.scopeManager.activate(scope.span, finishOnClose: false)
            fixture.provider.tracer(name: "native").startSpan("native child").end()
            #expect(OTelContext.current.baggage["k"] == "v")
            inner.close()
            scope.close()
        }
        let spans = try await fixture.exportedSpans()
        let parent = try #require(spans.first { $0.name == "ot parent" })
        let child = try #require(spans.first { $0.name == "native child" })
        #expect(child.parentSpanID == parent.context.spanID)
        #expect(child.context.traceID == parent.context.traceID)
    }

    @Test("baggage set on the active span after activation reaches spans started under it")
    func lateBaggageReachesChildren() async {
        let fixture = ShimFixture()
        await onNewThread {
            let scope = fixture.tracer.startActiveSpan("parent")
            scope.span.setBaggageItem("late", "yes")
            let child = fixture.tracer.startSpan("child")
            #expect(child.baggageItem("late") == "yes")
            child.finish()
            scope.close()
        }
    }

    @Test("finishOnClose finishes the span on close; false leaves it running")
    func finishOnClose() async throws {
        let fixture = ShimFixture()
        let running: any OpenTracing.Span = await onNewThread {
            fixture.tracer.scopeManager.activate(fixture.tracer.startSpan("finished"), finishOnClose: true).close()
            let running = fixture.tracer.startSpan("running")
            fixture.tracer.scopeManager.activate(running, finishOnClose: false).close()
            return running
        }
        #expect(try await fixture.exportedSpans().map(\.name) == ["finished"])
        running.finish()
        #expect(try await fixture.exportedSpans().map(\.name) == ["finished", "running"])
    }

    @Test("misuse is reported and never corrupts: double close, out-of-order close, closing an ambient scope")
    func misuse() async throws {
        let log = MisuseLog()
        let fixture = ShimFixture(scopeMisuseHandler: log.handler)
        await onNewThread {
            let outer = fixture.tracer.startActiveSpan("outer")
            let inner = fixture.tracer.startActiveSpan("inner")
            outer.close()
            #expect(fixture.tracer.scopeManager.active === inner)
            inner.close()
            inner.close()
            #expect(fixture.tracer.scopeManager.active == nil)
            let structured = fixture.tracer.startSpan("structured")
            fixture.tracer.scopeManager.withActiveSpan(structured) {
                fixture.tracer.scopeManager.active?.close()
                #expect(fixture.tracer.activeSpan === structured)
            }
            structured.finish()
        }
        #expect(log.all == [.outOfOrderClose, .doubleClose, .closedAmbientScope])
        #expect(try await fixture.exportedSpans().map(\.name) == ["outer", "inner", "structured"])
        #expect(fixture.logs.all.contains { $0.message.contains("scope was misused") })
    }

    @Test("a scope closed on another thread is reported and leaves that thread's active span alone")
    func closeOnOtherThread() async {
        let log = MisuseLog()
        let fixture = ShimFixture(scopeMisuseHandler: log.handler)
        let scope = await onNewThread { fixture.tracer.startActiveSpan("elsewhere", finishOnClose: false) }
        await onNewThread {
            let own = fixture.tracer.startActiveSpan("own")
            scope.close()
            #expect(fixture.tracer.scopeManager.active === own)
            own.close()
        }
        scope.span.finish()
        #expect(log.all == [.closedOnOtherThread])
    }

    @Test("the same span can be re-activated while already active, nested and on other threads")
    func reactivateSameSpan() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("one")
        await onNewThread {
            let first = fixture.tracer.scopeManager.activate(span, finishOnClose: false)
            let second = fixture.tracer.scopeManager.activate(span, finishOnClose: false)
            #expect(fixture.tracer.scopeManager.active === second)
            second.close()
            #expect(fixture.tracer.scopeManager.active === first)
            first.close()
        }
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let scope = fixture.tracer.scopeManager.activate(span, finishOnClose: false)
            span.setTag("key\(index)", .int(Int64(index)))
            #expect(fixture.tracer.activeSpan === span)
            scope.close()
        }
        span.finish()
        #expect(try await fixture.exportedSpan(named: "one").attributes.count == 8)
    }

    @Test("threads: 64 threads with nested scopes each see only their own spans")
    func manyThreads() async {
        let fixture = ShimFixture()
        let wrong = Locked(0)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                group.addTask {
                    await onNewThread {
                        let outer = fixture.tracer.startActiveSpan("outer \(index)")
                        for depth in 0..<10 {
                            let inner = fixture.tracer.startActiveSpan("inner \(index).\(depth)")
                            if fixture.tracer.activeSpan !== inner.span { wrong.withLock { $0 += 1 } }
                            inner.close()
                            if fixture.tracer.activeSpan !== outer.span { wrong.withLock { $0 += 1 } }
                        }
                        outer.close()
                        if fixture.tracer.activeSpan != nil { wrong.withLock { $0 += 1 } }
                    }
                }
            }
        }
        #expect(wrong.current == 0)
    }

    @Test("tasks: an imperative scope survives awaits on other threads; structured activation reaches child tasks")
    func tasks() async throws {
        let fixture = ShimFixture()
        #expect(isInTask)
        let scope = fixture.tracer.startActiveSpan("imperative")
        for _ in 0..<5 { await hopThreads() }
        #expect(fixture.tracer.activeSpan === scope.span)
        scope.close()
        #expect(fixture.tracer.activeSpan == nil)

        let parent = fixture.tracer.startSpan("structured")
        await fixture.tracer.scopeManager.withActiveSpan(parent, isolation: #isolation) {
            await hopThreads()
            #expect(fixture.tracer.activeSpan === parent)
            async let fromAsyncLet = fixture.tracer.activeSpan?.context.spanID
            let fromTask = await Task { fixture.tracer.activeSpan?.context.spanID }.value
            let fromDetached = await Task.detached { fixture.tracer.activeSpan?.context.spanID }.value
            let fromGroup = await withTaskGroup(of: String?.self) { group in
                group.addTask {
                    fixture.tracer.startSpan("group child").finish()
                    return fixture.tracer.activeSpan?.context.spanID
                }
                return await group.next() ?? nil
            }
            #expect(await fromAsyncLet == parent.context.spanID)
            #expect(fromTask == parent.context.spanID)
            #expect(fromGroup == parent.context.spanID)
            #expect(fromDetached == nil)
        }
        parent.finish()
        #expect(try await fixture.exportedSpan(named: "group child").parentSpanID?.hexString == parent.context.spanID)
    }

    @Test("tasks: 200 concurrent tasks never see each other's spans, structured or imperative")
    func concurrentTasks() async {
        let fixture = ShimFixture()
        let wrong = await withTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask {
                    var wrong = 0
                    let span = fixture.tracer.startSpan("task \(index)", ignoreActiveSpan: true)
                    await fixture.tracer.scopeManager.withActiveSpan(span, isolation: #isolation) {
                        await Task.yield()
                        if fixture.tracer.activeSpan !== span { wrong += 1 }
                        let inner = fixture.tracer.startActiveSpan("inner \(index)")
                        await Task.yield()
                        if fixture.tracer.activeSpan !== inner.span { wrong += 1 }
                        inner.close()
                        if fixture.tracer.activeSpan !== span { wrong += 1 }
                    }
                    if fixture.tracer.activeSpan != nil { wrong += 1 }
                    span.finish()
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
    }

    @Test("a scope closed in another task is reported as closedInOtherTask and stops being active")
    func closeInOtherTask() async {
        let log = MisuseLog()
        let fixture = ShimFixture(scopeMisuseHandler: log.handler)
        let scope = fixture.tracer.startActiveSpan("owned by this task")
        await Task.detached { scope.close() }.value
        #expect(log.all == [.closedInOtherTask])
        #expect(fixture.tracer.activeSpan == nil)
    }
}
