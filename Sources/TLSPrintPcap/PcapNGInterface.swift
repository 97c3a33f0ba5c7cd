import TLSPrintCore

// pcapng draft §4.2 Interface Description Block:
//   uint32 block_type = 0x00000001;
//   uint32 block_total_length;
//   uint16 link_type;
//   uint16 reserved;
//   uint32 snap_len;
//   options;              /* if_tsresol (9, 1 byte), if_tsoffset (14, int64 seconds), ... */
//   uint32 block_total_length;
//
// §3.5 Options: struct { uint16 code; uint16 length; opaque value[length]; padding to 32 bits } Option;
// code 0 (opt_endofopt) ends the list.

/// An interface declared by an Interface Description Block; packets name it by index within the section.
package struct PcapNGInterface: Hashable, Sendable {
    /// How this interface's packets are decoded.
    package var linkType: LinkType
    /// The declared snap length (0 means no limit).
    package var snapLength: UInt32
    /// Timestamp units per second (`if_tsresol`, default microseconds).
    package var resolution: CaptureTimestampResolution = .microseconds
    /// Seconds added to every timestamp (`if_tsoffset`).
    package var offsetSeconds: Int64 = 0

    /// Parses the block body (after type and length, before the trailing length).
    package init(parsingBody reader: inout ByteReader, bigEndian: Bool) throws(ParseError) {
        linkType = LinkType(rawValue: UInt32(try reader.readUInt16(bigEndian: bigEndian)))
        try reader.skip(2)
        snapLength = try reader.readUInt32(bigEndian: bigEndian)
        while reader.remaining >= 4 {
            let codeOffset = reader.offset
            let code = try reader.readUInt16(bigEndian: bigEndian)
            let length = Int(try reader.readUInt16(bigEndian: bigEndian))
            if code == 0 { break }
            let padded = (length &+ 3) & ~3
            guard padded <= reader.remaining else { throw ParseError(.truncated, at: codeOffset) }
            switch (code, length) {
            case (9, 1):
                resolution = try CaptureTimestampResolution(tsresol: try reader.peekUInt8(), at: reader.offset)
            case (14, 8):
                var value = reader.peekRest()
                offsetSeconds = Int64(bitPattern: try Self.readUInt64(&value, bigEndian: bigEndian))
            default:
                break
            }
            try reader.skip(padded)
        }
    }

    private static func readUInt64(_ reader: inout ByteReader, bigEndian: Bool) throws(ParseError) -> UInt64 {
        let first = UInt64(try reader.readUInt32(bigEndian: bigEndian))
        let second = UInt64(try reader.readUInt32(bigEndian: bigEndian))
        return bigEndian ? first << 32 | second : second << 32 | first
    }
}
