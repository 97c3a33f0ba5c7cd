import TLSPrintCore

// RFC 8446 §4.1.2 (TLS 1.0–1.2 and SSL 3.0 use the same layout; their extension block may be absent)
//   struct {
//       ProtocolVersion legacy_version = 0x0303;    /* TLS v1.2 */
//       Random random;
//       opaque legacy_session_id<0..32>;
//       CipherSuite cipher_suites<2..2^16-2>;
//       opaque legacy_compression_methods<1..2^8-1>;
//       Extension extensions<8..2^16-1>;
//   } ClientHello;
// RFC 6347 §4.2.1 / RFC 9147 §5.3: a DTLS ClientHello (legacy_version 0xfeXX) carries
//   opaque legacy_cookie<0..2^8-1>;
// between legacy_session_id and cipher_suites.

/// A ClientHello body (the handshake message without its 4-byte header).
///
/// Everything before the extension block must be intact or parsing throws; the extension block keeps
/// what parsed before any damage and records the damage in `damage`.
package struct ClientHello: Hashable, Sendable, WireParseable {
    /// legacy_version: the JA3 version and JA4's fallback when supported_versions is absent.
    package var legacyVersion: ProtocolVersion
    /// The 32-byte random.
    package var random: [UInt8]
    /// legacy_session_id (0–32 bytes).
    package var legacySessionID: [UInt8]
    /// The DTLS cookie (DTLS hellos only; empty for TLS).
    package var cookie: [UInt8] = []
    /// The cipher suites in wire order, GREASE kept.
    package var cipherSuites: [CipherSuite]
    /// legacy_compression_methods in wire order.
    package var compressionMethods: [UInt8]
    /// The extensions in wire order, GREASE kept; empty when the block is absent.
    package var extensions: [TLSExtension]
    /// Why the extension block stopped parsing early, or nil when it was intact.
    package var damage: ParseError?

    /// Parses a ClientHello body; consumes the whole reader.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        legacyVersion = ProtocolVersion(rawValue: try reader.readUInt16())
        random = try reader.readBytes(32)
        var sessionID = try reader.readVector8()
        guard sessionID.remaining <= 32 else { throw ParseError(.invalidValue, at: sessionID.offset) }
        legacySessionID = sessionID.readRemainingBytes()
        if legacyVersion.isDTLS {
            var cookieBytes = try reader.readVector8()
            cookie = cookieBytes.readRemainingBytes()
        }
        var suites = try reader.readVector16()
        guard suites.remaining % 2 == 0 else { throw ParseError(.invalidValue, at: suites.offset) }
        cipherSuites = try UInt16List.read(&suites).map(CipherSuite.init(rawValue:))
        var compression = try reader.readVector8()
        compressionMethods = compression.readRemainingBytes()
        let block = ExtensionBlock(parsingRestOf: &reader)
        extensions = block.extensions
        damage = block.damage
    }

    /// The first host_name of server_name, raw bytes.
    package var serverName: [UInt8]? { extensions.serverName }
    /// The offered ALPN protocol names, raw.
    package var alpnProtocols: [[UInt8]] { extensions.alpnProtocols }
    /// supported_versions in wire order (empty when absent).
    package var supportedVersions: [ProtocolVersion] { extensions.supportedVersions }
    /// supported_groups in wire order.
    package var supportedGroups: [NamedGroup] { extensions.supportedGroups }
    /// ec_point_formats in wire order.
    package var ecPointFormats: [UInt8] { extensions.ecPointFormats }
    /// signature_algorithms (0x000d) in wire order.
    package var signatureAlgorithms: [SignatureScheme] { extensions.signatureAlgorithms }

    /// The highest version offered: the highest non-GREASE supported_versions entry for TLS, the newest
    /// DTLS entry for DTLS, otherwise `legacyVersion`.
    package var highestOfferedVersion: ProtocolVersion {
        let offered = supportedVersions.filter { !$0.isGREASE }
        if legacyVersion.isDTLS || offered.contains(where: \.isDTLS) {
            // DTLS counts down: 0xfefc (1.3) is newer than 0xfefd (1.2), newer than 0xfeff (1.0).
            return DTLSVersionOrder.newest(of: offered) ?? legacyVersion
        }
        return offered.max { $0.rawValue < $1.rawValue } ?? legacyVersion
    }
}
