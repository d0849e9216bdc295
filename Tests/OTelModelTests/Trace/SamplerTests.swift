import Logging
import Testing

@testable import OTelModel

@Suite("Samplers")
struct SamplerTests {
    private func decide(
        _ sampler: any OTelSampler, parent: OTelSpanContext? = nil, traceID: TraceID = TraceID(high: 0, low: 1)
    )
        -> OTelSamplingDecision
    {
        sampler.shouldSample(
            parentContext: parent, traceID: traceID, name: "op", kind: .internal, attributes: [:], links: []
        )
        .decision
    }

    @Test("always_on records and samples; always_off drops")
    func constantSamplers() {
        #expect(decide(OTelAlwaysOnSampler()) == .recordAndSample)
        #expect(decide(OTelAlwaysOffSampler()) == .drop)
        #expect(OTelAlwaysOnSampler().description == "AlwaysOnSampler")
        #expect(OTelAlwaysOffSampler().description == "AlwaysOffSampler")
    }

    struct ParentCase: Sendable, CustomTestStringConvertible {
        var remote: Bool
        var sampled: Bool
        var expected: OTelSamplingDecision
        var testDescription: String { "\(remote ? "remote" : "local") \(sampled ? "sampled" : "unsampled") parent" }
    }

    @Test(
        "parentbased defaults follow the parent's sampled flag",
        arguments: [
            ParentCase(remote: true, sampled: true, expected: .recordAndSample),
            ParentCase(remote: true, sampled: false, expected: .drop),
            ParentCase(remote: false, sampled: true, expected: .recordAndSample),
            ParentCase(remote: false, sampled: false, expected: .drop),
        ]
    )
    func parentBasedDefaults(_ testCase: ParentCase) {
        let sampler = OTelParentBasedSampler(root: OTelAlwaysOffSampler())
        let parent = OTelSpanContext.stub(sampled: testCase.sampled, remote: testCase.remote)
        #expect(decide(sampler, parent: parent) == testCase.expected)
    }

    @Test("parentbased asks the delegate for each of the four parent cases, and root for none")
    func parentBasedDelegates() {
        let sampler = OTelParentBasedSampler(
            root: ScriptedSampler(.recordOnly),
            remoteParentSampled: ScriptedSampler(.drop),
            remoteParentNotSampled: ScriptedSampler(.recordAndSample),
            localParentSampled: ScriptedSampler(.drop),
            localParentNotSampled: ScriptedSampler(.recordOnly)
        )
        #expect(decide(sampler) == .recordOnly)
        #expect(decide(sampler, parent: .invalid) == .recordOnly)
        #expect(decide(sampler, parent: .stub(sampled: true, remote: true)) == .drop)
        #expect(decide(sampler, parent: .stub(sampled: false, remote: true)) == .recordAndSample)
        #expect(decide(sampler, parent: .stub(sampled: true, remote: false)) == .drop)
        #expect(decide(sampler, parent: .stub(sampled: false, remote: false)) == .recordOnly)
    }

    @Test("traceidratio is deterministic in the trace id and monotone in the ratio")
    func ratioDeterministicAndMonotone() {
        let generator = OTelRandomIDGenerator()
        let ids = (0..<2_000).map { _ in generator.nextTraceID() }
        let ratios = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0]
        var previous: Set<Int> = []
        for ratio in ratios {
            let sampler = OTelTraceIDRatioBasedSampler(ratio: ratio)
            let sampled = Set(ids.indices.filter { sampler.samples(ids[$0]) })
            let again = Set(ids.indices.filter { OTelTraceIDRatioBasedSampler(ratio: ratio).samples(ids[$0]) })
            #expect(sampled == again)
            #expect(previous.isSubset(of: sampled))
            previous = sampled
            let fraction = Double(sampled.count) / Double(ids.count)
            #expect(abs(fraction - ratio) < 0.06, "ratio \(ratio) sampled \(fraction)")
        }
        #expect(previous.count == ids.count)
    }

    @Test("traceidratio compares the low 63 bits of the trace id with ratio × 2^63")
    func ratioBoundary() {
        let half = OTelTraceIDRatioBasedSampler(ratio: 0.5)
        // low >> 1 below 2^62 is sampled, at or above it is not
        #expect(half.samples(TraceID(high: 0, low: (1 << 63) - 2)))
        #expect(!half.samples(TraceID(high: 0, low: 1 << 63)))
        #expect(!OTelTraceIDRatioBasedSampler(ratio: 0).samples(TraceID(high: 0, low: 0)))
        #expect(OTelTraceIDRatioBasedSampler(ratio: 1).samples(TraceID(high: 0, low: .max)))
        #expect(OTelTraceIDRatioBasedSampler(ratio: 7).ratio == 1)
        #expect(OTelTraceIDRatioBasedSampler(ratio: -1).ratio == 0)
        #expect(OTelTraceIDRatioBasedSampler(ratio: .nan).ratio == 0)
        #expect(half.description == "TraceIdRatioBased{0.5}")
    }

    @Test("OTEL_TRACES_SAMPLER defaults to parentbased_always_on")
    func environmentDefault() throws {
        let sampler = OTelSamplers.fromEnvironment([:], logger: .init(label: "test"))
        let parentBased = try #require(sampler as? OTelParentBasedSampler)
        #expect(parentBased.root is OTelAlwaysOnSampler)
        #expect(parentBased.remoteParentNotSampled is OTelAlwaysOffSampler)
    }

    @Test("OTEL_TRACES_SAMPLER names each built-in sampler, case-insensitively")
    func environmentNames() throws {
        let logger = Logger(label: "test")
        #expect(
            OTelSamplers.fromEnvironment(["OTEL_TRACES_SAMPLER": "always_on"], logger: logger) is OTelAlwaysOnSampler)
        #expect(
            OTelSamplers.fromEnvironment(["OTEL_TRACES_SAMPLER": "ALWAYS_OFF"], logger: logger) is OTelAlwaysOffSampler)
        let ratio = OTelSamplers.fromEnvironment(
            ["OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.25"],
            logger: logger
        )
        #expect((ratio as? OTelTraceIDRatioBasedSampler)?.ratio == 0.25)
        let parentOff = try #require(
            OTelSamplers.fromEnvironment(["OTEL_TRACES_SAMPLER": "parentbased_always_off"], logger: logger)
                as? OTelParentBasedSampler
        )
        #expect(parentOff.root is OTelAlwaysOffSampler)
        let parentRatio = try #require(
            OTelSamplers.fromEnvironment(
                ["OTEL_TRACES_SAMPLER": "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.5"],
                logger: logger
            ) as? OTelParentBasedSampler
        )
        #expect((parentRatio.root as? OTelTraceIDRatioBasedSampler)?.ratio == 0.5)
    }

    @Test("an unknown sampler or a bad ratio is logged and ignored")
    func environmentBadValues() throws {
        let (logger, logs) = CapturingLogHandler.makeLogger()
        let unknown = OTelSamplers.fromEnvironment(["OTEL_TRACES_SAMPLER": "jaeger_remote"], logger: logger)
        #expect((unknown as? OTelParentBasedSampler)?.root is OTelAlwaysOnSampler)
        let badRatio = OTelSamplers.fromEnvironment(
            ["OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "1.5"],
            logger: logger
        )
        #expect((badRatio as? OTelTraceIDRatioBasedSampler)?.ratio == 1)
        let notNumber = OTelSamplers.fromEnvironment(
            ["OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "half"],
            logger: logger
        )
        #expect((notNumber as? OTelTraceIDRatioBasedSampler)?.ratio == 1)
        let warned = logs.all.filter { $0.level == .warning }.compactMap { $0.metadata["variable"]?.description }
        #expect(warned == ["OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG", "OTEL_TRACES_SAMPLER_ARG"])
    }

    @Test("OTEL_TRACES_SAMPLER_ARG is ignored when OTEL_TRACES_SAMPLER is unset")
    func argumentNeedsSampler() throws {
        let sampler = OTelSamplers.fromEnvironment(["OTEL_TRACES_SAMPLER_ARG": "0.1"], logger: .init(label: "test"))
        #expect((sampler as? OTelParentBasedSampler)?.root is OTelAlwaysOnSampler)
    }
}
