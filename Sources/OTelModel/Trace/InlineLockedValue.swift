#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value and its `pthread_mutex_t` in one heap object (one allocation, where ``LockedValue`` needs three).
///
/// Used by the export queue and the context registry (a recording span keeps its state inline, see `RecordingSpan`).
struct InlineLockedValue<Value>: @unchecked Sendable {
    private let buffer: Buffer

    /// Creates the object holding `value`.
    static func make(_ value: Value) -> InlineLockedValue<Value> {
        InlineLockedValue(buffer: Buffer.make(value))
    }

    /// Runs `body` with exclusive access to the value.
    @inline(__always)
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try buffer.withUnsafeMutablePointers { value, mutex in
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return try body(&value.pointee)
        }
    }

    /// The heap object: the value as the header, one mutex as the element.
    private final class Buffer: ManagedBuffer<Value, pthread_mutex_t> {
        static func make(_ value: Value) -> Buffer {
            let buffer = unsafeDowncast(self.create(minimumCapacity: 1) { _ in value }, to: Buffer.self)
            buffer.withUnsafeMutablePointerToElements { mutex in
                mutex.initialize(to: pthread_mutex_t())
                let status = pthread_mutex_init(mutex, nil)
                precondition(status == 0, "pthread_mutex_init failed: \(status)")
            }
            return buffer
        }

        deinit {
            withUnsafeMutablePointerToElements { mutex in
                pthread_mutex_destroy(mutex)
                mutex.deinitialize(count: 1)
            }
        }
    }
}
