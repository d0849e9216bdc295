/// `opentelemetry.proto.common.v1.KeyValue`: one attribute.
package struct OTLPKeyValue: Equatable, Sendable {
    package var key: String
    package var value: OTLPAnyValue

    package init(key: String, value: OTLPAnyValue) {
        self.key = key
        self.value = value
    }

    package static func == (lhs: OTLPKeyValue, rhs: OTLPKeyValue) -> Bool {
        // Compare the UTF-8, not canonical equivalence: the wire must keep the exact bytes.
        lhs.key.utf8.elementsEqual(rhs.key.utf8) && lhs.value == rhs.value
    }
}
