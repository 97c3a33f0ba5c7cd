import TLSPrintCore

/// A TLS, SSL or DTLS protocol version as it appears on the wire. An open set.
package struct ProtocolVersion: RawRepresentable, Hashable, Sendable {
    /// The wire value.
    package var rawValue: UInt16
    /// A version from its wire value.
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// SSL 2.0 (as the ClientHello of the SSLv2 record format writes it).
    package static let ssl2 = ProtocolVersion(rawValue: 0x0002)
    /// SSL 3.0 (RFC 6101).
    package static let ssl3 = ProtocolVersion(rawValue: 0x0300)
    /// TLS 1.0 (RFC 2246).
    package static let tls10 = ProtocolVersion(rawValue: 0x0301)
    /// TLS 1.1 (RFC 4346).
    package static let tls11 = ProtocolVersion(rawValue: 0x0302)
    /// TLS 1.2 (RFC 5246).
    package static let tls12 = ProtocolVersion(rawValue: 0x0303)
    /// TLS 1.3 (RFC 8446).
    package static let tls13 = ProtocolVersion(rawValue: 0x0304)
    /// DTLS 1.0 (RFC 4347).
    package static let dtls10 = ProtocolVersion(rawValue: 0xFEFF)
    /// DTLS 1.2 (RFC 6347).
    package static let dtls12 = ProtocolVersion(rawValue: 0xFEFD)
    /// DTLS 1.3 (RFC 9147).
    package static let dtls13 = ProtocolVersion(rawValue: 0xFEFC)

    /// True for the RFC 8701 GREASE values.
    package var isGREASE: Bool { GREASE.contains(rawValue) }
    /// True for the DTLS versions: major byte 0xFE, and OpenSSL's pre-RFC 4347 DTLS 0x0100 (DTLS1_BAD_VER).
    package var isDTLS: Bool { rawValue >> 8 == 0xFE || rawValue == 0x0100 }

    /// The `tls_version` event value: `SSL 3.0`, `TLS 1.0`…`TLS 1.3`, `DTLS 1.0`, `DTLS 1.2`, `DTLS 1.3`,
    /// otherwise `0xhhhh` (OpenSSL's pre-standard DTLS 0x0100 among them).
    package var displayName: String {
        switch self {
        case .ssl3: "SSL 3.0"
        case .tls10: "TLS 1.0"
        case .tls11: "TLS 1.1"
        case .tls12: "TLS 1.2"
        case .tls13: "TLS 1.3"
        case .dtls10: "DTLS 1.0"
        case .dtls12: "DTLS 1.2"
        case .dtls13: "DTLS 1.3"
        default: "0x" + Hex.fourDigits(rawValue)
        }
    }
}
