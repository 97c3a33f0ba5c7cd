import TLSPrintCore

// RFC 5246 §7.4.2 (TLS ≤ 1.2; TLS 1.3's Certificate is encrypted and never reaches this parser)
//   opaque ASN.1Cert<1..2^24-1>;
//   struct { ASN.1Cert certificate_list<0..2^24-1>; } Certificate;

/// A TLS ≤ 1.2 Certificate message: the DER certificates in chain order (leaf first).
package struct CertificateMessage: Hashable, Sendable, WireParseable {
    /// The DER encodings, in chain order.
    package var certificates: [[UInt8]] = []

    /// Parses a Certificate body; more than `Limits.certificatesPerChain` certificates throws `.limitExceeded`.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        var list = try reader.readVector24()
        while !list.isAtEnd {
            guard certificates.count < Limits.certificatesPerChain else {
                throw ParseError(.limitExceeded, at: list.offset)
            }
            var certificate = try list.readVector24()
            guard !certificate.isAtEnd else { throw ParseError(.invalidValue, at: certificate.offset) }
            certificates.append(certificate.readRemainingBytes())
        }
    }
}
