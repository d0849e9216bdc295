import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide home of imperative attachments: one pthread key for thread stacks, and task stacks in 16
/// locked shards keyed by the task's hash.
final class ContextRegistry: Sendable {
    static let shared = ContextRegistry()

    private static let shardCount = 16
    private let shards: [InlineLockedValue<[Int: ContextStack]>]
    /// Registered task stacks; zero lets ``innermostOpenEntry(base:)`` skip the task lookup.
    let liveTaskStacks = Atomic<Int>(0)
    /// Attached tokens not yet detached.
    let openTokens = Atomic<Int>(0)
    let misuse: RateLimitedCounter
    private let threadKey: pthread_key_t

    private init() {
        shards = (0..<Self.shardCount).map { _ in .make([:]) }
        misuse = RateLimitedCounter(
            logger: Logger(label: "OTelModel.OTelContext"),
            message: "OTelContext tokens were detached out of order, twice, or from another thread or task"
        )
        var key = pthread_key_t()
        #if canImport(Darwin)
        let status = pthread_key_create(&key) { stack in
            Unmanaged<ContextStack>.fromOpaque(stack).release()
        }
        #else
        let status = pthread_key_create(&key) { stack in
            guard let stack else { return }
            Unmanaged<ContextStack>.fromOpaque(stack).release()
        }
        #endif
        precondition(status == 0, "pthread_key_create failed: \(status)")
        threadKey = key
    }

    @inline(__always)
    func shard(for taskHash: Int) -> InlineLockedValue<[Int: ContextStack]> {
        shards[Int(UInt(bitPattern: taskHash) % UInt(Self.shardCount))]
    }

    /// The calling thread's stack, if it has one.
    @inline(__always)
    func existingThreadStack() -> ContextStack? {
        guard let raw = pthread_getspecific(threadKey) else { return nil }
        return Unmanaged<ContextStack>.fromOpaque(raw).takeUnretainedValue()
    }

    /// The calling thread's stack, created on first use and released when the thread exits.
    func threadStack() -> ContextStack {
        if let existing = existingThreadStack() { return existing }
        let stack = ContextStack(taskHash: nil)
        pthread_setspecific(threadKey, Unmanaged.passRetained(stack).toOpaque())
        return stack
    }

    /// The innermost open attachment of the calling thread or task made under the binding `base`.
    func innermostOpenEntry(base: UInt64) -> OTelContextToken? {
        let threadStack = existingThreadStack()
        if liveTaskStacks.load(ordering: .relaxed) == 0, threadStack?.entries.isEmpty ?? true {
            return nil
        }
        if let taskHash = withUnsafeCurrentTask(body: { $0?.hashValue }) {
            return shard(for: taskHash).withLock { $0[taskHash]?.innermostOpen(base: base) }
        }
        return threadStack?.innermostOpen(base: base)
    }

    /// Pushes an attachment onto the calling thread's or task's stack.
    func attach(_ context: OTelContext, base: UInt64) -> OTelContextToken {
        openTokens.add(1, ordering: .relaxed)
        if let taskHash = withUnsafeCurrentTask(body: { $0?.hashValue }) {
            return shard(for: taskHash).withLock { stacks in
                let stack: ContextStack
                if let existing = stacks[taskHash] {
                    stack = existing
                    stack.popDetachedTop()
                } else {
                    stack = ContextStack(taskHash: taskHash)
                    stack.retainedTask = withUnsafeCurrentTask { $0 }
                    stacks[taskHash] = stack
                    liveTaskStacks.add(1, ordering: .relaxed)
                }
                let token = OTelContextToken(context: context, base: base, stack: stack)
                stack.entries.append(token)
                return token
            }
        }
        let stack = threadStack()
        stack.popDetachedTop()
        let token = OTelContextToken(context: context, base: base, stack: stack)
        stack.entries.append(token)
        return token
    }

    /// Removes a token that was just marked detached from its stack, as far as the calling context may.
    func remove(_ token: OTelContextToken) -> OTelContextDetachResult {
        openTokens.subtract(1, ordering: .relaxed)
        let stack = token.stack
        let currentTask = withUnsafeCurrentTask(body: { $0?.hashValue })
        if let owner = stack.taskHash {
            // Any context may clean a task stack: it is only touched under the shard lock.
            var result: OTelContextDetachResult = currentTask == owner ? .detached : .detachedFromAnotherContext
            shard(for: owner).withLock { stacks in
                if result == .detached, stack.hasAttachedEntry(above: token) { result = .detachedOutOfOrder }
                stack.popDetachedTop()
                if stack.entries.isEmpty, stacks[owner] === stack {
                    stacks[owner] = nil
                    stack.retainedTask = nil
                    liveTaskStacks.subtract(1, ordering: .relaxed)
                }
            }
            return result
        }
        guard currentTask == nil, existingThreadStack() === stack else {
            // Another thread's stack: leave the tombstone for its owner to pop.
            return .detachedFromAnotherContext
        }
        let result: OTelContextDetachResult = stack.hasAttachedEntry(above: token) ? .detachedOutOfOrder : .detached
        stack.popDetachedTop()
        return result
    }
}
