import TLSPrintCore

// RFC 8446 §4.1.3 (TLS 1.0–1.2 and SSL 3.0 use the same layout; their extension block may be absent)
//   struct {
//       ProtocolVersion legacy_version = 0x0303;    /* TLS v1.2 */
//       Random random;
//       opaque legacy_session_id_echo<0..32>;
//       CipherSuite cipher_suite;
//       uint8 legacy_compression_method = 0;
//       Extension extensions<6..2^16-1>;
//   } ServerHello;
// draft-ietf-tls-tls13-21 §4.1.3 and earlier (version 0x7f00 + draft number):
//   struct { ProtocolVersion version; Random random; CipherSuite cipher_suite;
//            Extension extensions<6..2^16-1>; } ServerHello;

/// A ServerHello body, including a TLS 1.3 HelloRetryRequest and the TLS 1.3 draft ≤ 21 layout.
package struct ServerHello: Hashable, Sendable, WireParseable {
    /// The RFC 8446 §4.1.3 random that marks a HelloRetryRequest (SHA-256 of "HelloRetryRequest").
    package static let helloRetryRequestRandom: [UInt8] = [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ]

    /// legacy_version (or `version` in the draft layout): the JA3S version.
    package var legacyVersion: ProtocolVersion
    /// The 32-byte random.
    package var random: [UInt8]
    /// legacy_session_id_echo; empty in the draft layout.
    package var legacySessionIDEcho: [UInt8]
    /// The chosen cipher suite.
    package var cipherSuite: CipherSuite
    /// legacy_compression_method; nil in the draft layout, which has none.
    package var compressionMethod: UInt8?
    /// The extensions in wire order, GREASE kept.
    package var extensions: [TLSExtension]
    /// Why the extension block stopped parsing early, or nil when it was intact.
    package var damage: ParseError?

    /// Parses a ServerHello body; consumes the whole reader.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        legacyVersion = ProtocolVersion(rawValue: try reader.readUInt16())
        random = try reader.readBytes(32)
        if Self.isDraftLayout(legacyVersion) {
            legacySessionIDEcho = []
            cipherSuite = CipherSuite(rawValue: try reader.readUInt16())
            compressionMethod = nil
        } else {
            var echo = try reader.readVector8()
            guard echo.remaining <= 32 else { throw ParseError(.invalidValue, at: echo.offset) }
            legacySessionIDEcho = echo.readRemainingBytes()
            cipherSuite = CipherSuite(rawValue: try reader.readUInt16())
            compressionMethod = try reader.readUInt8()
        }
        let block = ExtensionBlock(parsingRestOf: &reader)
        extensions = block.extensions
        damage = block.damage
    }

    /// True for TLS 1.3 drafts up to 21 (0x7f00…0x7f15), which had no session id and no compression.
    static func isDraftLayout(_ version: ProtocolVersion) -> Bool {
        version.rawValue >> 8 == 0x7F && version.rawValue & 0xFF <= 21
    }

    /// True when this is a TLS 1.3 HelloRetryRequest (the special random).
    package var isHelloRetryRequest: Bool { random == Self.helloRetryRequestRandom }

    /// The negotiated version: supported_versions' selection when present, else `legacyVersion`.
    package var selectedVersion: ProtocolVersion { extensions.selectedVersion ?? legacyVersion }

    /// The protocol the server selected with ALPN, raw.
    package var selectedALPN: [UInt8]? { extensions.alpnProtocols.first }
}
