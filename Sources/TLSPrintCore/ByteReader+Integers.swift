extension ByteReader {
    /// Reads one byte.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt8() throws(ParseError) -> UInt8 {
        guard position < bytes.count else { throw truncated() }
        let value = bytes[position]
        position &+= 1
        return value
    }

    /// Returns the next byte without consuming it.
    @inlinable
    public func peekUInt8() throws(ParseError) -> UInt8 {
        guard position < bytes.count else { throw truncated() }
        return bytes[position]
    }

    /// Returns the next big-endian 16-bit value without consuming it.
    @inlinable
    public func peekUInt16() throws(ParseError) -> UInt16 {
        guard remaining >= 2 else { throw truncated() }
        return UInt16(bytes[position]) &<< 8 | UInt16(bytes[position &+ 1])
    }

    /// Reads a big-endian 16-bit value.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt16() throws(ParseError) -> UInt16 {
        let value = try peekUInt16()
        position &+= 2
        return value
    }

    /// Reads a big-endian 24-bit value.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt24() throws(ParseError) -> UInt32 {
        guard remaining >= 3 else { throw truncated() }
        let value =
            UInt32(bytes[position]) &<< 16 | UInt32(bytes[position &+ 1]) &<< 8 | UInt32(bytes[position &+ 2])
        position &+= 3
        return value
    }

    /// Reads a big-endian 32-bit value.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt32() throws(ParseError) -> UInt32 {
        guard remaining >= 4 else { throw truncated() }
        let value =
            UInt32(bytes[position]) &<< 24 | UInt32(bytes[position &+ 1]) &<< 16 | UInt32(bytes[position &+ 2]) &<< 8
            | UInt32(bytes[position &+ 3])
        position &+= 4
        return value
    }

    /// Reads a big-endian 64-bit value.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt64() throws(ParseError) -> UInt64 {
        guard remaining >= 8 else { throw truncated() }
        var value: UInt64 = 0
        for index in position..<(position &+ 8) { value = value &<< 8 | UInt64(bytes[index]) }
        position &+= 8
        return value
    }

    /// Reads a little-endian 16-bit value (capture-file headers).
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt16LE() throws(ParseError) -> UInt16 {
        guard remaining >= 2 else { throw truncated() }
        let value = UInt16(bytes[position]) | UInt16(bytes[position &+ 1]) &<< 8
        position &+= 2
        return value
    }

    /// Reads a little-endian 32-bit value (capture-file headers).
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt32LE() throws(ParseError) -> UInt32 {
        guard remaining >= 4 else { throw truncated() }
        let value =
            UInt32(bytes[position]) | UInt32(bytes[position &+ 1]) &<< 8 | UInt32(bytes[position &+ 2]) &<< 16
            | UInt32(bytes[position &+ 3]) &<< 24
        position &+= 4
        return value
    }

    /// Reads a 16-bit value in the given byte order.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt16(bigEndian: Bool) throws(ParseError) -> UInt16 {
        bigEndian ? try readUInt16() : try readUInt16LE()
    }

    /// Reads a 32-bit value in the given byte order.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt32(bigEndian: Bool) throws(ParseError) -> UInt32 {
        bigEndian ? try readUInt32() : try readUInt32LE()
    }
}
