import TLSPrintCore
import TLSPrintX509

/// JA4X of one certificate: FoxIO JA4X (FoxIO License 1.1; ja4 commit 0e54bc8), shared/spec/fingerprints.md
/// §3: `hash12(issuer OIDs)_hash12(subject OIDs)_hash12(extension OIDs)`, each list the lower-case hex of
/// the OIDs' DER content bytes in certificate order, comma-joined.
package struct JA4X: Hashable, Sendable {
    /// Issuer attribute-type OIDs, hex, comma-joined.
    package var issuer: String
    /// Subject attribute-type OIDs, hex, comma-joined.
    package var subject: String
    /// Extension OIDs, hex, comma-joined.
    package var extensions: String

    /// The JA4X of a parsed certificate.
    package init(_ outline: CertificateOutline) {
        issuer = outline.issuerAttributeOIDs.map { Hex.encode($0) }.joined(separator: ",")
        subject = outline.subjectAttributeOIDs.map { Hex.encode($0) }.joined(separator: ",")
        extensions = outline.extensionOIDs.map { Hex.encode($0) }.joined(separator: ",")
    }

    /// `ja4x`.
    package var hashed: String {
        [issuer, subject, extensions].map(FingerprintHash.hash12).joined(separator: "_")
    }
    /// `ja4x_r`.
    package var raw: String { [issuer, subject, extensions].joined(separator: "_") }

}
