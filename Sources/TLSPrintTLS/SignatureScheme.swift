/// A signature scheme (IANA TLS SignatureScheme registry; TLS 1.2 hash/signature pairs). An open set.
package struct SignatureScheme: RawRepresentable, Hashable, Sendable {
    /// The wire value.
    package var rawValue: UInt16
    /// A scheme from its wire value.
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// ecdsa_secp256r1_sha256 (RFC 8446).
    package static let ecdsaSecp256r1SHA256 = SignatureScheme(rawValue: 0x0403)
    /// rsa_pss_rsae_sha256 (RFC 8446).
    package static let rsaPSSRSAESHA256 = SignatureScheme(rawValue: 0x0804)
    /// rsa_pkcs1_sha256 (RFC 8446).
    package static let rsaPKCS1SHA256 = SignatureScheme(rawValue: 0x0401)
    /// ed25519 (RFC 8446).
    package static let ed25519 = SignatureScheme(rawValue: 0x0807)

    /// True for the RFC 8701 GREASE values.
    package var isGREASE: Bool { GREASE.contains(rawValue) }
}
