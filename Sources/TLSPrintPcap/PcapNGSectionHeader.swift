import TLSPrintCore

// pcapng draft §4.1 Section Header Block:
//   uint32 block_type = 0x0A0D0D0A;
//   uint32 block_total_length;
//   uint32 byte_order_magic = 0x1A2B3C4D;   /* tells the section's byte order */
//   uint16 major_version = 1;
//   uint16 minor_version;
//   int64  section_length;                  /* -1 when unknown */
//   options;
//   uint32 block_total_length;

/// A Section Header Block: it starts a section and sets the byte order of every block in it.
package struct PcapNGSectionHeader: Hashable, Sendable {
    /// True when the section's integers are big-endian.
    package var bigEndian: Bool
    /// The whole block's length in bytes.
    package var totalLength: Int

    /// Bytes needed to learn the byte order and the block length.
    package static let prefixSize = 14
    /// The smallest valid Section Header Block.
    package static let minimumSize = 28

    /// Parses the block's first 14 bytes: type, length, byte-order magic and major version.
    /// - Throws: `.invalidValue` for a bad magic or length, `.unsupported` for another major version.
    package init(parsingPrefix reader: inout ByteReader, maximum: Int) throws(ParseError) {
        let start = reader.offset
        guard try reader.readUInt32() == PcapNGBlockHeader.sectionHeader else {
            throw ParseError(.invalidValue, at: start)
        }
        let lengthBytes = try reader.readUInt32()
        let magic = try reader.readUInt32()
        switch magic {
        case 0x1A2B_3C4D: bigEndian = true
        case 0x4D3C_2B1A: bigEndian = false
        default: throw ParseError(.invalidValue, at: start &+ 8)
        }
        let length = Int(bigEndian ? lengthBytes : lengthBytes.byteSwapped)
        guard length >= Self.minimumSize, length & 3 == 0 else { throw ParseError(.invalidValue, at: start &+ 4) }
        guard length <= maximum else { throw ParseError(.limitExceeded, at: start &+ 4) }
        totalLength = length
        let major = try reader.readUInt16(bigEndian: bigEndian)
        guard major == 1 else { throw ParseError(.unsupported, at: start &+ 12) }
    }
}
