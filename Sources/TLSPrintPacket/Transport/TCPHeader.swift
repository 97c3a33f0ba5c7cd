import TLSPrintCore

// RFC 9293 §3.1:
//   Source Port (16) | Destination Port (16) | Sequence Number (32) | Acknowledgment Number (32) |
//   Data Offset (4) | Rsrvd (4) | CWR ECE URG ACK PSH RST SYN FIN | Window (16) | Checksum (16) |
//   Urgent Pointer (16) | Options (Data Offset * 4 - 20 bytes) | Data

/// A TCP header; the option list is summarised only on SYN segments (JA4T/JA4TS need it, others do not).
package struct TCPHeader: Hashable, Sendable {
    /// Source port.
    package var sourcePort: UInt16
    /// Destination port.
    package var destinationPort: UInt16
    /// Sequence number.
    package var sequenceNumber: UInt32
    /// Acknowledgment number (meaningful when `flags` has `.ack`).
    package var acknowledgmentNumber: UInt32
    /// Control bits.
    package var flags: TCPFlags
    /// The raw window field, not scaled.
    package var window: UInt16
    /// Header length in bytes, options included (20...60).
    package var headerLength: Int
    /// Option kinds, MSS and window scale; nil unless SYN is set.
    package var options: TCPOptionSummary?

    /// Parses the header and consumes it, options included.
    /// - Throws: `.invalidValue` for a data offset below 5, `.truncated` when the header is cut.
    @inline(__always)  // into the decoder, so the fields go to the packet in registers, not through memory
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let start = reader.offset
        sourcePort = try reader.readUInt16()
        destinationPort = try reader.readUInt16()
        sequenceNumber = try reader.readUInt32()
        acknowledgmentNumber = try reader.readUInt32()
        let dataOffset = try reader.readUInt8()
        flags = TCPFlags(rawValue: try reader.readUInt8())
        window = try reader.readUInt16()
        try reader.skip(4)  // checksum, urgent pointer
        headerLength = Int(dataOffset >> 4) &* 4
        guard headerLength >= 20 else { throw ParseError(.invalidValue, at: start &+ 12) }
        let optionsLength = headerLength &- 20
        guard optionsLength <= reader.remaining else { throw ParseError(.truncated, at: reader.offset) }
        if flags.contains(.syn) {
            options = try TCPOptionSummary(parsing: &reader, length: optionsLength)
        } else {
            options = nil
            try reader.skip(optionsLength)
        }
    }
}
