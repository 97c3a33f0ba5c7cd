import TLSPrintCore
import TLSPrintEvent
import TLSPrintPacket
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// Deduplication on packet time (shared/spec/events.md §Deduplication): the same TLS 1.2 handshake replayed at
/// chosen times. Each replay yields three events (client hello, session, certificate) when not suppressed.
@Suite struct DeduplicationReplayTests {
    static let base = CaptureTimestamp(seconds: 1_700_000_000, nanoseconds: 0)

    /// One handshake starting `milliseconds` after `base`, from `client` port `port`.
    static func handshake(afterMilliseconds milliseconds: Int64, client: UInt32 = 0xC000_020A, port: UInt16)
        throws -> [ReplayFrame]
    {
        var conversation = try SyntheticFlowTests.conversation()
        conversation.client = .v4(client)
        conversation.clientPort = port
        var layout = TCPConversation.Layout()
        layout.start = base.adding(microseconds: milliseconds * 1_000)
        return conversation.frames(layout)
    }

    static func run(_ frames: [ReplayFrame], ttl: Int64) -> (events: [Event], suppressed: Int) {
        var configuration = SensorConfiguration()
        configuration.dedupTTLSeconds = ttl
        let result = ReplayHarness.run(frames, configuration: configuration)
        return (result.events, result.counters.suppressed)
    }

    @Test func secondHandshakeWithinTheWindowIsSuppressed() throws {
        let frames =
            try Self.handshake(afterMilliseconds: 0, port: 50_001)
            + Self.handshake(afterMilliseconds: 100_000, port: 50_002)
        let result = Self.run(frames, ttl: 300)
        #expect(result.events.map(\.type) == [.tlsClientHello, .tlsSession, .tlsCertificate])
        #expect(result.suppressed == 3)
    }

    @Test func handshakeAfterTheWindowIsEmittedAgain() throws {
        let frames =
            try Self.handshake(afterMilliseconds: 0, port: 50_001)
            + Self.handshake(afterMilliseconds: 400_000, port: 50_002)
        let result = Self.run(frames, ttl: 300)
        #expect(result.events.count == 6)
        #expect(result.suppressed == 0)
    }

    /// "Less than DEDUP_TTL seconds earlier": 299.999 s is inside, exactly 300 s is not.
    @Test func windowBoundaryIsExclusive() throws {
        let inside =
            try Self.handshake(afterMilliseconds: 0, port: 50_001)
            + Self.handshake(afterMilliseconds: 299_999, port: 50_002)
        #expect(Self.run(inside, ttl: 300).events.count == 3)
        let edge =
            try Self.handshake(afterMilliseconds: 0, port: 50_001)
            + Self.handshake(afterMilliseconds: 300_000, port: 50_002)
        #expect(Self.run(edge, ttl: 300).events.count == 6)
    }

    /// The window runs from the last emitted event, not the last suppressed one.
    @Test func suppressedEventsDoNotExtendTheWindow() throws {
        let frames =
            try Self.handshake(afterMilliseconds: 0, port: 50_001)
            + Self.handshake(afterMilliseconds: 200_000, port: 50_002)
            + Self.handshake(afterMilliseconds: 350_000, port: 50_003)
        let result = Self.run(frames, ttl: 300)
        #expect(result.events.count == 6)
        #expect(result.suppressed == 3)
    }

    @Test func differentSourceAddressesAreNotSuppressed() throws {
        let frames =
            try Self.handshake(afterMilliseconds: 0, client: 0xC000_020A, port: 50_001)
            + Self.handshake(afterMilliseconds: 1_000, client: 0xC000_020B, port: 50_001)
        let result = Self.run(frames, ttl: 300)
        #expect(result.events.count == 6)
        #expect(Set(result.events.compactMap { $0.text("src_ip") }) == ["192.0.2.10", "192.0.2.11"])
    }

    @Test func zeroDisablesDeduplication() throws {
        let frames =
            try Self.handshake(afterMilliseconds: 0, port: 50_001)
            + Self.handshake(afterMilliseconds: 1_000, port: 50_002)
            + Self.handshake(afterMilliseconds: 2_000, port: 50_003)
        let result = Self.run(frames, ttl: 0)
        #expect(result.events.count == 9)
        #expect(result.suppressed == 0)
    }
}
