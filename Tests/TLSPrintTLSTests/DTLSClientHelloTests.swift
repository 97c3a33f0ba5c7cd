import TLSPrintCore
import Testing

@testable import TLSPrintTLS

@Suite struct DTLSClientHelloTests {
    /// RFC 6347 §4.2.1 layout by hand: version, random, session ID (2 bytes), cookie (3 bytes), one cipher,
    /// null compression, no extensions.
    static let random = [UInt8](repeating: 0x11, count: 32)
    static let dtlsBody: [UInt8] =
        [0xFE, 0xFD] + random + [2, 0xAA, 0xBB] + [3, 0xC1, 0xC2, 0xC3] + [0, 2, 0xC0, 0x2B] + [1, 0]

    @Test func readsTheCookie() throws {
        let hello = try ClientHello(parsingAll: Self.dtlsBody)
        #expect(hello.cookie == [0xC1, 0xC2, 0xC3])
        #expect(hello.cipherSuites.map(\.rawValue) == [0xC02B])
        #expect(hello.legacySessionID == [0xAA, 0xBB])
    }

    @Test(arguments: 0..<(2 + 32 + 3 + 4))
    func everyCutBeforeTheCookieEndsIsRejected(_ length: Int) {
        #expect(throws: ParseError.self) { try ClientHello(parsingAll: Array(Self.dtlsBody.prefix(length))) }
    }

    @Test(
        arguments: [
            ([0xFEFF, 0xFEFD], 0xFEFD), ([0xFEFD, 0xFEFC, 0xFEFF], 0xFEFC), ([0xFEFF], 0xFEFF),
            ([0x0A0A, 0xFEFD, 0x0304], 0xFEFD), ([0x0100, 0xFEFF], 0xFEFF), ([0x0100], 0x0100),
        ] as [([UInt16], UInt16)]
    )
    func newestDTLSVersion(_ offered: [UInt16], _ newest: UInt16) {
        #expect(DTLSVersionOrder.newest(of: offered.map(ProtocolVersion.init(rawValue:)))?.rawValue == newest)
    }

    @Test func noDTLSVersionGivesNil() {
        #expect(DTLSVersionOrder.newest(of: [.tls13, .tls12, ProtocolVersion(rawValue: 0x1A1A)]) == nil)
        #expect(DTLSVersionOrder.newest(of: []) == nil)
        #expect(DTLSVersionOrder.isOlder(.dtls10, than: .dtls13))
        #expect(!DTLSVersionOrder.isOlder(.dtls13, than: .dtls12))
    }
}
