extension OTelContext {
    /// This context with its attachment's live baggage (``OTelLiveBaggageAttachment``), when it has one; every
    /// read of "the current context" goes through here.
    @inline(__always)
    var resolvingLiveBaggage: OTelContext {
        // The attachment was typed when it was set: no dynamic cast here.
        guard case .live(let source) = attachmentStorage, let live = source.liveBaggage else { return self }
        var copy = self
        copy.baggage = live
        return copy
    }
}
