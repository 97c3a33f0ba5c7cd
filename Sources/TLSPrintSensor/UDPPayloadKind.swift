import TLSPrintCore
import TLSPrintQUIC
import TLSPrintTLS

/// What a UDP datagram may carry, told from its first bytes by the parsers' own header types: the one place
/// UDP traffic is sorted (any port; content decides).
enum UDPPayloadKind: Equatable {
    /// A long-header QUIC packet of a version whose Initial keys tlsprint knows.
    case quic
    /// A DTLS record (RFC 7983 content-type range). OpenVPN's opcodes share the range, so a datagram that
    /// neither belongs to a DTLS association nor looks like a DTLS handshake is offered to OpenVPN.
    case dtlsOrOpenVPN
    /// Perhaps OpenVPN's control channel: its first byte is an opcode and key id (below 0x80).
    case openVPN
    /// Nothing tlsprint reads (short-header QUIC, unknown QUIC versions, empty datagrams).
    case other

    init(classifying payload: Span<UInt8>) {
        guard !payload.isEmpty else {
            self = .other
            return
        }
        if payload[0] & 0x80 != 0 {
            self = LongHeader.peekVersion(payload)?.isKnown == true ? .quic : .other
        } else if DTLSRecordHeader.isContentTypeByte(payload[0]) {
            self = .dtlsOrOpenVPN
        } else {
            self = .openVPN
        }
    }
}
