#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The default id generator: random ids from a fast per-thread generator.
///
/// Each thread owns a wyrand generator seeded once from the system's secure random source, so generating
/// an id takes no lock and no system call. The ids are random enough to set the W3C `random` trace flag
/// but are not cryptographically secure.
public struct OTelRandomIDGenerator: OTelIDGenerator {
    /// Creates the generator.
    public init() {}

    public func nextTraceID() -> TraceID {
        var generator = ThreadLocalRandomNumberGenerator()
        return TraceID.random(using: &generator)
    }

    public func nextSpanID() -> SpanID {
        var generator = ThreadLocalRandomNumberGenerator()
        return SpanID.random(using: &generator)
    }
}

/// A handle on the calling thread's wyrand state (created and seeded on first use, freed when the thread exits).
struct ThreadLocalRandomNumberGenerator: RandomNumberGenerator {
    @inline(__always)
    mutating func next() -> UInt64 {
        let state = Self.currentState()
        // wyrand (Wang Yi): a 64-bit counter mixed by one 128-bit multiplication.
        state.pointee &+= 0xA076_1D64_78BD_642F
        let product = state.pointee.multipliedFullWidth(by: state.pointee ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }

    private static func currentState() -> UnsafeMutablePointer<UInt64> {
        if let existing = pthread_getspecific(threadStateKey) {
            return existing.assumingMemoryBound(to: UInt64.self)
        }
        let state = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        var system = SystemRandomNumberGenerator()
        state.initialize(to: system.next())
        pthread_setspecific(threadStateKey, state)
        return state
    }

    /// Gives the calling thread a fresh seed; run in a forked child, so it does not repeat the parent's ids.
    static func reseedCurrentThread() {
        guard let existing = pthread_getspecific(threadStateKey) else { return }
        var system = SystemRandomNumberGenerator()
        existing.assumingMemoryBound(to: UInt64.self).pointee = system.next()
    }
}

private let threadStateKey: pthread_key_t = {
    var key = pthread_key_t()
    #if canImport(Darwin)
        let status = pthread_key_create(&key) { state in state.deallocate() }
    #else
        let status = pthread_key_create(&key) { state in state?.deallocate() }
    #endif
    precondition(status == 0, "pthread_key_create failed: \(status)")
    pthread_atfork(nil, nil) { ThreadLocalRandomNumberGenerator.reseedCurrentThread() }
    return key
}()
