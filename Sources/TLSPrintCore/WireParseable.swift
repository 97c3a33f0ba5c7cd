/// A value parsed from wire bytes through a `ByteReader`.
public protocol WireParseable {
    /// Parses the value from the reader's cursor, consuming exactly its bytes.
    init(parsing reader: inout ByteReader) throws(ParseError)
}

extension WireParseable {
    /// Parses a value that must occupy all of `bytes`; leftovers throw `.trailingBytes`.
    @inlinable
    public init(parsingAll bytes: [UInt8]) throws(ParseError) {
        var reader = ByteReader(bytes.span)
        self = try Self(parsing: &reader)
        try reader.expectEnd()
    }
}
