import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintTLS
import Testing

/// JA4 details on hand-built hellos, expected values worked by hand from fingerprints.md §1.
@Suite struct JA4PartsTests {
    static func hello(ciphers: [UInt16], extensions: [(UInt16, [UInt8])], version: UInt16 = 0x0303) throws
        -> ClientHello
    {
        var body: [UInt8] = [UInt8(version >> 8), UInt8(version & 0xFF)] + Array(repeating: 0, count: 32) + [0]
        if version >> 8 == 0xFE { body += [0] }  // DTLS legacy_cookie
        body += [UInt8(ciphers.count * 2 >> 8), UInt8(ciphers.count * 2 & 0xFF)]
        body += ciphers.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        body += [1, 0]
        let block = extensions.flatMap { (type, data) in
            [UInt8(type >> 8), UInt8(type & 0xFF), UInt8(data.count >> 8), UInt8(data.count & 0xFF)] + data
        }
        body += [UInt8(block.count >> 8), UInt8(block.count & 0xFF)] + block
        return try ClientHello(parsingAll: body)
    }

    @Test func greaseIsRemovedEverywhere() throws {
        // GREASE cipher 0a0a, GREASE extension 1a1a, GREASE sig alg 2a2a, GREASE version 3a3a.
        let hello = try Self.hello(
            ciphers: [0x0A0A, 0x1301, 0x002F],
            extensions: [
                (0x1A1A, []), (0x0000, [0, 5, 0, 0, 2, 0x61, 0x62]),
                (0x000D, [0, 6, 0x2A, 0x2A, 0x04, 0x03, 0x08, 0x04]),
                (0x002B, [4, 0x3A, 0x3A, 0x03, 0x04]),
                (0x000A, [0, 4, 0x4A, 0x4A, 0x00, 0x1D]),
            ]
        )
        let ja4 = JA4(hello, transport: .tcp)
        #expect(ja4.raw == "t13d020400_002f,1301_000a,000d,002b_0403,0804")
        #expect(ja4.rawOriginalOrder == "t13d020400_1301,002f_0000,000d,002b,000a_0403,0804")
        #expect(JA3(hello).fullString == "771,4865-47,0-13-43-10,29,")
        #expect(RawLists.ciphers(hello) == "4865-47")
        #expect(RawLists.extensions(hello) == "0-13-43-10")
    }

    @Test func dtlsMarkerAndNewestVersion() throws {
        let hello = try Self.hello(
            ciphers: [0xC02F],
            extensions: [(0x002B, [4, 0xFE, 0xFD, 0xFE, 0xFC])],
            version: 0xFEFD
        )
        #expect(JA4(hello, transport: .dtls).sectionA == "dd3i010100")
    }

    @Test func resumptionMechanisms() throws {
        let ticket = try Self.hello(ciphers: [0x002F], extensions: [(0x0023, [1, 2, 3]), (0x002A, [])])
        #expect(Resumption.offered(by: ticket) == [.sessionTicket, .earlyData])
        let none = try Self.hello(ciphers: [0x002F], extensions: [(0x0023, [])])
        #expect(Resumption.offered(by: none).isEmpty)
    }

    static func serverHello(sessionID: [UInt8], extensions: [(UInt16, [UInt8])]) throws -> ServerHello {
        var body: [UInt8] = [0x03, 0x03] + Array(repeating: 1, count: 32) + [UInt8(sessionID.count)] + sessionID
        body += [0xC0, 0x2F, 0x00]
        let block = extensions.flatMap { (type, data) in
            [UInt8(type >> 8), UInt8(type & 0xFF), UInt8(data.count >> 8), UInt8(data.count & 0xFF)] + data
        }
        body += [UInt8(block.count >> 8), UInt8(block.count & 0xFF)] + block
        return try ServerHello(parsingAll: body)
    }

    @Test func resumptionAcceptance() throws {
        // events.md: TLS <= 1.2 accepted when the session id is echoed or an empty ticket extension answers.
        var client = try Self.hello(ciphers: [0xC02F], extensions: [(0x0023, [9, 9])])
        client.legacySessionID = [7, 7, 7]
        #expect(Resumption.offered(by: client) == [.sessionID, .sessionTicket])
        let echo = try Self.serverHello(sessionID: [7, 7, 7], extensions: [])
        let fresh = try Self.serverHello(sessionID: [8, 8, 8], extensions: [])
        let ticket = try Self.serverHello(sessionID: [], extensions: [(0x0023, [])])
        #expect(Resumption.accepted(client: client, server: echo) == true)
        #expect(Resumption.accepted(client: client, server: fresh) == false)
        #expect(Resumption.accepted(client: client, server: ticket) == true)
        // TLS 1.3: a random session id does not count; the server's pre_shared_key decides.
        var tls13 = try Self.hello(
            ciphers: [0x1301],
            extensions: [(0x002B, [2, 0x03, 0x04]), (0x0029, [0, 0]), (0xFE0D, [])]
        )
        tls13.legacySessionID = Array(repeating: 5, count: 32)
        #expect(Resumption.offered(by: tls13) == [.psk])
        #expect(tls13.extensions.hasEncryptedClientHello)
        let psk = try Self.serverHello(
            sessionID: Array(repeating: 5, count: 32),
            extensions: [(0x002B, [0x03, 0x04]), (0x0029, [0, 0])]
        )
        let full = try Self.serverHello(
            sessionID: Array(repeating: 5, count: 32),
            extensions: [(0x002B, [0x03, 0x04])]
        )
        #expect(Resumption.accepted(client: tls13, server: psk) == true)
        #expect(Resumption.accepted(client: tls13, server: full) == false)
        let plain = try Self.hello(ciphers: [0x1301], extensions: [])
        #expect(Resumption.accepted(client: plain, server: full) == nil)
    }
}
