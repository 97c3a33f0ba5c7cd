import Foundation
import TLSPrintCore
import Testing

@testable import TLSPrintX509

@Suite struct CertificateOutlineTests {
    /// Keys swift-certificates (swift-crypto) refuses, per `openssl x509 -text`: 1024-bit RSA (ssl-selfsign-0,
    /// san-before-keyusage-0) and the CurveBall root's explicit EC parameters (badcurveball-1).
    static let rejectedBySwiftCertificates: Set<String> = ["ssl-selfsign-0", "san-before-keyusage-0", "badcurveball-1"]

    @Test(arguments: CertificateFixture.all)
    func fieldsMatchOpenSSL(fixture: CertificateFixture) throws {
        let outline = try CertificateOutline(der: fixture.der)
        let subject = CertificateFixture.normalizedName(try #require(fixture.openssl["subject"]))
        let issuer = CertificateFixture.normalizedName(try #require(fixture.openssl["issuer"]))
        #expect(outline.subject == subject)
        #expect(outline.issuer == issuer)
        #expect(outline.serial == fixture.openssl["serial"]?.lowercased())
        #expect(outline.notBefore == CertificateFixture.epochSeconds(fixture.openssl["notBefore"] ?? ""))
        #expect(outline.notAfter == CertificateFixture.epochSeconds(fixture.openssl["notAfter"] ?? ""))
        #expect(outline.subjectAlternativeNames == fixture.sans)
        // openssl verify -check_ss_sig accepts a self-issued certificate only when its signature verifies.
        #expect(outline.selfSigned == (subject == issuer && fixture.openssl["selfverify"] == "OK"))
        // Only self-issued certificates go to swift-certificates, so only they can fall back.
        #expect(outline.usedFallback == (Self.rejectedBySwiftCertificates.contains(fixture.name) && subject == issuer))
        #expect(
            outline.subjectCommonName
                == subject.components(separatedBy: "CN=").last?.components(separatedBy: ", ").first
        )
    }

    @Test func ja4xInputsOfTheInfigoRoot() throws {
        // foxio expected.json: the INFIGO root has issuer == subject JA4X part and C, ST, O, CN.
        let fixture = try #require(CertificateFixture.named("badcurveball-1"))
        let outline = try CertificateOutline(der: fixture.der)
        let expected: [[UInt8]] = [[0x55, 0x04, 0x06], [0x55, 0x04, 0x08], [0x55, 0x04, 0x0A], [0x55, 0x04, 0x03]]
        #expect(outline.issuerAttributeOIDs == expected)
        #expect(outline.subjectAttributeOIDs == expected)
        #expect(outline.selfSigned)
        #expect(outline.usedFallback)
    }

    @Test func brokenSignatureIsNotSelfSigned() throws {
        let fixture = try #require(CertificateFixture.named("generated-selfsigned-p256"))
        var der = fixture.der
        #expect(try CertificateOutline(der: der).selfSigned)
        der[der.count - 1] ^= 0xFF  // last byte of signatureValue
        let outline = try CertificateOutline(der: der)
        #expect(outline.subject == outline.issuer)
        #expect(!outline.selfSigned)
        #expect(!outline.usedFallback)
    }

    @Test func unsupportedKeyFallsBackToNameEquality() throws {
        // id-ecPublicKey 1.2.840.10045.2.1 → 1.2.840.10045.2.127: swift-certificates rejects the key.
        let fixture = try #require(CertificateFixture.named("generated-selfsigned-p256"))
        let rsa: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]
        var der = fixture.der
        let start = try #require((0..<(der.count - rsa.count)).first { Array(der[$0..<($0 + rsa.count)]) == rsa })
        der[start + rsa.count - 1] = 0x7F
        let outline = try CertificateOutline(der: der)
        #expect(outline.usedFallback)
        #expect(outline.selfSigned)
    }

    @Test func truncationSweep() throws {
        let fixture = try #require(CertificateFixture.named("badcurveball-1"))
        for length in stride(from: 0, to: fixture.der.count, by: 3) {
            #expect(throws: ParseError.self, "prefix \(length)") {
                try CertificateOutline(der: Array(fixture.der.prefix(length)))
            }
        }
    }

    static let malformed: [(String, [UInt8])] = [
        ("empty", []),
        ("not a sequence", [0x04, 0x00]),
        ("empty sequence", [0x30, 0x00]),
        ("nesting deeper than the cap", Self.nested(depth: Limits.derNestingDepth + 1)),
        ("indefinite length (BER)", [0x30, 0x80, 0x00, 0x00]),
        ("trailing byte", [0x30, 0x00, 0x00]),
    ]

    static func nested(depth: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<depth { bytes = [0x30, UInt8(bytes.count)] + bytes }
        return bytes
    }

    @Test(arguments: malformed)
    func malformedCertificatesThrow(label: String, der: [UInt8]) {
        #expect(throws: ParseError.self, "\(label)") { try CertificateOutline(der: der) }
    }
}

@Suite struct SubjectAlternativeNameTextTests {
    static let addresses: [([UInt8], String?)] = [
        ([192, 0, 2, 1], "192.0.2.1"),
        ([0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 11) + [1], "2001:db8::1"),  // RFC 5952 §4.2.1
        ([0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], "2001:db8:0:1:1:1:1:1"),  // §4.2.2
        ([0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1], "2001:db8::1:0:0:1"),  // §4.2.3
        (Array(repeating: 0, count: 16), "::"),
        ([1, 2, 3], nil),
    ]

    @Test(arguments: addresses)
    func addressText(bytes: [UInt8], text: String?) {
        #expect(SubjectAlternativeNames.ipText(bytes) == text)
    }
}
