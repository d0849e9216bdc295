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
        "keys: simple (≤ 256) or tenant (≤ 241) @ system (≤ 14, letter first) of lowercase letters, digits, _ - * /",
        arguments: [
            ("rojo", true), ("0vendor", true), ("tenant@system", true), ("a_b-c*d/e", true),
            (String(repeating: "z", count: 256), true), (String(repeating: "z", count: 257), false),
            (String(repeating: "t", count: 241) + "@" + String(repeating: "v", count: 14), true),
            (String(repeating: "t", count: 242) + "@v", false), ("t@" + String(repeating: "v", count: 15), false),
            ("abcdefghijklmnopqrstuvwxyz0123456789_-*/@a-z0-9_-*/", true),
            ("foo@", false), ("@foo", false), ("foo@@bar", false), ("foo@bar@baz", false), ("t@0v", false),
            ("", false), ("Rojo", false), ("FOO", false), ("foo.bar", false), ("foo ", false), ("_a", false),
            ("a b", false), ("a=b", false), ("é", false),
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

    @Test(
        "a member without =, with an invalid key or value, or a repeated key discards the whole header",
        arguments: [
            "rojo=1,congo", "rojo=1,Congo=2", "foo=bar=baz", "foo=,bar=3", "foo =1", "foo@=1,bar=2", "foo=1,foo=1",
        ]
    )
    func malformedMember(_ header: String) {
        #expect(OTelTraceState(header: header) == nil)
    }

    @Test("every allowed value character survives parsing, including a leading space")
    func allAllowedValueCharacters() throws {
        let value = String(decoding: Array(0x20...0x2B) + Array(0x2D...0x3C) + Array(0x3E...0x7E), as: UTF8.self)
        let state = try #require(OTelTraceState(header: "key=" + value))
        #expect(state["key"] == value)
    }

    @Test("whitespace around members is optional whitespace; empty members between repeated headers are fine")
    func whitespaceVariants() throws {
        let state = try #require(OTelTraceState(header: "foo=1 \t , \t bar=2, \t baz=3"))
        #expect(state.header == "foo=1,bar=2,baz=3")
        #expect(try #require(OTelTraceState(header: "foo=1,")).header == "foo=1")
        #expect(try #require(OTelTraceState(header: ",foo=1")).header == "foo=1")
    }
}
