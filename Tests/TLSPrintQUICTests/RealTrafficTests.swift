import TLSPrintCore
import TLSPrintQUIC
import Testing

/// Captures from the reference corpora (UDP payloads extracted with tshark, see Fixtures/quic/SOURCES.md).
/// Expected values are tshark's: `tls.handshake.length`, `tls.handshake.extensions_server_name`,
/// `quic.long.packet_type`, `quic.crypto.offset`/`quic.crypto.length`.
@Suite struct RealTrafficTests {
    struct Capture: Sendable, CustomStringConvertible {
        var name: String
        var version: QUICVersion
        var clientHelloLength: Int
        var serverName: String?
        var serverHelloLength: Int?
        var description: String { name }
    }

    static let captures = [
        Capture(name: "arkime-quicietf", version: .v1, clientHelloLength: 640, serverName: "ssl.gstatic.com"),
        Capture(name: "arkime-quicietfooo", version: .v1, clientHelloLength: 664, serverName: "ssl.gstatic.com"),
        Capture(name: "suricata-quic-v2-ja3", version: .v2, clientHelloLength: 247, serverHelloLength: 86),
        Capture(
            name: "zeek-quicv2-echo-443",
            version: .v2,
            clientHelloLength: 273,
            serverName: "localhost",
            serverHelloLength: 86
        ),
        Capture(name: "zeek-quicv2-http3-443", version: .v2, clientHelloLength: 238, serverHelloLength: 86),
        Capture(
            name: "suricata-quic-retry",
            version: .v1,
            clientHelloLength: 1840,
            serverName: "www.gravatar.com",
            serverHelloLength: 86
        ),
        Capture(
            name: "zeek-quic-multiple-initial-fragmented-crypto",
            version: .v1,
            clientHelloLength: 2242,
            serverName: "googleads.g.doubleclick.net"
        ),
        Capture(
            name: "zeek-quic-win11-firefox-google",
            version: .v1,
            clientHelloLength: 508,
            serverName: "www.google.com",
            serverHelloLength: 86
        ),
    ]

    @Test(arguments: captures)
    func reassemblesClientHello(capture: Capture) throws {
        let replay = ConnectionReplay(try QUICFixtures.datagrams(capture.name))
        let hello = Array(replay.clientStream.contiguousPrefix)
        let message = try #require(replay.clientStream.firstHandshakeMessage)
        #expect(message.type == 0x01)
        #expect(message.length == capture.clientHelloLength)
        #expect(hello.count >= 4 + capture.clientHelloLength)
        #expect(hello.dropFirst(4).prefix(2).elementsEqual([0x03, 0x03]))
        if let serverName = capture.serverName {
            #expect(hello.contains(run: Array(serverName.utf8)))
        }
        for result in replay.results {
            #expect(result.error == nil)
            for initial in result.initials {
                #expect(initial.header.version == capture.version)
                #expect(initial.frameError == nil)
            }
        }
    }

    @Test(arguments: captures.filter { $0.serverHelloLength != nil })
    func reassemblesServerHello(capture: Capture) throws {
        let replay = ConnectionReplay(try QUICFixtures.datagrams(capture.name))
        let message = try #require(replay.serverStream.firstHandshakeMessage)
        #expect(message.type == 0x02)
        #expect(message.length == capture.serverHelloLength)
        #expect(replay.serverStream.contiguousLength >= 4 + (capture.serverHelloLength ?? 0))
    }

    @Test func outOfOrderCryptoFramesMatchTshark() throws {
        let datagram = try #require(try QUICFixtures.datagrams("arkime-quicietfooo").first)
        let result = QUICInitialDecryptor.decrypt(datagram: datagram.payload)
        let initial = try #require(result.initials.first)
        let pieces = initial.cryptoFrames.map { [Int($0.offset), $0.data.count] }
        #expect(pieces == [[663, 5], [588, 75], [431, 52], [542, 42], [586, 2], [483, 59], [0, 431], [584, 2]])
    }

    @Test func reportsCoalescedPacketTypes() throws {
        let v2 = ConnectionReplay(try QUICFixtures.datagrams("suricata-quic-v2-ja3"))
        #expect(v2.results.map(\.packetTypes) == [[.initial], [.initial, .handshake], [.handshake]])
        let zeroRTT = ConnectionReplay(try QUICFixtures.datagrams("zeek-quic-multiple-initial-fragmented-crypto"))
        #expect(
            zeroRTT.results.map(\.packetTypes) == [
                [.initial], [.initial], [.initial], [.zeroRTT], [.zeroRTT], [.zeroRTT], [.initial],
            ]
        )
    }

    @Test func followsRetry() throws {
        let replay = ConnectionReplay(try QUICFixtures.datagrams("suricata-quic-retry"))
        #expect(replay.retries == 2)
        #expect(replay.keyingConnectionID == QUICFixtures.bytes(hex: "434016c5110840091980a574c77f57b34fa08672"))
        let retry = try #require(replay.results[2].packets.first?.header)
        #expect(retry.packetType == .retry)
        #expect(retry.destinationConnectionID == QUICFixtures.bytes(hex: "5ae3cd"))
        #expect(retry.retryIntegrityTag.count == 16)
        // The client's Initials after the Retry carry the 66-byte token (tshark quic.token_length).
        let afterRetry = try #require(replay.results[4].initials.first)
        #expect(afterRetry.header.token.count == 66)
    }
}
