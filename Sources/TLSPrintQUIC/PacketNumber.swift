// RFC 9000 §17.1 and Appendix A.3: a packet number is sent in 1 to 4 bytes and widened against the
// largest packet number received so far.

/// Packet-number reconstruction.
package enum PacketNumber {
    /// The full packet number closest to `largestReceived + 1` whose low `length` bytes are `truncated`.
    ///
    /// With no packet received yet (`largestReceived == nil`) the expected number is 0, which gives the
    /// truncated value itself for any Initial packet a stateless observer sees.
    package static func decode(truncated: UInt64, length: Int, largestReceived: UInt64?) -> UInt64 {
        let bits = UInt64(min(max(length, 1), 4) * 8)
        let expected = largestReceived.map { $0 &+ 1 } ?? 0
        let window: UInt64 = 1 << bits
        let halfWindow = window / 2
        let mask = window - 1
        let candidate = (expected & ~mask) | (truncated & mask)
        if expected >= halfWindow, candidate <= expected - halfWindow, candidate < (1 << 62) - window {
            return candidate + window
        }
        if candidate > expected &+ halfWindow, candidate >= window {
            return candidate - window
        }
        return candidate
    }
}
