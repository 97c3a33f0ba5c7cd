import TLSPrintCore

/// Units per second of a capture timestamp: a power of ten or a power of two (pcapng `if_tsresol`).
package struct CaptureTimestampResolution: Hashable, Sendable {
    /// How many timestamp units make one second; at least 1.
    package var unitsPerSecond: UInt64

    /// Microseconds, the classic pcap and pcapng default.
    package static let microseconds = CaptureTimestampResolution(unitsPerSecond: 1_000_000)
    /// Nanoseconds (pcap magic 0xa1b23c4d).
    package static let nanoseconds = CaptureTimestampResolution(unitsPerSecond: 1_000_000_000)

    // pcapng draft §4.2 if_tsresol: "If the Most Significant Bit is equal to zero, the remaining bits indicate
    // the resolution of the timestamp as a negative power of 10 ... If the Most Significant Bit is equal to
    // one, the remaining bits indicate the resolution as negative power of 2".
    /// Decodes an `if_tsresol` option byte.
    /// - Throws: `.invalidValue` when the resolution does not fit 64 bits.
    package init(tsresol byte: UInt8, at offset: Int) throws(ParseError) {
        let exponent = Int(byte & 0x7F)
        if byte & 0x80 != 0 {
            guard exponent <= 63 else { throw ParseError(.invalidValue, at: offset) }
            unitsPerSecond = 1 &<< UInt64(exponent)
        } else {
            guard exponent <= 19 else { throw ParseError(.invalidValue, at: offset) }
            var units: UInt64 = 1
            for _ in 0..<exponent { units &*= 10 }
            unitsPerSecond = units
        }
    }

    init(unitsPerSecond: UInt64) { self.unitsPerSecond = unitsPerSecond }

    /// Converts a count of units since the epoch, plus an offset in seconds, to a timestamp (saturating).
    package func timestamp(units: UInt64, offsetSeconds: Int64 = 0) -> CaptureTimestamp {
        // Microseconds and nanoseconds need no division: the result is units × (10⁹ / unitsPerSecond) while
        // that fits, exactly what the general path computes (classic pcap records always fit).
        if unitsPerSecond == 1_000_000, units <= UInt64(Int64.max) / 1_000 {
            return CaptureTimestamp(nanoseconds: Int64(units) &* 1_000).adding(seconds: offsetSeconds)
        }
        if unitsPerSecond == 1_000_000_000, units <= UInt64(Int64.max) {
            return CaptureTimestamp(nanoseconds: Int64(units)).adding(seconds: offsetSeconds)
        }
        let (wholeSeconds, fraction) = units.quotientAndRemainder(dividingBy: unitsPerSecond)
        // fraction < unitsPerSecond, so the full-width quotient fits in 64 bits.
        let product = fraction.multipliedFullWidth(by: 1_000_000_000)
        let nanoseconds = unitsPerSecond.dividingFullWidth(product).quotient
        let seconds = Int64(clamping: wholeSeconds)
        return CaptureTimestamp(seconds: seconds, nanoseconds: Int64(nanoseconds)).adding(seconds: offsetSeconds)
    }
}
