import TLSPrintCore

// RFC 9112 §5
//   field-line     = field-name ":" OWS field-value OWS
// RFC 9110 §5.1, §5.5
//   field-name     = token
//   field-value    = *field-content
//   field-content  = field-vchar [ 1*( SP / HTAB / field-vchar ) field-vchar ]
//   field-vchar    = VCHAR / obs-text
//   obs-text       = %x80-FF

/// One header field line of an HTTP/1.x message, as raw bytes.
///
/// The name keeps the case it was sent in (JA4H hashes it). The value has its surrounding whitespace
/// removed; it may hold any byte but NUL, CR and LF, and need not be UTF-8.
package struct HTTPField: Hashable, Sendable, WireParseable {
    /// The field name as sent: a token, so ASCII.
    package var name: [UInt8]
    /// The field value without leading and trailing SP and HTAB.
    package var value: [UInt8]

    /// A field from its parts.
    package init(name: [UInt8], value: [UInt8]) {
        self.name = name
        self.value = value
    }

    /// Parses one field line whose line terminator has been cut off; consumes the whole reader.
    /// - Throws: `.invalidValue` for a name that is not a token, whitespace before the colon (RFC 9112 §5.1
    ///   makes that a 400), a missing colon, or a NUL in the value (RFC 9110 §5.5); `.truncated` for an empty line.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let nameLength = HTTPSyntax.prefixLength(
            of: reader,
            limit: reader.remaining,
            where: HTTPSyntax.isTokenCharacter
        )
        guard nameLength > 0 else {
            throw reader.isAtEnd
                ? ParseError(.truncated, at: reader.offset) : ParseError(.invalidValue, at: reader.offset)
        }
        name = try reader.readBytes(nameLength)
        guard reader.byte(at: 0) == HTTPSyntax.colon else { throw ParseError(.invalidValue, at: reader.offset) }
        try reader.skip(1)
        let valueStart = reader.offset
        let raw = reader.readRemainingBytes()
        if let nul = raw.firstIndex(of: 0) { throw ParseError(.invalidValue, at: valueStart + nul) }
        // RFC 9110 §5.5 lets a recipient keep other control bytes where no HTTP parser reads them again.
        value = Array(HTTPSyntax.trimmingWhitespace(raw[...]))
    }

    /// True when the name equals `lowercaseName` ignoring ASCII case; `lowercaseName` must be lower case.
    package func hasName(_ lowercaseName: String) -> Bool {
        HTTPSyntax.equalsIgnoringCase(name, lowercaseName)
    }
}
