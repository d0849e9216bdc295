import Testing

@testable import OTelModel

@Suite("Attributes through 0, 1 and 2 entries, removal and merge")
struct AttributeTransitionTests {
    @Test("0 → 1 → 2 entries keep insertion order, lookups and count; overwriting keeps the position")
    func growth() {
        var attributes = OTelAttributes()
        #expect(attributes.isEmpty)
        attributes["a"] = 1
        #expect(attributes.count == 1)
        #expect(attributes["a"] == 1)
        attributes["a"] = 2
        #expect(attributes.count == 1)
        #expect(attributes["a"] == 2)
        attributes["b"] = "x"
        #expect(attributes.map(\.key) == ["a", "b"])
        attributes["a"] = 3
        #expect(attributes.map(\.key) == ["a", "b"])
        #expect(attributes["a"] == 3)
        #expect(attributes.description == "[a: 3, b: x]")
    }

    @Test("removing back to 1 and to 0 entries, then adding again, behaves like a fresh collection")
    func removal() {
        var attributes: OTelAttributes = ["a": 1, "b": 2]
        #expect(attributes.removeValue(forKey: "a") == 1)
        #expect(attributes.count == 1)
        #expect(attributes["b"] == 2)
        #expect(attributes == ["b": 2])
        #expect(attributes.removeValue(forKey: "missing") == nil)
        attributes["b"] = nil
        #expect(attributes.isEmpty)
        #expect(attributes == OTelAttributes())
        attributes["c"] = true
        #expect(attributes.map(\.key) == ["c"])
    }

    @Test("a count limit of 1 keeps the first attribute and counts every other new key as dropped")
    func limitOne() {
        var attributes = OTelAttributes(limits: OTelAttributeLimits(countLimit: 1, valueLengthLimit: 2))
        attributes["a"] = "long"
        attributes["b"] = 1
        attributes["a"] = "other"
        #expect(attributes.count == 1)
        #expect(attributes["a"] == "ot")
        #expect(attributes.droppedCount == 1)
    }

    @Test("merging 1 entry into 0 and 1 into 1 entries gives the union, the argument's values winning")
    func merging() {
        var empty = OTelAttributes()
        empty.merge(["a": 1])
        #expect(empty == ["a": 1])
        var one: OTelAttributes = ["a": 1]
        one.merge(["b": 2])
        #expect(one.map(\.key) == ["a", "b"])
        one.merge(["a": 9])
        #expect(one["a"] == 9)
        #expect(one.count == 2)
    }

    @Test("withEntries lends 0, 1 and 2 entries in order; copies share storage, different collections do not")
    func packageAccess() {
        let one: OTelAttributes = ["a": 1]
        let two: OTelAttributes = ["a": 1, "b": 2]
        #expect(OTelAttributes().withEntries { $0.count } == 0)
        #expect(one.withEntries { $0.map(\.key) } == ["a"])
        #expect(two.withEntries { $0.map(\.key) } == ["a", "b"])
        let copy = two
        #expect(copy.sharesStorage(with: two))
        #expect(!two.sharesStorage(with: ["a": 1, "b": 3]))
        #expect(!one.sharesStorage(with: two))
    }
}
