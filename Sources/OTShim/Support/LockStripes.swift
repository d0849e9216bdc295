#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed set of mutexes shared by many small objects, chosen by object identity.
///
/// Span shims guard their (rarely changing) span-context reference with one of these instead of a mutex of their
/// own, so starting a span allocates no lock. Critical sections are a pointer swap or read, so sharing a stripe
/// costs nothing measurable.
enum LockStripes {
    private static let count = 64
    private nonisolated(unsafe) static let mutexes: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutexes = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: count)
        for index in 0..<count {
            (mutexes + index).initialize(to: pthread_mutex_t())
            let status = pthread_mutex_init(mutexes + index, nil)
            precondition(status == 0, "pthread_mutex_init failed: \(status)")
        }
        return mutexes
    }()

    /// Runs `body` while holding the stripe of `object`.
    @inline(__always)
    static func withLock<Result>(for object: AnyObject, _ body: () throws -> Result) rethrows -> Result {
        // Heap objects are 16-byte aligned: drop the low bits so that neighbours spread over the stripes.
        let address = UInt(bitPattern: ObjectIdentifier(object))
        let mutex = mutexes + Int((address >> 4) % UInt(count))
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
