import TLSPrintCore

/// What a summary keeps per fingerprint since it entered its table: sources, names, labels, first and last seen.
package struct FingerprintStats: Sendable {
    /// Distinct `src_ip`.
    package var sources: DistinctCounter
    /// SNI, Host or identification lines, most frequent first.
    package var names: SpaceSavingTable<String, Empty>
    /// Distinct labels in the order first seen, at most the configured number.
    package var labels: [String] = []
    /// Labels met on an event that could not be kept (the list was full), one per event and label.
    package var labelsDropped = 0
    package var firstSeen: CaptureTimestamp
    package var lastSeen: CaptureTimestamp

    init(configuration: SummaryConfiguration, time: CaptureTimestamp) {
        sources = DistinctCounter(exactLimit: configuration.exactDistinct, precision: configuration.entryPrecision)
        names = SpaceSavingTable(capacity: configuration.namesPerEntry)
        firstSeen = time
        lastSeen = time
    }

    /// Empty again, as a key entering at `time` finds it (the storage is kept).
    mutating func restart(at time: CaptureTimestamp) {
        sources.removeAll()
        names.removeAll()
        labels.removeAll(keepingCapacity: true)
        labelsDropped = 0
        firstSeen = time
        lastSeen = time
    }

    mutating func add(labels new: [String], limit: Int) {
        for label in new {
            let shown = DisplayText.make(label)
            guard !labels.contains(shown) else { continue }
            if labels.count < limit { labels.append(shown) } else { labelsDropped += 1 }
        }
    }
}
