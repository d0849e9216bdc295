/// The instrumentation scope and resource shared by every span of one tracer, held once.
///
/// A finished span refers to its tracer's origin instead of carrying copies of both (about 170 bytes and a
/// reference count per string and attribute storage). Two spans with the same origin object have the same scope and
/// resource, which lets exporters group spans with one identity comparison (`===`).
package final class OTelSpanOrigin: Sendable {
    /// The scope of the tracer that started the spans.
    package let instrumentationScope: OTelInstrumentationScope
    /// The resource of the provider that started the spans.
    package let resource: OTelResource

    package init(instrumentationScope: OTelInstrumentationScope, resource: OTelResource) {
        self.instrumentationScope = instrumentationScope
        self.resource = resource
    }
}
