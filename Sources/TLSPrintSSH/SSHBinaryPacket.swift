import TLSPrintCore

// RFC 4253 §6
//   uint32    packet_length
//   byte      padding_length
//   byte[n1]  payload; n1 = packet_length - padding_length - 1
//   byte[n2]  random padding; n2 = padding_length
//   byte[m]   mac (Message Authentication Code - MAC); m = mac_length
// Until the first SSH_MSG_NEWKEYS nothing is encrypted and mac_length is 0.

/// One unencrypted SSH binary packet, as sent before the first NEWKEYS.
///
/// The RFC's padding rules (at least 4 bytes, a total that is a multiple of 8) are not enforced: fingerprints
/// only need the payload, and a sloppy peer is still worth recording.
package struct SSHBinaryPacket: Hashable, Sendable, WireParseable {
    /// Largest `packet_length` accepted (RFC 4253 §6.1: 35,000 bytes is the most an implementation must take).
    package static let maximumPacketLength = 35_000

    /// The payload: a message number, then the message.
    package var payload: [UInt8]
    /// `padding_length`.
    package var paddingLength: Int

    /// Parses one packet from its `packet_length` to the end of its padding.
    /// - Throws: `.limitExceeded` for a `packet_length` above 35,000; `.invalidValue` when the padding leaves no
    ///   room for a message number.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let start = reader.offset
        let packetLength = Int(try reader.readUInt32())
        guard packetLength <= Self.maximumPacketLength else { throw ParseError(.limitExceeded, at: start) }
        var packet = try reader.readSlice(packetLength)
        paddingLength = Int(try packet.readUInt8())
        let payloadLength = packetLength - 1 - paddingLength
        guard payloadLength >= 1 else { throw ParseError(.invalidValue, at: start + 4) }
        payload = try packet.readBytes(payloadLength)
        try packet.skip(paddingLength)
    }

    /// The message number (the payload's first byte).
    package var messageNumber: UInt8 { payload.first ?? 0 }
}
