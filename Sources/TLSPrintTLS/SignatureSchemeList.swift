import TLSPrintCore

// RFC 8446 §4.2.3
//   struct { SignatureScheme supported_signature_algorithms<2..2^16-2>; } SignatureSchemeList;

/// The schemes in a signature_algorithms (or signature_algorithms_cert) extension, wire order, GREASE kept.
package struct SignatureSchemeList: Hashable, Sendable, WireParseable {
    /// The schemes as sent.
    package var schemes: [SignatureScheme]

    /// Parses a signature_algorithms extension body.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        var list = try reader.readVector16()
        schemes = try UInt16List.read(&list).map(SignatureScheme.init(rawValue:))
    }
}
