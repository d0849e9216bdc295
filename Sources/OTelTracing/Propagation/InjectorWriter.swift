import OTelModel
import Tracing

/// An OTelModel text-map writer over a swift-distributed-tracing `Injector` and its carrier.
///
/// It points at the caller's carrier (valid only inside `withUnsafeMutablePointer`), so writing never copies a
/// copy-on-write carrier such as `HTTPHeaders`.
struct InjectorWriter<Inject: Injector>: OTelTextMapWriter {
    let carrier: UnsafeMutablePointer<Inject.Carrier>
    let injector: Inject

    mutating func set(_ value: String, forField name: String) {
        injector.inject(value, forKey: name, into: &carrier.pointee)
    }
}
