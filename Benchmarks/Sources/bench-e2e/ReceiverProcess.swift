#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The counting receiver (`bench-receiver`, built next to this driver) in its own process.
final class ReceiverProcess {
    let pid: pid_t
    let port: Int

    /// Starts the receiver with the given reply delay and waits until it listens.
    init(replyDelayMilliseconds: Int) throws {
        let executable = Self.siblingExecutable("bench-receiver")
        var pipeDescriptors: [Int32] = [0, 0]
        guard pipe(&pipeDescriptors) == 0 else { throw DriverError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeDescriptors[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeDescriptors[0])
        let arguments = [executable, "0", String(replyDelayMilliseconds), "1"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(pipeDescriptors[1])
        guard status == 0 else { throw DriverError("cannot start \(executable): \(status)") }
        pid = child
        // Read "listening <port>\n".
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(pipeDescriptors[0], &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        close(pipeDescriptors[0])
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("listening "), let port = Int(text.dropFirst("listening ".count)) else {
            kill(child, SIGKILL)
            throw DriverError("receiver did not start: '\(text)'")
        }
        self.port = port
    }

    /// The receiver's counts.
    func statistics() throws -> ReceiverCounts {
        let body = try LoopbackHTTP.get(port: port, path: "/stats")
        return try ReceiverCounts(json: body)
    }

    /// Stops the receiver and reaps it.
    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    static func siblingExecutable(_ name: String) -> String {
        let path = CommandLine.arguments[0]
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }
}

/// The receiver's `/stats` answer.
struct ReceiverCounts {
    var requests = 0
    var spans = 0
    var bodyBytes = 0
    var malformed = 0

    init() {}

    init(json: String) throws {
        func value(_ key: String) throws -> Int {
            guard let range = json.firstRange(of: "\"\(key)\":") else { throw DriverError("no \(key) in \(json)") }
            let digits = json[range.upperBound...].prefix { $0.isNumber }
            guard let number = Int(digits) else { throw DriverError("bad \(key) in \(json)") }
            return number
        }
        requests = try value("requests")
        spans = try value("spans")
        bodyBytes = try value("bodyBytes")
        malformed = try value("malformed")
    }
}

struct DriverError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A blocking HTTP/1.1 GET over loopback, for the receiver's statistics.
enum LoopbackHTTP {
    static func get(port: Int, path: String) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw DriverError("socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw DriverError("connect to \(port) failed") }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response += chunk[..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let bodyStart = text.firstRange(of: "\r\n\r\n") else { throw DriverError("bad response: \(text)") }
        return String(text[bodyStart.upperBound...])
    }

    /// A loopback port on which nothing listens (bound, then closed): connections to it are refused.
    static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard ok else { throw DriverError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
