/// A decoded `google.rpc.Status`: the body of an OTLP/HTTP failure response (OTLP HTTP-11).
package struct OTLPDecodedRPCStatus: Equatable, Sendable {
    /// A `google.rpc.Code`; clients are not expected to change behaviour based on it.
    package var code: Int32
    package var message: String
    package var details: [Detail]

    package init(code: Int32, message: String, details: [Detail]) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// A `google.protobuf.Any`.
    package struct Detail: Equatable, Sendable {
        package var typeURL: String
        package var value: [UInt8]

        package init(typeURL: String, value: [UInt8]) {
            self.typeURL = typeURL
            self.value = value
        }
    }
}
