import Foundation

/// Reads the package's source files, for tests about the shape of the code.
enum SourceTree {
    /// The package root: four path components above this file (Tests/OTShimTests/Support/SourceTree.swift).
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The Swift files under `relativePath`, with their text.
    static func files(under relativePath: String) throws -> [(path: String, text: String)] {
        let directory = root.appendingPathComponent(relativePath)
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [(path: String, text: String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let url = directory.appendingPathComponent(relative)
            files.append((relative, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }
}
