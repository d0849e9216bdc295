import OpenTracing
import Tracing

/// Server-side code not yet migrated: OpenTracing, called from a handler that uses `withSpan`.
enum InventoryRepository {
    static func stock(of item: String) -> Int {
        let tracer = GlobalTracer.shared
        // The `withSpan` server span is OpenTracing's active span here, so this span is its child; the
        // customer baggage came with the request.
        let customer = tracer.activeSpan?.baggageItem("customer") ?? "unknown"
        return tracer.withActiveSpan("db.query", tags: ["db.system": "sqlite", "customer": .string(customer)]) { _ in
            // A migrated helper called from the legacy code: its span is a child of the OpenTracing one.
            StockCache.lookup(item) ?? 7
        }
    }
}

/// Already migrated: swift-distributed-tracing only.
enum StockCache {
    static func lookup(_ item: String) -> Int? {
        withSpan("cache.lookup") { span in
            span.attributes["cache.key"] = item
            span.attributes["cache.hit"] = false
            return nil
        }
    }
}
