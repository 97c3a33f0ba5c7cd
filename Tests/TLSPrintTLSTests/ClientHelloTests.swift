import TLSPrintCore
import TLSPrintTLS
import Testing

@Suite struct ClientHelloTests {
    @Test func parsesChromeClientHello() throws {
        // tshark on foxio tls-non-ascii-alpn.pcapng frame 4: SNI clientservices.googleapis.com, ALPN ba ad.
        let body = try #require(HelloFixtures.clientHelloBody("tls-non-ascii-alpn"))
        let hello = try ClientHello(parsingAll: body)
        #expect(hello.legacyVersion == .tls12)
        #expect(hello.serverName == Array("clientservices.googleapis.com".utf8))
        #expect(hello.alpnProtocols.first == [0xBA, 0xAD])
        #expect(hello.supportedVersions.contains(.tls13))
        #expect(hello.highestOfferedVersion == .tls13)
        #expect(hello.damage == nil)
        #expect(hello.legacySessionID.count == 32)
    }

    @Test func helloWithoutExtensionsParses() throws {
        let body = try #require(HelloFixtures.clientHelloBody("arkime-no-extensions"))
        let hello = try ClientHello(parsingAll: body)
        #expect(hello.extensions.isEmpty)
        #expect(hello.cipherSuites == [CipherSuite(rawValue: 47)])
        #expect(hello.damage == nil)
    }

    @Test func sslv3HelloParses() throws {
        let body = try #require(HelloFixtures.clientHelloBody("ssl3-selfsign"))
        let hello = try ClientHello(parsingAll: body)
        #expect(hello.legacyVersion == .ssl3)
        #expect(hello.highestOfferedVersion == .ssl3)
    }

    static let chrome: [UInt8] = HelloFixtures.clientHelloBody("tls-non-ascii-alpn") ?? []

    /// Every prefix either throws, or parses with recorded damage, or ends exactly where the extension
    /// block would begin (a hello without extensions is valid).
    @Test func truncationSweep() throws {
        let full = try ClientHello(parsingAll: Self.chrome)
        let extensionsStart =
            2 + 32 + 1 + full.legacySessionID.count + 2 + 2 * full.cipherSuites.count + 1
            + full.compressionMethods.count
        for length in 0..<Self.chrome.count {
            let prefix = Array(Self.chrome.prefix(length))
            do {
                let hello = try ClientHello(parsingAll: prefix)
                #expect(hello.damage != nil || length == extensionsStart, "prefix \(length)")
            } catch {
                #expect(length < extensionsStart, "prefix \(length) threw \(error)")
            }
        }
    }

    static let malformed: [(String, [UInt8])] = [
        (
            "session id over 32 bytes",
            [0x03, 0x03] + Array(repeating: 0, count: 32) + [33] + Array(repeating: 0, count: 33) + [0, 2, 0, 47, 1, 0]
        ),
        ("odd cipher-suite length", [0x03, 0x03] + Array(repeating: 0, count: 32) + [0, 0, 3, 0, 47, 0, 1, 0]),
        ("cipher list past the end", [0x03, 0x03] + Array(repeating: 0, count: 32) + [0, 0, 9, 0, 47]),
        ("no compression methods", [0x03, 0x03] + Array(repeating: 0, count: 32) + [0, 0, 2, 0, 47]),
    ]

    @Test(arguments: malformed)
    func malformedHellosThrow(label: String, bytes: [UInt8]) {
        #expect(throws: ParseError.self, "\(label)") { try ClientHello(parsingAll: bytes) }
    }

    static let base: [UInt8] = [0x03, 0x03] + Array(repeating: 0, count: 32) + [0, 0, 2, 0, 47, 1, 0]
    static let damaged: [(String, [UInt8], Int)] = [
        ("block length past the end", base + [0x00, 0x10, 0x00, 0x00, 0x00, 0x00], 1),
        ("extension body past the end", base + [0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x17, 0x00, 0x09], 1),
        ("one stray byte", base + [0x00], 0),
        ("bytes after the block", base + [0x00, 0x04, 0x00, 0x17, 0x00, 0x00, 0xFF], 1),
    ]

    @Test(arguments: damaged)
    func damagedExtensionBlocksKeepWhatParsed(label: String, bytes: [UInt8], intact: Int) throws {
        let hello = try ClientHello(parsingAll: bytes)
        #expect(hello.damage != nil, "\(label)")
        #expect(hello.extensions.count == intact, "\(label)")
    }

    @Test func extensionCountIsCapped() throws {
        let many: [UInt8] = (0..<(Limits.extensionsPerHello + 1)).flatMap { (index: Int) -> [UInt8] in
            [0xFF, UInt8(index & 0xFF), 0, 0]
        }
        let bytes = Self.base + [UInt8(many.count >> 8), UInt8(many.count & 0xFF)] + many
        let hello = try ClientHello(parsingAll: bytes)
        #expect(hello.extensions.count == Limits.extensionsPerHello)
        #expect(hello.damage?.reason == .limitExceeded)
    }

    @Test func dtlsVersionPicksTheNewest() throws {
        // supported_versions: fefd, fefc, feff → DTLS 1.3 (0xfefc), not the numeric maximum.
        let versions: [UInt8] = [0x00, 0x2B, 0x00, 0x07, 0x06, 0xFE, 0xFD, 0xFE, 0xFC, 0xFE, 0xFF]
        // DTLS adds an empty legacy_cookie after the session id (RFC 6347 §4.2.1).
        let prefix: [UInt8] = [0xFE, 0xFD] + Array(repeating: 0, count: 32) + [0, 0, 0, 2, 0, 47, 1, 0]
        let bytes = prefix + [0x00, UInt8(versions.count)] + versions
        let hello = try ClientHello(parsingAll: bytes)
        #expect(hello.highestOfferedVersion == .dtls13)
    }
}
