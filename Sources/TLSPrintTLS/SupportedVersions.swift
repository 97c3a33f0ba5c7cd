import TLSPrintCore

// RFC 8446 §4.2.1
//   struct {
//       select (Handshake.msg_type) {
//           case client_hello: ProtocolVersion versions<2..254>;
//           case server_hello: /* and HelloRetryRequest */ ProtocolVersion selected_version;
//       };
//   } SupportedVersions;

/// The client's supported_versions list, in wire order, GREASE kept.
package struct SupportedVersionList: Hashable, Sendable, WireParseable {
    /// The versions as offered.
    package var versions: [ProtocolVersion]

    /// Parses a ClientHello supported_versions extension body.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        var list = try reader.readVector8()
        versions = try UInt16List.read(&list).map(ProtocolVersion.init(rawValue:))
    }
}

/// The server's supported_versions extension: the one version it selected.
package struct SelectedVersion: Hashable, Sendable, WireParseable {
    /// The negotiated version.
    package var version: ProtocolVersion

    /// Parses a ServerHello supported_versions extension body.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        version = ProtocolVersion(rawValue: try reader.readUInt16())
    }
}
