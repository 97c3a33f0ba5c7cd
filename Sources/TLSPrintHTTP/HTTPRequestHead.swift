import TLSPrintCore

// RFC 9112 §3
//   request-line   = method SP request-target SP HTTP-version
// RFC 9110 §9.1
//   method         = token
// RFC 9112 §2.3
//   HTTP-version   = HTTP-name "/" DIGIT "." DIGIT
//   HTTP-name      = %s"HTTP"
// RFC 9112 §2.1
//   HTTP-message   = start-line CRLF *( field-line CRLF ) CRLF [ message-body ]

/// The head of one HTTP/1.x request: its request line and header fields in wire order, as raw bytes.
///
/// Parsed from a complete header block: request line, field lines and the empty line that ends them (the
/// body is not part of it). Every field is an attacker's bytes: nothing is assumed to be UTF-8.
package struct HTTPRequestHead: Hashable, Sendable, WireParseable {
    /// Longest method token accepted (registered methods have at most 17 bytes).
    package static let maximumMethodLength = 64

    /// The method token as sent (methods are case-sensitive: `GET`, not `get`).
    package var method: [UInt8]
    /// The request-target as sent: any visible bytes, including bytes above 0x7F.
    package var target: [UInt8]
    /// `HTTP/1.0` or `HTTP/1.1`.
    package var version: HTTPVersion
    /// The header fields in wire order, duplicates kept, obs-folds joined.
    package var fields: [HTTPField]

    /// A head from its parts.
    package init(method: [UInt8], target: [UInt8], version: HTTPVersion, fields: [HTTPField]) {
        self.method = method
        self.target = target
        self.version = version
        self.fields = fields
    }

    /// Parses a request line and its header block, up to and including the empty line.
    /// - Throws: `.truncated` when the block is incomplete; `.invalidValue` for a malformed request line or
    ///   field line; `.limitExceeded` past `Limits.httpLineLength`, `Limits.httpFieldLines`,
    ///   `Limits.httpHeaderBlockSize` or `maximumMethodLength`.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let blockStart = reader.offset
        let line = try HTTPSyntax.line(at: reader)
        var requestLine = try reader.readSlice(line.length)
        try reader.skip(line.terminator)

        let methodLength = HTTPSyntax.prefixLength(
            of: requestLine,
            limit: Self.maximumMethodLength,
            where: HTTPSyntax.isTokenCharacter
        )
        guard methodLength <= Self.maximumMethodLength else {
            throw ParseError(.limitExceeded, at: requestLine.offset)
        }
        guard methodLength > 0 else { throw ParseError(.invalidValue, at: requestLine.offset) }
        method = try requestLine.readBytes(methodLength)
        try Self.readSpace(&requestLine)
        let targetLength = HTTPSyntax.prefixLength(
            of: requestLine,
            limit: requestLine.remaining,
            where: HTTPSyntax.isTargetByte
        )
        guard targetLength > 0 else { throw ParseError(.invalidValue, at: requestLine.offset) }
        target = try requestLine.readBytes(targetLength)
        try Self.readSpace(&requestLine)
        version = try Self.readVersion(&requestLine)
        try requestLine.expectEnd()

        fields = try HTTPFieldBlock.read(&reader, blockStart: blockStart)
    }

    /// Consumes the single SP that separates request-line elements.
    private static func readSpace(_ reader: inout ByteReader) throws(ParseError) {
        guard reader.byte(at: 0) == HTTPSyntax.space else { throw ParseError(.invalidValue, at: reader.offset) }
        try reader.skip(1)
    }

    /// Consumes `HTTP/1.0` or `HTTP/1.1`.
    private static func readVersion(_ reader: inout ByteReader) throws(ParseError) -> HTTPVersion {
        let start = reader.offset
        guard reader.remaining == 8 else { throw ParseError(.invalidValue, at: start) }
        for expected in "HTTP/1.".utf8 {
            guard try reader.readUInt8() == expected else { throw ParseError(.invalidValue, at: start) }
        }
        guard let version = HTTPVersion(minorDigit: try reader.readUInt8()) else {
            throw ParseError(.invalidValue, at: start)
        }
        return version
    }

    /// The values of every field named `lowercaseName` (ASCII case ignored), in wire order.
    package func values(named lowercaseName: String) -> [[UInt8]] {
        fields.filter { $0.hasName(lowercaseName) }.map(\.value)
    }

    /// The value of the first field named `lowercaseName` (ASCII case ignored), or nil.
    package func firstValue(named lowercaseName: String) -> [UInt8]? {
        fields.first { $0.hasName(lowercaseName) }?.value
    }

    /// The first `Host` value, or nil.
    package var host: [UInt8]? { firstValue(named: "host") }
    /// The first `User-Agent` value, or nil.
    package var userAgent: [UInt8]? { firstValue(named: "user-agent") }
    /// True for the `CONNECT` method (RFC 9110 §9.3.6), after which the client's bytes belong to a tunnel.
    package var isConnect: Bool { method.elementsEqual("CONNECT".utf8) }
}
