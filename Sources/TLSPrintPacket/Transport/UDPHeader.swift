import TLSPrintCore

// RFC 768:
//   Source Port (16) | Destination Port (16) | Length (16) | Checksum (16) | data

/// A UDP header.
package struct UDPHeader: Hashable, Sendable {
    /// Source port.
    package var sourcePort: UInt16
    /// Destination port.
    package var destinationPort: UInt16
    /// The length field: header plus data, in bytes (0 in IPv6 jumbograms).
    package var length: UInt16

    /// Parses and consumes the 8-byte header.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        sourcePort = try reader.readUInt16()
        destinationPort = try reader.readUInt16()
        length = try reader.readUInt16()
        try reader.skip(2)
    }
}
