import TLSPrintTLS
import Testing

@Suite struct RegistryTests {
    static let names: [(UInt16, String)] = [
        (0x0300, "SSL 3.0"), (0x0301, "TLS 1.0"), (0x0302, "TLS 1.1"), (0x0303, "TLS 1.2"), (0x0304, "TLS 1.3"),
        (0xFEFF, "DTLS 1.0"), (0xFEFD, "DTLS 1.2"), (0xFEFC, "DTLS 1.3"), (0x0100, "0x0100"), (0x7F12, "0x7f12"),
        (0x0002, "0x0002"),
    ]

    @Test(arguments: names)
    func versionDisplayNames(raw: UInt16, name: String) {
        #expect(ProtocolVersion(rawValue: raw).displayName == name)
    }

    @Test func greaseIsExactlyTheSixteenRFC8701Values() {
        // RFC 8701 §2: 0x0A0A, 0x1A1A, ..., 0xFAFA.
        let expected = Set((0..<16).map { UInt16($0) << 12 | 0x0A00 | UInt16($0) << 4 | 0x0A })
        let found = Set((0...UInt16.max).filter(GREASE.contains))
        #expect(found == expected)
        #expect(CipherSuite(rawValue: 0x2A2A).isGREASE)
        #expect(!ExtensionType(rawValue: 0x0A1A).isGREASE)
    }
}
