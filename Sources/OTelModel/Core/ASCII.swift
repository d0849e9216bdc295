extension UInt8 {
    var isLowercaseASCIILetter: Bool { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    /// HTTP optional whitespace (`OWS`): space or horizontal tab.
    var isOptionalWhitespace: Bool { self == 0x20 || self == 0x09 }
}

extension BidirectionalCollection where Element == UInt8 {
    /// The bytes without leading and trailing spaces and tabs.
    func trimmingOptionalWhitespace() -> SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isOptionalWhitespace { formIndex(after: &start) }
        while end > start, self[index(before: end)].isOptionalWhitespace { formIndex(before: &end) }
        return self[start..<end]
    }
}
