import TLSPrintCore
import TLSPrintEvent

/// Folds a stream of events into the summary's tables, one event at a time, in bounded memory: every table is
/// a ``SpaceSavingTable`` of fixed capacity and every distinct count a ``DistinctCounter``.
///
/// Pure: no clock (times are the events' packet times), no I/O. The same events in the same order give the
/// same summary.
package struct SummaryAggregator: Sendable {
    package let configuration: SummaryConfiguration
    /// Traffic events by type, in `EventType.allCases` order (exact).
    package private(set) var eventCounts: [Int] = Array(repeating: 0, count: EventType.allCases.count)
    package private(set) var firstSeen: CaptureTimestamp?
    package private(set) var lastSeen: CaptureTimestamp?
    /// Distinct `src_ip` over the whole input.
    package private(set) var sources: DistinctCounter
    /// One table per ``FingerprintKind``, in `allCases` order.
    package private(set) var fingerprints: [SpaceSavingTable<String, FingerprintStats>]
    /// Certificates self-signed, expired or not yet valid at capture time, by SHA-256.
    package private(set) var certificates: SpaceSavingTable<String, CertificateStats>
    /// Source addresses by events.
    package private(set) var talkers: SpaceSavingTable<String, TalkerStats>

    package init(configuration: SummaryConfiguration = SummaryConfiguration()) {
        self.configuration = configuration
        sources = DistinctCounter(
            exactLimit: configuration.overallExactDistinct,
            precision: configuration.overallPrecision
        )
        fingerprints = FingerprintKind.allCases.map { _ in SpaceSavingTable(capacity: configuration.fingerprintEntries)
        }
        certificates = SpaceSavingTable(capacity: configuration.certificateEntries)
        talkers = SpaceSavingTable(capacity: configuration.talkerEntries)
    }

    /// Adds every event of `events`, in order.
    package mutating func add(_ events: [Event]) {
        for event in events { add(event) }
    }

    /// Adds one event. `startup` and `sensor_stats` carry no traffic and are left out.
    package mutating func add(_ event: Event) {
        guard let endpoints = event.endpoints else { return }
        let time = event.timestamp
        eventCounts[Self.typeIndex(event.type)] += 1
        if firstSeen.map({ time < $0 }) ?? true { firstSeen = time }
        if lastSeen.map({ time > $0 }) ?? true { lastSeen = time }
        let source = endpoints.clientIP
        let sourceHash = StableHash.of(source)
        sources.insert(hash: sourceHash)
        let labels = event.annotations.labels
        var clientFingerprint: String?
        switch event {
        case .tlsClientHello(let hello):
            let name = hello.client.serverName
            count(.ja4, hello.client.ja4, source: sourceHash, name: name, labels: labels, time: time)
            count(.ja3, hello.client.ja3, source: sourceHash, name: name, labels: labels, time: time)
            clientFingerprint = Self.tagged("ja4", hello.client.ja4) ?? Self.tagged("ja3", hello.client.ja3)
        case .tlsSession(let session):
            let name = session.client?.serverName ?? []
            count(.ja4s, session.server.ja4s, source: sourceHash, name: name, labels: labels, time: time)
            count(.ja3s, session.server.ja3s, source: sourceHash, name: name, labels: labels, time: time)
        case .tlsCertificate(let certificate):
            judge(certificate)
        case .sshHandshake(let handshake):
            if let hassh = handshake.hassh {
                let name = handshake.clientIdentification ?? []
                count(.hassh, hassh.hash, source: sourceHash, name: name, labels: labels, time: time)
                clientFingerprint = Self.tagged("hassh", hassh.hash)
            }
            if let server = handshake.hasshServer {
                let name = handshake.serverIdentification ?? []
                count(.hasshServer, server.hash, source: sourceHash, name: name, labels: labels, time: time)
            }
        case .httpRequest(let request):
            count(.ja4h, request.ja4h, source: sourceHash, name: request.host ?? [], labels: labels, time: time)
            clientFingerprint = Self.tagged("ja4h", request.ja4h)
        case .sshActivity, .startup, .sensorStats:
            break
        }
        let configuration = configuration
        talkers.record(
            source,
            start: { TalkerStats(configuration: configuration, time: time) },
            reuse: { $0.restart(at: time) }
        ) { stats in
            stats.firstSeen = min(stats.firstSeen, time)
            stats.lastSeen = max(stats.lastSeen, time)
            if let clientFingerprint { stats.fingerprints.insert(clientFingerprint) }
        }
    }

    /// Counts one event under `value` in the table of `kind` (an empty value, a family turned off, is skipped).
    private mutating func count(
        _ kind: FingerprintKind,
        _ value: String,
        source: UInt64,
        name: [UInt8],
        labels: [String],
        time: CaptureTimestamp
    ) {
        guard !value.isEmpty else { return }
        let configuration = configuration
        fingerprints[kind.index].record(
            value,
            start: { FingerprintStats(configuration: configuration, time: time) },
            reuse: { $0.restart(at: time) }
        ) { stats in
            stats.sources.insert(hash: source)
            if !name.isEmpty {
                stats.names.record(DisplayText.make(name), start: Empty.init) { _ in }
            }
            if !labels.isEmpty { stats.add(labels: labels, limit: configuration.labelsPerEntry) }
            stats.firstSeen = min(stats.firstSeen, time)
            stats.lastSeen = max(stats.lastSeen, time)
        }
    }

    /// Flags each certificate of the chain that is expired or not yet valid at the event's packet time, and the
    /// leaf when it is self-signed.
    private mutating func judge(_ event: TLSCertificateEvent) {
        let time = event.timestamp
        let endpoint = Self.endpoint(event.endpoints.serverIP, event.endpoints.serverPort)
        let configuration = configuration
        for (position, entry) in event.chain.enumerated() {
            let selfSigned = position == 0 && event.selfSigned
            let expired = CertificateDate.seconds(entry.notAfter).map { time.nanoseconds > $0 &* 1_000_000_000 }
            let early = CertificateDate.seconds(entry.notBefore).map { time.nanoseconds < $0 &* 1_000_000_000 }
            guard selfSigned || expired == true || early == true else { continue }
            let facts = CertificateFacts(
                subject: entry.subject,
                issuer: entry.issuer,
                notBefore: entry.notBefore,
                notAfter: entry.notAfter
            )
            certificates.record(
                entry.sha256,
                start: { CertificateStats(entry: facts, configuration: configuration, time: time) }
            ) { stats in
                stats.leaf = stats.leaf || position == 0
                stats.selfSigned = stats.selfSigned || selfSigned
                stats.expired = stats.expired || expired == true
                stats.notYetValid = stats.notYetValid || early == true
                stats.servers.record(endpoint, start: Empty.init) { _ in }
                stats.firstSeen = min(stats.firstSeen, time)
                stats.lastSeen = max(stats.lastSeen, time)
            }
        }
    }

    /// `family:value`, so that equal strings of two families count apart; nil for an empty value.
    private static func tagged(_ family: String, _ value: String) -> String? {
        value.isEmpty ? nil : family + ":" + value
    }

    /// `ip:port`, with an IPv6 address in brackets.
    static func endpoint(_ address: String, _ port: UInt16) -> String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }

    static func typeIndex(_ type: EventType) -> Int {
        switch type {
        case .startup: 0
        case .tlsClientHello: 1
        case .tlsSession: 2
        case .tlsCertificate: 3
        case .sensorStats: 4
        case .sshHandshake: 5
        case .sshActivity: 6
        case .httpRequest: 7
        }
    }
}
