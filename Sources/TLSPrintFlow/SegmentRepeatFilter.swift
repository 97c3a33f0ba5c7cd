/// Tells a retransmitted TCP segment from new data on one direction, in constant memory: JA4SSH counts each
/// SSH packet once (docs/events.md, "SSH and HTTP events").
///
/// A segment is a repeat when all its bytes lie before the end of the contiguous data seen so far, or when the
/// same sequence number and length came among the last few segments (a retransmission after a gap). A
/// segment that fills a gap late is new. Segments without payload are never repeats.
package struct SegmentRepeatFilter: Hashable, Sendable {
    /// Recent segments remembered by sequence number and length.
    package static let recentSegments = 8

    /// The end of the data seen without a gap from the first segment on.
    private var contiguousEnd: TCPSequence?
    private var recent: [UInt64] = []
    private var next = 0

    /// A filter before the direction's first segment.
    package init() {}

    /// Records a segment; true when it repeats data already seen.
    package mutating func isRepeat(sequence: TCPSequence, length: Int) -> Bool {
        guard length > 0 else { return false }
        let end = sequence.advanced(by: length)
        if let seen = contiguousEnd {
            if end.distance(to: seen) >= 0 { return true }
            if seen.distance(to: sequence) <= 0 { contiguousEnd = end }
        } else {
            contiguousEnd = end
        }
        let key = UInt64(sequence.rawValue) << 32 | UInt64(UInt32(truncatingIfNeeded: length))
        if recent.contains(key) { return true }
        if recent.count < Self.recentSegments {
            recent.append(key)
        } else {
            recent[next] = key
            next = (next + 1) % Self.recentSegments
        }
        return false
    }
}
