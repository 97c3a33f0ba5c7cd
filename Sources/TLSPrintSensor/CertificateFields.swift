import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintTLS
import TLSPrintX509

/// The `tls_certificate` fields of shared/spec/events.md, from a TLS 1.2 Certificate message.
enum CertificateFields {
    /// Leaf details plus one JA4X per certificate; empty when no certificate parses.
    static func make(
        _ message: CertificateMessage,
        cache: inout BoundedCache<String, ParsedCertificate>,
        counters: inout SensorCounters
    ) -> [EventField] {
        var parsed: [CertificateSummary] = []
        for der in message.certificates {
            // Keyed by the digest the event reports anyway: hashing the DER bytes one by one costs more.
            let digest = FingerprintHash.sha256Hex(der)
            switch cache.value(for: digest, make: { ParsedCertificate(der: der, sha256: digest) }) {
            case .parsed(let summary):
                if summary.outline.usedFallback { counters.certificateFallbacks += 1 }
                parsed.append(summary)
            case .rejected(let error):
                counters.count(error, in: .certificate)
            }
        }
        guard let leaf = parsed.first else { return [] }
        let ja4x = parsed.map(\.ja4x)
        var fields = [
            EventField("ja4x", .string(ja4x[0])),
            EventField("ja4x_chain", .list(ja4x.map { .string($0) })),
        ]
        if let commonName = leaf.outline.subjectCommonName {
            fields.append(EventField("subject_cn", .text(Array(commonName.utf8))))
        }
        fields += [
            EventField("subject", .text(Array(leaf.outline.subject.utf8))),
            EventField("issuer", .text(Array(leaf.outline.issuer.utf8))),
        ]
        if !leaf.outline.subjectAlternativeNames.isEmpty {
            fields.append(EventField("sans", .list(leaf.outline.subjectAlternativeNames.map { .text(Array($0.utf8)) })))
        }
        fields += [
            EventField("not_before", .string(RFC3339.dateTime(secondsSinceEpoch: leaf.outline.notBefore))),
            EventField("not_after", .string(RFC3339.dateTime(secondsSinceEpoch: leaf.outline.notAfter))),
            EventField("self_signed", .bool(leaf.outline.selfSigned)),
            EventField("serial", .string(leaf.outline.serial)),
            EventField("cert_sha256", .string(leaf.sha256)),
            EventField("chain_length", .integer(message.certificates.count)),
        ]
        let chain: [[EventField]] = parsed.map { entry in
            [
                EventField("ja4x", .string(entry.ja4x)),
                EventField("ja4x_r", .string(entry.ja4xRaw)),
                EventField("subject", .text(Array(entry.outline.subject.utf8))),
                EventField("issuer", .text(Array(entry.outline.issuer.utf8))),
                EventField("not_before", .string(RFC3339.dateTime(secondsSinceEpoch: entry.outline.notBefore))),
                EventField("not_after", .string(RFC3339.dateTime(secondsSinceEpoch: entry.outline.notAfter))),
                EventField("serial", .string(entry.outline.serial)),
                EventField("sha256", .string(entry.sha256)),
            ]
        }
        fields.append(EventField("chain", .objects(chain)))
        return fields
    }
}

/// One certificate's parse and the fingerprints worked from it, remembered by its SHA-256: servers send the
/// same chain on every connection, so each certificate is parsed and hashed once.
enum ParsedCertificate: Sendable {
    case parsed(CertificateSummary)
    case rejected(ParseError)

    init(der: [UInt8], sha256: String) {
        do {
            let outline = try CertificateOutline(der: der)
            let print = JA4X(outline)
            self = .parsed(CertificateSummary(outline: outline, ja4x: print.hashed, ja4xRaw: print.raw, sha256: sha256))
        } catch {
            self = .rejected(error)
        }
    }
}

/// What a certificate event reports of one certificate.
struct CertificateSummary: Sendable {
    let outline: CertificateOutline
    /// JA4X, hashed and raw.
    let ja4x: String
    let ja4xRaw: String
    /// SHA-256 of the DER, lower-case hex.
    let sha256: String
}
