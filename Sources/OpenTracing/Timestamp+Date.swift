#if canImport(FoundationEssentials)
public import FoundationEssentials
#elseif canImport(Foundation)
public import Foundation
#endif

#if canImport(FoundationEssentials) || canImport(Foundation)
extension Timestamp {
    /// Creates a timestamp from a `Date`, rounded to the nearest microsecond (see ``init(secondsSinceEpoch:)``).
    public init(_ date: Date) {
        self.init(secondsSinceEpoch: date.timeIntervalSince1970)
    }

    /// The timestamp as a `Date` (sub-microsecond precision is lost).
    public var date: Date {
        Date(timeIntervalSince1970: secondsSinceEpoch)
    }
}
#endif
