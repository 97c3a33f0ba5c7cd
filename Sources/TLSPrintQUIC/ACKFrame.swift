import TLSPrintCore

// RFC 9000 §19.3
//   ACK Frame {
//     Type (i) = 0x02..0x03,
//     Largest Acknowledged (i),
//     ACK Delay (i),
//     ACK Range Count (i),
//     First ACK Range (i),
//     ACK Range (..) ...,
//     [ECN Counts (..)],
//   }
//   ACK Range { Gap (i), ACK Range Length (i) }
//   ECN Counts { ECT0 Count (i), ECT1 Count (i), ECN-CE Count (i) }

/// An ACK frame, kept whole so that the frame walk can step over it; tlsprint does not track recovery.
package struct ACKFrame: Hashable, Sendable {
    /// One further acknowledged range, as sent (RFC 9000 §19.3.1).
    package struct Range: Hashable, Sendable {
        /// Unacknowledged packets below the previous range, minus one.
        package var gap: UInt64
        /// Acknowledged packets in this range, minus one.
        package var length: UInt64
    }

    /// The ECN counters of an ACK frame of type 0x03.
    package struct ECNCounts: Hashable, Sendable {
        /// Packets received with the ECT(0) codepoint.
        package var ect0: UInt64
        /// Packets received with the ECT(1) codepoint.
        package var ect1: UInt64
        /// Packets received with the ECN-CE codepoint.
        package var ce: UInt64
    }

    /// Most ACK ranges accepted in one frame.
    package static let maximumRanges = 256

    /// The largest packet number acknowledged.
    package var largestAcknowledged: UInt64
    /// The encoded ACK delay (not scaled by the peer's ack_delay_exponent).
    package var ackDelay: UInt64
    /// Packets acknowledged below `largestAcknowledged`, as sent.
    package var firstRange: UInt64
    /// Further ranges, in wire order.
    package var ranges: [Range]
    /// ECN counts, present for frame type 0x03 only.
    package var ecnCounts: ECNCounts?

    /// A frame with the given fields.
    package init(
        largestAcknowledged: UInt64,
        ackDelay: UInt64,
        firstRange: UInt64,
        ranges: [Range] = [],
        ecnCounts: ECNCounts? = nil
    ) {
        self.largestAcknowledged = largestAcknowledged
        self.ackDelay = ackDelay
        self.firstRange = firstRange
        self.ranges = ranges
        self.ecnCounts = ecnCounts
    }

    /// Parses the fields after the type byte; `withECN` is true for type 0x03.
    /// - Throws: `.limitExceeded` past `maximumRanges` ranges.
    package init(parsingBody reader: inout ByteReader, withECN: Bool) throws(ParseError) {
        largestAcknowledged = try reader.readQUICVarint()
        ackDelay = try reader.readQUICVarint()
        let countOffset = reader.offset
        let rangeCount = try reader.readQUICVarint()
        guard rangeCount <= UInt64(Self.maximumRanges) else { throw ParseError(.limitExceeded, at: countOffset) }
        firstRange = try reader.readQUICVarint()
        ranges = []
        ranges.reserveCapacity(min(Int(rangeCount), reader.remaining / 2))
        for _ in 0..<rangeCount {
            let gap = try reader.readQUICVarint()
            ranges.append(Range(gap: gap, length: try reader.readQUICVarint()))
        }
        if withECN {
            let ect0 = try reader.readQUICVarint()
            let ect1 = try reader.readQUICVarint()
            ecnCounts = ECNCounts(ect0: ect0, ect1: ect1, ce: try reader.readQUICVarint())
        } else {
            ecnCounts = nil
        }
    }
}
