import Testing

@testable import OTelModel

@Suite("Attribute lookup")
struct AttributeLookupTests {
    // A lookup must not skip keys of a different UTF-8 length: canonically equivalent keys are equal Strings.
    @Test("keys are compared as Strings: equal-length keys are told apart, canonically equivalent keys are one key")
    func equalLengthKeys() {
        var attributes = OTelAttributes()
        attributes.updateValue(1, forKey: "abc")
        attributes.updateValue(2, forKey: "abd")
        attributes.updateValue(3, forKey: "é")  // 2 UTF-8 bytes
        attributes.updateValue(4, forKey: "ab")
        attributes.updateValue(5, forKey: "abc")
        #expect(attributes.count == 4)
        #expect(attributes["abc"] == 5)
        #expect(attributes["abd"] == 2)
        #expect(attributes["é"] == 3)
        #expect(attributes["ab"] == 4)
        #expect(attributes["e\u{301}"] == 3)  // canonically equivalent to "é": String equality, 3 UTF-8 bytes
        #expect(attributes["abe"] == nil)
        #expect(attributes.map(\.key) == ["abc", "abd", "é", "ab"])
    }
}
