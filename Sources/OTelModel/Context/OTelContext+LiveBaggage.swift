extension OTelContext {
    /// This context with its attachment's live baggage (``OTelLiveBaggageAttachment``), when it has one; every
    /// read of "the current context" goes through here.
    @inline(__always)
    var resolvingLiveBaggage: OTelContext {
        // Only contexts with an attachment pay for the dynamic cast.
        guard let attachment,
            let live = (attachment as? any OTelLiveBaggageAttachment)?.liveBaggage
        else { return self }
        var copy = self
        copy.baggage = live
        return copy
    }
}
