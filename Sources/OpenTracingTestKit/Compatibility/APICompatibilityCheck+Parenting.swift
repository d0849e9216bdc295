import OpenTracing

extension APICompatibilityCheck {
    static let parentingChecks: [APICompatibilityCheck] = [
        APICompatibilityCheck("a span started with nothing active is the root of a new trace") { c in
            let first = c.tracer.startSpan("first")
            let second = c.tracer.startSpan("second")
            second.finish()
            first.finish()
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            let one = try c.onlySpan(named: "first", in: spans)
            let two = try c.onlySpan(named: "second", in: spans)
            c.expect.equal(one.parentSpanID, nil, "parent of the first root")
            c.expect.equal(two.parentSpanID, nil, "parent of the second root")
            c.expect.check(one.references.isEmpty && two.references.isEmpty, "roots must have no references")
            c.expect.check(one.traceID != two.traceID, "two roots share trace id \(one.traceID)")
            c.expect.check(one.spanID != two.spanID, "two spans share span id \(one.spanID)")
        },
        APICompatibilityCheck("childOf makes the child share the parent's trace and name it as parent") { c in
            let parent = c.tracer.startSpan("parent")
            c.tracer.startSpan("child of span", childOf: parent).finish()
            c.tracer.startSpan("child of context", childOf: parent.context).finish()
            parent.finish()
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            let root = try c.onlySpan(named: "parent", in: spans)
            for name in ["child of span", "child of context"] {
                let child = try c.onlySpan(named: name, in: spans)
                c.expect.equal(child.traceID, root.traceID, "trace id of '\(name)'")
                c.expect.equal(child.parentSpanID, root.spanID, "parent of '\(name)'")
                c.expect.equal(
                    child.references,
                    [RecordedReference(kind: .childOf, traceID: root.traceID, spanID: root.spanID)],
                    "references of '\(name)'"
                )
            }
        },
        APICompatibilityCheck("a followsFrom reference alone makes the referenced span the parent") { c in
            let cause = c.tracer.startSpan("cause")
            c.tracer.startSpan("effect", references: [.followsFrom(cause.context)]).finish()
            cause.finish()
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            let root = try c.onlySpan(named: "cause", in: spans)
            let effect = try c.onlySpan(named: "effect", in: spans)
            c.expect.equal(effect.traceID, root.traceID, "trace id of the follower")
            c.expect.equal(effect.parentSpanID, root.spanID, "parent of the follower")
            c.expect.equal(effect.references.map(\.kind), [.followsFrom], "reference kinds of the follower")
        },
        APICompatibilityCheck("with several references the first childOf is the parent and all are kept in order") { c in
            let first = c.tracer.startSpan("followed")
            let second = c.tracer.startSpan("parent")
            c.tracer.startSpan(
                "child",
                references: [.followsFrom(first.context), .childOf(second.context)]
            ).finish()
            second.finish()
            first.finish()
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            let followed = try c.onlySpan(named: "followed", in: spans)
            let parent = try c.onlySpan(named: "parent", in: spans)
            let child = try c.onlySpan(named: "child", in: spans)
            c.expect.equal(child.parentSpanID, parent.spanID, "parent of the child")
            c.expect.equal(child.traceID, parent.traceID, "trace id of the child")
            c.expect.equal(
                child.references,
                [
                    RecordedReference(kind: .followsFrom, traceID: followed.traceID, spanID: followed.spanID),
                    RecordedReference(kind: .childOf, traceID: parent.traceID, spanID: parent.spanID),
                ],
                "references of the child"
            )
        },
        APICompatibilityCheck("the active span is the implicit parent of startSpan and startActiveSpan") { c in
            let parentScope = c.tracer.startActiveSpan("parent")
            c.tracer.startSpan("started").finish()
            c.tracer.startActiveSpan("started active").close()
            parentScope.close()
            guard c.can([.recordsSpans, .tracksActiveSpan]) else { return }
            let spans = try c.finishedSpansFromThread()
            let parent = try c.onlySpan(named: "parent", in: spans)
            for name in ["started", "started active"] {
                let child = try c.onlySpan(named: name, in: spans)
                c.expect.equal(child.parentSpanID, parent.spanID, "parent of '\(name)'")
                c.expect.equal(child.traceID, parent.traceID, "trace id of '\(name)'")
                c.expect.equal(child.references.map(\.kind), [.childOf], "reference kinds of '\(name)'")
            }
        },
        APICompatibilityCheck("ignoreActiveSpan starts a root even while a span is active") { c in
            let parentScope = c.tracer.startActiveSpan("parent")
            c.tracer.startSpan("ignoring", ignoreActiveSpan: true).finish()
            c.tracer.startActiveSpan("ignoring active", ignoreActiveSpan: true).close()
            parentScope.close()
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            let parent = try c.onlySpan(named: "parent", in: spans)
            for name in ["ignoring", "ignoring active"] {
                let span = try c.onlySpan(named: name, in: spans)
                c.expect.equal(span.parentSpanID, nil, "parent of '\(name)'")
                c.expect.check(span.traceID != parent.traceID, "'\(name)' joined the active span's trace")
            }
        },
        APICompatibilityCheck("an explicit reference replaces the active span as parent") { c in
            let explicitParent = c.tracer.startSpan("explicit parent")
            let activeScope = c.tracer.startActiveSpan("active")
            c.tracer.startSpan("child", childOf: explicitParent.context).finish()
            activeScope.close()
            explicitParent.finish()
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            let parent = try c.onlySpan(named: "explicit parent", in: spans)
            let child = try c.onlySpan(named: "child", in: spans)
            c.expect.equal(child.parentSpanID, parent.spanID, "parent of the child")
            c.expect.equal(child.references.count, 1, "number of references (no implicit one to the active span)")
        },
    ]
}
