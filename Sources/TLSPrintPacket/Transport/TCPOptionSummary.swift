import TLSPrintCore

// RFC 9293 §3.2: an option is either a single kind byte (0 End of Option List, 1 No-Operation) or
//   Kind (8) | Length (8, including kind and length) | Data (Length - 2)
// RFC 6691 MSS is kind 2 length 4; RFC 7323 Window Scale is kind 3 length 3.

/// The option kinds of a SYN or SYN-ACK, in wire order, as JA4T/JA4TS read them.
package struct TCPOptionSummary: Hashable, Sendable {
    /// Every kind in wire order, NOP (1) included; after EOL (0) each remaining byte of the options area
    /// counts as one more 0, as tshark lists padding.
    package var kinds: [UInt8] = []
    /// The first Maximum Segment Size option's value.
    package var maximumSegmentSize: UInt16?
    /// The first Window Scale option's shift count.
    package var windowScale: UInt8?

    /// Walks exactly `length` bytes of options. An option whose length byte is missing, below 2 or past the
    /// end stops the walk after its kind is listed (the rest is ignored, as the references do).
    package init(parsing reader: inout ByteReader, length: Int) throws(ParseError) {
        kinds.reserveCapacity(min(length, 40))
        var index = 0
        while index < length {
            let kind = try reader.readUInt8()
            index &+= 1
            kinds.append(kind)
            if kind == 0 {
                while index < length {
                    kinds.append(try reader.readUInt8())
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
}
