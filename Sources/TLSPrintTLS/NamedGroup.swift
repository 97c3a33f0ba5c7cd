/// A key-exchange group (IANA TLS Supported Groups registry). An open set.
package struct NamedGroup: RawRepresentable, Hashable, Sendable {
    /// The wire value.
    package var rawValue: UInt16
    /// A group from its wire value.
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// secp256r1 (RFC 8422).
    package static let secp256r1 = NamedGroup(rawValue: 0x0017)
    /// secp384r1 (RFC 8422).
    package static let secp384r1 = NamedGroup(rawValue: 0x0018)
    /// secp521r1 (RFC 8422).
    package static let secp521r1 = NamedGroup(rawValue: 0x0019)
    /// x25519 (RFC 8446).
    package static let x25519 = NamedGroup(rawValue: 0x001D)
    /// X25519MLKEM768 (draft-kwiatkowski-tls-ecdhe-mlkem).
    package static let x25519MLKEM768 = NamedGroup(rawValue: 0x11EC)

    /// True for the RFC 8701 GREASE values.
    package var isGREASE: Bool { GREASE.contains(rawValue) }
}
