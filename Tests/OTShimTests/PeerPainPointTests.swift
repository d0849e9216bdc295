import Dispatch
import OTShim
import OTelModel
import OpenTracing
import Testing

/// Each pain point of peers.md §3 that applies to Swift, named after the peer issue, proving the shim does not have
/// it.
@Suite("Peer pain points (peers.md §3) the shim does not have")
struct PeerPainPointTests {
    // MARK: - Specification repository

    @Test("Spec #2194 / Java #4578: baggage set through the shim is visible to OpenTelemetry code under its scope")
    func mixedAPIsKeepBaggage() async {
        let fixture = ShimFixture()
        await onNewThread {
            let span = fixture.tracer.startSpan("ot")
            span.setBaggageItem("tenant", "acme")
            fixture.tracer.scopeManager.withActiveSpan(span) {
                #expect(OTelContext.current.baggage["tenant"] == "acme")
            }
            span.finish()
        }
    }

    @Test("Spec #2326 / Go #3999: baggage-only propagation extracts and injects without a span context")
    func baggageOnlyPropagation() throws {
        let fixture = ShimFixture()
        let extracted = try #require(try fixture.tracer.extract(format: .httpHeaders, from: ["baggage": "k=v"]))
        var out: [String: String] = [:]
        try fixture.tracer.inject(extracted, format: .httpHeaders, into: &out)
        #expect(out == ["baggage": "k=v"])
    }

    @Test("Spec #3471 / Java #5339: a jaeger-debug-id (invalid but sampled) context is not dropped")
    func jaegerDebugID() throws {
        let fixture = ShimFixture(propagator: OTelJaegerPropagator())
        #expect(try fixture.tracer.extract(format: .httpHeaders, from: ["jaeger-debug-id": "x1"]) != nil)
    }

    // MARK: - Java

    @Test("Java #3952: activating the no-op span does not throw and deactivates the active span")
    func activateNull() async {
        let fixture = ShimFixture()
        await onNewThread {
            let outer = fixture.tracer.startActiveSpan("outer")
            let scope = fixture.tracer.scopeManager.activate(NoopTracer().startSpan("x"))
            #expect(fixture.tracer.activeSpan == nil)
            scope.close()
            #expect(fixture.tracer.activeSpan === outer.span)
            outer.close()
        }
    }

    @Test("Java #3962: start tags reach the sampler (sampling.priority = 0 drops the span)")
    func startTagsBeforeSampling() async throws {
        let fixture = ShimFixture(sampler: RecordingSampler())
        fixture.tracer.startSpan("dropped", tags: ["sampling.priority": 0]).finish()
        #expect(try await fixture.exportedSpans().isEmpty)
    }

    @Test("Java #4344: extract from an empty carrier ignores the active span")
    func extractIgnoresActiveSpan() async throws {
        let fixture = ShimFixture()
        let extracted = try await onNewThread {
            Result {
                let scope = fixture.tracer.startActiveSpan("active")
                defer { scope.close() }
                return try fixture.tracer.extract(format: .httpHeaders, from: [String: String]())?.spanID
            }
        }.get()
        #expect(extracted == nil)
    }

    @Test("Java #4907: the parent reference is also a link")
    func parentIsALink() async throws {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("parent")
        fixture.tracer.startSpan("child", childOf: parent).finish()
        parent.finish()
        let child = try await fixture.exportedSpan(named: "child")
        #expect(child.links.map(\.context.spanID) == [child.parentSpanID].compactMap { $0 })
    }

    @Test("Java #4910 / #4962: the error tag maps to the status, on the builder and on the span")
    func errorTagToStatus() async throws {
        let fixture = ShimFixture()
        fixture.tracer.startSpan("builder", tags: ["error": true]).finish()
        let span = fixture.tracer.startSpan("span")
        span.setTag("error", "true")
        span.finish()
        #expect(try await fixture.exportedSpans().map(\.status) == [.error(), .error()])
    }

    @Test("Java #5005: odd arguments never throw: empty names, empty keys, foreign contexts and spans")
    func oddArgumentsDoNotThrow() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("", references: [.childOf(NoopSpanContext())], tags: ["": "empty key"])
        span.setTag("", true)
        span.setBaggageItem("", "")
        span.log(fields: [], timestamp: nil)
        span.log(fields: [LogField("", .describing("x"))], timestamp: Timestamp(nanosecondsSinceEpoch: 0))
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(NoopSpanContext(), format: .textMap, into: &carrier)
        #expect(carrier.isEmpty)
        span.finish()
        #expect(try await fixture.exportedSpans().count == 1)
    }

    @Test("Java #4535: a span wrapper around a shim span activates and parents children without errors")
    func spanWrappers() async throws {
        let fixture = ShimFixture()
        let inner = fixture.tracer.startSpan("wrapped")
        let wrapper = DecoratingSpan(inner)
        await onNewThread {
            let scope = fixture.tracer.scopeManager.activate(wrapper, finishOnClose: true)
            #expect(fixture.tracer.activeSpan === wrapper)
            fixture.tracer.startSpan("child of wrapper").finish()
            scope.close()
        }
        let child = try await fixture.exportedSpan(named: "child of wrapper")
        #expect(child.parentSpanID?.hexString == inner.context.spanID)
        #expect(try await fixture.exportedSpan(named: "wrapped").endTime > 0)
    }

    @Test("Java #42: span.kind set after creation still sets the span kind")
    func lateSpanKind() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("late kind")
        span.setTag("span.kind", "client")
        span.finish()
        #expect(try await fixture.exportedSpan(named: "late kind").kind == .client)
    }

    @Test("Java SpanShim.logInternal: the explicit timestamp survives the error-object exception path")
    func exceptionTimestamp() async throws {
        struct Failure: Error {}
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("timed exception", startTime: Timestamp(nanosecondsSinceEpoch: 5))
        span.log(
            ["event": "error", "error.object": .error(Failure())], timestamp: Timestamp(nanosecondsSinceEpoch: 77))
        span.finish()
        #expect(try await fixture.exportedSpan(named: "timed exception").events.map(\.time) == [77])
    }

    @Test("Java (Binary silently ignored): the binary format carries the context")
    func binaryNotIgnored() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("binary")
        defer { span.finish() }
        var carrier = BinaryCarrier()
        try fixture.tracer.inject(span.context, format: .binary, into: &carrier)
        #expect(try fixture.tracer.extract(format: .binary, from: carrier)?.spanID == span.context.spanID)
    }

    @Test("Java ScopeShim (no out-of-order detection): an out-of-order close is reported")
    func outOfOrderDetected() async {
        let log = MisuseLog()
        let fixture = ShimFixture(scopeMisuseHandler: log.handler)
        await onNewThread {
            let outer = fixture.tracer.startActiveSpan("outer")
            let inner = fixture.tracer.startActiveSpan("inner")
            outer.close()
            inner.close()
        }
        #expect(log.all == [.outOfOrderClose])
    }

    // MARK: - Go

    @Test("Go #2793: baggage is injected and extracted")
    func baggageRoundTrip() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        span.setBaggageItem("a", "1 2")
        defer { span.finish() }
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(span.context, format: .textMap, into: &carrier)
        #expect(try fixture.tracer.extract(format: .textMap, from: carrier)?.baggageItems == ["a": "1 2"])
    }

    @Test("Go #3953 / #3997: span.kind set after start is not dropped")
    func goLateSpanKind() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("yarpc")
        span.setTag("span.kind", "server")
        span.finish()
        #expect(try await fixture.exportedSpan(named: "yarpc").kind == .server)
    }

    @Test("Go #2137 / #3678: custom HTTP header carriers are accepted for inject and extract")
    func customHeaderCarriers() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("grpc")
        defer { span.finish() }
        var metadata = HeaderList()
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &metadata)
        #expect(try fixture.tracer.extract(format: .httpHeaders, from: metadata)?.spanID == span.context.spanID)
    }

    @Test("Go #2142 / #2978: one call sets the shim up; OpenTracing and OpenTelemetry spans share a trace, no warnings")
    func oneStepSetup() async throws {
        let fixture = ShimFixture()
        await onNewThread {
            let scope = fixture.tracer.startActiveSpan("ot")
            let native = fixture.provider.tracer(name: "native").startSpan("otel")
            OTelContext.withSpan(native) { fixture.tracer.startSpan("ot again").finish() }
            native.end()
            scope.close()
        }
        let spans = try await fixture.exportedSpans()
        #expect(Set(spans.map(\.context.traceID)).count == 1)
        #expect(fixture.logs.all.isEmpty)
    }

    @Test("Go #1511: baggageItem returns the value set, and nil for a missing key")
    func baggageItem() {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        span.setBaggageItem("present", "yes")
        #expect(span.baggageItem("present") == "yes")
        #expect(span.baggageItem("missing") == nil)
        span.finish()
    }

    @Test("Go (FollowsFrom starts a new trace): a followsFrom-only span stays in the referenced trace")
    func followsFromSameTrace() async throws {
        let fixture = ShimFixture()
        let cause = fixture.tracer.startSpan("cause")
        fixture.tracer.startSpan("effect", references: [.followsFrom(cause.context)]).finish()
        cause.finish()
        let effect = try await fixture.exportedSpan(named: "effect")
        #expect(effect.context.traceID.hexString == cause.context.traceID)
    }

    @Test("Go (non-spec link attributes): links carry opentracing.ref_type, not ot-span-reference-type")
    func specLinkAttribute() async throws {
        let fixture = ShimFixture()
        let a = fixture.tracer.startSpan("a")
        fixture.tracer.startSpan("b", references: [.followsFrom(a.context), .childOf(a.context)]).finish()
        a.finish()
        let links = try await fixture.exportedSpan(named: "b").links
        #expect(links.map { $0.attributes.map(\.key) } == [["opentracing.ref_type"], ["opentracing.ref_type"]])
    }

    @Test("Go (error=false ignored, \"true\" ignored): false → OK and \"true\" → Error")
    func goErrorValues() async throws {
        let fixture = ShimFixture()
        let ok = fixture.tracer.startSpan("ok")
        ok.setTag("error", false)
        ok.finish()
        let failed = fixture.tracer.startSpan("failed")
        failed.setTag("error", "true")
        failed.finish()
        #expect(try await fixture.exportedSpan(named: "ok").status == .ok)
        #expect(try await fixture.exportedSpan(named: "failed").status == .error())
    }

    @Test("Go (no exception mapping in logs): event=error logs become exception events")
    func goExceptionMapping() async throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        span.log(["event": "error", "message": "m"])
        span.finish()
        #expect(try await fixture.exportedSpan(named: "s").events.map(\.name) == ["exception"])
    }

    @Test("Go (baggage mutated without a lock): concurrent setBaggageItem while contexts are read is race-free")
    func concurrentBaggageReads() {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        let snapshot = span.context
        DispatchQueue.concurrentPerform(iterations: 100) { index in
            if index.isMultiple(of: 2) { span.setBaggageItem("k\(index)", "v") } else { _ = span.context.baggageItems }
        }
        #expect(snapshot.baggageItems.isEmpty)
        #expect(span.context.baggageItems.count == 50)
        span.finish()
    }

    @Test("Go (Inject refuses an invalid span context): baggage of an invalid context is injected")
    func goInjectInvalid() throws {
        let fixture = ShimFixture()
        let context = try #require(try fixture.tracer.extract(format: .textMap, from: ["baggage": "b=1"]))
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(context, format: .textMap, into: &carrier)
        #expect(carrier["baggage"] == "b=1")
    }

    // MARK: - Python

    @Test("Python #1166: inject writes the span's own ids, as a jaeger-client neighbour expects")
    func injectOwnIDs() throws {
        let fixture = ShimFixture(propagator: OTelJaegerPropagator())
        let span = fixture.tracer.startSpan("s")
        defer { span.finish() }
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(span.context, format: .httpHeaders, into: &carrier)
        #expect(carrier["uber-trace-id"] == "\(span.context.traceID):\(span.context.spanID):0:1")
    }

    @Test("Python #985: baggage passes to child spans")
    func baggageToChildren() {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("p")
        parent.setBaggageItem("k", "v")
        let child = fixture.tracer.startSpan("c", childOf: parent)
        #expect(child.baggageItem("k") == "v")
        child.finish()
        parent.finish()
    }

    @Test("Python #242 / #922: activeSpan returns the same object on every call")
    func stableActiveSpan() async {
        let fixture = ShimFixture()
        await onNewThread {
            let scope = fixture.tracer.startActiveSpan("s")
            #expect(fixture.tracer.activeSpan === fixture.tracer.activeSpan)
            #expect(fixture.tracer.scopeManager.active === scope)
            scope.close()
        }
    }

    @Test("Python #161 / #924: parenting works both ways between OpenTracing and OpenTelemetry, for startSpan too")
    func parentingBothWays() async throws {
        let fixture = ShimFixture()
        let native = fixture.provider.tracer(name: "native").startSpan("otel parent", parent: nil)
        await onNewThread {
            OTelContext.withSpan(native) {
                fixture.tracer.startSpan("ot child").finish()
                let scope = fixture.tracer.startActiveSpan("ot active child")
                fixture.provider.tracer(name: "native").startSpan("otel grandchild").end()
                scope.close()
            }
        }
        native.end()
        let spans = try await fixture.exportedSpans()
        let byName = Dictionary(uniqueKeysWithValues: spans.map { ($0.name, $0) })
        #expect(byName["ot child"]?.parentSpanID == native.context.spanID)
        #expect(byName["ot active child"]?.parentSpanID == native.context.spanID)
        #expect(byName["otel grandchild"]?.parentSpanID == byName["ot active child"]?.context.spanID)
    }

    @Test("Python #4152: an exception object is recorded, and non-primitive values become strings")
    func exceptionObjectsKept() async throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "broken pipe" } }
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        span.log(["event": "error", "error.object": .error(Broken()), "payload": .describing([1, 2] as [Int])])
        span.finish()
        let event = try #require(try await fixture.exportedSpan(named: "s").events.first)
        #expect(event.attributes["exception.message"] == .string("broken pipe"))
        #expect(event.attributes["payload"] == .string("[1, 2]"))
    }

    @Test("Python (stale scope under an OpenTelemetry span): activeSpan is the current OpenTelemetry span")
    func noStaleScope() async {
        let fixture = ShimFixture()
        await onNewThread {
            let scope = fixture.tracer.startActiveSpan("ot outer")
            let native = fixture.provider.tracer(name: "native").startSpan("otel inner")
            OTelContext.withSpan(native) {
                #expect(fixture.tracer.activeSpan?.context.spanID == native.context.spanID.hexString)
            }
            native.end()
            scope.close()
        }
    }

    @Test("Python (extract never returns None): extract without a context returns nil")
    func extractNil() throws {
        #expect(try ShimFixture().tracer.extract(format: .textMap, from: ["unrelated": "1"]) == nil)
    }

    // MARK: - JavaScript

    @Test("JS #2282: an error.object that is a Swift Error keeps its type and message")
    func jsErrorObject() async throws {
        struct Refused: Error {}
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        span.log(["event": "error", "error.object": .error(Refused())])
        span.finish()
        let event = try #require(try await fixture.exportedSpan(named: "s").events.first)
        #expect(event.attributes["exception.type"] == .string(String(reflecting: Refused.self)))
    }

    @Test("JS (links tagged span.kind; references never parent; error start tag an attribute): all correct")
    func jsReferences() async throws {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("p")
        fixture.tracer.startSpan("c", references: [.childOf(parent.context)], tags: ["error": true]).finish()
        parent.finish()
        let child = try await fixture.exportedSpan(named: "c")
        #expect(child.parentSpanID?.hexString == parent.context.spanID)
        #expect(child.links.first?.attributes["span.kind"] == nil)
        #expect(child.attributes["error"] == nil)
        #expect(child.status == .error())
    }

    // MARK: - .NET

    @Test(".NET #2590: closing the scope that active returns really ends the activation")
    func activeScopeCloses() async {
        let fixture = ShimFixture()
        await onNewThread {
            _ = fixture.tracer.startActiveSpan("s")
            fixture.tracer.scopeManager.active?.close()
            #expect(fixture.tracer.activeSpan == nil)
        }
    }

    @Test(".NET #2787 / #4087: unsampled spans start and activate without errors")
    func unsampledSpans() async {
        let fixture = ShimFixture(sampler: OTelAlwaysOffSampler())
        await onNewThread {
            let scope = fixture.tracer.startActiveSpan("dropped")
            #expect(fixture.tracer.activeSpan === scope.span)
            scope.close()
        }
    }

    @Test(".NET #5797 / #7080: tag values keep their types, from any integer or float width")
    func tagTypes() async throws {
        let fixture = ShimFixture()
        fixture.tracer.startSpan(
            "typed",
            tags: ["i8": TagValue(Int8(-8)), "u16": TagValue(UInt16(16)), "f": TagValue(Float(1.5)), "b": false]
        ).finish()
        let attributes = try await fixture.exportedSpan(named: "typed").attributes
        #expect(attributes["i8"] == .int(-8))
        #expect(attributes["u16"] == .int(16))
        #expect(attributes["f"] == .double(1.5))
        #expect(attributes["b"] == .bool(false))
    }

    @Test(".NET (finishSpanOnDispose ignored): finishOnClose finishes the span")
    func finishOnCloseHonoured() async throws {
        let fixture = ShimFixture()
        await onNewThread { fixture.tracer.startActiveSpan("auto").close() }
        #expect(try await fixture.exportedSpans().map(\.name) == ["auto"])
    }

    @Test(".NET (IgnoreActiveSpan discards explicit parents): explicit references still parent")
    func ignoreActiveSpanKeepsExplicitParent() async throws {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("p")
        fixture.tracer.startSpan("c", childOf: parent.context, ignoreActiveSpan: true).finish()
        parent.finish()
        #expect(try await fixture.exportedSpan(named: "c").parentSpanID?.hexString == parent.context.spanID)
    }

    @Test(".NET (ambient baggage leaks into extracted contexts): an extracted context has only the carrier's baggage")
    func noAmbientBaggageInExtract() async throws {
        let fixture = ShimFixture()
        let items = try await onNewThread {
            Result {
                let scope = fixture.tracer.startActiveSpan("ambient")
                scope.span.setBaggageItem("ambient", "leak")
                defer { scope.close() }
                return try fixture.tracer.extract(format: .textMap, from: ["baggage": "carried=1"])?.baggageItems
            }
        }.get()
        #expect(items == ["carried": "1"])
    }

    // MARK: - Swift (opentelemetry-swift)

    @Test("otel-swift: the start time is kept when references are given")
    func startTimeWithReferences() async throws {
        let fixture = ShimFixture()
        let parent = fixture.tracer.startSpan("p")
        fixture.tracer.startSpan(
            "c",
            references: [.followsFrom(parent.context)],
            startTime: Timestamp(nanosecondsSinceEpoch: 1_234)
        ).finish()
        parent.finish()
        #expect(try await fixture.exportedSpan(named: "c").startTime == 1_234)
    }

    @Test("otel-swift: the first childOf reference wins, not the last, and every reference is a link")
    func firstChildOfWins() async throws {
        let fixture = ShimFixture()
        let first = fixture.tracer.startSpan("first")
        let last = fixture.tracer.startSpan("last")
        fixture.tracer.startSpan("c", references: [.childOf(first.context), .childOf(last.context)]).finish()
        first.finish()
        last.finish()
        let child = try await fixture.exportedSpan(named: "c")
        #expect(child.parentSpanID?.hexString == first.context.spanID)
        #expect(child.links.count == 2)
    }

    @Test("otel-swift: no global span-context table; finished spans are released")
    func spansAreReleased() {
        let fixture = ShimFixture()
        weak var released: (any OpenTracing.Span)?
        do {
            let span = fixture.tracer.startSpan("released")
            span.setBaggageItem("k", "v")
            released = span
            span.finish()
        }
        #expect(released == nil)
    }

    @Test("otel-swift: extract reads trace ids without any active baggage, and the same carrier type works both ways")
    func extractWithoutBaggage() throws {
        let fixture = ShimFixture()
        let span = fixture.tracer.startSpan("s")
        defer { span.finish() }
        var carrier: [String: String] = [:]
        try fixture.tracer.inject(span.context, format: .textMap, into: &carrier)
        #expect(try fixture.tracer.extract(format: .textMap, from: carrier)?.spanID == span.context.spanID)
    }

    @Test("otel-swift: a span's tracer is the tracer that created it, also with several tracers")
    func spanTracerIsCreator() {
        let first = ShimFixture()
        let second = ShimFixture()
        let a = first.tracer.startSpan("a")
        let b = second.tracer.startSpan("b")
        #expect(a.tracer === first.tracer)
        #expect(b.tracer === second.tracer)
        a.finish()
        b.finish()
    }
}
