/// Parses an HTTP `Retry-After` value: delay-seconds (`120`) or an HTTP-date
/// (`Sun, 06 Nov 1994 08:49:37 GMT`, and the obsolete RFC 850 and asctime forms).
///
/// [RFC 9110 §10.2.3 Retry-After](https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3)
package enum OTLPRetryAfter {
    /// The delay the value asks for, counted from `nowNanoseconds` (Unix time) for dates; a date in the past is
    /// zero. `nil` if the value is neither form.
    package static func delay(_ value: String, nowNanoseconds: UInt64) -> Duration? {
        let text = value.trimmingSpaces()
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // Absurdly long numbers saturate rather than fail: the caller caps the wait at its deadline anyway.
            guard let seconds = Int64(text) else { return .seconds(Int64.max / 1_000_000_000) }
            return .seconds(seconds)
        }
        guard let date = unixSeconds(ofHTTPDate: text) else { return nil }
        let now = Int64(nowNanoseconds / 1_000_000_000)
        return .seconds(max(0, date - now))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Seconds since the Unix epoch for an IMF-fixdate, RFC 850 or asctime date (always GMT).
    static func unixSeconds(ofHTTPDate text: String) -> Int64? {
        // Normalise the three forms to tokens: day, month, year, time.
        let separators: Set<Character> = [" ", ",", "-"]
        let tokens = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        var time: [Int]?
        for token in tokens {
            let lower = token.lowercased()
            if let index = months.firstIndex(of: lower) {
                month = index + 1
            } else if token.contains(":") {
                let parts = token.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3 else { return nil }
                time = parts
            } else if let number = Int(token) {
                if token.count <= 2, day == nil {
                    day = number
                } else {
                    // RFC 850 has two-digit years: interpret as 19xx/20xx within 50 years, as RFC 9110 asks.
                    year = token.count == 2 ? (number < 70 ? 2000 + number : 1900 + number) : number
                }
            }
        }
        guard let day, let month, let year, let time, (1...31).contains(day), (0...23).contains(time[0]),
            (0...59).contains(time[1]), (0...60).contains(time[2])
        else { return nil }
        return daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + Int64(time[0] * 3600 + time[1] * 60 + time[2])
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's civil-from-days inverse).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
