import TLSPrintCore

// RFC 6066 §3
//   struct {
//       NameType name_type;
//       select (name_type) { case host_name: HostName; } name;
//   } ServerName;
//   enum { host_name(0), (255) } NameType;
//   opaque HostName<1..2^16-1>;
//   struct { ServerName server_name_list<1..2^16-1> } ServerNameList;

/// The client's server_name extension: the first host_name entry, raw bytes (not necessarily ASCII).
package struct ServerNameList: Hashable, Sendable, WireParseable {
    /// The first host_name, or nil when the list holds only other name types.
    package var hostName: [UInt8]?

    /// Parses a server_name extension body.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        var list = try reader.readVector16()
        var entries = 0
        while !list.isAtEnd {
            entries += 1
            guard entries <= Limits.extensionsPerHello else { throw ParseError(.limitExceeded, at: list.offset) }
            let nameType = try list.readUInt8()
            var name = try list.readVector16()
            if nameType == 0 && hostName == nil { hostName = name.readRemainingBytes() }
        }
    }
}
