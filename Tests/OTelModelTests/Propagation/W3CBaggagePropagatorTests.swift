import Testing

@testable import OTelModel

@Suite("W3C baggage propagator")
struct W3CBaggagePropagatorTests {
    let propagator = OTelW3CBaggagePropagator()

    @Test("the spec example: properties are kept as metadata and whitespace is trimmed")
    func specExampleProperties() {
        let baggage = propagator.extract(
            from: [
                "baggage": "key1=value1;property1;property2, key2 = value2, key3=value3; propertyKey=propertyValue"
            ] as OTelHeaderFields
        ).baggage
        #expect(baggage.count == 3)
        #expect(baggage.entry(named: "key1") == .init(name: "key1", value: "value1", metadata: "property1;property2"))
        #expect(baggage.entry(named: "key2") == .init(name: "key2", value: "value2"))
        #expect(
            baggage.entry(named: "key3") == .init(name: "key3", value: "value3", metadata: "propertyKey=propertyValue")
        )
    }

    @Test("the spec example: values are percent-decoded")
    func specExamplePercentDecoding() {
        let baggage = propagator.extract(
            from: ["baggage": "userId=alice,serverNode=DF%2028,isProduction=false"] as OTelHeaderFields
        ).baggage
        #expect(baggage["userId"] == "alice")
        #expect(baggage["serverNode"] == "DF 28")
        #expect(baggage["isProduction"] == "false")
    }

    @Test("values are percent-encoded on injection and round-trip unchanged")
    func roundTrip() {
        let baggage = OTelBaggage()
            .setting(name: "plain", value: "abc")
            .setting(name: "special", value: "a b,c;d%e\"f\\g=h", metadata: "p=1")
            .setting(name: "unicode", value: "grüße 🚀")
        var headers = OTelHeaderFields()
        propagator.inject(OTelPropagationContext(baggage: baggage), into: &headers)
        #expect(
            headers["baggage"]
                == "plain=abc,special=a%20b%2Cc%3Bd%25e%22f%5Cg=h;p=1,unicode=gr%C3%BC%C3%9Fe%20%F0%9F%9A%80"
        )
        #expect(propagator.extract(from: headers).baggage == baggage)
    }

    @Test("W3C test-suite vectors: OWS around keys, values, properties and their =; = inside values")
    func testSuiteVectors() {
        let baggage = propagator.extract(
            from: [
                "baggage":
                    "SomeKey \t = \t SomeValue \t ; \t SomeProp \t ; \t SecondProp \t = \t PropValue , "
                    + "SomeKey2=SomeValue2;SomePropKey=SomePropValue,Eq=SomeValue=equals"
            ] as OTelHeaderFields
        ).baggage
        #expect(
            baggage.entry(named: "SomeKey")
                == .init(name: "SomeKey", value: "SomeValue", metadata: "SomeProp;SecondProp=PropValue")
        )
        #expect(
            baggage.entry(named: "SomeKey2")
                == .init(name: "SomeKey2", value: "SomeValue2", metadata: "SomePropKey=SomePropValue")
        )
        #expect(baggage["Eq"] == "SomeValue=equals")
    }

    @Test("W3C test-suite vector: a percent-encoded value decodes exactly")
    func testSuitePercentEncoded() {
        let baggage = propagator.extract(
            from: ["baggage": "SomeKey \t = \t %09%20%22%27%3B%3Dasdf%21%40%23%24%25%5E%26%2A%28%29 \t "]
                as OTelHeaderFields
        ).baggage
        #expect(baggage["SomeKey"] == "\t \"';=asdf!@#$%^&*()")
    }

    @Test("a single member of exactly 8192 bytes is propagated")
    func longEntry() {
        let value = String(repeating: "0123456789", count: 819)
        var headers = OTelHeaderFields()
        propagator.inject(
            OTelPropagationContext(baggage: OTelBaggage().setting(name: "a", value: value)),
            into: &headers
        )
        #expect(headers["baggage"]?.utf8.count == 8192)
        #expect(propagator.extract(from: headers).baggage["a"] == value)
    }

    @Test("invalid UTF-8 after decoding becomes U+FFFD")
    func invalidUTF8() {
        let baggage = propagator.extract(from: ["baggage": "k=%FFok"] as OTelHeaderFields).baggage
        #expect(baggage["k"] == "\u{FFFD}ok")
    }

    @Test("multiple baggage headers are combined")
    func multipleHeaders() {
        let baggage = propagator.extract(from: OTelHeaderFields([("baggage", "a=1"), ("Baggage", "b=2")])).baggage
        #expect(baggage["a"] == "1" && baggage["b"] == "2")
    }

    @Test(
        "malformed members are skipped and the others kept",
        arguments: ["noequals", "=novalue", "bad key=1", "k=bad value", "k=a\"b", "k=%zz", "k=%4"]
    )
    func malformedMember(_ member: String) {
        let baggage = propagator.extract(from: ["baggage": "good=1," + member + ",also=2"] as OTelHeaderFields).baggage
        #expect(baggage.map(\.name) == ["good", "also"])
    }

    @Test("extracted entries are added to the context's baggage; no header leaves it unchanged")
    func mergesIntoExisting() {
        let context = PropagationFixtures.extractOverSentinel(propagator, ["baggage": "new=1"])
        #expect(context.baggage["existing"] == "entry")
        #expect(context.baggage["new"] == "1")
        #expect(PropagationFixtures.extractOverSentinel(propagator, ["other": "x"]) == PropagationFixtures.sentinel)
    }

    @Test("64 members within 8192 bytes are all propagated, both ways")
    func lowerBoundPropagated() {
        var baggage = OTelBaggage()
        // 64 members of "kNN=" + 120 bytes, about 8.0 KB with commas.
        for index in 0..<64 {
            baggage = baggage.setting(name: "k\(index)", value: String(repeating: "v", count: 120))
        }
        var headers = OTelHeaderFields()
        propagator.inject(OTelPropagationContext(baggage: baggage), into: &headers)
        #expect((headers["baggage"]?.utf8.count ?? 0) <= 8192)
        #expect(propagator.extract(from: headers).baggage == baggage)
    }

    @Test("beyond 8192 bytes whole members are dropped, never part of one")
    func byteLimit() throws {
        var baggage = OTelBaggage()
        for index in 0..<10 {
            baggage = baggage.setting(name: "k\(index)", value: String(repeating: "v", count: 1000))
        }
        var headers = OTelHeaderFields()
        propagator.inject(OTelPropagationContext(baggage: baggage), into: &headers)
        let header = try #require(headers["baggage"])
        #expect(header.utf8.count <= 8192)
        let extracted = propagator.extract(from: headers).baggage
        #expect(extracted.count == 8)
        #expect(extracted.allSatisfy { $0.value.utf8.count == 1000 })

        let oversized = (0..<10).map { "k\($0)=" + String(repeating: "v", count: 1000) }.joined(separator: ",")
        let fromOversized = propagator.extract(from: ["baggage": oversized] as OTelHeaderFields).baggage
        #expect(fromOversized.count == 8)
        #expect(fromOversized.allSatisfy { $0.value.utf8.count == 1000 })
    }

    @Test("beyond 180 members whole members are dropped")
    func memberLimit() {
        let header = (0..<200).map { "k\($0)=v" }.joined(separator: ",")
        let baggage = propagator.extract(from: ["baggage": header] as OTelHeaderFields).baggage
        #expect(baggage.count == 180)
        #expect(baggage["k179"] == "v")
        #expect(baggage["k180"] == nil)
        var headers = OTelHeaderFields()
        propagator.inject(
            OTelPropagationContext(baggage: propagator.extract(from: ["baggage": header] as OTelHeaderFields).baggage),
            into: &headers
        )
        #expect(headers["baggage"]?.split(separator: ",").count == 180)
    }

    @Test("entries whose name is not an HTTP token are not injected; empty baggage injects nothing")
    func injectSkipsInvalidNames() {
        var headers = OTelHeaderFields()
        propagator.inject(.empty, into: &headers)
        #expect(headers.fields.isEmpty)
        propagator.inject(
            OTelPropagationContext(
                baggage: OTelBaggage().setting(name: "bad name", value: "1").setting(name: "ok", value: "2")
            ),
            into: &headers
        )
        #expect(headers["baggage"] == "ok=2")
    }
}
