/// A TCP sequence number with RFC 1982 serial-number arithmetic, so comparisons survive the 2^32 wrap.
package struct TCPSequence: Hashable, Sendable {
    package var rawValue: UInt32

    package init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// The signed distance from `self` to `other` (positive when `other` is ahead).
    package func distance(to other: TCPSequence) -> Int {
        Int(Int32(bitPattern: other.rawValue &- rawValue))
    }

    /// This sequence number advanced by `count` bytes, wrapping.
    package func advanced(by count: Int) -> TCPSequence {
        TCPSequence(rawValue &+ UInt32(truncatingIfNeeded: count))
    }

    /// True when `self` comes before `other` in serial order.
    package func precedes(_ other: TCPSequence) -> Bool { distance(to: other) > 0 }
}
