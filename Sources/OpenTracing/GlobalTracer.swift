import Synchronization

/// The process-wide tracer for code that has no tracer passed to it.
///
/// ``shared`` is ``NoopTracer/shared`` until the application registers its tracer, once, at startup. Reading it
/// is one atomic load.
///
/// [OpenTracing: GlobalTracer](https://github.com/opentracing/opentracing-java/blob/master/opentracing-util/src/main/java/io/opentracing/util/GlobalTracer.java)
public enum GlobalTracer {
    /// Holds the registered tracer; boxes are never released, so a reader never sees a freed one.
    private final class Registration: Sendable {
        let tracer: any Tracer

        init(_ tracer: any Tracer) {
            self.tracer = tracer
        }
    }

    private static let registration = Atomic<Unmanaged<Registration>?>(nil)

    /// The registered tracer, or ``NoopTracer/shared`` before registration.
    public static var shared: any Tracer {
        guard let registered = registration.load(ordering: .acquiring) else { return NoopTracer.shared }
        return registered.takeUnretainedValue().tracer
    }

    /// Whether a tracer has been registered.
    public static var isRegistered: Bool {
        registration.load(ordering: .acquiring) != nil
    }

    /// Registers the process-wide tracer; only the first registration counts.
    ///
    /// - Returns: `true` if `tracer` is now the global tracer; `false` if another tracer was registered earlier,
    ///   in which case `tracer` is ignored and one line says so on standard error. Registering the registered
    ///   tracer again returns `true`.
    @discardableResult
    public static func register(_ tracer: any Tracer) -> Bool {
        let candidate = Unmanaged.passRetained(Registration(tracer))
        let (exchanged, existing) = registration.compareExchange(
            expected: nil,
            desired: candidate,
            ordering: .acquiringAndReleasing
        )
        if exchanged {
            return true
        }
        candidate.release()
        if let existing, existing.takeUnretainedValue().tracer === tracer {
            return true
        }
        writeLineToStandardError(
            "OpenTracing GlobalTracer: a tracer of type \(type(of: tracer)) was not registered, because "
                + "\(type(of: existing?.takeUnretainedValue().tracer ?? NoopTracer.shared)) already is."
        )
        return false
    }

    /// Forgets the registration, for tests that need a fresh global tracer. The old registration is deliberately
    /// leaked: concurrent readers may still be using it.
    package static func resetForTesting() {
        _ = registration.exchange(nil, ordering: .acquiringAndReleasing)
    }
}
