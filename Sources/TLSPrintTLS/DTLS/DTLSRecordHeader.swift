import TLSPrintCore

// RFC 6347 §4.1 (DTLS 1.0/1.2; RFC 9147 §4 keeps it as DTLSPlaintext for DTLS 1.3 epoch 0)
//   struct {
//       ContentType type;
//       ProtocolVersion version;
//       uint16 epoch;                                    // New field
//       uint48 sequence_number;                          // New field
//       uint16 length;
//       opaque fragment[DTLSPlaintext.length];
//   } DTLSPlaintext;

/// The 13-byte header of a DTLS record in the plaintext (DTLSPlaintext / DTLSCiphertext ≤ 1.2) layout.
///
/// Parsing checks only what the header itself can show: a DTLS version and a length the RFC allows.
package struct DTLSRecordHeader: Hashable, Sendable, WireParseable {
    /// The header size in bytes.
    package static let size = 13
    /// ContentType handshake(22).
    package static let handshake: UInt8 = 22
    /// The largest record body allowed (RFC 6347 §4.1.1: 2^14 plus 2048 bytes of expansion).
    package static let maximumLength = 18_432

    /// ContentType: 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data, 25 tls12_cid, 26 ack.
    package var contentType: UInt8
    /// The record-layer version: 0xFEFF (DTLS 1.0, also used by 1.2 and 1.3 ClientHellos), 0xFEFD, or
    /// 0x0100 (OpenSSL's pre-RFC DTLS).
    package var version: ProtocolVersion
    /// The epoch; 0 for records sent before keys were established.
    package var epoch: UInt16
    /// The 48-bit record sequence number.
    package var sequenceNumber: UInt64
    /// The length of the record body that follows the header.
    package var length: Int

    /// Parses a record header (13 bytes).
    /// - Throws: `.invalidValue` for a version that is not DTLS or a length over `maximumLength`.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let start = reader.offset
        contentType = try reader.readUInt8()
        version = ProtocolVersion(rawValue: try reader.readUInt16())
        guard Self.isDTLSRecordVersion(version) else { throw ParseError(.invalidValue, at: start + 1) }
        epoch = try reader.readUInt16()
        let high = UInt64(try reader.readUInt16())
        sequenceNumber = high << 32 | UInt64(try reader.readUInt32())
        let lengthOffset = reader.offset
        length = Int(try reader.readUInt16())
        guard length <= Self.maximumLength else { throw ParseError(.invalidValue, at: lengthOffset) }
    }

    /// True when a datagram's first byte can open a DTLS record: RFC 7983 §7 gives DTLS the content types
    /// 20...63 when demultiplexing it from STUN, ZRTP, TURN and RTP on one port.
    package static func isContentTypeByte(_ byte: UInt8) -> Bool { (20...63).contains(byte) }

    /// True for the record versions DTLS uses: major byte 0xFE, or 0x0100 (OpenSSL's DTLS1_BAD_VER).
    package static func isDTLSRecordVersion(_ version: ProtocolVersion) -> Bool {
        version.rawValue >> 8 == 0xFE || version.rawValue == 0x0100
    }
}
