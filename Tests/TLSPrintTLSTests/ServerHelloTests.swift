import TLSPrintCore
import TLSPrintTLS
import Testing

@Suite struct ServerHelloTests {
    static func serverHello(_ name: String) throws -> ServerHello {
        let message = try #require(HelloFixtures.serverMessages(name).first { $0.type == .serverHello })
        return try ServerHello(parsingAll: message.body)
    }

    @Test func tls13ServerHelloSelectsVersionFromSupportedVersions() throws {
        let hello = try Self.serverHello("tls-non-ascii-alpn")
        #expect(hello.legacyVersion == .tls12)
        #expect(hello.selectedVersion == .tls13)
        #expect(hello.cipherSuite == .aes128GCMSHA256)
        #expect(!hello.isHelloRetryRequest)
    }

    @Test func draft18ServerHelloHasNoSessionIDOrCompression() throws {
        // arkime tls13.pcap: tshark ja3s_full 32530,4865,40 (version 0x7f12 = draft 18).
        let hello = try Self.serverHello("tls13-draft")
        #expect(hello.legacyVersion.rawValue == 0x7F12)
        #expect(hello.compressionMethod == nil)
        #expect(hello.extensions.map(\.type) == [40])
    }

    @Test func truncatedExtensionBlockIsRecorded() throws {
        // arkime_synthetic.pcap stream 90: tshark "1 trailing byte was unprocessed"; JA3S 771,4865,
        let hello = try Self.serverHello("arkime-sni-only")
        #expect(hello.extensions.isEmpty)
        #expect(hello.damage?.reason == .truncated)
    }

    @Test func twoHundredFiftySixExtensions() throws {
        let hello = try Self.serverHello("arkime-256-extensions")
        #expect(hello.extensions.count == 256)
        #expect(hello.damage == nil)
    }

    @Test func helloRetryRequestIsDetectedByItsRandom() throws {
        // RFC 8446 §4.1.3 special random; body: version, random, empty session id, 0x1301, 0, no extensions.
        let bytes = [0x03, 0x03] + ServerHello.helloRetryRequestRandom + [0x00, 0x13, 0x01, 0x00]
        let hello = try ServerHello(parsingAll: bytes)
        #expect(hello.isHelloRetryRequest)
    }

    static let tls12: [UInt8] = (try? #require(HelloFixtures.serverMessages("badcurveball").first?.body)) ?? []

    @Test func truncationSweep() throws {
        let full = try ServerHello(parsingAll: Self.tls12)
        let extensionsStart = 2 + 32 + 1 + full.legacySessionIDEcho.count + 2 + 1
        for length in 0..<Self.tls12.count {
            do {
                let hello = try ServerHello(parsingAll: Array(Self.tls12.prefix(length)))
                #expect(hello.damage != nil || length == extensionsStart, "prefix \(length)")
            } catch {
                #expect(length < extensionsStart, "prefix \(length)")
            }
        }
    }

    static let malformed: [(String, [UInt8])] = [
        ("empty", []),
        ("short random", [0x03, 0x03, 0x00]),
        (
            "session id echo over 32",
            [0x03, 0x03] + Array(repeating: 0, count: 32) + [33] + Array(repeating: 0, count: 36)
        ),
        ("no compression byte", [0x03, 0x03] + Array(repeating: 0, count: 32) + [0, 0x13, 0x01]),
    ]

    @Test(arguments: malformed)
    func malformedHellosThrow(label: String, bytes: [UInt8]) {
        #expect(throws: ParseError.self, "\(label)") { try ServerHello(parsingAll: bytes) }
    }
}
