import OpenTracing

extension APICompatibilityCheck {
    static let spanChecks: [APICompatibilityCheck] = [
        APICompatibilityCheck("a started span is recorded once, when it is first finished") { c in
            let span = c.tracer.startSpan("Fry")
            c.expect.check(span.tracer === c.tracer, "span.tracer is not the tracer that started the span")
            c.expect.noActiveSpan(c.tracer, "after startSpan (startSpan does not activate)")
            guard c.can(.recordsSpans) else {
                span.finish()
                return
            }
            c.expect.equal(try c.finishedSpansFromThread().count, 0, "finished spans before finish")
            span.finish()
            span.finish()
            let spans = try c.finishedSpansFromThread()
            c.expect.equal(spans.count, 1, "finished spans after finishing one span twice")
            let recorded = try c.onlySpan(named: "Fry", in: spans)
            c.expect.equal(recorded.traceID, span.context.traceID, "recorded trace id")
            c.expect.equal(recorded.spanID, span.context.spanID, "recorded span id")
            c.expect.check(!recorded.traceID.isEmpty && !recorded.spanID.isEmpty, "identifiers must not be empty")
            c.expect.check(
                recorded.startTime <= recorded.finishTime,
                "finish time \(recorded.finishTime) is before start time \(recorded.startTime)"
            )
        },
        APICompatibilityCheck("explicit start and finish timestamps are kept to the nanosecond") { c in
            let start = Timestamp(nanosecondsSinceEpoch: 1_700_000_000_123_456_789)
            let finish = Timestamp(nanosecondsSinceEpoch: 1_700_000_002_623_456_790)
            c.tracer.startSpan("timed", startTime: start).finish(at: finish)
            guard c.can(.recordsSpans) else { return }
            let recorded = try c.onlySpan(named: "timed", in: try c.finishedSpansFromThread())
            c.expect.equal(recorded.startTime, start, "start time")
            c.expect.equal(recorded.finishTime, finish, "finish time")
        },
        APICompatibilityCheck("a span started without an explicit time starts and finishes at the current time") { c in
            let before = Timestamp.now()
            let span = c.tracer.startSpan("now")
            span.finish()
            let after = Timestamp.now()
            guard c.can(.recordsSpans) else { return }
            let recorded = try c.onlySpan(named: "now", in: try c.finishedSpansFromThread())
            c.expect.check(
                before <= recorded.startTime && recorded.finishTime <= after,
                "start \(recorded.startTime) and finish \(recorded.finishTime) are not within [\(before), \(after)]"
            )
        },
        APICompatibilityCheck("setOperationName replaces the name given at start") { c in
            let span = c.tracer.startSpan("initial name")
            span.setOperationName("Farnsworth")
            span.finish()
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            c.expect.equal(spans.map(\.operationName), ["Farnsworth"], "recorded operation names")
        },
        APICompatibilityCheck("tags of every type are recorded, start tags included, and a later value wins") { c in
            let span = c.tracer.startSpan(
                "ManyTypes",
                tags: ["start.tag": "from start", "replaced": "first", SpanTag.component: "compat"]
            )
            span.setTag("a.string", "aoeuidhtns")
            span.setTag("a.bool", true)
            span.setTag("an.int", -9)
            span.setTag("a.double", 2.5)
            span.setTag("a.large.uint", .uint(UInt64.max))
            span.setTag("a.described", .describing(DescribedValue()))
            span.setTag("unicode.value", "non-ascii: \u{200B}é")
            span.setTag("unicode.key.\u{200B}", "ascii value")
            span.setTag("replaced", "second")
            span.finish()
            guard c.can(.recordsSpans) else { return }
            let tags = try c.onlySpan(named: "ManyTypes", in: try c.finishedSpansFromThread()).tags
            let exact: [String: TagValue] = [
                "start.tag": "from start", SpanTag.component: "compat", "a.string": "aoeuidhtns", "a.bool": true,
                "an.int": -9, "a.double": 2.5, "unicode.value": "non-ascii: \u{200B}é",
                "unicode.key.\u{200B}": "ascii value", "replaced": "second",
            ]
            for (key, value) in exact {
                c.expect.equal(tags[key], value, "tag '\(key)'")
            }
            // Tracers may store values outside OpenTracing's types as strings.
            c.expect.equal(tags["a.large.uint"]?.stringValue, "18446744073709551615", "tag 'a.large.uint' as text")
            c.expect.equal(tags["a.described"]?.stringValue, DescribedValue().description, "tag 'a.described' as text")
            c.expect.equal(tags.count, exact.count + 2, "number of tags \(tags.keys.sorted())")
        },
        APICompatibilityCheck("log fields keep their order, and an explicit log timestamp is kept exactly") { c in
            let start = Timestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000)
            let logged = Timestamp(nanosecondsSinceEpoch: 1_700_000_000_250_000_001)
            let span = c.tracer.startSpan("Fry", startTime: start)
            let fields = [
                LogField("zeta.first", "frozen"), LogField("alpha.second", 1999), LogField("mu.third", true),
                LogField("beta.fourth", 0.5),
            ]
            span.log(fields: fields, timestamp: logged)
            let beforeSecondLog = Timestamp.now()
            span.log(event: "defrosted")
            span.log(["event": "became his own grandfather", "year": 1947])
            span.finish()
            guard c.can(.recordsSpans) else { return }
            let logs = try c.onlySpan(named: "Fry", in: try c.finishedSpansFromThread()).logs
            try c.expect.require(logs.count == 3, "expected 3 log entries, found \(logs.count)")
            c.expect.equal(logs[0].fields, fields, "fields of the first entry, in order")
            c.expect.equal(logs[0].timestamp, logged, "explicit timestamp of the first entry")
            c.expect.equal(logs[1].fields, [LogField(LogFieldKey.event, "defrosted")], "fields of log(event:)")
            c.expect.check(
                logs[1].timestamp >= beforeSecondLog,
                "an entry logged without a timestamp got \(logs[1].timestamp), before the call at \(beforeSecondLog)"
            )
            c.expect.equal(
                logs[2].fields,
                [LogField(LogFieldKey.event, "became his own grandfather"), LogField("year", 1947)],
                "fields of a key/value literal, in order"
            )
        },
        APICompatibilityCheck("calls on a finished span change nothing that was recorded") { c in
            let finish = Timestamp(nanosecondsSinceEpoch: 1_800_000_000_000_000_000)
            let span = c.tracer.startSpan("finished", tags: ["kept": "yes"])
            span.finish(at: finish)
            span.setOperationName("renamed")
            span.setTag("late", true)
            span.log(event: "late")
            span.finish(at: Timestamp(nanosecondsSinceEpoch: finish.nanosecondsSinceEpoch + 1_000))
            guard c.can(.recordsSpans) else { return }
            let spans = try c.finishedSpansFromThread()
            c.expect.equal(spans.count, 1, "finished spans")
            let recorded = try c.onlySpan(named: "finished", in: spans)
            c.expect.equal(recorded.tags, ["kept": "yes"], "tags")
            c.expect.equal(recorded.logs.count, 0, "log entries")
            c.expect.equal(recorded.finishTime, finish, "finish time")
        },
    ]
}

/// A value that is neither a string, a number nor a boolean.
private struct DescribedValue: CustomStringConvertible, Sendable {
    var description: String { "DescribedValue(42)" }
}
