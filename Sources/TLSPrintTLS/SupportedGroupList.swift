import TLSPrintCore

// RFC 8446 §4.2.7
//   struct { NamedGroup named_group_list<2..2^16-1>; } NamedGroupList;

/// The groups in a supported_groups (formerly elliptic_curves) extension, in wire order, GREASE kept.
package struct SupportedGroupList: Hashable, Sendable, WireParseable {
    /// The groups as sent.
    package var groups: [NamedGroup]

    /// Parses a supported_groups extension body.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        var list = try reader.readVector16()
        groups = try UInt16List.read(&list).map(NamedGroup.init(rawValue:))
    }
}
