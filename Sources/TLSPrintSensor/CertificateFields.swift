import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintTLS
import TLSPrintX509

/// The `tls_certificate` fields of shared/spec/events.md, from a TLS 1.2 Certificate message.
enum CertificateFields {
    /// Leaf details plus one JA4X per certificate; empty when no certificate parses.
    static func make(_ message: CertificateMessage, counters: inout SensorCounters) -> [EventField] {
        var outlines: [(der: [UInt8], outline: CertificateOutline)] = []
        for der in message.certificates {
            do {
                outlines.append((der, try CertificateOutline(der: der)))
            } catch {
                counters.count(error, in: .certificate)
            }
        }
        guard let leaf = outlines.first else { return [] }
        let prints = outlines.map { JA4X($0.outline) }
        var fields = [
            EventField("ja4x", .string(prints[0].fingerprint)),
            EventField("ja4x_chain", .list(prints.map { .string($0.fingerprint) })),
        ]
        if let commonName = leaf.outline.subjectCommonName {
            fields.append(EventField("subject_cn", .text(commonName)))
        }
        fields += [
            EventField("subject", .text(leaf.outline.subject)),
            EventField("issuer", .text(leaf.outline.issuer)),
        ]
        if !leaf.outline.subjectAlternativeNames.isEmpty {
            fields.append(EventField("sans", .list(leaf.outline.subjectAlternativeNames.map { .text($0) })))
        }
        fields += [
            EventField("not_before", .string(RFC3339Date.format(seconds: leaf.outline.notBefore))),
            EventField("not_after", .string(RFC3339Date.format(seconds: leaf.outline.notAfter))),
            EventField("self_signed", .bool(leaf.outline.isSelfSigned)),
            EventField("serial", .string(leaf.outline.serialNumberHex)),
            EventField("cert_sha256", .string(FingerprintHash.sha256Hex(leaf.der))),
            EventField("chain_length", .integer(message.certificates.count)),
        ]
        let chain: [[EventField]] = zip(outlines, prints).map { entry, print in
            [
                EventField("ja4x", .string(print.fingerprint)),
                EventField("ja4x_r", .string(print.raw)),
                EventField("subject", .text(entry.outline.subject)),
                EventField("issuer", .text(entry.outline.issuer)),
                EventField("not_before", .string(RFC3339Date.format(seconds: entry.outline.notBefore))),
                EventField("not_after", .string(RFC3339Date.format(seconds: entry.outline.notAfter))),
                EventField("serial", .string(entry.outline.serialNumberHex)),
                EventField("sha256", .string(FingerprintHash.sha256Hex(entry.der))),
            ]
        }
        fields.append(EventField("chain", .objects(chain)))
        return fields
    }
}
