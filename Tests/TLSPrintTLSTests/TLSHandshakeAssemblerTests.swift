import TLSPrintCore
import TLSPrintTLS
import TLSPrintTestSupport
import Testing

@Suite struct TLSHandshakeAssemblerTests {
    static func run(_ bytes: [UInt8], chunk: Int) -> (TLSHandshakeAssembler, [HandshakeMessage]) {
        var assembler = TLSHandshakeAssembler()
        var messages: [HandshakeMessage] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            messages += assembler.feed(Array(bytes[start..<end]))
            start = end
        }
        return (assembler, messages)
    }

    static let withClientHello = StreamFixture.all.filter { $0.expect["ja4"] != nil || $0.expect["ja3_full"] != nil }

    @Test(arguments: withClientHello)
    func clientDirectionYieldsTheClientHelloFirst(fixture: StreamFixture) throws {
        let (assembler, messages) = Self.run(fixture.client, chunk: fixture.client.count)
        let first = try #require(messages.first)
        #expect(first.type == .clientHello)
        #expect(assembler.state != .notTLS)
    }

    @Test(arguments: StreamFixture.all)
    func oneByteSegmentsAndRandomSplitsGiveTheSameMessages(fixture: StreamFixture) {
        for direction in [fixture.client, fixture.server] {
            let (whole, expected) = Self.run(direction, chunk: max(1, direction.count))
            let (drip, dripped) = Self.run(direction, chunk: 1)
            #expect(dripped == expected)
            #expect(drip.state == whole.state)
            #expect(drip.preludeLength == whole.preludeLength)
            var generator = SeededGenerator(seed: UInt64(direction.count))
            var assembler = TLSHandshakeAssembler()
            var messages: [HandshakeMessage] = []
            var start = 0
            while start < direction.count {
                let end = min(direction.count, start + 1 + Int(generator.next() % 700))
                messages += assembler.feed(Array(direction[start..<end]))
                start = end
            }
            #expect(messages == expected)
        }
    }

    static let preludes: [(String, Bool)] = [
        ("https-connect", true), ("smtp-starttls", true), ("ldap-starttls", true), ("mysql-tls", true),
        ("badcurveball", false), ("tls12", false),
    ]

    @Test(arguments: preludes)
    func findsTLSAfterAPlaintextPrelude(name: String, hasPrelude: Bool) throws {
        let fixture = try #require(StreamFixture.named(name))
        let (assembler, messages) = Self.run(fixture.client, chunk: 1)
        #expect(messages.first?.type == .clientHello)
        let prelude = try #require(assembler.preludeLength)
        #expect((prelude > 0) == hasPrelude)
    }

    @Test func serverFlightYieldsHelloCertificateAndDone() throws {
        let fixture = try #require(StreamFixture.named("badcurveball"))
        let (_, messages) = Self.run(fixture.server, chunk: 1)
        #expect(messages.map(\.type.rawValue).prefix(3) == [2, 11, 12])
    }

    @Test func changeCipherSpecEndsTheCleartextPart() {
        let record: [UInt8] = [0x16, 0x03, 0x01, 0x00, 0x04, 0x0E, 0x00, 0x00, 0x00]
        let (assembler, messages) = Self.run(record + [0x14, 0x03, 0x03, 0x00, 0x01, 0x01] + record, chunk: 1)
        #expect(messages == [HandshakeMessage(type: .serverHelloDone, body: [])])
        #expect(assembler.state == .done)
    }

    @Test func messageSplitOverRecordsAndRecordsHoldingSeveralMessages() {
        // One ServerHelloDone split 2+2 over two records, then two in one record.
        let bytes: [UInt8] = [
            0x16, 0x03, 0x03, 0x00, 0x02, 0x0E, 0x00, 0x16, 0x03, 0x03, 0x00, 0x02, 0x00, 0x00,
            0x16, 0x03, 0x03, 0x00, 0x08, 0x0E, 0x00, 0x00, 0x00, 0x0E, 0x00, 0x00, 0x00,
        ]
        for chunk in 1...bytes.count {
            let (assembler, messages) = Self.run(bytes, chunk: chunk)
            #expect(messages.count == 3)
            #expect(assembler.state == .handshake)
        }
    }

    @Test func sslv2ClientHelloIsReported() {
        // RFC 6101 Appendix E.2: 0x80 0x2e, msg_type 1, version 3.1, then the specs.
        let bytes: [UInt8] =
            [0x80, 0x2E, 0x01, 0x03, 0x01, 0x00, 0x15, 0x00, 0x00, 0x00, 0x10] + Array(repeating: 0, count: 37)
        let (assembler, messages) = Self.run(bytes, chunk: 1)
        #expect(messages.isEmpty)
        #expect(assembler.isSSLv2ClientHello)
        #expect(assembler.state == .done)
    }

    @Test func implausibleFirstHeaderIsNotTLS() {
        // 16 03 03 with a zero or over-long record length at byte 0 is not taken for TLS.
        let (zero, _) = Self.run([0x16, 0x03, 0x03, 0x00, 0x00] + Array(repeating: 0x20, count: 9000), chunk: 1)
        let (long, _) = Self.run([0x16, 0x03, 0x03, 0x48, 0x01] + Array(repeating: 0x20, count: 9000), chunk: 4096)
        #expect(zero.state == .notTLS)
        #expect(long.state == .notTLS)
    }

    @Test func bulkPlaintextIsGivenUp() {
        let http = Array("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".utf8)
        let body = Array(repeating: UInt8(ascii: "a"), count: 9000)
        let (assembler, messages) = Self.run(http + body, chunk: 1000)
        #expect(messages.isEmpty)
        #expect(assembler.state == .notTLS)
    }

    static let malformed: [(String, [UInt8], ParseError.Reason)] = [
        ("record too long", [0x16, 0x03, 0x03, 0x00, 0x01, 0x0E, 0x16, 0x03, 0x03, 0x48, 0x01], .limitExceeded),
        ("message over the size cap", [0x16, 0x03, 0x03, 0x00, 0x04, 0x01, 0x01, 0x00, 0x01], .limitExceeded),
        ("unknown content type", [0x16, 0x03, 0x03, 0x00, 0x01, 0x0E, 0x63, 0x03, 0x03, 0x00, 0x01], .invalidValue),
        (
            "record version major not 3", [0x16, 0x03, 0x03, 0x00, 0x01, 0x0E, 0x16, 0x02, 0x03, 0x00, 0x01],
            .invalidValue
        ),
    ]

    @Test(arguments: malformed)
    func malformedStreamsFail(label: String, bytes: [UInt8], reason: ParseError.Reason) {
        let (assembler, _) = Self.run(bytes, chunk: 1)
        guard case .failed(let error) = assembler.state else {
            Issue.record("\(label): state \(assembler.state)")
            return
        }
        #expect(error.reason == reason, "\(label)")
    }

    @Test func recordCountIsCapped() {
        // A first record holding one byte of a message header, then empty handshake records.
        let first: [UInt8] = [0x16, 0x03, 0x03, 0x00, 0x01, 0x0E]
        let empty: [UInt8] = [0x16, 0x03, 0x03, 0x00, 0x00]
        let records = first + Array([[UInt8]](repeating: empty, count: Limits.tlsRecordsPerDirection).joined())
        let (assembler, _) = Self.run(records, chunk: 7)
        #expect(assembler.state == .failed(ParseError(.limitExceeded, at: 6 + 5 * (Limits.tlsRecordsPerDirection - 1))))
        let (whole, _) = Self.run(Array(records.dropLast(5)), chunk: records.count)
        #expect(whole.state == .handshake)
    }

    @Test(arguments: StreamFixture.all)
    func everyPrefixNeedsMoreBytesOrYieldsAPrefixOfTheMessages(fixture: StreamFixture) {
        let bytes = Array(fixture.client.prefix(600))
        let (_, all) = Self.run(bytes, chunk: bytes.count)
        for length in stride(from: 0, through: bytes.count, by: 7) {
            let (assembler, messages) = Self.run(Array(bytes.prefix(length)), chunk: length == 0 ? 1 : length)
            #expect(Array(all.prefix(messages.count)) == messages)
            if case .failed = assembler.state { Issue.record("prefix \(length) failed") }
        }
    }
}
