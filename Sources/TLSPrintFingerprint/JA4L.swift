import TLSPrintCore

/// One JA4L value (`ja4l_c` or `ja4l_s`): FoxIO JA4L (FoxIO License 1.1; ja4 commit 0e54bc8) in the Rust
/// reference's two-part form, shared/spec/fingerprints.md §4.1: `{one-way µs}_{observed TTL}`.
package struct JA4L: Hashable, Sendable {
    /// Half the measured interval, in whole microseconds (floor).
    package var microseconds: Int64
    /// The observed IPv4 TTL or IPv6 hop limit.
    package var ttl: UInt8

    /// A JA4L from an already halved latency.
    package init(microseconds: Int64, ttl: UInt8) {
        self.microseconds = microseconds
        self.ttl = ttl
    }

    /// A JA4L from the two packet times that bound the round trip: floor((later − earlier) / 2) µs.
    ///
    /// `ja4l_s` = (SYN → SYN-ACK) with the SYN-ACK's TTL; `ja4l_c` = (SYN-ACK → ACK) with the SYN's TTL.
    package init(from earlier: CaptureTimestamp, to later: CaptureTimestamp, ttl: UInt8) {
        let nanoseconds = max(0, later.nanoseconds - earlier.nanoseconds)
        self.init(microseconds: nanoseconds / 2000, ttl: ttl)
    }

    /// The fingerprint string, e.g. `17255_63`.
    package var rendered: String { "\(microseconds)_\(ttl)" }
}
