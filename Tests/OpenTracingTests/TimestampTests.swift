import Foundation
import OpenTracing
import Testing

@Suite("Timestamp")
struct TimestampTests {
    @Test("microseconds and milliseconds convert to nanoseconds exactly")
    func exactIntegerConversions() {
        #expect(Timestamp(microsecondsSinceEpoch: 1_700_000_000_123_456).nanosecondsSinceEpoch == 1_700_000_000_123_456_000)
        #expect(Timestamp(millisecondsSinceEpoch: 1_700_000_000_123).nanosecondsSinceEpoch == 1_700_000_000_123_000_000)
    }

    @Test("integer conversions that overflow clamp to the largest timestamp")
    func overflowClamps() {
        #expect(Timestamp(microsecondsSinceEpoch: .max).nanosecondsSinceEpoch == .max)
        #expect(Timestamp(millisecondsSinceEpoch: .max / 1_000).nanosecondsSinceEpoch == .max)
    }

    @Test("seconds and Dates round to the nearest microsecond, giving back the microseconds they came from")
    func dateRoundsToMicroseconds() {
        let microseconds: UInt64 = 1_700_000_000_123_457
        let date = Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
        #expect(Timestamp(date).nanosecondsSinceEpoch == microseconds * 1_000)
        #expect(Timestamp(secondsSinceEpoch: 1.000_000_4).nanosecondsSinceEpoch == 1_000_000_000)
        #expect(Timestamp(secondsSinceEpoch: 1.000_000_6).nanosecondsSinceEpoch == 1_000_001_000)
    }

    @Test("negative and non-finite seconds clamp to the epoch")
    func invalidSecondsClamp() {
        #expect(Timestamp(secondsSinceEpoch: -5).nanosecondsSinceEpoch == 0)
        #expect(Timestamp(secondsSinceEpoch: .nan).nanosecondsSinceEpoch == 0)
        #expect(Timestamp(secondsSinceEpoch: .infinity).nanosecondsSinceEpoch == 0)
    }

    @Test("a timestamp converts back to a Date within a microsecond")
    func timestampToDate() {
        let timestamp = Timestamp(microsecondsSinceEpoch: 1_700_000_000_654_321)
        #expect(abs(timestamp.date.timeIntervalSince1970 - 1_700_000_000.654_321) < 1e-6)
    }

    @Test("now() is close to the system clock")
    func nowMatchesSystemClock() {
        let difference = Timestamp.now().secondsSinceEpoch - Date().timeIntervalSince1970
        #expect(abs(difference) < 5)
    }
}
