import TLSPrintCore

// RFC 9000 §17.2
//   Long Header Packet {
//     Header Form (1) = 1,
//     Fixed Bit (1) = 1,
//     Long Packet Type (2),
//     Type-Specific Bits (4),
//     Version (32),
//     Destination Connection ID Length (8),
//     Destination Connection ID (0..160),
//     Source Connection ID Length (8),
//     Source Connection ID (0..160),
//     Type-Specific Payload (..),
//   }
// RFC 9000 §17.2.2 (Initial), §17.2.3 (0-RTT), §17.2.4 (Handshake); RFC 9369 keeps the layout
//   [Token Length (i), Token (..),]   -- Initial only
//   Length (i), Packet Number (8..32), Packet Payload (8..)
// RFC 9000 §17.2.5
//   Retry Packet { ..., Retry Token (..), Retry Integrity Tag (128) }

/// The unprotected part of one long-header packet, and where the packet ends in its datagram.
///
/// Parsing consumes exactly this packet, so coalesced packets (RFC 9000 §12.2) can be walked in turn.
/// Version Negotiation packets and unknown versions have no length field: they take the rest of the datagram.
package struct LongHeader: Hashable, Sendable, WireParseable {
    /// The first byte as sent (its low bits are still header-protected).
    package var firstByte: UInt8
    /// The fixed bit; RFC 9287 lets peers that negotiated it send 0, so it is reported, not enforced.
    package var fixedBit: Bool { firstByte & 0x40 != 0 }
    /// The two long-packet-type bits as sent; their meaning depends on the version.
    package var typeBits: UInt8 { firstByte >> 4 & 0x03 }
    /// The version field.
    package var version: QUICVersion
    /// The Destination Connection ID (at most 20 bytes in versions 1 and 2).
    package var destinationConnectionID: [UInt8]
    /// The Source Connection ID.
    package var sourceConnectionID: [UInt8]
    /// The packet type, or nil for Version Negotiation and for versions tlsprint does not know.
    package var packetType: LongPacketType?
    /// The Initial token, or the Retry token of a Retry packet; empty otherwise.
    package var token: [UInt8] = []
    /// The Retry Integrity Tag (16 bytes) of a Retry packet; empty otherwise.
    package var retryIntegrityTag: [UInt8] = []
    /// Offset of the (protected) packet number from the packet's first byte; nil when there is none.
    package var packetNumberOffset: Int?
    /// Bytes the whole packet occupies in its datagram, header included.
    package var packetLength: Int

    /// The version of a datagram that opens with a long header (header form bit set, and room for the
    /// version and both connection-ID lengths); nil otherwise. Reads five bytes, copies nothing.
    package static func peekVersion(_ datagram: Span<UInt8>) -> QUICVersion? {
        guard datagram.count >= 7, datagram[0] & 0x80 != 0 else { return nil }
        let version = UInt32(datagram[1]) << 24 | UInt32(datagram[2]) << 16 | UInt32(datagram[3]) << 8
        return QUICVersion(rawValue: version | UInt32(datagram[4]))
    }

    /// Largest connection ID that versions 1 and 2 allow (RFC 9000 §17.2).
    package static let maximumConnectionIDLength = 20

    /// Parses one long-header packet and skips over its protected payload.
    /// - Throws: `.invalidValue` for a short header or an oversized connection ID, `.truncated` when the
    ///   Length field runs past the datagram.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let start = reader.consumed
        let headerOffset = reader.offset
        firstByte = try reader.readUInt8()
        guard firstByte & 0x80 != 0 else { throw ParseError(.invalidValue, at: headerOffset) }
        version = QUICVersion(rawValue: try reader.readUInt32())
        let cidLimit = version.isKnown ? Self.maximumConnectionIDLength : 255
        var dcid = try reader.readVector8()
        guard dcid.remaining <= cidLimit else { throw ParseError(.invalidValue, at: dcid.offset) }
        destinationConnectionID = dcid.readRemainingBytes()
        var scid = try reader.readVector8()
        guard scid.remaining <= cidLimit else { throw ParseError(.invalidValue, at: scid.offset) }
        sourceConnectionID = scid.readRemainingBytes()
        packetType = version == .negotiation ? nil : version.packetType(typeBits: firstByte >> 4)

        switch packetType {
        case nil:
            // Version Negotiation or an unknown version: no length field, the packet fills the datagram.
            try reader.skip(reader.remaining)
        case .retry:
            let tokenLength = reader.remaining - 16
            guard tokenLength >= 0 else { throw ParseError(.truncated, at: reader.offset) }
            token = try reader.readBytes(tokenLength)
            retryIntegrityTag = try reader.readBytes(16)
        case .initial, .zeroRTT, .handshake:
            if packetType == .initial {
                let tokenLength = try reader.readQUICVarint()
                guard tokenLength <= UInt64(reader.remaining) else { throw ParseError(.truncated, at: reader.offset) }
                token = try reader.readBytes(Int(tokenLength))
            }
            let length = try reader.readQUICVarint()
            guard length <= UInt64(reader.remaining) else { throw ParseError(.truncated, at: reader.offset) }
            packetNumberOffset = reader.consumed - start
            try reader.skip(Int(length))
        }
        packetLength = reader.consumed - start
    }
}
