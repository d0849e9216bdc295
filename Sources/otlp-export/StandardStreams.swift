import Foundation

/// Unbuffered writes to standard output and error: each call is one `write`, so lines from
/// concurrent requests never interleave mid-line and nothing waits in a buffer when piped.
enum StandardStreams {
    static func write(_ text: String) {
        write(Array(text.utf8), to: .standardOutput)
    }

    static func writeError(_ text: String) {
        write(Array(text.utf8), to: .standardError)
    }

    /// A failed write (a closed pipe, a full disk) loses the text but must not stop the receiver.
    static func write(_ bytes: [UInt8], to handle: FileHandle) {
        try? handle.write(contentsOf: bytes)
    }
}
