/// Reassembles the first bytes of one direction's CRYPTO stream from frames that may arrive out of order,
/// duplicated or overlapping, across packets and datagrams (RFC 9000 §19.6: data is placed by offset).
///
/// Bounded: only stream offsets below `maximumBytes` are kept, and the stored data may form at most
/// `maximumRanges` separate pieces. Overlapping bytes keep their first copy. One assembler per connection
/// and direction; the caller owns its lifetime.
package struct CryptoStreamAssembler: Hashable, Sendable {
    /// What one insertion did.
    package enum InsertOutcome: Hashable, Sendable {
        /// New bytes were stored.
        case added
        /// Every byte was already present (a retransmission or an empty frame).
        case duplicate
        /// Some or all bytes lay at or past `maximumBytes` and were dropped; any bytes before were stored.
        case overCapacity
        /// Storing the bytes would leave more than `maximumRanges` pieces; nothing was stored.
        case tooFragmented
    }

    /// Stream bytes kept at most (offsets `0..<maximumBytes`).
    package let maximumBytes: Int
    /// Separate stored pieces allowed at most.
    package let maximumRanges: Int
    /// Bytes dropped because they lay past `maximumBytes`.
    package private(set) var droppedBytes = 0
    /// Insertions refused because of `maximumRanges`.
    package private(set) var refusedInsertions = 0

    private var buffer: [UInt8] = []
    /// Stored stream ranges: sorted, disjoint and never adjacent.
    private var ranges: [Range<Int>] = []

    /// An empty assembler; 16 KiB comfortably holds any ClientHello seen in practice, 32 pieces any real
    /// fragmentation (Chrome scatters its hello over about ten CRYPTO frames).
    package init(maximumBytes: Int = 16_384, maximumRanges: Int = 32) {
        self.maximumBytes = max(0, maximumBytes)
        self.maximumRanges = max(1, maximumRanges)
    }

    /// The bytes available from stream offset 0 without a gap.
    package var contiguousPrefix: ArraySlice<UInt8> { buffer.prefix(contiguousLength) }

    /// Bytes held (the sensor's memory budget counts them).
    package var bufferedBytes: Int { buffer.count }

    /// Length of `contiguousPrefix`.
    package var contiguousLength: Int {
        guard let first = ranges.first, first.lowerBound == 0 else { return 0 }
        return first.upperBound
    }

    /// Stores one CRYPTO frame's data.
    @discardableResult
    package mutating func insert(_ frame: CryptoFrame) -> InsertOutcome {
        insert(offset: frame.offset, data: frame.data)
    }

    /// Stores `data` found at stream `offset`.
    @discardableResult
    package mutating func insert(offset: UInt64, data: [UInt8]) -> InsertOutcome {
        guard offset < UInt64(maximumBytes) else {
            droppedBytes += data.count
            return data.isEmpty ? .duplicate : .overCapacity
        }
        let lower = Int(offset)
        let upper = lower + min(data.count, maximumBytes - lower)
        let dropped = data.count - (upper - lower)
        let merged = Self.merging(lower..<upper, into: ranges)
        guard merged.count <= maximumRanges else {
            refusedInsertions += 1
            return .tooFragmented
        }
        let gaps = Self.gaps(in: lower..<upper, around: ranges)
        if buffer.count < upper { buffer.append(contentsOf: repeatElement(0, count: upper - buffer.count)) }
        for gap in gaps {
            buffer.replaceSubrange(gap, with: data[(gap.lowerBound - lower)..<(gap.upperBound - lower)])
        }
        ranges = merged
        droppedBytes += dropped
        if dropped > 0 { return .overCapacity }
        return gaps.isEmpty ? .duplicate : .added
    }

    /// The parts of `span` that no stored range covers, in order.
    private static func gaps(in span: Range<Int>, around stored: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var cursor = span.lowerBound
        for range in stored where range.upperBound > cursor && range.lowerBound < span.upperBound {
            if range.lowerBound > cursor { result.append(cursor..<range.lowerBound) }
            cursor = max(cursor, range.upperBound)
        }
        if cursor < span.upperBound { result.append(cursor..<span.upperBound) }
        return result
    }

    /// `stored` with `span` added, overlapping and adjacent ranges joined.
    private static func merging(_ span: Range<Int>, into stored: [Range<Int>]) -> [Range<Int>] {
        guard !span.isEmpty else { return stored }
        var result: [Range<Int>] = []
        var joined = span
        var placed = false
        for range in stored {
            if range.upperBound < joined.lowerBound {
                result.append(range)
            } else if range.lowerBound > joined.upperBound {
                if !placed {
                    result.append(joined)
                    placed = true
                }
                result.append(range)
            } else {
                joined = min(range.lowerBound, joined.lowerBound)..<max(range.upperBound, joined.upperBound)
            }
        }
        if !placed { result.append(joined) }
        return result
    }
}
