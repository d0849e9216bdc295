import NIOHTTP1
import OpenTracing

/// HTTP headers as an OpenTracing text-map carrier: what a server hands to `extract(format: .httpHeaders)` and a
/// client to `inject`. Repeated fields are all visited; injected fields replace earlier ones of the same name.
struct DemoHeadersCarrier: TextMapReader, TextMapWriter {
    var headers: HTTPHeaders

    init(_ headers: HTTPHeaders = HTTPHeaders()) {
        self.headers = headers
    }

    func forEachKeyValue(_ body: (_ key: String, _ value: String) throws -> Void) rethrows {
        for (name, value) in headers {
            try body(name, value)
        }
    }

    mutating func set(_ value: String, forKey key: String) {
        headers.replaceOrAdd(name: key, value: value)
    }
}
