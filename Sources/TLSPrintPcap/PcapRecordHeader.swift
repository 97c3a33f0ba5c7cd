import TLSPrintCore

// draft-ietf-opsawg-pcap §5:
//   struct {
//     uint32 timestamp_seconds;
//     uint32 timestamp_fraction;   /* µs or ns, per the magic number */
//     uint32 captured_length;
//     uint32 original_length;
//   } PacketRecordHeader;

/// The 16-byte header in front of each classic pcap packet record.
package struct PcapRecordHeader: Hashable, Sendable {
    /// When the packet was captured.
    package var timestamp: CaptureTimestamp
    /// Bytes that follow the header.
    package var capturedLength: Int
    /// Bytes the packet had on the wire.
    package var originalLength: Int

    /// The header's size in bytes.
    package static let size = 16

    /// Parses a record header in the file's byte order.
    /// - Throws: `.limitExceeded` when the captured length is above `Limits.captureRecordSize`.
    package init(parsing reader: inout ByteReader, file: PcapFileHeader) throws(ParseError) {
        let start = reader.offset
        let seconds = try reader.readUInt32(bigEndian: file.bigEndian)
        let fraction = try reader.readUInt32(bigEndian: file.bigEndian)
        let captured = try reader.readUInt32(bigEndian: file.bigEndian)
        let original = try reader.readUInt32(bigEndian: file.bigEndian)
        // Records beyond the snap length happen (writers that lie about snaplen); the hard cap still holds.
        guard captured <= UInt32(Limits.captureRecordSize) else { throw ParseError(.limitExceeded, at: start &+ 8) }
        let units = UInt64(seconds) &* file.resolution.unitsPerSecond &+ UInt64(fraction)
        timestamp = file.resolution.timestamp(units: units)
        capturedLength = Int(captured)
        originalLength = Int(original)
    }
}
