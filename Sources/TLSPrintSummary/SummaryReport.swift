import TLSPrintCore
import TLSPrintEvent

/// What the run read, as the CLI saw it (the aggregator sees only events).
package struct SummaryInput: Hashable, Sendable {
    /// The capture files as named on the command line (`-` for standard input).
    package var files: [String]
    package var packets: Int
    package var bytes: Int

    package init(files: [String], packets: Int, bytes: Int) {
        self.files = files
        self.packets = packets
        self.bytes = bytes
    }
}

/// The summary as rows, sorted and cut to the rows shown: what both renderers print.
package struct SummaryReport: Sendable {
    /// A distinct count and whether it is exact (else a HyperLogLog estimate).
    package struct Distinct: Hashable, Sendable {
        package var count: Int
        package var exact: Bool

        package init(count: Int, exact: Bool) {
            self.count = count
            self.exact = exact
        }

        /// A counter's value; an estimate is capped at `limit` (there cannot be more distinct values than
        /// events, and `limit` is at least their number).
        init(_ counter: DistinctCounter, atMost limit: Int) {
            self.init(count: counter.isExact ? counter.count : min(counter.count, limit), exact: counter.isExact)
        }
    }

    /// A name (SNI, Host, identification line, server endpoint) and how often it came with the row's key.
    package struct NameCount: Hashable, Sendable {
        package var name: String
        package var count: Int
        /// The count's error bound: 0 when exact.
        package var error: Int
    }

    /// One fingerprint.
    package struct FingerprintRow: Sendable {
        package var fingerprint: String
        package var count: Int
        package var countError: Int
        package var sources: Distinct
        package var names: [NameCount]
        package var labels: [String]
        package var labelsDropped: Int
        package var firstSeen: CaptureTimestamp
        package var lastSeen: CaptureTimestamp
    }

    /// One certificate self-signed, expired or not yet valid when it was seen.
    package struct CertificateRow: Sendable {
        package var sha256: String
        package var stats: CertificateStats
        package var count: Int
        package var countError: Int
        package var servers: [NameCount]
    }

    /// One source address.
    package struct TalkerRow: Sendable {
        package var address: String
        package var events: Int
        package var eventsError: Int
        package var fingerprints: Distinct
        package var firstSeen: CaptureTimestamp
        package var lastSeen: CaptureTimestamp
    }

    /// One table: its bounds and the rows shown.
    package struct Section<Row: Sendable>: Sendable {
        package var capacity: Int
        /// Entries in the table (the rows shown are the first of them).
        package var tracked: Int
        package var evictions: Int
        package var rows: [Row]
        /// Evictions happened, or a distinct count of a row is an estimate.
        package var approximate: Bool
    }

    package var input: SummaryInput
    /// Traffic event types with their counts, in contract order (every type, zeros included).
    package var eventCounts: [(type: String, count: Int)]
    package var events: Int
    package var firstSeen: CaptureTimestamp?
    package var lastSeen: CaptureTimestamp?
    package var sources: Distinct
    /// One section per family, in ``FingerprintKind`` order.
    package var fingerprints: [(kind: FingerprintKind, section: Section<FingerprintRow>)]
    package var certificates: Section<CertificateRow>
    package var talkers: Section<TalkerRow>

    /// Some number of the report is an upper bound or an estimate.
    package var approximate: Bool {
        !sources.exact || fingerprints.contains { $0.section.approximate } || certificates.approximate
            || talkers.approximate
    }

    /// The report of `aggregator` with at most `top` rows per table and `names` names per row.
    package init(_ aggregator: SummaryAggregator, input: SummaryInput, top: Int, names: Int = 3) {
        self.input = input
        let trafficTypes = EventType.allCases.filter { $0 != .startup && $0 != .sensorStats }
        eventCounts = trafficTypes.map { ($0.rawValue, aggregator.eventCounts[SummaryAggregator.typeIndex($0)]) }
        events = eventCounts.reduce(0) { $0 + $1.count }
        firstSeen = aggregator.firstSeen
        lastSeen = aggregator.lastSeen
        sources = Distinct(aggregator.sources, atMost: events)
        fingerprints = FingerprintKind.allCases.map { kind in
            let table = aggregator.fingerprints[kind.index]
            let rows = table.top(top).map { entry in
                FingerprintRow(
                    fingerprint: entry.key,
                    count: entry.count,
                    countError: entry.error,
                    sources: Distinct(entry.payload.sources, atMost: entry.count),
                    names: Self.names(entry.payload.names, limit: names),
                    labels: entry.payload.labels,
                    labelsDropped: entry.payload.labelsDropped,
                    firstSeen: entry.payload.firstSeen,
                    lastSeen: entry.payload.lastSeen
                )
            }
            let approximate =
                table.isApproximate
                || rows.contains { !$0.sources.exact || $0.names.contains { $0.error > 0 } }
            return (
                kind,
                Section(
                    capacity: table.capacity,
                    tracked: table.count,
                    evictions: table.evictions,
                    rows: rows,
                    approximate: approximate
                )
            )
        }
        let certificateRows = aggregator.certificates.top(top).map { entry in
            CertificateRow(
                sha256: entry.key,
                stats: entry.payload,
                count: entry.count,
                countError: entry.error,
                servers: Self.names(entry.payload.servers, limit: names)
            )
        }
        certificates = Section(
            capacity: aggregator.certificates.capacity,
            tracked: aggregator.certificates.count,
            evictions: aggregator.certificates.evictions,
            rows: certificateRows,
            approximate: aggregator.certificates.isApproximate
                || certificateRows.contains { $0.servers.contains { $0.error > 0 } }
        )
        let talkerRows = aggregator.talkers.top(top).map { entry in
            TalkerRow(
                address: entry.key,
                events: entry.count,
                eventsError: entry.error,
                fingerprints: Distinct(entry.payload.fingerprints, atMost: entry.count),
                firstSeen: entry.payload.firstSeen,
                lastSeen: entry.payload.lastSeen
            )
        }
        talkers = Section(
            capacity: aggregator.talkers.capacity,
            tracked: aggregator.talkers.count,
            evictions: aggregator.talkers.evictions,
            rows: talkerRows,
            approximate: aggregator.talkers.isApproximate || talkerRows.contains { !$0.fingerprints.exact }
        )
    }

    private static func names(_ table: SpaceSavingTable<String, Empty>, limit: Int) -> [NameCount] {
        table.top(limit).map { NameCount(name: $0.key, count: $0.count, error: $0.error) }
    }
}
