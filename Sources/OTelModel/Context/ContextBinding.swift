import Instrumentation
import Synchronization

/// An ``OTelContext`` as bound in `InstrumentationContext`, with a token unique to this binding.
///
/// Imperative entries remember the token that was current when they were attached; comparing tokens (not spans)
/// tells whether an entry belongs to the innermost structured binding.
final class ContextBinding: Sendable {
    let context: OTelContext
    let token: UInt64

    init(context: OTelContext, token: UInt64) {
        self.context = context
        self.token = token
    }

    private static let tokens = Atomic<UInt64>(1)

    /// A token never used before (0 means "no binding").
    static func nextToken() -> UInt64 {
        tokens.add(1, ordering: .relaxed).oldValue
    }
}

/// The key of our binding in `InstrumentationContext` (swift-distributed-tracing's `ServiceContext`).
enum OTelContextKey: InstrumentationContextKey {
    typealias Value = ContextBinding
    static var nameOverride: String? { "otel-context" }
}
