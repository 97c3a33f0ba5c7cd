import TLSPrintCore

/// The summary as text tables for a terminal: a heading line per section, then aligned columns. Times are
/// RFC 3339 to the second; a count marked `*` is an upper bound (evictions happened), a distinct count marked
/// `~` a HyperLogLog estimate.
package enum SummaryTableRenderer {
    package static func render(_ report: SummaryReport) -> String {
        var out = header(report)
        for (kind, section) in report.fingerprints where !section.rows.isEmpty {
            out += "\n" + heading("\(kind.title) (\(kind.eventType))", section, noun: "fingerprint")
            var table = TextTable(columns: [
                .init(kind.title.uppercased(), maximumWidth: 51), .init("EVENTS", .right), .init("SOURCES", .right),
                .init(kind.namesTitle, maximumWidth: 48), .init("LABELS", maximumWidth: 32),
                .init("FIRST SEEN"), .init("LAST SEEN"),
            ])
            for row in section.rows {
                var labels = row.labels.joined(separator: "; ")
                if row.labelsDropped > 0 { labels += " (+\(row.labelsDropped))" }
                table.rows.append([
                    row.fingerprint, count(row.count, row.countError), distinct(row.sources), names(row.names),
                    labels.isEmpty ? "-" : labels, second(row.firstSeen), second(row.lastSeen),
                ])
            }
            out += table.render()
        }
        out +=
            "\n"
            + heading(
                "Certificates self-signed, expired or not yet valid at capture time",
                report.certificates,
                noun: "certificate"
            )
        if report.certificates.rows.isEmpty {
            out += "none\n"
        } else {
            var table = TextTable(columns: [
                .init("SHA256", maximumWidth: 16), .init("FLAGS"), .init("SUBJECT"), .init("ISSUER"),
                .init("NOT BEFORE"), .init("NOT AFTER"), .init("SERVERS", maximumWidth: 48), .init("EVENTS", .right),
            ])
            for row in report.certificates.rows {
                table.rows.append([
                    row.sha256, flags(row.stats), row.stats.subject, row.stats.issuer, row.stats.notBefore,
                    row.stats.notAfter, names(row.servers), count(row.count, row.countError),
                ])
            }
            out += table.render()
        }
        out += "\n" + heading("Top talkers (src_ip by events)", report.talkers, noun: "source")
        if report.talkers.rows.isEmpty {
            out += "none\n"
        } else {
            var table = TextTable(columns: [
                .init("SRC IP", maximumWidth: 39), .init("EVENTS", .right), .init("FINGERPRINTS", .right),
                .init("FIRST SEEN"), .init("LAST SEEN"),
            ])
            for row in report.talkers.rows {
                table.rows.append([
                    row.address, count(row.events, row.eventsError), distinct(row.fingerprints),
                    second(row.firstSeen), second(row.lastSeen),
                ])
            }
            out += table.render()
        }
        if report.approximate {
            out += "\n* upper bound (a table was full; JSON count_error: how much may be inherited); "
            out += "~ HyperLogLog estimate\n"
        }
        return out
    }

    private static func header(_ report: SummaryReport) -> String {
        var line = "tlsprint summary: \(counted(report.input.files.count, "file")), "
        line += "\(counted(report.input.packets, "packet")), \(counted(report.events, "event")), "
        line += "\(distinct(report.sources)) source\(report.sources.count == 1 ? "" : "s")"
        if let first = report.firstSeen, let last = report.lastSeen {
            line += ", \(second(first)) to \(second(last))"
        }
        let byType = report.eventCounts.filter { $0.count > 0 }.map { "\($0.type) \($0.count)" }
        return line + "\n" + "events: " + (byType.isEmpty ? "none" : byType.joined(separator: ", ")) + "\n"
    }

    /// `1 file`, `2 files`.
    private static func counted(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private static func heading<Row>(_ title: String, _ section: SummaryReport.Section<Row>, noun: String) -> String {
        var line = "\(title): \(counted(section.tracked, noun))"
        if section.rows.count < section.tracked { line += ", top \(section.rows.count) shown" }
        if section.evictions > 0 { line += ", \(section.evictions) evicted from \(section.capacity) entries" }
        return line + "\n"
    }

    private static func count(_ value: Int, _ error: Int) -> String {
        error > 0 ? "\(value)*" : "\(value)"
    }

    private static func distinct(_ value: SummaryReport.Distinct) -> String {
        value.exact ? "\(value.count)" : "~\(value.count)"
    }

    private static func names(_ values: [SummaryReport.NameCount]) -> String {
        values.isEmpty ? "-" : values.map { "\($0.name) (\(count($0.count, $0.error)))" }.joined(separator: ", ")
    }

    private static func flags(_ stats: CertificateStats) -> String {
        var flags: [String] = []
        if stats.selfSigned { flags.append("self-signed") }
        if stats.expired { flags.append("expired") }
        if stats.notYetValid { flags.append("not-yet-valid") }
        if !stats.leaf { flags.append("chain") }
        return flags.joined(separator: ",")
    }

    /// RFC 3339 to the second: `2020-01-17T20:43:36Z`.
    private static func second(_ time: CaptureTimestamp) -> String {
        RFC3339.dateTime(secondsSinceEpoch: time.seconds)
    }
}
