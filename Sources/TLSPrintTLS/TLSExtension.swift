import TLSPrintCore

// RFC 8446 §4.2
//   struct {
//       ExtensionType extension_type;
//       opaque extension_data<0..2^16-1>;
//   } Extension;

/// One hello extension as sent: its type and owned body, GREASE kept (fingerprints filter).
package struct TLSExtension: Hashable, Sendable, WireParseable {
    /// The extension type as a raw 16-bit value.
    package var type: UInt16
    /// The extension_data bytes.
    package var body: [UInt8]

    /// An extension from its type and body.
    package init(type: UInt16, body: [UInt8]) {
        self.type = type
        self.body = body
    }

    /// Parses one extension.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        type = try reader.readUInt16()
        var data = try reader.readVector16()
        body = data.readRemainingBytes()
    }

    /// The type as a registry value.
    package var extensionType: ExtensionType { ExtensionType(rawValue: type) }
}
