import Dispatch
import OpenTracing

extension APICompatibilityCheck {
    static let scopeChecks: [APICompatibilityCheck] = [
        APICompatibilityCheck("nothing is active at first, and starting a span does not activate it") { c in
            c.expect.check(c.scopeManager.active == nil, "scopeManager.active of a new tracer is not nil")
            c.expect.noActiveSpan(c.tracer, "on a new tracer")
            let span = c.tracer.startSpan("Fry")
            c.expect.noActiveSpan(c.tracer, "after startSpan")
            span.finish()
        },
        APICompatibilityCheck("activate makes the span active, and closing restores the previously active span") { c in
            let outer = c.tracer.startSpan("outer")
            let inner = c.tracer.startSpan("inner")
            let outerScope = c.scopeManager.activate(outer, finishOnClose: false)
            let innerScope = c.scopeManager.activate(inner, finishOnClose: false)
            c.expect.check(innerScope.span === inner, "scope.span is not the activated span")
            if c.can(.tracksActiveSpan) {
                c.expect.isActive(inner, c.tracer, "after activating the inner span")
                c.expect.check(c.scopeManager.active === innerScope, "scopeManager.active is not the inner scope")
            }
            innerScope.close()
            if c.can(.tracksActiveSpan) {
                c.expect.isActive(outer, c.tracer, "after closing the inner scope")
            }
            outerScope.close()
            c.expect.noActiveSpan(c.tracer, "after closing both scopes")
            inner.finish()
            outer.finish()
        },
        APICompatibilityCheck("closing a scope activated with finishOnClose true finishes the span") { c in
            let span = c.tracer.startSpan("finished on close")
            let scope = c.scopeManager.activate(span, finishOnClose: true)
            if c.can(.recordsSpans) {
                c.expect.equal(try c.finishedSpansFromThread().count, 0, "finished spans while the scope is open")
            }
            scope.close()
            guard c.can(.recordsSpans) else { return }
            c.expect.equal(
                try c.finishedSpansFromThread().map(\.operationName),
                ["finished on close"],
                "finished spans after close"
            )
        },
        APICompatibilityCheck("closing a scope activated with finishOnClose false leaves the span running") { c in
            let span = c.tracer.startSpan("still running")
            c.scopeManager.activate(span, finishOnClose: false).close()
            c.scopeManager.activate(span).close()
            if c.can(.recordsSpans) {
                c.expect.equal(try c.finishedSpansFromThread().count, 0, "finished spans after close")
            }
            span.finish()
            guard c.can(.recordsSpans) else { return }
            c.expect.equal(try c.finishedSpansFromThread().count, 1, "finished spans after finish")
        },
        APICompatibilityCheck("startActiveSpan activates a new span, finished on close unless told otherwise") { c in
            let finishing = c.tracer.startActiveSpan("finishing")
            if c.can(.tracksActiveSpan) {
                c.expect.isActive(finishing.span, c.tracer, "inside startActiveSpan")
            }
            finishing.close()
            let kept = c.tracer.startActiveSpan("kept", finishOnClose: false)
            kept.close()
            c.expect.noActiveSpan(c.tracer, "after closing both scopes")
            guard c.can(.recordsSpans) else { return }
            c.expect.equal(
                try c.finishedSpansFromThread().map(\.operationName),
                ["finishing"],
                "finished spans (finishOnClose false keeps 'kept' running)"
            )
            kept.span.finish()
        },
        APICompatibilityCheck("an out-of-order close leaves the inner scope active, and nothing once all close") { c in
            let parent = c.tracer.startActiveSpan("parent", finishOnClose: false)
            let child = c.tracer.startActiveSpan("child", finishOnClose: false)
            parent.close()
            if c.can(.tracksActiveSpan) {
                c.expect.isActive(child.span, c.tracer, "after closing the outer scope first")
            }
            child.close()
            c.expect.noActiveSpan(c.tracer, "after closing both scopes")
            child.span.finish()
            parent.span.finish()
        },
        APICompatibilityCheck("a second close of a scope is ignored") { c in
            let outer = c.tracer.startActiveSpan("outer", finishOnClose: false)
            let inner = c.tracer.startActiveSpan("inner", finishOnClose: true)
            inner.close()
            inner.close()
            if c.can(.tracksActiveSpan) {
                c.expect.isActive(outer.span, c.tracer, "after closing the inner scope twice")
            }
            outer.close()
            outer.close()
            c.expect.noActiveSpan(c.tracer, "after closing both scopes twice")
            outer.span.finish()
            guard c.can(.recordsSpans) else { return }
            c.expect.equal(
                try c.finishedSpansFromThread().map(\.operationName),
                ["inner", "outer"],
                "finished spans"
            )
        },
        APICompatibilityCheck("a span activated on one thread is not active on another thread") { c in
            let scope = c.tracer.startActiveSpan("this thread only")
            let seenElsewhere = ThreadFuture<String?>()
            DispatchQueue(label: "compat.other-thread").async {
                seenElsewhere.fulfil(c.tracer.activeSpan?.context.spanID)
            }
            let seen = try c.expect.require(seenElsewhere.get(), "the other thread did not run")
            c.expect.equal(seen, nil, "active span id on another thread")
            if c.can(.tracksActiveSpan) {
                c.expect.isActive(scope.span, c.tracer, "on the activating thread")
            }
            scope.close()
        },
        APICompatibilityCheck("a scope closed on another thread never changes what that thread sees as active") { c in
            let mine = c.tracer.startActiveSpan("activated here", finishOnClose: false)
            let seenThere = ThreadFuture<(before: String?, after: String?)>()
            DispatchQueue(label: "compat.closing-thread").async {
                let theirs = c.tracer.startActiveSpan("active there", finishOnClose: false)
                let before = c.tracer.activeSpan?.context.spanID
                mine.close()
                let after = c.tracer.activeSpan?.context.spanID
                theirs.close()
                theirs.span.finish()
                seenThere.fulfil((before, after))
            }
            let seen = try c.expect.require(seenThere.get(), "the other thread did not run")
            c.expect.equal(seen.after, seen.before, "active span id on the closing thread after the foreign close")
            mine.close()
            c.expect.noActiveSpan(c.tracer, "on the activating thread after the scope was closed")
            mine.span.finish()
            guard c.can(.recordsSpans) else { return }
            c.expect.equal(
                Set(try c.finishedSpansFromThread().map(\.operationName)),
                ["activated here", "active there"],
                "finished spans"
            )
        },
        APICompatibilityCheck("withActiveSpan activates the span for its closure only, and nests with activate") { c in
            let structured = c.tracer.startSpan("structured")
            let imperative = c.tracer.startSpan("imperative")
            let result = c.scopeManager.withActiveSpan(structured) { () -> Int in
                if c.can(.tracksActiveSpan) {
                    c.expect.isActive(structured, c.tracer, "inside withActiveSpan")
                }
                let scope = c.scopeManager.activate(imperative, finishOnClose: false)
                if c.can(.tracksActiveSpan) {
                    c.expect.isActive(imperative, c.tracer, "after activate inside withActiveSpan")
                }
                scope.close()
                if c.can(.tracksActiveSpan) {
                    c.expect.isActive(structured, c.tracer, "after closing the inner scope")
                }
                return 42
            }
            c.expect.equal(result, 42, "value returned by withActiveSpan")
            c.expect.noActiveSpan(c.tracer, "after withActiveSpan")
            imperative.finish()
            structured.finish()
            guard c.can(.recordsSpans) else { return }
            c.expect.equal(
                try c.finishedSpansFromThread().map(\.operationName),
                ["imperative", "structured"],
                "finished spans (withActiveSpan does not finish its span)"
            )
        },
        APICompatibilityCheck("Tracer.withActiveSpan finishes its span, and tags and logs an error it rethrows") { c in
            struct Boom: Error, CustomStringConvertible {
                var description: String { "boom" }
            }
            let value = c.tracer.withActiveSpan("succeeds") { span -> Int in
                if c.can(.tracksActiveSpan) {
                    c.expect.isActive(span, c.tracer, "inside Tracer.withActiveSpan")
                }
                return 7
            }
            c.expect.equal(value, 7, "value returned by Tracer.withActiveSpan")
            do {
                try c.tracer.withActiveSpan("fails") { _ in throw Boom() }
                c.expect.record("the error thrown by the body was not rethrown")
            } catch is Boom {}
            c.expect.noActiveSpan(c.tracer, "after Tracer.withActiveSpan")
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            c.expect.equal(spans.map(\.operationName), ["succeeds", "fails"], "finished spans")
            let failed = try c.onlySpan(named: "fails", in: spans)
            c.expect.equal(failed.tags[SpanTag.error], true, "error tag of the failed span")
            let log = try c.expect.require(failed.logs.first, "the failed span has no log entry")
            c.expect.equal(log[LogFieldKey.event], "error", "event field of the error log")
            c.expect.equal(log[LogFieldKey.errorObject]?.stringValue, "boom", "error.object field of the error log")
        },
    ]
}
