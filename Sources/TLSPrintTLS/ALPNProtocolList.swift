import TLSPrintCore

// RFC 7301 §3.1
//   opaque ProtocolName<1..2^8-1>;
//   struct { ProtocolName protocol_name_list<2..2^16-1> } ProtocolNameList;

/// The protocols in an application_layer_protocol_negotiation extension, in wire order.
///
/// A client offers several; a server selects exactly one.
package struct ALPNProtocolList: Hashable, Sendable, WireParseable {
    /// Raw names: JA4 reads their first and last bytes, which need not be ASCII.
    package var protocols: [[UInt8]] = []
    /// Names past `Limits.alpnProtocols`: checked, counted, not kept (JA4 needs only the first name).
    package var omitted = 0

    /// Parses an ALPN extension body.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        var list = try reader.readVector16()
        while !list.isAtEnd {
            var name = try list.readVector8()  // an empty name still counts (JA4 gives `00`)
            if protocols.count < Limits.alpnProtocols {
                protocols.append(name.readRemainingBytes())
            } else {
                omitted += 1
            }
        }
    }
}
