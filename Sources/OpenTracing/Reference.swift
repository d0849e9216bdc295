/// A causal relationship from a new span to an earlier span context.
///
/// [OpenTracing specification: References between Spans](https://github.com/opentracing/specification/blob/master/specification.md#references-between-spans)
public struct Reference: Sendable {
    /// The kind of relationship.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The parent depends on the result of the new span.
        case childOf = "child_of"
        /// The parent does not depend on the new span's result.
        case followsFrom = "follows_from"
    }

    /// The kind of relationship.
    public var kind: Kind
    /// The referenced span context.
    public var context: any SpanContext

    /// Creates a reference.
    public init(_ kind: Kind, _ context: any SpanContext) {
        self.kind = kind
        self.context = context
    }

    /// A `child_of` reference.
    public static func childOf(_ context: any SpanContext) -> Reference {
        Reference(.childOf, context)
    }

    /// A `follows_from` reference.
    public static func followsFrom(_ context: any SpanContext) -> Reference {
        Reference(.followsFrom, context)
    }
}
