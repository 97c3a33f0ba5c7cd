/// A packet's capture time: nanoseconds since the Unix epoch, UTC.
///
/// The sensor's only clock. Comparable so that flow expiry and deduplication can use packet time.
public struct CaptureTimestamp: Hashable, Comparable, Sendable {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64

    @inlinable
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// A timestamp from whole seconds and a sub-second part in nanoseconds.
    @inlinable
    public init(seconds: Int64, nanoseconds: Int64) {
        self.nanoseconds = seconds &* 1_000_000_000 &+ nanoseconds
    }

    /// Whole seconds since the epoch (floor).
    @inlinable public var seconds: Int64 {
        nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds + 1) / 1_000_000_000 - 1
    }

    /// Whole microseconds since the epoch (floor).
    @inlinable public var microseconds: Int64 {
        nanoseconds >= 0 ? nanoseconds / 1_000 : (nanoseconds + 1) / 1_000 - 1
    }

    @inlinable
    public static func < (lhs: CaptureTimestamp, rhs: CaptureTimestamp) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// This timestamp moved by `seconds` (saturating).
    @inlinable
    public func adding(seconds: Int64) -> CaptureTimestamp {
        let (product, overflowProduct) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, overflowSum) = nanoseconds.addingReportingOverflow(product)
        if overflowProduct || overflowSum { return CaptureTimestamp(nanoseconds: seconds < 0 ? .min : .max) }
        return CaptureTimestamp(nanoseconds: sum)
    }
}
