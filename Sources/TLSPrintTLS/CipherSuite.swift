/// A cipher suite code point (IANA TLS Cipher Suites registry). Any 16-bit value can occur: an open set.
package struct CipherSuite: RawRepresentable, Hashable, Sendable {
    /// The wire value.
    package var rawValue: UInt16
    /// A cipher suite from its wire value.
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// TLS_AES_128_GCM_SHA256 (RFC 8446).
    package static let aes128GCMSHA256 = CipherSuite(rawValue: 0x1301)
    /// TLS_AES_256_GCM_SHA384 (RFC 8446).
    package static let aes256GCMSHA384 = CipherSuite(rawValue: 0x1302)
    /// TLS_CHACHA20_POLY1305_SHA256 (RFC 8446).
    package static let chacha20Poly1305SHA256 = CipherSuite(rawValue: 0x1303)
    /// TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746).
    package static let emptyRenegotiationInfoSCSV = CipherSuite(rawValue: 0x00FF)
    /// TLS_FALLBACK_SCSV (RFC 7507).
    package static let fallbackSCSV = CipherSuite(rawValue: 0x5600)
    /// TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (RFC 5289).
    package static let ecdheECDSAWithAES128GCMSHA256 = CipherSuite(rawValue: 0xC02B)
    /// TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (RFC 5289).
    package static let ecdheRSAWithAES128GCMSHA256 = CipherSuite(rawValue: 0xC02F)

    /// True for the RFC 8701 GREASE values.
    package var isGREASE: Bool { GREASE.contains(rawValue) }
}
