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
        cache: inout BoundedCache<[UInt8], ParsedCertificate>,
        counters: inout SensorCounters
    ) -> [EventField] {
        var outlines: [(der: [UInt8], outline: CertificateOutline)] = []
        for der in message.certificates {
            switch cache.value(for: der, make: { ParsedCertificate(der: der) }) {
            case .parsed(let outline):
                if outline.usedFallback { counters.certificateFallbacks += 1 }
                outlines.append((der, outline))
            case .rejected(let error):
                counters.count(error, in: .certificate)
            }
        }
        guard let leaf = outlines.first else { return [] }
        // Each hash once: `JA4X.hashed` runs three SHA-256s per call.
        let prints = outlines.map { JA4X($0.outline) }
        let ja4x = prints.map(\.hashed)
        let digests = outlines.map { FingerprintHash.sha256Hex($0.der) }
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
            EventField("cert_sha256", .string(digests[0])),
            EventField("chain_length", .integer(message.certificates.count)),
        ]
        let chain: [[EventField]] = outlines.indices.map { index in
            let entry = outlines[index]
            return [
                EventField("ja4x", .string(ja4x[index])),
                EventField("ja4x_r", .string(prints[index].raw)),
                EventField("subject", .text(Array(entry.outline.subject.utf8))),
                EventField("issuer", .text(Array(entry.outline.issuer.utf8))),
                EventField("not_before", .string(RFC3339.dateTime(secondsSinceEpoch: entry.outline.notBefore))),
                EventField("not_after", .string(RFC3339.dateTime(secondsSinceEpoch: entry.outline.notAfter))),
                EventField("serial", .string(entry.outline.serial)),
                EventField("sha256", .string(digests[index])),
            ]
        }
        fields.append(EventField("chain", .objects(chain)))
        return fields
    }
}

/// One certificate's parse, remembered by its DER bytes: servers send the same chain on every connection.
enum ParsedCertificate: Sendable {
    case parsed(CertificateOutline)
    case rejected(ParseError)

    init(der: [UInt8]) {
        do {
            self = .parsed(try CertificateOutline(der: der))
        } catch {
            self = .rejected(error)
        }
    }
}
