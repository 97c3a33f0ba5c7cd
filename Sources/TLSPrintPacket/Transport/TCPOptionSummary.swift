import TLSPrintCore

// RFC 9293 §3.2: an option is either a single kind byte (0 End of Option List, 1 No-Operation) or
//   Kind (8) | Length (8, including kind and length) | Data (Length - 2)
// RFC 6691 MSS is kind 2 length 4; RFC 7323 Window Scale is kind 3 length 3.

/// The option kinds of a SYN or SYN-ACK, in wire order, as JA4T/JA4TS read them.
///
/// Plain data: the kinds are packed eight to a word in the value itself (a header has at most 40 bytes of
/// options), so decoding or copying a packet never allocates or touches a reference count.
package struct TCPOptionSummary: Hashable, Sendable {
    /// Most kinds a summary lists: the size of the largest TCP options area.
    package static let maximumKinds = 40

    // Kind `i` is byte `i % 8` (least significant first) of word `i / 8`.
    private var packed0: UInt64 = 0
    private var packed1: UInt64 = 0
    private var packed2: UInt64 = 0
    private var packed3: UInt64 = 0
    private var packed4: UInt64 = 0
    private var kindCount: UInt8 = 0
    /// The first Maximum Segment Size option's value.
    package var maximumSegmentSize: UInt16?
    /// The first Window Scale option's shift count.
    package var windowScale: UInt8?

    /// Every kind in wire order, NOP (1) included; after EOL (0) each remaining byte of the options area
    /// counts as one more 0, as tshark lists padding. A new array on each read.
    package var kinds: [UInt8] {
        var kinds: [UInt8] = []
        kinds.reserveCapacity(Int(kindCount))
        for index in 0..<Int(kindCount) {
            kinds.append(UInt8(truncatingIfNeeded: word(index &>> 3) &>> UInt64((index & 7) &* 8)))
        }
        return kinds
    }

    /// Walks exactly `length` bytes of options. An option whose length byte is missing, below 2 or past the
    /// end stops the walk after its kind is listed (the rest is ignored, as the references do). Kinds past
    /// `maximumKinds` (possible only when `length` exceeds a TCP header's 40) are walked but not listed.
    @inline(never)  // SYNs only: kept out of the per-packet TCP header parse
    package init(parsing reader: inout ByteReader, length: Int) throws(ParseError) {
        var index = 0
        while index < length {
            let kind = try reader.readUInt8()
            index &+= 1
            append(kind)
            if kind == 0 {
                while index < length {
                    append(try reader.readUInt8())
                    index &+= 1
                }
                break
            }
            if kind == 1 { continue }
            guard index < length else { break }
            let optionLength = Int(try reader.readUInt8())
            index &+= 1
            let dataLength = optionLength &- 2
            guard optionLength >= 2, dataLength <= length &- index else {
                try reader.skip(length &- index)
                index = length
                break
            }
            if kind == 2, dataLength == 2, maximumSegmentSize == nil {
                maximumSegmentSize = try reader.readUInt16()
            } else if kind == 3, dataLength == 1, windowScale == nil {
                windowScale = try reader.readUInt8()
            } else {
                try reader.skip(dataLength)
            }
            index &+= dataLength
        }
    }

    private func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: return packed0
        case 1: return packed1
        case 2: return packed2
        case 3: return packed3
        default: return packed4
        }
    }

    private mutating func append(_ kind: UInt8) {
        let index = Int(kindCount)
        guard index < Self.maximumKinds else { return }
        let bits = UInt64(kind) &<< UInt64((index & 7) &* 8)
        switch index &>> 3 {
        case 0: packed0 |= bits
        case 1: packed1 |= bits
        case 2: packed2 |= bits
        case 3: packed3 |= bits
        default: packed4 |= bits
        }
        kindCount &+= 1
    }
}
