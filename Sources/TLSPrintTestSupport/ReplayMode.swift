/// How `ReplayHarness` re-segments the TCP payload of each direction.
package enum ReplayMode: Hashable, Sendable, CustomStringConvertible {
    /// The capture as it is.
    case blast
    /// Every payload byte in its own segment.
    case drip
    /// Each data segment cut at random points.
    case randomSplits(seed: UInt64)
    /// Random cuts, then the pieces of one direction shuffled within a window of `ReplayHarness.reorderWindow`
    /// segments (which may span several original segments of one flight, never a SYN or a packet of the other
    /// direction). In a direction whose SYN was not captured, the first piece stays first: a sensor that picks a
    /// flow up mid-stream anchors the stream at the first segment it sees.
    case reordered(seed: UInt64)
    /// Random cuts, some pieces sent twice (at once or after the next piece), some widened to overlap their
    /// neighbours with the same bytes.
    case duplicated(seed: UInt64)

    /// Every mode, the random ones with `seed`.
    package static func all(seed: UInt64) -> [ReplayMode] {
        [.blast, .drip, .randomSplits(seed: seed), .reordered(seed: seed), .duplicated(seed: seed)]
    }

    /// Every mode except `.blast`, the random ones with each of `seeds`.
    package static func variants(seeds: [UInt64]) -> [ReplayMode] {
        [.drip] + seeds.flatMap { [.randomSplits(seed: $0), .reordered(seed: $0), .duplicated(seed: $0)] }
    }

    /// The seed of a random mode.
    var seed: UInt64 {
        switch self {
        case .blast, .drip: return 0
        case .randomSplits(let seed), .reordered(let seed), .duplicated(let seed): return seed
        }
    }

    /// The mode and its seed, for test names.
    package var description: String {
        switch self {
        case .blast: return "blast"
        case .drip: return "drip"
        case .randomSplits(let seed): return "randomSplits(\(seed))"
        case .reordered(let seed): return "reordered(\(seed))"
        case .duplicated(let seed): return "duplicated(\(seed))"
        }
    }
}
