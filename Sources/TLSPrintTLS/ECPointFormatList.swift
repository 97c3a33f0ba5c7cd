import TLSPrintCore

// RFC 8422 §5.1.2
//   enum { uncompressed (0), deprecated (1..2), reserved (248..255) } ECPointFormat;
//   struct { ECPointFormat ec_point_format_list<1..2^8-1> } ECPointFormatList;

/// The formats in an ec_point_formats extension, in wire order.
package struct ECPointFormatList: Hashable, Sendable, WireParseable {
    /// The one-byte formats as sent.
    package var formats: [UInt8]

    /// Parses an ec_point_formats extension body.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        var list = try reader.readVector8()
        formats = list.readRemainingBytes()
    }
}
