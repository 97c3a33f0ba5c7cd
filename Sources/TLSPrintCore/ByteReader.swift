/// A bounds-checked cursor over borrowed bytes; it cannot outlive the bytes it reads.
///
/// Every read checks the remaining length first and throws `ParseError.truncated` instead of trapping.
/// `offset` counts from the start of the outermost buffer, so errors raised by sub-readers point at the
/// right place in the packet.
public struct ByteReader: ~Escapable {
    @usableFromInline let bytes: Span<UInt8>
    @usableFromInline var position: Int
    @usableFromInline let base: Int

    /// A reader over `bytes`; `base` is the offset of `bytes[0]` in the outermost buffer.
    @inlinable
    @_lifetime(copy bytes)
    public init(_ bytes: Span<UInt8>, base: Int = 0) {
        self.bytes = bytes
        self.position = 0
        self.base = base
    }

    /// Bytes not yet consumed.
    @inlinable public var remaining: Int { bytes.count &- position }
    /// True when every byte has been consumed.
    @inlinable public var isAtEnd: Bool { position >= bytes.count }
    /// The cursor's offset from the start of the outermost buffer, for diagnostics.
    @inlinable public var offset: Int { base &+ position }
    /// The cursor's offset from the start of this reader's own bytes.
    @inlinable public var consumed: Int { position }

    @inlinable
    func truncated() -> ParseError { ParseError(.truncated, at: base &+ position) }

    /// Discards `count` bytes.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func skip(_ count: Int) throws(ParseError) {
        guard count >= 0, count <= remaining else { throw truncated() }
        position &+= count
    }

    /// Consumes `count` bytes and returns a reader over exactly those bytes.
    @inlinable
    @_lifetime(copy self)
    @_lifetime(self: copy self)
    public mutating func readSlice(_ count: Int) throws(ParseError) -> ByteReader {
        guard count >= 0, count <= remaining else { throw truncated() }
        let start = position
        position &+= count
        return ByteReader(bytes.extracting(start..<(start &+ count)), base: base &+ start)
    }

    /// A reader over the remaining bytes, without consuming them.
    @inlinable
    @_lifetime(copy self)
    public func peekRest() -> ByteReader {
        ByteReader(bytes.extracting(position..<bytes.count), base: base &+ position)
    }

    /// Consumes `count` bytes and copies them out into an owned array.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readBytes(_ count: Int) throws(ParseError) -> [UInt8] {
        guard count >= 0, count <= remaining else { throw truncated() }
        var out = [UInt8]()
        out.reserveCapacity(count)
        let end = position &+ count
        out.append(span: bytes.extracting(position..<end))  // one copy, not a bounds check per byte
        position = end
        return out
    }

    /// Copies out every remaining byte.
    @inlinable
    @_lifetime(self: copy self)
    public mutating func readRemainingBytes() -> [UInt8] {
        // `remaining` is always a valid count, so this cannot throw.
        (try? readBytes(remaining)) ?? []
    }

    /// The byte `distance` positions ahead of the cursor, or nil past the end.
    @inlinable
    public func byte(at distance: Int) -> UInt8? {
        guard distance >= 0, distance < remaining else { return nil }
        return bytes[position &+ distance]
    }

    /// Throws `.trailingBytes` unless every byte has been consumed.
    @inlinable
    public func expectEnd() throws(ParseError) {
        guard isAtEnd else { throw ParseError(.trailingBytes, at: base &+ position) }
    }
}
