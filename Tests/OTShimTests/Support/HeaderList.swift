import OpenTracing

/// A carrier that is not a dictionary: an ordered list of pairs, as some HTTP libraries keep headers.
struct HeaderList: TextMapWriter, TextMapReader {
    var pairs: [(String, String)] = []

    mutating func set(_ value: String, forKey key: String) {
        pairs.removeAll { $0.0 == key }
        pairs.append((key, value))
    }

    func forEachKeyValue(_ body: (_ key: String, _ value: String) throws -> Void) rethrows {
        for (key, value) in pairs { try body(key, value) }
    }

    subscript(key: String) -> String? { pairs.first { $0.0 == key }?.1 }
}
