import Testing

@testable import TLSPrintSensor

/// The one UDP classifier, on first bytes worked from the specifications: RFC 9000 §17.2 and RFC 9369 §3.1
/// (long header: form bit, version), RFC 7983 §7 (DTLS content types 20–63), OpenVPN's opcode << 3 | key id.
@Suite struct UDPPayloadKindTests {
    static let cases: [(String, [UInt8], UDPPayloadKind)] = [
        ("QUIC v1 Initial", [0xC3, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00], .quic),
        ("QUIC v2 Initial", [0xD3, 0x6B, 0x33, 0x43, 0xCF, 0x08, 0x00], .quic),
        ("QUIC Version Negotiation (version 0)", [0x80, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00], .other),
        ("QUIC reserved version 0x?a?a?a?a", [0xC0, 0x1A, 0x2A, 0x3A, 0x4A, 0x08, 0x00], .other),
        ("long header too short for both CID lengths", [0xC3, 0x00, 0x00, 0x00, 0x01, 0x08], .other),
        ("QUIC short header", [0x40, 0x01, 0x02], .openVPN),
        ("DTLS handshake record", [0x16, 0xFE, 0xFD, 0x00, 0x00], .dtlsOrOpenVPN),
        ("DTLS alert record", [0x15, 0xFE, 0xFF], .dtlsOrOpenVPN),
        ("OpenVPN P_CONTROL_HARD_RESET_CLIENT_V2 (7 << 3)", [0x38, 0x01, 0x02], .dtlsOrOpenVPN),
        ("OpenVPN P_ACK_V1 (5 << 3)", [0x28, 0x01], .dtlsOrOpenVPN),
        ("OpenVPN P_CONTROL_HARD_RESET_CLIENT_V3 (10 << 3)", [0x50, 0x01], .openVPN),
        ("OpenVPN P_CONTROL_V1 (4 << 3) with key id 1", [0x21, 0x01], .dtlsOrOpenVPN),
        ("STUN binding request (RFC 7983: 0–3)", [0x00, 0x01, 0x00, 0x00], .openVPN),
        ("RTP (RFC 7983: 128–191)", [0x80, 0x60, 0x00, 0x01], .other),
        ("empty", [], .other),
    ]

    @Test(arguments: cases)
    func classifies(name: String, payload: [UInt8], expected: UDPPayloadKind) {
        #expect(UDPPayloadKind(classifying: payload.span) == expected, "\(name)")
    }
}
