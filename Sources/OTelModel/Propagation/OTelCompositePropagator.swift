/// Runs several propagators in order: each injects its fields, and each extracts on top of the previous ones.
///
/// [OpenTelemetry Specification: Composite Propagator](https://opentelemetry.io/docs/specs/otel/context/api-propagators/#composite-propagator)
public struct OTelCompositePropagator: OTelTextMapPropagator {
    /// The propagators, in the order they run.
    public let propagators: [any OTelTextMapPropagator]

    /// Creates a composite of `propagators` (empty = propagate nothing).
    public init(_ propagators: [any OTelTextMapPropagator]) {
        self.propagators = propagators
    }

    /// The fields of all propagators, without repetition, in order.
    public var fields: [String] {
        var result: [String] = []
        for propagator in propagators {
            for field in propagator.fields where !result.contains(field) { result.append(field) }
        }
        return result
    }

    public func inject(_ context: OTelPropagationContext, into carrier: inout some OTelTextMapWriter) {
        for propagator in propagators { propagator.inject(context, into: &carrier) }
    }

    public func extract(from carrier: some OTelTextMapReader, into context: inout OTelPropagationContext) {
        for propagator in propagators { propagator.extract(from: carrier, into: &context) }
    }
}
