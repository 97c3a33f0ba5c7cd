import TLSPrintCore

// RFC 6347 §4.2.1 (RFC 9147 §5.3 keeps the field as legacy_cookie, always empty in DTLS 1.3)
//   struct {
//     ProtocolVersion client_version;
//     Random random;
//     SessionID session_id;
//     opaque cookie<0..2^8-1>;                             // New field
//     CipherSuite cipher_suites<2..2^16-1>;
//     CompressionMethod compression_methods<1..2^8-1>;
//   } ClientHello;

/// The one difference between a DTLS and a TLS ClientHello body: the cookie after the session ID.
package enum DTLSClientHello {
    /// Removes the cookie from a DTLS ClientHello body, so that `ClientHello(parsingAll:)` reads the rest.
    ///
    /// Only the fields up to the cookie are checked; the TLS parser checks the remainder.
    /// - Returns: the TLS-layout body and the cookie (empty in a first ClientHello and in DTLS 1.3).
    /// - Throws: `.truncated` when the body ends before the cookie does; `.invalidValue` for a session ID
    ///   longer than 32 bytes.
    package static func tlsEquivalentBody(_ body: [UInt8]) throws(ParseError) -> (body: [UInt8], cookie: [UInt8]) {
        var reader = ByteReader(body.span)
        var head = try reader.readBytes(2 + 32)  // client_version, random
        var sessionID = try reader.readVector8()
        guard sessionID.remaining <= 32 else { throw ParseError(.invalidValue, at: sessionID.offset - 1) }
        head.append(UInt8(sessionID.remaining))
        head.append(contentsOf: sessionID.readRemainingBytes())
        var cookie = try reader.readVector8()
        let cookieBytes = cookie.readRemainingBytes()
        head.append(contentsOf: reader.readRemainingBytes())
        return (head, cookieBytes)
    }
}
