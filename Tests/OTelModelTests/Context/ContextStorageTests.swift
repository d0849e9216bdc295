import PlainThreads
import Testing

@testable import OTelModel

/// The context keeps its rarely set debug marks out of line and types its attachment once, when it is set; these
/// tests pin that the public properties behave as plain stored values.
@Suite("Context: storage of debug marks and attachments")
struct ContextStorageTests {
    /// An attachment whose baggage can change while its context is current.
    final class LiveBaggageSource: OTelLiveBaggageAttachment, @unchecked Sendable {
        private let lock = Lock()
        /// Guarded by `lock`.
        private var baggage: OTelBaggage?
        var liveBaggage: OTelBaggage? { lock.withLock { baggage } }
        func set(_ newValue: OTelBaggage?) { lock.withLock { baggage = newValue } }
    }

    final class PlainAttachment: Sendable {}

    private static let stored = OTelBaggage().setting(name: "stored", value: "1")
    private static let live = OTelBaggage().setting(name: "live", value: "2")

    @Test("isDebug and jaegerDebugID are independent value properties; copies keep their own marks")
    func debugMarksAreValues() {
        var context = OTelContext(span: contextSpan(1))
        #expect(!context.isDebug && context.jaegerDebugID == nil)
        context.isDebug = true
        #expect(context.isDebug && context.jaegerDebugID == nil)
        context.jaegerDebugID = "debug-request"
        let copy = context
        context.isDebug = false
        #expect(!context.isDebug && context.jaegerDebugID == "debug-request")
        #expect(copy.isDebug && copy.jaegerDebugID == "debug-request")
        context.jaegerDebugID = nil
        #expect(!context.isDebug && context.jaegerDebugID == nil)
        #expect(copy.withSpan(contextSpan(2)).isDebug && copy.withSpan(nil).jaegerDebugID == "debug-request")
        #expect(copy.withBaggage(Self.stored).isDebug && copy.withBaggage(Self.stored).jaegerDebugID == "debug-request")
        let made = OTelContext(isDebug: false, jaegerDebugID: "only-id")
        #expect(!made.isDebug && made.jaegerDebugID == "only-id")
    }

    @Test("an attachment set after creation is the same object, and reports live baggage only when it is live")
    func attachmentKindIsDecidedWhenSet() {
        let live = LiveBaggageSource()
        live.set(Self.live)
        let plain = PlainAttachment()
        onNewThread {
            var context = OTelContext(span: contextSpan(1), baggage: Self.stored)
            context.attachment = live
            #expect(context.attachment === live)
            var token = OTelContext.attach(context)
            #expect(OTelContext.current.baggage == Self.live)
            live.set(nil)
            #expect(OTelContext.current.baggage == Self.stored, "nil live baggage keeps the stored baggage")
            live.set(Self.live)
            token.detach()

            context.attachment = plain
            #expect(context.attachment === plain)
            token = OTelContext.attach(context)
            #expect(OTelContext.current.baggage == Self.stored)
            #expect(OTelContext.current.attachment === plain)
            token.detach()

            context.attachment = nil
            #expect(context.attachment == nil)
        }
    }

    @Test("a context made with a typed live attachment behaves as one given the same object as attachment")
    func typedLiveAttachmentMatchesUntyped() {
        let live = LiveBaggageSource()
        live.set(Self.live)
        let typed = OTelContext(
            span: contextSpan(1), baggage: Self.stored, liveAttachment: live, isDebug: true, jaegerDebugID: "id")
        let untyped = OTelContext(
            span: contextSpan(1), baggage: Self.stored, attachment: live, isDebug: true, jaegerDebugID: "id")
        for context in [typed, untyped] {
            #expect(context.attachment === live)
            #expect(context.isDebug && context.jaegerDebugID == "id")
            #expect(context.withBaggage(Self.stored).attachment == nil)
            onNewThread {
                let token = OTelContext.attach(context)
                #expect(OTelContext.current.baggage == Self.live)
                token.detach()
            }
        }
    }

    @Test("withBaggage drops a live attachment and keeps a plain one; withSpan drops either")
    func replacingBaggageOrSpanClearsAttachments() {
        let live = LiveBaggageSource()
        live.set(Self.live)
        let plain = PlainAttachment()
        let replaced = OTelBaggage().setting(name: "replaced", value: "3")
        let liveContext = OTelContext(span: contextSpan(1), baggage: Self.stored, attachment: live)
        #expect(liveContext.withBaggage(replaced).attachment == nil)
        #expect(liveContext.withBaggage(replaced).baggage == replaced)
        let plainContext = OTelContext(span: contextSpan(1), baggage: Self.stored, attachment: plain)
        #expect(plainContext.withBaggage(replaced).attachment === plain)
        #expect(liveContext.withSpan(contextSpan(2)).attachment == nil)
        #expect(plainContext.withSpan(contextSpan(2)).attachment == nil)
        onNewThread {
            OTelContext.withValue(liveContext.withBaggage(replaced)) {
                #expect(OTelContext.current.baggage == replaced)
            }
            OTelContext.withValue(liveContext) {
                #expect(OTelContext.current.baggage == Self.live)
            }
        }
    }
}
