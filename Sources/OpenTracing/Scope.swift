/// The activation of a span in a ``ScopeManager``; closing it makes the previously active span active again.
///
/// [OpenTracing specification: Scope](https://github.com/opentracing/specification/blob/master/rfc/scope_manager.md)
public protocol Scope: AnyObject, Sendable {
    /// The activated span.
    var span: any Span { get }

    /// Ends the activation, and finishes the span if it was activated with `finishOnClose`.
    ///
    /// Close scopes in the reverse order of activation, on the thread or task that activated them. Scope managers
    /// report a second close or an out-of-order close and never let it change what other code sees as active.
    func close()
}
