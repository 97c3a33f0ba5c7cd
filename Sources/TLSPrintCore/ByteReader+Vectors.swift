// RFC 8446 §3.4: variable-length vectors carry a length prefix of 1, 2 or 3 bytes.

extension ByteReader {
    /// Reads a vector with a one-byte length prefix.
    @inlinable
    @_lifetime(copy self)
    @_lifetime(self: copy self)
    public mutating func readVector8() throws(ParseError) -> ByteReader {
        let length = Int(try readUInt8())
        return try readSlice(length)
    }

    /// Reads a vector with a two-byte length prefix.
    @inlinable
    @_lifetime(copy self)
    @_lifetime(self: copy self)
    public mutating func readVector16() throws(ParseError) -> ByteReader {
        let length = Int(try readUInt16())
        return try readSlice(length)
    }

    /// Reads a vector with a three-byte length prefix.
    @inlinable
    @_lifetime(copy self)
    @_lifetime(self: copy self)
    public mutating func readVector24() throws(ParseError) -> ByteReader {
        let length = Int(try readUInt24())
        return try readSlice(length)
    }
}
