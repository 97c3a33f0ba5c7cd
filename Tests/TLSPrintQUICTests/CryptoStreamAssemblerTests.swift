import TLSPrintQUIC
import Testing

/// Out-of-order, duplicated and overlapping CRYPTO data, and the caps.
@Suite struct CryptoStreamAssemblerTests {
    static let stream: [UInt8] = (0..<241).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }

    @Test func inOrderAndOutOfOrderGiveTheSameStream() {
        var forward = CryptoStreamAssembler()
        var backward = CryptoStreamAssembler()
        for start in stride(from: 0, to: Self.stream.count, by: 10) {
            forward.insert(offset: UInt64(start), data: Array(Self.stream[start..<min(start + 10, Self.stream.count)]))
        }
        for start in stride(from: 0, to: Self.stream.count, by: 10).reversed() {
            backward.insert(offset: UInt64(start), data: Array(Self.stream[start..<min(start + 10, Self.stream.count)]))
        }
        #expect(Array(forward.contiguousPrefix) == Self.stream)
        #expect(Array(backward.contiguousPrefix) == Self.stream)
    }

    @Test func oneByteFramesInReverseOrder() {
        var assembler = CryptoStreamAssembler()
        for offset in Self.stream.indices.reversed() {
            #expect(assembler.insert(offset: UInt64(offset), data: [Self.stream[offset]]) == .added)
            #expect(assembler.contiguousLength == (offset == 0 ? Self.stream.count : 0))
        }
        #expect(Array(assembler.contiguousPrefix) == Self.stream)
    }

    @Test func seededRandomOverlappingPiecesReassemble() {
        var generator = SplitMix64(seed: 0x5eed)
        for _ in 0..<50 {
            var pieces: [(Int, Int)] = []
            var cursor = 0
            while cursor < Self.stream.count {
                let length = Int(generator.next() % 40) + 1
                let start = max(0, cursor - Int(generator.next() % 8))  // overlap the previous piece
                pieces.append((start, min(start + length, Self.stream.count)))
                cursor = min(start + length, Self.stream.count)
            }
            pieces.append(pieces[Int(generator.next() % UInt64(pieces.count))])  // one retransmission
            pieces.shuffle(using: &generator)
            var assembler = CryptoStreamAssembler(maximumBytes: 16_384, maximumRanges: 64)
            for (start, end) in pieces {
                assembler.insert(offset: UInt64(start), data: Array(Self.stream[start..<end]))
            }
            #expect(Array(assembler.contiguousPrefix) == Self.stream)
        }
    }

    @Test func duplicatesAndOverlapsKeepTheFirstCopy() {
        var assembler = CryptoStreamAssembler()
        #expect(assembler.insert(offset: 0, data: [1, 2, 3, 4]) == .added)
        #expect(assembler.insert(offset: 0, data: [1, 2, 3, 4]) == .duplicate)
        #expect(assembler.insert(offset: 2, data: [9, 9, 5, 6]) == .added)
        #expect(assembler.insert(offset: 3, data: []) == .duplicate)
        #expect(Array(assembler.contiguousPrefix) == [1, 2, 3, 4, 5, 6])
    }

    @Test func gapHoldsBackTheLaterBytes() {
        var assembler = CryptoStreamAssembler()
        assembler.insert(offset: 4, data: [5, 6])
        #expect(assembler.contiguousLength == 0)
        assembler.insert(offset: 0, data: [1, 2, 3])
        #expect(Array(assembler.contiguousPrefix) == [1, 2, 3])
        assembler.insert(offset: 3, data: [4])
        #expect(Array(assembler.contiguousPrefix) == [1, 2, 3, 4, 5, 6])
    }

    @Test func bytesPastCapacityAreDroppedAndCounted() {
        var assembler = CryptoStreamAssembler(maximumBytes: 8, maximumRanges: 4)
        #expect(assembler.insert(offset: 6, data: [7, 8, 9, 10]) == .overCapacity)
        #expect(assembler.insert(offset: 100, data: [1, 2]) == .overCapacity)
        #expect(assembler.insert(offset: UInt64.max, data: [1]) == .overCapacity)
        #expect(assembler.insert(offset: 0, data: [1, 2, 3, 4, 5, 6]) == .added)
        #expect(Array(assembler.contiguousPrefix) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(assembler.droppedBytes == 5)
    }

    @Test func tooManyPiecesAreRefused() {
        var assembler = CryptoStreamAssembler(maximumBytes: 100, maximumRanges: 2)
        #expect(assembler.insert(offset: 10, data: [1]) == .added)
        #expect(assembler.insert(offset: 20, data: [2]) == .added)
        #expect(assembler.insert(offset: 30, data: [3]) == .tooFragmented)
        #expect(assembler.refusedInsertions == 1)
        #expect(assembler.insert(offset: 11, data: [4]) == .added)  // adjacent: joins, no new piece
        #expect(assembler.insert(offset: 0, data: Array(repeating: 0, count: 10)) == .added)
        #expect(assembler.contiguousLength == 12)
    }
}

/// A small deterministic generator (SplitMix64) so shuffles repeat across runs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }
}
