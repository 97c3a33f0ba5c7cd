import TLSPrintFlow
import TLSPrintTestSupport
import Testing

@Suite struct StreamPrefixTests {
    static let stream: [UInt8] = (0..<200).map { UInt8($0 & 0xFF) }

    /// Feeds `segments` (offset, length) of `stream` starting at `isn` and returns what was delivered.
    static func assemble(
        _ segments: [(Int, Int)],
        isn: UInt32,
        capacity: Int = 1_000,
        pending: Int = 16
    ) -> ([UInt8], StreamPrefix) {
        var prefix = StreamPrefix(capacity: capacity, maxPendingSegments: pending)
        prefix.start(at: TCPSequence(isn))
        var out: [UInt8] = []
        for (offset, length) in segments {
            let bytes = Array(stream[offset..<(offset + length)])
            prefix.receive(sequence: TCPSequence(isn &+ UInt32(offset)), payload: bytes.span) { chunk in
                for index in chunk.indices { out.append(chunk[index]) }
            }
        }
        return (out, prefix)
    }

    @Test func inOrderSegments() {
        let (out, _) = Self.assemble([(0, 50), (50, 100), (150, 50)], isn: 1000)
        #expect(out == Self.stream)
    }

    @Test func oneByteSegmentsAcrossTheSequenceWrap() {
        let segments = (0..<200).map { ($0, 1) }
        let (out, _) = Self.assemble(segments, isn: UInt32.max - 77)
        #expect(out == Self.stream)
    }

    @Test func reorderedRetransmittedAndOverlapping() {
        let segments = [(100, 100), (0, 40), (0, 40), (20, 60), (90, 30), (60, 40)]
        let (out, _) = Self.assemble(segments, isn: UInt32.max - 10)
        #expect(out == Self.stream)
    }

    @Test func randomSplitsAndShufflesGiveTheSameBytes() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            var cuts = Set<Int>([0, 200])
            for _ in 0..<Int(generator.next() % 12) { cuts.insert(Int(generator.next() % 200)) }
            let sorted = cuts.sorted()
            var segments = zip(sorted, sorted.dropFirst()).map { ($0, $1 - $0) }
            segments.shuffle(using: &generator)
            let (out, _) = Self.assemble(segments, isn: UInt32(truncatingIfNeeded: generator.next()))
            #expect(out == Self.stream)
        }
    }

    @Test func deliversAtMostCapacity() {
        let (out, prefix) = Self.assemble([(0, 200)], isn: 5, capacity: 64)
        #expect(out == Array(Self.stream.prefix(64)))
        #expect(prefix.stopped == .capacityReached)
    }

    @Test func aGapThatNeverFillsStopsTheStream() {
        let segments = (1..<20).map { ($0 * 10, 10) }
        let (out, prefix) = Self.assemble(segments, isn: 7, pending: 4)
        #expect(out.isEmpty)
        #expect(prefix.stopped == .gapNeverFilled)
    }

    @Test func aStreamWithoutSYNStartsAtItsFirstSegment() {
        var prefix = StreamPrefix(capacity: 100, maxPendingSegments: 4)
        var out: [UInt8] = []
        let bytes: [UInt8] = [1, 2, 3]
        prefix.receive(sequence: TCPSequence(500), payload: bytes.span) { chunk in
            for index in chunk.indices { out.append(chunk[index]) }
        }
        #expect(out == bytes)
    }
}
