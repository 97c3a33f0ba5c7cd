import TLSPrintCore

/// What a summary keeps per source address.
package struct TalkerStats: Sendable {
    /// Distinct client fingerprints (JA4, else JA3; HASSH; JA4H) the source used.
    package var fingerprints: DistinctCounter
    package var firstSeen: CaptureTimestamp
    package var lastSeen: CaptureTimestamp

    init(configuration: SummaryConfiguration, time: CaptureTimestamp) {
        fingerprints = DistinctCounter(
            exactLimit: configuration.exactDistinct,
            precision: configuration.entryPrecision
        )
        firstSeen = time
        lastSeen = time
    }

    /// Empty again, as a source entering at `time` finds it (the storage is kept).
    mutating func restart(at time: CaptureTimestamp) {
        fingerprints.removeAll()
        firstSeen = time
        lastSeen = time
    }
}
