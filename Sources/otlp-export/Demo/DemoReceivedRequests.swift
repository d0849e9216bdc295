import OTLPExporter

/// What the in-process receiver accepted, in arrival order.
actor DemoReceivedRequests {
    private(set) var requests: [OTLPDecodedRequest] = []

    func append(_ request: OTLPDecodedRequest) {
        requests.append(request)
    }
}
