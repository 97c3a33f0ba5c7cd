import TLSPrintCore

// OpenVPN over UDP (openvpn src/openvpn/ssl_pkt.h, reliable.c; Wireshark's packet-openvpn.c):
//   uint8   opcode << 3 | key_id
//   uint8   session_id[8]
//   [ uint8 hmac[H]; uint32 packet_id; uint32 net_time ]     with --tls-auth (H: 20, 32 or 64)
//   uint8   ack_count;  uint32 acked_ids[ack_count];  [ uint8 remote_session_id[8] ]  if ack_count > 0
//   uint32  message_packet_id                               not in P_ACK_V1
//   opaque  payload[]                                       TLS bytes of the reliable control channel

/// One OpenVPN control-channel packet over UDP, parsed for a known tls-auth HMAC size.
package struct OpenVPNControlPacket: Sendable {
    /// The opcodes tlsprint reads.
    package enum Opcode: UInt8, Sendable {
        case hardResetClientV1 = 1
        case hardResetServerV1 = 2
        case softResetV1 = 3
        case controlV1 = 4
        case ackV1 = 5
        case hardResetClientV2 = 7
        case hardResetServerV2 = 8
        case hardResetClientV3 = 10
        case controlWKCV1 = 11
    }

    /// HMAC sizes tried when a client's hard reset opens a flow: none, SHA-1, SHA-256, SHA-512.
    package static let hmacSizes = [0, 20, 32, 64]
    /// Most acknowledgements one packet carries (openvpn's RELIABLE_ACK_SIZE).
    package static let maximumAcks = 8

    package let opcode: Opcode
    package let keyID: UInt8
    /// The sequence number of this packet in the reliable channel (nil for P_ACK_V1).
    package let messagePacketID: UInt32?
    /// The channel bytes the packet carries.
    package let payload: [UInt8]

    /// Parses `datagram` with a tls-auth HMAC of `hmacSize` bytes (0: none).
    /// - Throws: `.unsupported` for a data or unknown opcode, `.truncated`, `.invalidValue` for too many acks.
    package init(parsing datagram: Span<UInt8>, hmacSize: Int) throws(ParseError) {
        var reader = ByteReader(datagram)
        let first = try reader.readUInt8()
        guard let opcode = Opcode(rawValue: first >> 3) else { throw ParseError(.unsupported, at: 0) }
        self.opcode = opcode
        keyID = first & 0x07
        try reader.skip(8)  // session_id
        if hmacSize > 0 { try reader.skip(hmacSize + 8) }  // HMAC, packet_id, net_time
        let acks = Int(try reader.readUInt8())
        guard acks <= Self.maximumAcks else { throw ParseError(.invalidValue, at: reader.offset - 1) }
        if acks > 0 { try reader.skip(acks * 4 + 8) }
        if opcode == .ackV1 {
            messagePacketID = nil
            payload = []
        } else {
            messagePacketID = try reader.readUInt32()
            payload = try reader.readBytes(reader.remaining)
        }
    }

    /// The tls-auth HMAC size for which `datagram` reads as a client's first hard reset (v2 or v3, key 0,
    /// no acknowledgements, message packet id 0), or nil when it reads as none.
    package static func hmacSizeOfClientHardReset(_ datagram: Span<UInt8>) -> Int? {
        hmacSizeOfHardReset(datagram, opcodes: [.hardResetClientV2, .hardResetClientV3])
    }

    /// The tls-auth HMAC size for which `packet` reads as the first packet of either side (a client's or a
    /// server's hard reset, v1 to v3, key 0, message packet id 0), or nil when it reads as none.
    package static func hmacSizeOfAnyHardReset(_ packet: Span<UInt8>) -> Int? {
        hmacSizeOfHardReset(
            packet,
            opcodes: [
                .hardResetClientV1, .hardResetServerV1, .hardResetClientV2, .hardResetServerV2, .hardResetClientV3,
            ]
        )
    }

    private static func hmacSizeOfHardReset(_ packet: Span<UInt8>, opcodes: Set<Opcode>) -> Int? {
        guard !packet.isEmpty, packet[0] & 0x07 == 0, let opcode = Opcode(rawValue: packet[0] >> 3),
            opcodes.contains(opcode)
        else { return nil }
        for size in hmacSizes {
            guard let parsed = try? OpenVPNControlPacket(parsing: packet, hmacSize: size) else { continue }
            // Without tls-auth the reset carries no payload before OpenVPN 2.6 and a few TLVs after.
            if opcodes.contains(parsed.opcode), parsed.messagePacketID == 0, parsed.payload.count <= 64 { return size }
        }
        return nil
    }
}
