import Testing

@testable import OTelModel

/// Forwards to a sampler while hiding its type, so the tracer cannot take the constant-sampler shortcut.
private struct OpaqueSampler: OTelSampler {
    let wrapped: any OTelSampler

    func shouldSample(
        parentContext: OTelSpanContext?,
        traceID: TraceID,
        name: String,
        kind: OTelSpanKind,
        attributes: OTelAttributes,
        links: [OTelSpanLink]
    ) -> OTelSamplingResult {
        wrapped.shouldSample(
            parentContext: parentContext, traceID: traceID, name: name, kind: kind, attributes: attributes,
            links: links)
    }

    var description: String { "Opaque(\(wrapped))" }
}

@Suite("Constant samplers: the tracer's shortcut decides exactly as the sampler would")
struct ConstantSamplingTests {
    static let samplers: [any OTelSampler] = [
        OTelAlwaysOnSampler(),
        OTelAlwaysOffSampler(),
        OTelParentBasedSampler(root: OTelAlwaysOnSampler()),
        OTelParentBasedSampler(root: OTelAlwaysOffSampler()),
        OTelParentBasedSampler(
            root: OTelAlwaysOnSampler(),
            remoteParentSampled: OTelAlwaysOffSampler(),
            remoteParentNotSampled: OTelAlwaysOnSampler(),
            localParentSampled: OTelAlwaysOffSampler(),
            localParentNotSampled: OTelAlwaysOnSampler()
        ),
        OTelParentBasedSampler(root: OTelTraceIDRatioBasedSampler(ratio: 0.5)),
    ]

    static let parents: [OTelSpanContext?] = {
        let state = OTelTraceState().setting(key: "vendor", value: "v1")
        var parents: [OTelSpanContext?] = [nil, .invalid]
        for remote in [false, true] {
            for sampled in [false, true] {
                var parent = OTelSpanContext.stub(trace: 0x1234_5678_9ABC, span: 9, sampled: sampled, remote: remote)
                parent.traceState = state
                parent.traceFlags.insert(.random)
                parents.append(parent)
            }
        }
        return parents
    }()

    @Test(
        "for every built-in constant sampler and parent kind, the span's ids, flags, trace state and recording match the sampler's own answer",
        arguments: samplers.indices
    )
    func shortcutMatchesSampler(samplerIndex: Int) {
        let sampler = Self.samplers[samplerIndex]
        let fast = TraceFixture(sampler: sampler)
        let slow = TraceFixture(sampler: OpaqueSampler(wrapped: sampler))
        #expect(slow.provider.core.constantSampling == nil)
        for parent in Self.parents {
            for _ in 0..<8 {
                let a = fast.tracer.startSpan("op", parent: parent, attributes: ["k": 1])
                let b = slow.tracer.startSpan("op", parent: parent, attributes: ["k": 1])
                #expect(a.context == b.context, "\(sampler) under \(String(describing: parent))")
                #expect(a.isRecording == b.isRecording, "\(sampler) under \(String(describing: parent))")
                #expect(a.attributes == b.attributes)
            }
        }
    }

    @Test("the shortcut exists only for AlwaysOn, AlwaysOff and ParentBased with at least one of them as a delegate")
    func shortcutAvailability() {
        #expect(ConstantSampling(OTelAlwaysOnSampler())?.decision(parent: nil) == .recordAndSample)
        #expect(ConstantSampling(OTelAlwaysOffSampler())?.decision(parent: .stub()) == .drop)
        #expect(ConstantSampling(OTelTraceIDRatioBasedSampler(ratio: 0.5)) == nil)
        #expect(ConstantSampling(OpaqueSampler(wrapped: OTelAlwaysOnSampler())) == nil)
        let ratioDelegates = OTelParentBasedSampler(
            root: OTelTraceIDRatioBasedSampler(ratio: 1),
            remoteParentSampled: OTelTraceIDRatioBasedSampler(ratio: 1),
            remoteParentNotSampled: OTelTraceIDRatioBasedSampler(ratio: 1),
            localParentSampled: OTelTraceIDRatioBasedSampler(ratio: 1),
            localParentNotSampled: OTelTraceIDRatioBasedSampler(ratio: 1)
        )
        #expect(ConstantSampling(ratioDelegates) == nil)
        let partial = ConstantSampling(OTelParentBasedSampler(root: OTelTraceIDRatioBasedSampler(ratio: 0.5)))
        #expect(partial?.decision(parent: nil) == nil)
        #expect(partial?.decision(parent: .stub(sampled: true)) == .recordAndSample)
        #expect(partial?.decision(parent: .stub(sampled: false, remote: true)) == .drop)
    }

    @Test("a ParentBased sampler with a custom root is still asked for root spans, and only for them")
    func customRootStillAsked() {
        let root = ScriptedSampler(.recordAndSample, attributes: ["sampler.rule": "root"])
        let fixture = TraceFixture(sampler: OTelParentBasedSampler(root: root))
        let rootSpan = fixture.tracer.startSpan("root", parent: nil)
        let child = fixture.tracer.startSpan("child", parent: rootSpan.context)
        #expect(root.recordedCalls.map(\.name) == ["root"])
        #expect(rootSpan.attributes["sampler.rule"] == "root")
        #expect(child.attributes.isEmpty)
        #expect(child.context.isSampled)
    }
}
