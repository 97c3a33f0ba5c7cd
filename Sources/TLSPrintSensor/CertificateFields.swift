import TLSPrintCore
import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintTLS
import TLSPrintX509

/// The `tls_certificate` event of docs/events.md, from a TLS 1.2 Certificate message.
enum CertificateFields {
    /// Leaf details plus one JA4X per certificate; nil when no certificate parses.
    static func make(
        _ message: CertificateMessage,
        endpoints: EventEndpoints,
        serverName: [UInt8],
        timestamp: CaptureTimestamp,
        cache: inout BoundedCache<String, ParsedCertificate>,
        counters: inout SensorCounters,
        families: FingerprintFamilies = .all
    ) -> TLSCertificateEvent? {
        var parsed: [CertificateSummary] = []
        for der in message.certificates {
            // Keyed by the digest the event reports anyway: hashing the DER bytes one by one costs more.
            let digest = FingerprintHash.sha256Hex(der)
            counters.certificateLookups += 1
            switch cache.value(
                for: digest,
                make: { ParsedCertificate(der: der, sha256: digest, ja4x: families.contains(.ja4x)) }
            ) {
            case .parsed(let summary):
                if summary.outline.usedFallback { counters.certificateFallbacks += 1 }
                parsed.append(summary)
            case .rejected(let error):
                counters.count(error, in: .certificate)
            }
        }
        guard let leaf = parsed.first else { return nil }
        return TLSCertificateEvent(
            timestamp: timestamp,
            endpoints: endpoints,
            serverName: serverName,
            chain: parsed.map(\.entry),
            subjectCommonName: leaf.outline.subjectCommonName,
            subjectAlternativeNames: leaf.outline.subjectAlternativeNames,
            selfSigned: leaf.outline.selfSigned,
            chainLength: message.certificates.count
        )
    }
}

/// One certificate's parse and the fingerprints worked from it, remembered by its SHA-256: servers send the
/// same chain on every connection, so each certificate is parsed and hashed once.
enum ParsedCertificate: Sendable {
    case parsed(CertificateSummary)
    case rejected(ParseError)

    /// Parses `der`; JA4X only when `ja4x` is true (`--fingerprints`).
    init(der: [UInt8], sha256: String, ja4x: Bool = true) {
        do {
            let outline = try CertificateOutline(der: der)
            let print = ja4x ? JA4X(outline) : nil
            let entry = CertificateChainEntry(
                ja4x: print?.hashed ?? "",
                ja4xRaw: print?.raw ?? "",
                subject: outline.subject,
                issuer: outline.issuer,
                notBefore: RFC3339.dateTime(secondsSinceEpoch: outline.notBefore),
                notAfter: RFC3339.dateTime(secondsSinceEpoch: outline.notAfter),
                serial: outline.serial,
                sha256: sha256
            )
            self = .parsed(CertificateSummary(outline: outline, entry: entry))
        } catch {
            self = .rejected(error)
        }
    }
}

/// What a certificate event reports of one certificate.
struct CertificateSummary: Sendable {
    let outline: CertificateOutline
    /// Its entry in the event's chain (JA4X, names, validity, serial, SHA-256), worked out once.
    let entry: CertificateChainEntry
}
