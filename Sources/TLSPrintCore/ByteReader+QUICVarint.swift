// RFC 9000 §16: the two high bits of the first byte give the length (1, 2, 4 or 8 bytes).

extension ByteReader {
    /// Reads a QUIC variable-length integer.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readQUICVarint() throws(ParseError) -> UInt64 {
        let first = try peekUInt8()
        let length = 1 &<< Int(first &>> 6)
        guard remaining >= length else { throw truncated() }
        var value = UInt64(first & 0x3F)
        position &+= 1
        var index = 1
        while index < length {
            value = value &<< 8 | UInt64(bytes[position])
            position &+= 1
            index &+= 1
        }
        return value
    }
}
