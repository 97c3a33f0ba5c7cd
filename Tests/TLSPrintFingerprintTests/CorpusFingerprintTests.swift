import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintTLS
import TLSPrintTestSupport
import TLSPrintX509
import Testing

/// JA3/JA4/JA3S/JA4S/JA4X of the stream fixtures against the corpus expected.json and tshark values
/// recorded in each fixture's header.
@Suite struct CorpusFingerprintTests {
    struct Observed {
        var clientHello: ClientHello?
        var serverHello: ServerHello?
        var certificates: [[UInt8]] = []
    }

    static func observe(_ fixture: StreamFixture) throws -> Observed {
        var observed = Observed()
        var client = TLSHandshakeAssembler()
        if let message = client.feed(fixture.client).first(where: { $0.type == .clientHello }) {
            observed.clientHello = try ClientHello(parsingAll: message.body)
        }
        var server = TLSHandshakeAssembler()
        let messages = server.feed(fixture.server)
        if let message = messages.first(where: { $0.type == .serverHello }) {
            observed.serverHello = try ServerHello(parsingAll: message.body)
        }
        if let message = messages.first(where: { $0.type == .certificate }) {
            observed.certificates = try CertificateMessage(parsingAll: message.body).certificates
        }
        return observed
    }

    static let fixtures = StreamFixture.all.filter { !$0.expect.isEmpty }

    @Test(arguments: fixtures)
    func clientFingerprintsMatch(fixture: StreamFixture) throws {
        let observed = try Self.observe(fixture)
        guard fixture.expect["ja4"] != nil || fixture.expect["tshark_ja3_full"] != nil else { return }
        let hello = try #require(observed.clientHello)
        let ja3 = JA3(hello)
        let ja4 = JA4(hello, transport: .tcp)
        if let expected = fixture.expect["ja4"] { #expect(ja4.hashed == expected) }
        if let expected = fixture.expect["ja4_r"] { #expect(ja4.raw == expected) }
        if let expected = fixture.expect["ja3_full"] { #expect(ja3.fullString == expected) }
        if let expected = fixture.expect["tshark_ja3_full"] { #expect(ja3.fullString == expected) }
    }

    @Test(arguments: fixtures)
    func serverFingerprintsMatch(fixture: StreamFixture) throws {
        let observed = try Self.observe(fixture)
        guard fixture.expect["ja4s"] != nil || fixture.expect["tshark_ja3s_full"] != nil else { return }
        let hello = try #require(observed.serverHello)
        if let expected = fixture.expect["ja4s"] { #expect(JA4S(hello, transport: .tcp).hashed == expected) }
        if let expected = fixture.expect["ja3s_full"] { #expect(JA3S(hello).fullString == expected) }
        if let expected = fixture.expect["tshark_ja3s_full"] { #expect(JA3S(hello).fullString == expected) }
    }

    @Test(arguments: fixtures.filter { $0.expect["ja4x_chain"] != nil })
    func certificateFingerprintsMatch(fixture: StreamFixture) throws {
        let observed = try Self.observe(fixture)
        let chain = try observed.certificates.map { (der) throws(ParseError) in
            JA4X(try CertificateOutline(der: der)).hashed
        }
        #expect(chain.joined(separator: ",") == fixture.expect["ja4x_chain"])
    }
}
