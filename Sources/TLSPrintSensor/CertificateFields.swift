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
        let prints = outlines.map { JA4X($0.outline) }
        var fields = [
            EventField("ja4x", .string(prints[0].hashed)),
            EventField("ja4x_chain", .list(prints.map { .string($0.hashed) })),
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
            EventField("cert_sha256", .string(FingerprintHash.sha256Hex(leaf.der))),
            EventField("chain_length", .integer(message.certificates.count)),
        ]
        let chain: [[EventField]] = zip(outlines, prints).map { entry, print in
            [
                EventField("ja4x", .string(print.hashed)),
                EventField("ja4x_r", .string(print.raw)),
                EventField("subject", .text(Array(entry.outline.subject.utf8))),
                EventField("issuer", .text(Array(entry.outline.issuer.utf8))),
                EventField("not_before", .string(RFC3339.dateTime(secondsSinceEpoch: entry.outline.notBefore))),
                EventField("not_after", .string(RFC3339.dateTime(secondsSinceEpoch: entry.outline.notAfter))),
                EventField("serial", .string(entry.outline.serial)),
                EventField("sha256", .string(FingerprintHash.sha256Hex(entry.der))),
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
