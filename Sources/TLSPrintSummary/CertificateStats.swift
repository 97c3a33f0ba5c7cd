import TLSPrintCore

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
