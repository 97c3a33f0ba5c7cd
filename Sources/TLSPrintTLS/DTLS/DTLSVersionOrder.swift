/// Which DTLS version is newer: DTLS versions count down (RFC 9147 §5.3: 1.0 is 0xFEFF, 1.2 is 0xFEFD,
/// 1.3 is 0xFEFC), so a numeric maximum picks the oldest.
///
/// JA4 (shared/spec/fingerprints.md §5.3) takes the newest DTLS version offered.
package enum DTLSVersionOrder {
    /// The newest DTLS version in `versions`, or nil when none is DTLS.
    ///
    /// GREASE and non-DTLS values are ignored. Major byte 0xFE counts down (so an unassigned 0xFEFB would
    /// be newer than 1.3); OpenSSL's pre-RFC 0x0100 is older than all of them.
    package static func newest(of versions: [ProtocolVersion]) -> ProtocolVersion? {
        var best: ProtocolVersion?
        for version in versions where rank(version) != nil {
            guard let current = best else {
                best = version
                continue
            }
            if let new = rank(version), let old = rank(current), new > old { best = version }
        }
        return best
    }

    /// True when `lhs` is an older DTLS version than `rhs`; false when either is not DTLS.
    package static func isOlder(_ lhs: ProtocolVersion, than rhs: ProtocolVersion) -> Bool {
        guard let left = rank(lhs), let right = rank(rhs) else { return false }
        return left < right
    }

    /// Larger is newer; nil for values that are not DTLS versions.
    private static func rank(_ version: ProtocolVersion) -> Int? {
        if version.rawValue == 0x0100 { return 0 }
        guard version.rawValue >> 8 == 0xFE, !GREASE.contains(version.rawValue) else { return nil }
        return 0x100 - Int(version.rawValue & 0xFF)
    }
}
