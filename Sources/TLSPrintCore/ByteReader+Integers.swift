extension ByteReader {
    /// The bytes at the cursor as one unaligned load of `T` in memory order; the caller has checked that
    /// `MemoryLayout<T>.size` bytes remain. One load instead of a bounds-checked load and shift per byte.
    @inlinable
    func load<T: FixedWidthInteger & BitwiseCopyable>(_: T.Type) -> T {
        // `position` is never negative and the caller checked `remaining`, so the load stays inside `bytes`.
        unsafe bytes.bytes.unsafeLoadUnaligned(fromUncheckedByteOffset: position, as: T.self)
    }

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
        return UInt16(bigEndian: load(UInt16.self))
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
        let value = UInt32(bigEndian: load(UInt32.self))
        position &+= 4
        return value
    }

    /// Reads a big-endian 64-bit value.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt64() throws(ParseError) -> UInt64 {
        guard remaining >= 8 else { throw truncated() }
        let value = UInt64(bigEndian: load(UInt64.self))
        position &+= 8
        return value
    }

    /// Reads a little-endian 16-bit value (capture-file headers).
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt16LE() throws(ParseError) -> UInt16 {
        guard remaining >= 2 else { throw truncated() }
        let value = UInt16(littleEndian: load(UInt16.self))
        position &+= 2
        return value
    }

    /// Reads a little-endian 32-bit value (capture-file headers).
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readUInt32LE() throws(ParseError) -> UInt32 {
        guard remaining >= 4 else { throw truncated() }
        let value = UInt32(littleEndian: load(UInt32.self))
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
