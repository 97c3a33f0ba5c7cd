import TLSPrintCore

// pcap file format (draft-ietf-opsawg-pcap §4):
//   struct {
//     uint32 magic_number;     /* 0xA1B2C3D4 (µs) or 0xA1B23C4D (ns), in the writer's byte order */
//     uint16 major_version;    /* 2 */
//     uint16 minor_version;    /* 4 */
//     uint32 reserved1;
//     uint32 reserved2;
//     uint32 snap_len;
//     uint32 link_type;        /* FCS bits in the top 4 bits, LINKTYPE_ in the low 16 */
//   } FileHeader;

/// The 24-byte header of a classic pcap file.
package struct PcapFileHeader: Hashable, Sendable {
    /// True when the file's integers are big-endian.
    package var bigEndian: Bool
    /// Microseconds or nanoseconds, from the magic number.
    package var resolution: CaptureTimestampResolution
    /// The declared snap length (0 is common in old files and means "unknown").
    package var snapLength: UInt32
    /// How every record's first header is decoded.
    package var linkType: LinkType

    /// The header's size in bytes.
    package static let size = 24

    /// True when `magic` (read big-endian) is one of the four pcap magic numbers.
    package static func isPcapMagic(_ magic: UInt32) -> Bool {
        magic == 0xA1B2_C3D4 || magic == 0xD4C3_B2A1 || magic == 0xA1B2_3C4D || magic == 0x4D3C_B2A1
    }

    /// Parses the file header; the reader must hold at least 24 bytes.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let start = reader.offset
        let magic = try reader.readUInt32()
        switch magic {
        case 0xA1B2_C3D4: (bigEndian, resolution) = (true, .microseconds)
        case 0xD4C3_B2A1: (bigEndian, resolution) = (false, .microseconds)
        case 0xA1B2_3C4D: (bigEndian, resolution) = (true, .nanoseconds)
        case 0x4D3C_B2A1: (bigEndian, resolution) = (false, .nanoseconds)
        default: throw ParseError(.invalidValue, at: start)
        }
        let major = try reader.readUInt16(bigEndian: bigEndian)
        _ = try reader.readUInt16(bigEndian: bigEndian)  // minor: 4, though old writers vary
        guard major == 2 else { throw ParseError(.unsupported, at: start &+ 4) }
        try reader.skip(8)
        snapLength = try reader.readUInt32(bigEndian: bigEndian)
        linkType = LinkType(rawValue: try reader.readUInt32(bigEndian: bigEndian) & 0xFFFF)
    }
}
