import TLSPrintCore

// RFC 6347 §4.2.2
//   struct {
//       HandshakeType msg_type;
//       uint24 length;
//       uint16 message_seq;                               // New field
//       uint24 fragment_offset;                           // New field
//       uint24 fragment_length;                           // New field
//       select (HandshakeType) { ... } body;
//   } Handshake;

/// The 12-byte header of one DTLS handshake fragment (RFC 9147 §5.2 keeps the layout for DTLS 1.3).
package struct DTLSHandshakeHeader: Hashable, Sendable, WireParseable {
    /// The header size in bytes.
    package static let size = 12

    /// The message type.
    package var type: HandshakeType
    /// The length of the whole message body, not of this fragment.
    package var length: Int
    /// The message's position in the sender's handshake (retransmissions repeat it).
    package var messageSequence: UInt16
    /// Where this fragment starts within the message body.
    package var fragmentOffset: Int
    /// The number of body bytes in this fragment.
    package var fragmentLength: Int

    /// Parses a handshake fragment header (12 bytes).
    /// - Throws: `.invalidValue` when the fragment runs past the declared message length.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let start = reader.offset
        type = HandshakeType(rawValue: try reader.readUInt8())
        length = Int(try reader.readUInt24())
        messageSequence = try reader.readUInt16()
        fragmentOffset = Int(try reader.readUInt24())
        fragmentLength = Int(try reader.readUInt24())
        guard fragmentOffset + fragmentLength <= length else { throw ParseError(.invalidValue, at: start) }
    }

    /// The body range this fragment covers.
    package var fragmentRange: Range<Int> { fragmentOffset..<(fragmentOffset + fragmentLength) }
}
