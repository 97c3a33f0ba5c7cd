import TLSPrintCore
import TLSPrintX509
import Testing

/// Hostile input against the certificate outliner (issue 5 §3).
@Suite("Hostile certificates")
struct HostileCertificateTests {
    @Test("every truncation of every fixture certificate throws", arguments: CertificateFixture.all)
    func truncations(_ fixture: CertificateFixture) {
        var thrown = 0
        for cut in 0..<fixture.der.count {
            do throws(ParseError) {
                _ = try CertificateOutline(der: Array(fixture.der[..<cut]))
                Issue.record("prefix \(cut) of \(fixture.name) parsed")
            } catch {
                thrown += 1
            }
        }
        #expect(thrown == fixture.der.count)
    }

    @Test("a DER SEQUENCE declaring 16 MiB, 4 GiB or an overlong length throws without allocating it")
    func hugeDeclaredLengths() {
        let headers: [[UInt8]] = [
            [0x30, 0x84, 0x01, 0x00, 0x00, 0x00],  // 16 MiB
            [0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF],  // 4 GiB
            [0x30, 0x88, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],  // 2^64 - 1
            [0x30, 0x80],  // indefinite length (BER, not DER)
        ]
        for header in headers {
            #expect(throws: ParseError.self) {
                try CertificateOutline(der: header + [UInt8](repeating: 0x30, count: 64))
            }
        }
    }

    @Test("nesting deeper than the limit throws")
    func deepNesting() {
        var der: [UInt8] = [0x05, 0x00]
        for _ in 0..<200 { der = [0x30, 0x82, UInt8(der.count >> 8), UInt8(der.count & 0xFF)] + der }
        #expect(throws: ParseError.self) { try CertificateOutline(der: der) }
    }
}
