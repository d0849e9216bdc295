/// The error a failed ``APICompatibilityCheck`` or ``TestbedScenario`` throws: every unmet expectation, each with
/// where in the kit it was checked.
public struct ExpectationFailure: Error, Sendable, CustomStringConvertible {
    /// One unmet expectation.
    public struct Issue: Sendable, CustomStringConvertible {
        /// What was expected and what happened instead.
        public let message: String
        /// The kit source file of the expectation.
        public let fileID: String
        /// The line of the expectation.
        public let line: Int

        public var description: String { "\(message) [\(fileID):\(line)]" }
    }

    /// The check or scenario that failed.
    public let subject: String
    /// The unmet expectations, in the order they were found.
    public let issues: [Issue]

    public var description: String {
        let list = issues.map { "  - \($0)" }.joined(separator: "\n")
        return "\(subject): \(issues.count) expectation(s) failed:\n\(list)"
    }
}
