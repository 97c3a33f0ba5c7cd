/// Why a parser rejected its input, and where.
///
/// Counted by stage and reason in the sensor's counters; never fatal.
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The class of failure, used as a counter label.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// A length or field runs past the end of the bytes available.
        case truncated
        /// A length-delimited structure had bytes left after its last field.
        case trailingBytes
        /// A field holds a value the protocol does not allow.
        case invalidValue
        /// A valid construct that tlsprint does not handle.
        case unsupported
        /// A sender-controlled count reached one of the static caps in `Limits`.
        case limitExceeded
    }

    /// The class of failure.
    public var reason: Reason
    /// Byte offset from the start of the outermost buffer.
    public var offset: Int

    @inlinable
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "\(reason.rawValue) at byte \(offset)" }
}
