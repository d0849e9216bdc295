import Testing

@testable import OTelModel

@Suite("Text map carriers")
struct CarrierTests {
    @Test("header field lookups are case-insensitive")
    func caseInsensitive() {
        let headers: OTelHeaderFields = ["TraceParent": "a", "X-B3-TraceId": "b"]
        #expect(headers.firstValue(forField: "traceparent") == "a")
        #expect(headers["X-B3-TRACEID"] == "b")
        let dictionary = ["TraceParent": "a"]
        #expect(dictionary.firstValue(forField: "traceparent") == "a")
        #expect(dictionary.combinedValue(forField: "traceparent") == "a")
        #expect(["TRACEPARENT": "b"].combinedValue(forField: "traceparent") == "b")
        #expect(dictionary.firstValue(forField: "tracestate") == nil)
    }

    @Test("repeated fields are combined with commas in order; first value is the first one")
    func combining() {
        let headers = OTelHeaderFields([("baggage", "a=1"), ("Other", "x"), ("BAGGAGE", "b=2")])
        #expect(headers.combinedValue(forField: "baggage") == "a=1,b=2")
        #expect(headers.firstValue(forField: "baggage") == "a=1")
        #expect(headers.combinedValue(forField: "missing") == nil)
    }

    @Test("setting a field replaces every field of that name, whatever its case")
    func setReplaces() {
        var headers = OTelHeaderFields([("B3", "old"), ("b3", "older")])
        headers.set("new", forField: "b3")
        #expect(headers.fields == [OTelHeaderFields.Field(name: "b3", value: "new")])
        var dictionary: [String: String] = [:]
        dictionary.set("v", forField: "k")
        #expect(dictionary == ["k": "v"])
    }
}
