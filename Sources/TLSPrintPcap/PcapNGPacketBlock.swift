import TLSPrintCore

// pcapng draft §4.3 Enhanced Packet Block (type 6):
//   uint32 interface_id; uint32 timestamp_upper; uint32 timestamp_lower;
//   uint32 captured_packet_length; uint32 original_packet_length;
//   opaque packet_data[captured_packet_length]; padding to 32 bits; options;
// §4.4 Simple Packet Block (type 3):
//   uint32 original_packet_length; opaque packet_data[min(original, snap_len)]; padding;
// Appendix: Obsolete Packet Block (type 2):
//   uint16 interface_id; uint16 drops_count; uint32 timestamp_upper; uint32 timestamp_lower;
//   uint32 captured_len; uint32 packet_len; opaque packet_data[captured_len]; padding; options;

/// The packet-bearing part of an EPB, SPB or OPB body.
package struct PcapNGPacketBlock: Hashable, Sendable {
    /// The interface index within the section (0 for a Simple Packet Block).
    package var interfaceID: Int
    /// Timestamp in the interface's units, nil for a Simple Packet Block (which has none).
    package var timestampUnits: UInt64?
    /// Bytes of packet data present.
    package var capturedLength: Int
    /// Bytes the packet had on the wire.
    package var originalLength: Int
    /// Offset of the packet data from the start of the block body.
    package var dataOffset: Int

    /// Parses an Enhanced (`obsolete == false`) or Obsolete Packet Block body.
    /// - Throws: `.truncated` when the captured length runs past the block, `.limitExceeded` above
    ///   `Limits.captureRecordSize`.
    package init(parsingEnhanced reader: inout ByteReader, bigEndian: Bool, obsolete: Bool) throws(ParseError) {
        if obsolete {
            interfaceID = Int(try reader.readUInt16(bigEndian: bigEndian))
            try reader.skip(2)
        } else {
            interfaceID = Int(try reader.readUInt32(bigEndian: bigEndian))
        }
        let upper = UInt64(try reader.readUInt32(bigEndian: bigEndian))
        let lower = UInt64(try reader.readUInt32(bigEndian: bigEndian))
        timestampUnits = upper << 32 | lower
        let lengthOffset = reader.offset
        capturedLength = Int(try reader.readUInt32(bigEndian: bigEndian))
        originalLength = Int(try reader.readUInt32(bigEndian: bigEndian))
        dataOffset = 20
        try Self.checkCaptured(capturedLength, available: reader.remaining, at: lengthOffset)
    }

    /// Parses a Simple Packet Block body; `snapLength` is interface 0's (0 means no limit).
    package init(parsingSimple reader: inout ByteReader, bigEndian: Bool, snapLength: UInt32) throws(ParseError) {
        interfaceID = 0
        timestampUnits = nil
        originalLength = Int(try reader.readUInt32(bigEndian: bigEndian))
        var captured = min(originalLength, reader.remaining)
        if snapLength != 0 { captured = min(captured, Int(snapLength)) }
        capturedLength = captured
        dataOffset = 4
        try Self.checkCaptured(capturedLength, available: reader.remaining, at: reader.offset)
    }

    private static func checkCaptured(_ captured: Int, available: Int, at offset: Int) throws(ParseError) {
        guard captured <= Limits.captureRecordSize else { throw ParseError(.limitExceeded, at: offset) }
        guard captured <= available else { throw ParseError(.truncated, at: offset) }
    }
}
