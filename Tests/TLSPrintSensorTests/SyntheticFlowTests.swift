import Foundation
import TLSPrintEvent
import TLSPrintPacket
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// A real TLS 1.2 conversation (openssl, Tests/Fixtures/captures/openssl-tls12.pcap) laid out again on synthetic
/// TCP connections. Fingerprints of the hellos come from the fixture's expected.json (tshark oracle); JA4T,
/// JA4TS and JA4L come from the synthetic SYN options and timing, worked by hand in `TCPConversation.frames`.
@Suite struct SyntheticFlowTests {
    static let client = IPAddress.v4(0xC000_020A)  // 192.0.2.10
    static let server = IPAddress.v4(0xC633_6414)  // 198.51.100.20

    static func conversation() throws -> TCPConversation {
        let frames = try ReplayFrame.read(Fixture.url("captures/openssl-tls12.pcap").path)
        var conversation = try #require(TCPConversation.extract(from: frames).first)
        (conversation.client, conversation.clientPort) = (client, 50_000)
        (conversation.server, conversation.serverPort) = (server, 443)
        return conversation
    }

    static func events(_ layout: TCPConversation.Layout, conversation: TCPConversation? = nil) throws -> [Event] {
        let frames = try (conversation ?? Self.conversation()).frames(layout)
        return ReplayHarness.run(frames).events
    }

    /// The hello fingerprints every variant below must keep.
    static func expectHelloFingerprints(_ events: [Event], _ context: String) throws {
        let stream = try ReplayCaptures.firstStream("openssl-tls12")
        let hello = try #require(events.first { $0.type == .tlsClientHello }, "\(context): no client hello")
        let session = try #require(events.first { $0.type == .tlsSession }, "\(context): no session")
        #expect(hello.text("ja4") == stream["ja4"] as? String, "\(context)")
        #expect(hello.text("ja3") == stream["ja3"] as? String, "\(context)")
        #expect(hello.text("sni") == stream["sni"] as? String, "\(context)")
        #expect(session.text("ja4s") == stream["ja4s"] as? String, "\(context)")
        #expect(session.text("ja3s") == stream["ja3s"] as? String, "\(context)")
        #expect(session.text("alpn_selected") == stream["alpn_selected"] as? String, "\(context)")
        #expect(events.contains { $0.type == .tlsCertificate }, "\(context): no certificate")
    }

    @Test func handshakeTimingAndOptionsAreWorkedByHand() throws {
        let events = try Self.events(.init())
        try Self.expectHelloFingerprints(events, "default layout")
        let hello = try #require(events.first { $0.type == .tlsClientHello })
        let session = try #require(events.first { $0.type == .tlsSession })
        #expect(hello.text("src_ip") == "192.0.2.10")
        #expect(hello.text("dst_port") == "443")
        #expect(hello.text("ja4t") == "64240_2-4-8-1-3_1460_7")
        // ACK − SYN-ACK = 600 µs, halved; client TTL 64. SYN-ACK − SYN = 4000 µs, halved; server TTL 57.
        #expect(hello.text("ja4l_c") == "300_64")
        #expect(hello["ja4l_rtt_ms"] == .thousandths(600))
        #expect(hello["ja4l_client_ttl"] == .integer(64))
        #expect(hello["ja4l_s"] == nil)
        #expect(session.text("ja4l_s") == "2000_57")
        #expect(session.text("ja4ts") == "65160_2-4-8-1-3_1400_9")
    }

    /// RFC 7413: the client's first bytes ride in the SYN, at one past the SYN's sequence number.
    @Test(arguments: [nil, 1, 5, 100] as [Int?])
    func fastOpenDataInSYN(firstSegment: Int?) throws {
        var layout = TCPConversation.Layout()
        layout.fastOpen = true
        if let firstSegment { layout.clientCuts = [firstSegment] }
        let events = try Self.events(layout)
        try Self.expectHelloFingerprints(
            events,
            "TFO with \(firstSegment.map(String.init) ?? "the whole hello") in the SYN"
        )
        let hello = try #require(events.first { $0.type == .tlsClientHello })
        // The TFO cookie option (34, 10 bytes) makes 30 option bytes, padded with two EOL bytes.
        #expect(hello.text("ja4t") == "64240_2-4-8-1-3-34-0-0_1460_7")
    }

    @Test func flowPickedUpWithoutSYN() throws {
        var layout = TCPConversation.Layout()
        layout.handshake = false
        let events = try Self.events(layout)
        try Self.expectHelloFingerprints(events, "no SYN")
        let hello = try #require(events.first { $0.type == .tlsClientHello })
        let session = try #require(events.first { $0.type == .tlsSession })
        #expect(hello.text("src_ip") == "192.0.2.10")
        #expect(session.text("src_ip") == "192.0.2.10")
        for field in ["ja4t", "ja4l_c", "ja4l_rtt_ms", "ja4l_client_ttl"] { #expect(hello[field] == nil, "\(field)") }
        for field in ["ja4ts", "ja4l_s"] { #expect(session[field] == nil, "\(field)") }
    }

    /// Every real capture with its SYNs removed: the same events as with them, less the SYN-derived fields.
    @Test(arguments: ReplayCaptures.fixtures)
    func realCaptureWithoutSYNs(capture: String) throws {
        guard let frames = try ReplayCaptures.frames(capture) else { return }
        let synFields: Set = ["ja4t", "ja4ts", "ja4l_c", "ja4l_s", "ja4l_rtt_ms", "ja4l_client_ttl"]
        // JA4SSH counts the segments seen: re-cut ones, and not the handshake's bare ACK when no flow exists yet.
        func stripped(_ events: [Event]) -> [[EventField]] {
            events.filter { $0.type != .sshActivity }.map { event in
                [EventField("event", .string(event.type.rawValue))]
                    + event.fields.filter { !synFields.contains($0.name) }
            }
        }
        let withSYN = stripped(ReplayHarness.run(frames).events)
        for mode in [ReplayMode.blast, .randomSplits(seed: 3)] {
            let withoutSYN = ReplayHarness.run(ReplayHarness.resegment(ReplayHarness.droppingSYNs(frames), mode: mode))
            // QUIC and DTLS have no SYNs to drop: their JA4L stays, so compare without it there.
            let udp = capture.contains("/quic-") || capture.contains("/dtls-")
            let kept =
                udp
                ? stripped(withoutSYN.events)
                : withoutSYN.events.filter { $0.type != .sshActivity }.map {
                    [EventField("event", .string($0.type.rawValue))] + $0.fields
                }
            #expect(kept == withSYN, "\(capture) \(mode)")
        }
    }

    /// Both streams start a few bytes below 2^32, so the hellos straddle the wrap.
    @Test(arguments: [1, 3, 50, 200] as [UInt32])
    func sequenceNumbersAcrossTheWrap(bytesBeforeWrap: UInt32) throws {
        var layout = TCPConversation.Layout()
        layout.clientISN = 0 &- bytesBeforeWrap &- 1
        layout.serverISN = 0 &- bytesBeforeWrap &- 1
        layout.segmentSize = 120
        let frames = try Self.conversation().frames(layout)
        for mode in [ReplayMode.blast, .drip, .reordered(seed: 9), .duplicated(seed: 9)] {
            let events = ReplayHarness.run(ReplayHarness.resegment(frames, mode: mode)).events
            try Self.expectHelloFingerprints(events, "wrap after \(bytesBeforeWrap) bytes, \(mode)")
        }
    }

    /// A segment boundary inside the 5-byte TLS record header, or inside the 4-byte handshake header.
    @Test(arguments: 1...9)
    func recordHeaderCut(at offset: Int) throws {
        var layout = TCPConversation.Layout()
        layout.clientCuts = [offset]
        layout.serverCuts = [offset]
        try Self.expectHelloFingerprints(try Self.events(layout), "cut at byte \(offset)")
    }

    @Test func ipv6Connection() throws {
        var conversation = try Self.conversation()
        conversation.client = .v6(0x2001_0DB8_0000_0000, 0x10)
        conversation.server = .v6(0x2001_0DB8_0000_0000, 0x20)
        var layout = TCPConversation.Layout()
        layout.clientCuts = [3, 70]
        let events = try Self.events(layout, conversation: conversation)
        try Self.expectHelloFingerprints(events, "IPv6")
        for event in events {
            #expect(event.text("src_ip") == "2001:db8::10")
            #expect(event.text("dst_ip") == "2001:db8::20")
        }
        let hello = try #require(events.first { $0.type == .tlsClientHello })
        #expect(hello.text("ja4l_c") == "300_64")
    }
}
