import TLSPrintCore

/// The summary as one JSON object on one line (schema `tlsprint-summary/1`); keys always in this order:
/// `schema`, `approximate`, `input`, `events`, `first_seen`, `last_seen`, `sources`, `fingerprints`,
/// `certificates`, `top_talkers` (docs in README, "Summary").
package enum SummaryJSONRenderer {
    /// The object and a newline.
    package static func render(_ report: SummaryReport) -> String {
        var json = JSONText()
        json.beginObject()
        json.string("schema", "tlsprint-summary/1")
        json.bool("approximate", report.approximate)
        json.beginObject("input")
        json.strings("files", report.input.files)
        json.integer("packets", report.input.packets)
        json.integer("bytes", report.input.bytes)
        json.endObject()
        json.beginObject("events")
        json.integer("total", report.events)
        for (type, count) in report.eventCounts { json.integer(type, count) }
        json.endObject()
        json.string("first_seen", report.firstSeen.map(RFC3339.timestamp))
        json.string("last_seen", report.lastSeen.map(RFC3339.timestamp))
        distinct(&json, "sources", report.sources)
        json.beginObject("fingerprints")
        for (kind, section) in report.fingerprints {
            json.beginObject(kind.rawValue)
            json.string("event", kind.eventType)
            bounds(&json, section)
            json.beginArray("rows")
            for row in section.rows { fingerprint(&json, row, namesKey: kind.namesKey) }
            json.endArray()
            json.endObject()
        }
        json.endObject()
        json.beginObject("certificates")
        bounds(&json, report.certificates)
        json.beginArray("rows")
        for row in report.certificates.rows { certificate(&json, row) }
        json.endArray()
        json.endObject()
        json.beginObject("top_talkers")
        bounds(&json, report.talkers)
        json.beginArray("rows")
        for row in report.talkers.rows {
            json.beginObject()
            json.string("src_ip", row.address)
            json.integer("events", row.events)
            json.integer("events_error", row.eventsError)
            distinct(&json, "fingerprints", row.fingerprints)
            json.string("first_seen", RFC3339.timestamp(row.firstSeen))
            json.string("last_seen", RFC3339.timestamp(row.lastSeen))
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        return json.text + "\n"
    }

    private static func fingerprint(_ json: inout JSONText, _ row: SummaryReport.FingerprintRow, namesKey: String) {
        json.beginObject()
        json.string("fingerprint", row.fingerprint)
        json.integer("count", row.count)
        json.integer("count_error", row.countError)
        distinct(&json, "sources", row.sources)
        names(&json, namesKey, row.names, nameKey: "name")
        json.strings("labels", row.labels)
        json.integer("labels_dropped", row.labelsDropped)
        json.string("first_seen", RFC3339.timestamp(row.firstSeen))
        json.string("last_seen", RFC3339.timestamp(row.lastSeen))
        json.endObject()
    }

    private static func certificate(_ json: inout JSONText, _ row: SummaryReport.CertificateRow) {
        json.beginObject()
        json.string("sha256", row.sha256)
        json.string("subject", row.stats.subject)
        json.string("issuer", row.stats.issuer)
        json.string("not_before", row.stats.notBefore)
        json.string("not_after", row.stats.notAfter)
        json.bool("leaf", row.stats.leaf)
        json.bool("self_signed", row.stats.selfSigned)
        json.bool("expired", row.stats.expired)
        json.bool("not_yet_valid", row.stats.notYetValid)
        json.integer("count", row.count)
        json.integer("count_error", row.countError)
        names(&json, "servers", row.servers, nameKey: "endpoint")
        json.string("first_seen", RFC3339.timestamp(row.stats.firstSeen))
        json.string("last_seen", RFC3339.timestamp(row.stats.lastSeen))
        json.endObject()
    }

    /// `capacity`, `tracked`, `evictions`, `approximate` of a table.
    private static func bounds<Row>(_ json: inout JSONText, _ section: SummaryReport.Section<Row>) {
        json.integer("capacity", section.capacity)
        json.integer("tracked", section.tracked)
        json.integer("evictions", section.evictions)
        json.bool("approximate", section.approximate)
    }

    /// `{"count": N, "exact": bool}`.
    private static func distinct(_ json: inout JSONText, _ key: String, _ value: SummaryReport.Distinct) {
        json.beginObject(key)
        json.integer("count", value.count)
        json.bool("exact", value.exact)
        json.endObject()
    }

    private static func names(
        _ json: inout JSONText,
        _ key: String,
        _ values: [SummaryReport.NameCount],
        nameKey: String
    ) {
        json.beginArray(key)
        for value in values {
            json.beginObject()
            json.string(nameKey, value.name)
            json.integer("count", value.count)
            json.integer("count_error", value.error)
            json.endObject()
        }
        json.endArray()
    }
}
