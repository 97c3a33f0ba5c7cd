import Foundation
import TLSPrintCore
import Testing

@testable import TLSPrintTLS

/// What tshark 4.0.17 shows for each fixture (`dtls.handshake.type`, `.message_seq`, `.length`,
/// `.cookie_length`, `.cipher_suites_length`, `.extension.type`, `dtls.record.version`).
struct DTLSTrafficCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// (type, message_seq, length) of every plaintext handshake message, per direction.
    var client: [(UInt8, UInt16, Int)]
    var server: [(UInt8, UInt16, Int)]
    var firstHelloFragments: Int
    var firstHelloRecordVersion: UInt16
    var cipherCount: Int
    /// Extension types of the first ClientHello.
    var extensionTypes: [UInt16]
    /// cookie_length of each ClientHello, in order.
    var cookieLengths: [Int]
    /// Where expected.json holds the reference JA3 / JA4_r: (corpus, pcap).
    var expected: (corpus: String, pcap: String)
    var testDescription: String { name }
}

@Suite struct DTLSRealTrafficTests {
    static let cases: [DTLSTrafficCase] = [
        DTLSTrafficCase(
            name: "zeek-dtls1_0",
            client: [(1, 0, 231), (1, 1, 251), (16, 2, 66)],
            server: [(3, 0, 23), (2, 1, 54), (11, 2, 761), (12, 3, 327), (14, 4, 0), (4, 5, 166)],
            firstHelloFragments: 2,
            firstHelloRecordVersion: 0xFEFF,
            cipherCount: 55,
            extensionTypes: [11, 10, 35, 15],
            cookieLengths: [0, 20],
            expected: ("zeek", "dtls1_0.pcap")
        ),
        DTLSTrafficCase(
            name: "zeek-dtls1_2",
            client: [(1, 0, 287), (1, 1, 307), (16, 2, 66)],
            server: [(3, 0, 23), (2, 1, 57), (11, 2, 874), (12, 3, 329), (14, 4, 0), (4, 5, 166)],
            firstHelloFragments: 2,
            firstHelloRecordVersion: 0xFEFD,
            cipherCount: 80,
            extensionTypes: [11, 10, 35, 13, 15],
            cookieLengths: [0, 20],
            expected: ("zeek", "dtls1_2.pcap")
        ),
        DTLSTrafficCase(
            name: "zeek-dtls13-wolfssl",
            client: [(1, 0, 234), (1, 1, 307)],
            server: [(2, 0, 119), (2, 1, 119)],
            firstHelloFragments: 1,
            firstHelloRecordVersion: 0xFEFD,
            cipherCount: 27,
            extensionTypes: [51, 43, 13, 10, 22],
            cookieLengths: [0, 0],
            expected: ("zeek", "dtls13-wolfssl.pcap")
        ),
        DTLSTrafficCase(
            name: "zeek-webrtc-stun",
            client: [(1, 0, 272), (11, 1, 591), (16, 2, 66), (15, 3, 130)],
            server: [(2, 0, 92), (11, 1, 272), (12, 2, 142), (13, 3, 6), (14, 4, 0)],
            firstHelloFragments: 1,
            firstHelloRecordVersion: 0xFEFF,
            cipherCount: 73,
            extensionTypes: [11, 10, 15, 14],
            cookieLengths: [0],
            expected: ("zeek", "webrtc-stun.pcap")
        ),
        DTLSTrafficCase(
            name: "arkime-cloudshark-dtls1",
            client: [(1, 0, 139), (16, 1, 130)],
            server: [(2, 0, 54), (11, 1, 523), (14, 2, 0), (4, 3, 166)],
            firstHelloFragments: 1,
            firstHelloRecordVersion: 0xFEFF,
            cipherCount: 44,
            extensionTypes: [35, 15],
            cookieLengths: [0],
            expected: ("arkime", "cloudshark-dtls1.pcap")
        ),
        DTLSTrafficCase(
            name: "arkime-wireshark-dtls12",
            client: [(1, 0, 396), (1, 1, 404), (16, 2, 165)],
            server: [(3, 0, 11), (2, 1, 412), (12, 2, 168), (14, 3, 0)],
            firstHelloFragments: 1,
            firstHelloRecordVersion: 0xFEFD,
            cipherCount: 3,
            extensionTypes: [10, 11, 256],
            cookieLengths: [0, 8],
            expected: ("arkime", "wireshark-dtls12.pcap")
        ),
    ]

    /// Feeds every datagram of a fixture; returns the messages of each direction.
    static func replay(_ name: String) throws -> (client: [DTLSHandshakeMessage], server: [DTLSHandshakeMessage]) {
        var client = DTLSHandshakeReassembler()
        var server = DTLSHandshakeReassembler()
        var fromClient: [DTLSHandshakeMessage] = []
        var fromServer: [DTLSHandshakeMessage] = []
        for datagram in try DTLSFixtures.datagrams(name) {
            let payload = datagram.payload
            guard DTLSHandshakeReassembler.isDTLSFirstByte(payload.first) else { continue }  // STUN
            if datagram.fromClient {
                fromClient += try client.feed(datagram: payload.span)
            } else {
                fromServer += try server.feed(datagram: payload.span)
            }
        }
        return (fromClient, fromServer)
    }

    @Test(arguments: cases)
    func yieldsEveryPlaintextMessageOnce(_ traffic: DTLSTrafficCase) throws {
        let (client, server) = try Self.replay(traffic.name)
        #expect(
            client.map { [Int($0.message.type.rawValue), Int($0.messageSequence), $0.message.body.count] }
                == traffic.client.map { [Int($0.0), Int($0.1), $0.2] }
        )
        #expect(
            server.map { [Int($0.message.type.rawValue), Int($0.messageSequence), $0.message.body.count] }
                == traffic.server.map { [Int($0.0), Int($0.1), $0.2] }
        )
        let first = try #require(client.first)
        #expect(first.fragmentCount == traffic.firstHelloFragments)
        #expect(first.recordVersion.rawValue == traffic.firstHelloRecordVersion)
    }

    @Test(arguments: cases)
    func reassembledHellosParse(_ traffic: DTLSTrafficCase) throws {
        let hellos = try Self.replay(traffic.name).client.filter { $0.message.type == .clientHello }
        #expect(try hellos.map { try ClientHello(parsingAll: $0.message.body).cookie.count } == traffic.cookieLengths)
        let first = try #require(hellos.first)
        let hello = try ClientHello(parsingAll: first.message.body)
        #expect(hello.damage == nil)
        #expect(hello.serverName == nil)  // tshark: no dtls.handshake.extensions_server_name in any fixture
        #expect(hello.cipherSuites.count == traffic.cipherCount)
        #expect(hello.extensions.map(\.type) == traffic.extensionTypes)
        #expect(hello.legacyVersion.isDTLS)
    }

    @Test(arguments: cases)
    func firstHelloReproducesReference(_ traffic: DTLSTrafficCase) throws {
        guard let stream = try DTLSFixtures.expectedStream(corpus: traffic.expected.corpus, pcap: traffic.expected.pcap)
        else {
            #expect(!DTLSFixtures.isCI, "shared corpus missing")
            return
        }
        let first = try #require(try Self.replay(traffic.name).client.first)
        let hello = try ClientHello(parsingAll: first.message.body)
        let ciphers = hello.cipherSuites.map(\.rawValue).filter { !GREASE.contains($0) }
        if let ja3 = stream["ja3_full"] as? String {  // tshark 4.0.17's (Zeek corpus)
            let fields: [[UInt16]] = [
                ciphers, hello.extensions.map(\.type).filter { !GREASE.contains($0) },
                hello.supportedGroups.map(\.rawValue).filter { !GREASE.contains($0) },
                hello.ecPointFormats.map(UInt16.init),
            ]
            let text =
                ([String(hello.legacyVersion.rawValue)] + fields.map { $0.map(String.init).joined(separator: "-") })
                .joined(separator: ",")
            #expect(text == ja3)
        } else {  // Arkime's JA4_r: section b lists the ciphers sorted, four hex digits each
            let ja4r = try #require(stream["ja4_r"] as? String).split(separator: "_")
            let sorted = ciphers.sorted().map { String(format: "%04x", $0) }.joined(separator: ",")
            #expect(ja4r.count > 1 && String(ja4r[1]) == sorted)
        }
    }

    /// Frames whose first record tshark shows as an epoch-0 handshake record opening with a ClientHello,
    /// ServerHello or HelloVerifyRequest fragment; every other datagram (STUN, later flights, ciphertext)
    /// must not be taken for DTLS by the content check.
    static let helloFrames: [String: Set<Int>] = [
        "zeek-dtls1_0": [1, 2, 3, 4, 5, 6], "zeek-dtls1_2": [1, 2, 3, 4, 5, 6], "zeek-dtls13-wolfssl": [1, 2, 3, 4],
        "zeek-webrtc-stun": [9, 11], "arkime-cloudshark-dtls1": [1, 2], "arkime-wireshark-dtls12": [1, 2, 3, 4],
    ]

    @Test(arguments: DTLSFixtures.names)
    func detectionMatchesTheHelloDatagrams(_ name: String) throws {
        let expected = try #require(Self.helloFrames[name])
        for datagram in try DTLSFixtures.datagrams(name) {
            let detected = DTLSHandshakeReassembler.looksLikeDTLS(datagram.payload.span)
            #expect(detected == expected.contains(datagram.frame), "frame \(datagram.frame)")
        }
    }
}

extension DTLSHandshakeReassembler {
    /// RFC 7983 §7 demultiplexing: DTLS first bytes are 20–63 (STUN 0–3, RTP 128–191).
    fileprivate static func isDTLSFirstByte(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (20...63).contains(byte)
    }
}
