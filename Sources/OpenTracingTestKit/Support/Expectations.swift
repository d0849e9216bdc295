import OpenTracing

/// Collects unmet expectations from any thread or task and turns them into one ``ExpectationFailure``.
///
/// `check`/`equal` record and continue (so a failing worker still reaches its barrier); `require` also
/// throws, for values the rest of the body cannot do without.
final class Expectations: Sendable {
    struct Stop: Error {}

    private let issues = LockedValue<[ExpectationFailure.Issue]>([])

    func record(_ message: String, fileID: String = #fileID, line: Int = #line) {
        issues.withLock { $0.append(.init(message: message, fileID: fileID, line: line)) }
    }

    /// Records `message` unless `condition` holds; returns `condition`.
    @discardableResult
    func check(
        _ condition: Bool,
        _ message: @autoclosure () -> String,
        fileID: String = #fileID,
        line: Int = #line
    ) -> Bool {
        if !condition { record(message(), fileID: fileID, line: line) }
        return condition
    }

    @discardableResult
    func equal<Value: Equatable>(
        _ actual: Value,
        _ expected: Value,
        _ what: @autoclosure () -> String,
        fileID: String = #fileID,
        line: Int = #line
    ) -> Bool {
        check(
            actual == expected,
            "\(what()): expected \(Self.describe(expected)), got \(Self.describe(actual))",
            fileID: fileID,
            line: line
        )
    }

    /// A value as a failure message shows it: optionals unwrapped (or `nil`), strings quoted.
    static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { describe($0.value) } ?? "nil"
        }
        if let string = value as? String {
            return "\"\(string)\""
        }
        return String(describing: value)
    }

    /// Returns `value`, or records `message` and throws.
    func require<Value>(
        _ value: Value?,
        _ message: @autoclosure () -> String,
        fileID: String = #fileID,
        line: Int = #line
    ) throws -> Value {
        guard let value else {
            record(message(), fileID: fileID, line: line)
            throw Stop()
        }
        return value
    }

    func require(_ condition: Bool, _ message: @autoclosure () -> String, fileID: String = #fileID, line: Int = #line)
        throws
    {
        if !condition {
            record(message(), fileID: fileID, line: line)
            throw Stop()
        }
    }

    /// Runs `body`, recording anything it throws.
    func capture(fileID: String = #fileID, line: Int = #line, _ body: () throws -> Void) {
        do { try body() } catch is Stop {} catch { record("unexpected error: \(error)", fileID: fileID, line: line) }
    }

    func capture(fileID: String = #fileID, line: Int = #line, _ body: () async throws -> Void) async {
        do { try await body() } catch is Stop {} catch {
            record("unexpected error: \(error)", fileID: fileID, line: line)
        }
    }

    /// Throws an ``ExpectationFailure`` with everything recorded, if anything was.
    func throwIfFailed(subject: String) throws {
        let found = issues.current
        if !found.isEmpty { throw ExpectationFailure(subject: subject, issues: found) }
    }
}

extension Expectations {
    /// Checks that nothing is active for `tracer` where it is called.
    func noActiveSpan(_ tracer: any Tracer, _ where: String, fileID: String = #fileID, line: Int = #line) {
        if let span = tracer.activeSpan {
            record("expected no active span \(`where`), found span \(span.context.spanID)", fileID: fileID, line: line)
        }
    }

    /// Checks that `span` is the active span of `tracer` (compared by span identifier, so a tracer may wrap spans).
    func isActive(
        _ span: any Span,
        _ tracer: any Tracer,
        _ where: String,
        fileID: String = #fileID,
        line: Int = #line
    ) {
        let active = tracer.activeSpan?.context.spanID
        check(
            active == span.context.spanID,
            "expected span \(span.context.spanID) to be active \(`where`), found \(active ?? "none")",
            fileID: fileID,
            line: line
        )
    }
}
