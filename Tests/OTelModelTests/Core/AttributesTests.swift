import Testing

@testable import OTelModel

@Suite("Attributes")
struct AttributesTests {
    @Test("setting an existing key overwrites the value in place")
    func overwrite() {
        var attributes = OTelAttributes()
        attributes["a"] = 1
        attributes["b"] = "two"
        attributes["a"] = 3.5
        #expect(attributes.count == 2)
        #expect(attributes["a"] == .double(3.5))
        #expect(attributes.map(\.key) == ["a", "b"])
    }

    @Test("new keys beyond the count limit are dropped and counted")
    func countLimit() {
        var attributes = OTelAttributes(limits: OTelAttributeLimits(countLimit: 2))
        attributes["a"] = 1
        attributes["b"] = 2
        attributes["c"] = 3
        attributes["d"] = 4
        #expect(attributes.count == 2)
        #expect(attributes["c"] == nil)
        #expect(attributes.droppedCount == 2)
    }

    @Test("overwriting an existing key is allowed at the count limit")
    func overwriteAtLimit() {
        var attributes = OTelAttributes(limits: OTelAttributeLimits(countLimit: 1))
        attributes["a"] = 1
        attributes["a"] = 2
        #expect(attributes["a"] == 2)
        #expect(attributes.droppedCount == 0)
    }

    @Test("string values longer than the length limit are truncated")
    func truncateString() {
        var attributes = OTelAttributes(limits: OTelAttributeLimits(valueLengthLimit: 3))
        attributes["s"] = "abcdef"
        attributes["short"] = "ab"
        attributes["n"] = 123_456
        #expect(attributes["s"] == "abc")
        #expect(attributes["short"] == "ab")
        #expect(attributes["n"] == 123_456)
    }

    @Test("each element of a string array is truncated separately")
    func truncateArray() {
        var attributes = OTelAttributes(limits: OTelAttributeLimits(valueLengthLimit: 2))
        attributes["a"] = .stringArray(["abc", "d", "efgh"])
        attributes["b"] = .intArray([100_000])
        #expect(attributes["a"] == .stringArray(["ab", "d", "ef"]))
        #expect(attributes["b"] == .intArray([100_000]))
    }

    @Test("truncation counts Unicode scalars and never splits one")
    func truncateScalars() {
        var attributes = OTelAttributes(limits: OTelAttributeLimits(valueLengthLimit: 2))
        attributes["s"] = "äöü"
        attributes["fits"] = "äö"
        #expect(attributes["s"] == "äö")
        #expect(attributes["fits"] == "äö")
    }

    @Test("an empty key is ignored")
    func emptyKey() {
        var attributes = OTelAttributes()
        attributes[""] = "x"
        #expect(attributes.isEmpty)
        #expect(attributes.droppedCount == 0)
    }

    @Test("large collections (indexed) keep unique keys, order and lookups")
    func largeCollection() {
        var attributes = OTelAttributes()
        for index in 0..<40 { attributes["k\(index)"] = .int(Int64(index)) }
        for index in 0..<40 where index.isMultiple(of: 2) { attributes["k\(index)"] = .int(Int64(-index)) }
        #expect(attributes.count == 40)
        #expect(attributes["k10"] == -10)
        #expect(attributes["k11"] == 11)
        #expect(attributes.map(\.key) == (0..<40).map { "k\($0)" })
        attributes["k5"] = nil
        #expect(attributes.count == 39)
        #expect(attributes["k5"] == nil)
        #expect(attributes["k6"] == -6)
        #expect(attributes[5].key == "k6")
    }

    @Test("removing a key keeps the order of the others")
    func removal() {
        var attributes: OTelAttributes = ["a": 1, "b": 2, "c": 3]
        #expect(attributes.removeValue(forKey: "b") == 2)
        #expect(attributes.map(\.key) == ["a", "c"])
        #expect(attributes.removeValue(forKey: "b") == nil)
    }

    @Test("merging lets the argument's values win")
    func merging() {
        var attributes: OTelAttributes = ["a": 1, "b": 2]
        attributes.merge(["b": 20, "c": 30])
        #expect(attributes == ["a": 1, "b": 20, "c": 30])
        #expect(attributes.map(\.key) == ["a", "b", "c"])
    }

    @Test("merging carries over the attributes the argument had dropped")
    func mergingDroppedCount() {
        var limited = OTelAttributes(limits: OTelAttributeLimits(countLimit: 1))
        limited["a"] = 1
        limited["b"] = 2
        var target = OTelAttributes(limits: OTelAttributeLimits(countLimit: 1))
        target.merge(limited)
        #expect(target.droppedCount == 1)
        target.merge(["c": 3])
        #expect(target.droppedCount == 2)
    }

    @Test("equality ignores order but not values or dropped counts")
    func equality() {
        let ab: OTelAttributes = ["a": 1, "b": true]
        let ba: OTelAttributes = ["b": true, "a": 1]
        #expect(ab == ba)
        #expect(ab != ["a": 1, "b": false])
        var limited = OTelAttributes(limits: OTelAttributeLimits(countLimit: 2))
        limited["a"] = 1
        limited["b"] = true
        limited["c"] = "dropped"
        #expect(limited != ab)
    }

    @Test("span limits default to the spec's 128 and no length limit")
    func spanLimitDefaults() {
        let limits = OTelSpanLimits()
        #expect(limits.attributes.countLimit == 128)
        #expect(limits.attributes.valueLengthLimit == nil)
        #expect(limits.eventCountLimit == 128)
        #expect(limits.linkCountLimit == 128)
        #expect(limits.eventAttributes == OTelAttributeLimits(countLimit: 128))
        #expect(limits.linkAttributes == OTelAttributeLimits(countLimit: 128))
    }
}
