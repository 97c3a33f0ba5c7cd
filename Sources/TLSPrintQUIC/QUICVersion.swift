/// A QUIC version number (RFC 9000 §15). Any 32-bit value can occur, so this is an open set.
///
/// Only the versions whose Initial protection tlsprint knows have an `initialSalt`; the others are
/// reported with their header but never decrypted.
package struct QUICVersion: RawRepresentable, Hashable, Sendable {
    package var rawValue: UInt32
    package init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Version 0 marks a Version Negotiation packet (RFC 9000 §17.2.1).
    package static let negotiation = QUICVersion(rawValue: 0x0000_0000)
    /// QUIC version 1 (RFC 9000, RFC 9001).
    package static let v1 = QUICVersion(rawValue: 0x0000_0001)
    /// QUIC version 2 (RFC 9369).
    package static let v2 = QUICVersion(rawValue: 0x6b33_43cf)
    /// draft-ietf-quic-transport-29, still seen from older stacks.
    package static let draft29 = QUICVersion(rawValue: 0xff00_001d)

    /// True for the reserved versions 0x?a?a?a?a that exercise version negotiation (RFC 9000 §15).
    package var isReservedForNegotiation: Bool { rawValue & 0x0f0f_0f0f == 0x0a0a_0a0a }

    /// The Initial salt (RFC 9001 §5.2, RFC 9369 §3.3.1), or nil when tlsprint cannot derive Initial keys.
    package var initialSalt: [UInt8]? {
        switch rawValue {
        case Self.v1.rawValue:
            return [
                0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34, 0xb3, 0x4d, 0x17,
                0x9a, 0xe6, 0xa4, 0xc8, 0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a,
            ]
        case Self.v2.rawValue:
            return [
                0x0d, 0xed, 0xe3, 0xde, 0xf7, 0x00, 0xa6, 0xdb, 0x81, 0x93,
                0x81, 0xbe, 0x6e, 0x26, 0x9d, 0xcb, 0xf9, 0xbd, 0x2e, 0xd9,
            ]
        case 0xff00_001d...0xff00_0020:  // drafts 29 to 32 share one salt
            return [
                0xaf, 0xbf, 0xec, 0x28, 0x99, 0x93, 0xd2, 0x4c, 0x9e, 0x97,
                0x86, 0xf1, 0x9c, 0x61, 0x11, 0xe0, 0x43, 0x90, 0xa8, 0x99,
            ]
        default:
            return nil
        }
    }

    /// True when the long-header layout after the connection IDs is known (versions with a salt).
    package var isKnown: Bool { initialSalt != nil }

    /// The HKDF-Expand-Label labels for packet protection keys (RFC 9001 §5.1, RFC 9369 §3.3.2).
    package var keyLabels: (key: String, iv: String, hp: String) {
        self == .v2 ? ("quicv2 key", "quicv2 iv", "quicv2 hp") : ("quic key", "quic iv", "quic hp")
    }

    /// The packet type that the two type bits of a long header carry in this version.
    ///
    /// RFC 9000 §17.2: Initial 0b00, 0-RTT 0b01, Handshake 0b10, Retry 0b11.
    /// RFC 9369 §3.2: Initial 0b01, 0-RTT 0b10, Handshake 0b11, Retry 0b00.
    /// Nil for versions whose header layout is unknown.
    package func packetType(typeBits: UInt8) -> LongPacketType? {
        guard isKnown else { return nil }
        let bits = self == .v2 ? (typeBits &+ 3) & 0x03 : typeBits & 0x03
        switch bits {
        case 0: return .initial
        case 1: return .zeroRTT
        case 2: return .handshake
        default: return .retry
        }
    }
}
