#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain OS thread running a closure: producers in the end-to-end benchmark are threads, as in the synchronous
/// OpenTracing call sites they stand for, not tasks.
public final class ProducerThread: @unchecked Sendable {
    private var thread: pthread_t?
    private let body: @Sendable () -> Void

    /// Starts a thread running `body`.
    public init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
        let box = Unmanaged.passRetained(self)
        #if canImport(Darwin)
        var handle: pthread_t?
        #else
        var handle = pthread_t()
        #endif
        let result = pthread_create(&handle, nil, { argument in
            #if canImport(Darwin)
            let thread = Unmanaged<ProducerThread>.fromOpaque(argument).takeRetainedValue()
            #else
            let thread = Unmanaged<ProducerThread>.fromOpaque(argument!).takeRetainedValue()
            #endif
            thread.body()
            return nil
        }, box.toOpaque())
        precondition(result == 0, "pthread_create failed: \(result)")
        thread = handle
    }

    /// Waits for the thread to return.
    public func join() {
        guard let thread else { return }
        pthread_join(thread, nil)
        self.thread = nil
    }
}
