import Foundation

/// Unbuffered writes to standard output and error: each call is one `write`, so lines from
/// concurrent requests never interleave mid-line and nothing waits in a buffer when piped.
enum StandardStreams {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
