#if os(Linux)
    import Glibc
    import Testing

    @testable import OTelModel

    @Suite("Id generation across fork")
    struct ForkTests {
        @Test("a forked child does not repeat the parent's next span ids")
        func childReseeds() throws {
            let generator = OTelRandomIDGenerator()
            _ = generator.nextSpanID()  // the parent thread has a state the child would inherit
            var pipeEnds: [Int32] = [0, 0]
            try #require(pipe(&pipeEnds) == 0)
            let child = fork()
            try #require(child >= 0)
            if child == 0 {
                var value = generator.nextSpanID().bytes
                _ = withUnsafeBytes(of: &value) { write(pipeEnds[1], $0.baseAddress, 8) }
                _exit(0)
            }
            close(pipeEnds[1])
            let parentID = generator.nextSpanID()
            var childBytes = SpanID.invalid.bytes
            let readCount = withUnsafeMutableBytes(of: &childBytes) { read(pipeEnds[0], $0.baseAddress, 8) }
            close(pipeEnds[0])
            var status: Int32 = 0
            waitpid(child, &status, 0)
            #expect(readCount == 8)
            #expect(SpanID(bytes: childBytes).isValid)
            #expect(SpanID(bytes: childBytes) != parentID)
        }
    }
#endif
