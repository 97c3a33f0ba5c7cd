import TLSPrintCore

/// What a summary keeps per fingerprint since it entered its table: sources, names, labels, first and last seen.
package struct FingerprintStats: Sendable {
    /// Distinct `src_ip`.
    package var sources: DistinctCounter
    /// SNI, Host or identification lines, most frequent first.
    package var names: SpaceSavingTable<String, Empty>
    /// Distinct labels in the order first seen, at most the configured number.
    package var labels: [String] = []
    /// Distinct labels seen beyond those kept (counted once each time one is met).
    package var labelsDropped = 0
    package var firstSeen: CaptureTimestamp
    package var lastSeen: CaptureTimestamp

    init(configuration: SummaryConfiguration, time: CaptureTimestamp) {
        sources = DistinctCounter(exactLimit: configuration.exactDistinct, precision: configuration.entryPrecision)
        names = SpaceSavingTable(capacity: configuration.namesPerEntry)
        firstSeen = time
        lastSeen = time
    }

    mutating func add(labels new: [String], limit: Int) {
        for label in new where !labels.contains(label) {
            if labels.count < limit { labels.append(DisplayText.make(label)) } else { labelsDropped += 1 }
        }
    }
}

/// A certificate flagged at capture time, since it entered its table.
package struct CertificateStats: Sendable {
    package var subject: String
    package var issuer: String
    package var notBefore: String
    package var notAfter: String
    /// Seen as the leaf of a chain (else only further up).
    package var leaf = false
    package var selfSigned = false
    package var expired = false
    package var notYetValid = false
    /// Server endpoints (`ip:port`, `[ipv6]:port`) that presented it.
    package var servers: SpaceSavingTable<String, Empty>
    package var firstSeen: CaptureTimestamp
    package var lastSeen: CaptureTimestamp

    init(entry: CertificateFacts, configuration: SummaryConfiguration, time: CaptureTimestamp) {
        subject = DisplayText.make(entry.subject)
        issuer = DisplayText.make(entry.issuer)
        notBefore = entry.notBefore
        notAfter = entry.notAfter
        servers = SpaceSavingTable(capacity: configuration.namesPerEntry)
        firstSeen = time
        lastSeen = time
    }
}

/// One certificate of a chain as the summary judges it.
struct CertificateFacts {
    var subject: String
    var issuer: String
    var notBefore: String
    var notAfter: String
}

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
}

/// The payload of a table that needs nothing beyond counts.
package struct Empty: Sendable {
    package init() {}
}
