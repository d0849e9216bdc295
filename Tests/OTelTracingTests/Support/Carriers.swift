import Tracing

/// Writes into a `[String: String]` carrier.
struct DictionaryInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) {
        carrier[key] = value
    }
}

/// Reads from a `[String: String]` carrier, ignoring ASCII case as HTTP header lookups do.
struct DictionaryExtractor: Extractor {
    func extract(key: String, from carrier: [String: String]) -> String? {
        carrier[key] ?? carrier.first { $0.key.lowercased() == key.lowercased() }?.value
    }
}

/// A carrier shaped like NIO's `HTTPHeaders`: an ordered sequence of `(name:, value:)` pairs.
struct HeaderList: Sequence, Sendable {
    var fields: [(name: String, value: String)] = []
    func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}

struct HeaderListInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout HeaderList) {
        carrier.fields.append((key, value))
    }
}

struct HeaderListExtractor: Extractor {
    func extract(key: String, from carrier: HeaderList) -> String? {
        carrier.fields.first { $0.name.lowercased() == key.lowercased() }?.value
    }
}
