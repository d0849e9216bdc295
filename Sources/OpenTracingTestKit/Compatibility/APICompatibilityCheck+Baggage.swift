import OpenTracing

extension APICompatibilityCheck {
    static let baggageChecks: [APICompatibilityCheck] = [
        APICompatibilityCheck("a baggage item set on a span is read back from the span and its context") { c in
            let span = c.tracer.startSpan("Fry")
            c.expect.equal(span.context.baggageItems, [:], "baggage of a new root span")
            span.setBaggageItem("Kiff-loves", "Amy")
            span.setBaggageItem("planet", "Omicron Persei 8")
            span.setBaggageItem("planet", "Earth")
            let value = span.baggageItem("Kiff-loves")
            let missing = span.baggageItem("no-such-item")
            span.finish()
            c.expect.equal(missing, nil, "a baggage item never set")
            guard c.can(.keepsBaggage) else { return }
            c.expect.equal(value, "Amy", "baggage item 'Kiff-loves'")
            c.expect.equal(
                span.context.baggageItems,
                ["Kiff-loves": "Amy", "planet": "Earth"],
                "baggage of the span's context (a later value replaces an earlier one)"
            )
        },
        APICompatibilityCheck("setBaggageItem gives the span a new context and leaves the earlier one unchanged") { c in
            let span = c.tracer.startSpan("Fry")
            let before = span.context
            span.setBaggageItem("key", "value")
            let after = span.context
            span.finish()
            c.expect.equal(before.baggageItems, [:], "baggage of the context read before setBaggageItem")
            c.expect.equal(after.spanID, before.spanID, "span id of the new context")
            c.expect.equal(after.traceID, before.traceID, "trace id of the new context")
            guard c.can(.keepsBaggage) else { return }
            c.expect.equal(after.baggageItems, ["key": "value"], "baggage of the context read after setBaggageItem")
        },
        APICompatibilityCheck("a childOf reference passes the parent's baggage to the child") { c in
            let parent = c.tracer.startSpan("parent")
            parent.setBaggageItem("inherited", "from parent")
            let child = c.tracer.startSpan("child", childOf: parent)
            let fromContext = c.tracer.startSpan("child of context", childOf: parent.context)
            defer { [child, fromContext, parent].forEach { $0.finish() } }
            guard c.can(.keepsBaggage) else { return }
            c.expect.equal(child.baggageItem("inherited"), "from parent", "baggage of a child of the parent span")
            c.expect.equal(fromContext.baggageItem("inherited"), "from parent", "baggage of a child of its context")
        },
        APICompatibilityCheck("a followsFrom reference passes the referenced span's baggage to the new span") { c in
            let cause = c.tracer.startSpan("cause")
            cause.setBaggageItem("inherited", "from cause")
            let effect = c.tracer.startSpan("effect", references: [.followsFrom(cause.context)])
            defer { [effect, cause].forEach { $0.finish() } }
            guard c.can(.keepsBaggage) else { return }
            c.expect.equal(effect.baggageItem("inherited"), "from cause", "baggage of the follower")
        },
        APICompatibilityCheck("the active span passes its baggage to a span started under it") { c in
            let parent = c.tracer.startSpan("parent")
            parent.setBaggageItem("inherited", "from active span")
            let scope = c.scopeManager.activate(parent, finishOnClose: true)
            let child = c.tracer.startSpan("child")
            child.finish()
            scope.close()
            guard c.can([.keepsBaggage, .tracksActiveSpan]) else { return }
            c.expect.equal(child.baggageItem("inherited"), "from active span", "baggage of the implicit child")
        },
        APICompatibilityCheck("baggage set on a child does not reach its parent") { c in
            let parent = c.tracer.startSpan("parent")
            parent.setBaggageItem("shared", "parent value")
            let child = c.tracer.startSpan("child", childOf: parent)
            child.setBaggageItem("shared", "child value")
            child.setBaggageItem("child only", "x")
            defer { [child, parent].forEach { $0.finish() } }
            guard c.can(.keepsBaggage) else { return }
            c.expect.equal(parent.context.baggageItems, ["shared": "parent value"], "baggage of the parent")
            c.expect.equal(
                child.context.baggageItems,
                ["shared": "child value", "child only": "x"],
                "baggage of the child"
            )
        },
    ]
}
