import Testing

@testable import OTelModel

@Suite("W3C tracestate")
struct TraceStateTests {
    @Test("a header parses into ordered entries and serialises back")
    func parseAndSerialise() throws {
        let state = try #require(OTelTraceState(header: "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"))
        #expect(state.count == 2)
        #expect(state["rojo"] == "00f067aa0ba902b7")
        #expect(state["congo"] == "t61rcWkgMzE")
        #expect(state.entries.map(\.key) == ["rojo", "congo"])
        #expect(state.header == "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")
    }

    @Test("empty and whitespace-only members are allowed and dropped; whitespace around members is trimmed")
    func emptyMembers() throws {
        let state = try #require(OTelTraceState(header: " , rojo=1 ,\t,congo=2,  "))
        #expect(state.header == "rojo=1,congo=2")
        #expect(try #require(OTelTraceState(header: "")).isEmpty)
    }

    @Test("setting a key puts it first; an existing key moves to the front with its new value")
    func settingMovesFirst() throws {
        let state = try #require(OTelTraceState(header: "a=1,b=2,c=3"))
        #expect(state.setting(key: "d", value: "4").header == "d=4,a=1,b=2,c=3")
        #expect(state.setting(key: "b", value: "9").header == "b=9,a=1,c=3")
        #expect(state.header == "a=1,b=2,c=3")
    }

    @Test("removing a key keeps the others in order")
    func removing() throws {
        let state = try #require(OTelTraceState(header: "a=1,b=2,c=3"))
        #expect(state.removing(key: "b").header == "a=1,c=3")
        #expect(state.removing(key: "x").header == "a=1,b=2,c=3")
    }

    @Test("adding a 33rd entry drops the right-most")
    func maximumEntries() {
        var state = OTelTraceState()
        for index in 0..<32 { state = state.setting(key: "k\(index)", value: "v") }
        #expect(state.count == 32)
        state = state.setting(key: "new", value: "v")
        #expect(state.count == 32)
        #expect(state.entries.first?.key == "new")
        #expect(state["k0"] == nil)
        #expect(state["k31"] == "v")
    }

    @Test("a header with more than 32 members is discarded")
    func tooManyMembers() {
        let header = (0..<33).map { "k\($0)=v" }.joined(separator: ",")
        #expect(OTelTraceState(header: header) == nil)
        let exactly32 = (0..<32).map { "k\($0)=v" }.joined(separator: ",")
        #expect(OTelTraceState(header: exactly32)?.count == 32)
    }

    @Test("a header with a repeated key is discarded")
    func duplicateKeys() {
        #expect(OTelTraceState(header: "a=1,a=2") == nil)
    }

    @Test(
        "keys: lowercase letter or digit first, then lowercase letters, digits, _ - * / @, at most 256",
        arguments: [
            ("rojo", true), ("0vendor", true), ("tenant@system", true), ("a_b-c*d/e", true),
            (String(repeating: "a", count: 256), true), (String(repeating: "a", count: 257), false),
            ("", false), ("Rojo", false), ("_a", false), ("a b", false), ("a=b", false), ("é", false),
        ]
    )
    func keyGrammar(key: String, valid: Bool) {
        #expect(OTelTraceState.isValidKey(key.utf8) == valid)
        #expect((OTelTraceState(header: "\(key)=v") != nil) == valid)
        #expect((OTelTraceState().setting(key: key, value: "v").count == 1) == valid)
    }

    @Test(
        "values: 1 to 256 printable ASCII characters except , and =, not ending in a space",
        arguments: [
            ("v", true), ("with space inside", true), (String(repeating: "x", count: 256), true),
            (String(repeating: "x", count: 257), false), ("", false), ("ends ", false),
            ("a,b", false), ("a=b", false), ("tab\tinside", false), ("ü", false),
        ]
    )
    func valueGrammar(value: String, valid: Bool) {
        #expect(OTelTraceState.isValidValue(value.utf8) == valid)
        #expect((OTelTraceState().setting(key: "k", value: value).count == 1) == valid)
    }

    @Test("a member without = or with an invalid key discards the whole header")
    func malformedMember() {
        #expect(OTelTraceState(header: "rojo=1,congo") == nil)
        #expect(OTelTraceState(header: "rojo=1,Congo=2") == nil)
    }
}
