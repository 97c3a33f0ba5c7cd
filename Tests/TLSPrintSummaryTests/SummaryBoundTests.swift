import Foundation
import TLSPrintEvent
import TLSPrintSummary
import Testing

/// The aggregator's memory does not grow with the input: 200,000 client hellos with 150,000 distinct JA4s
/// from 150,000 distinct sources, plus 5 heavy JA4s from 5 heavy sources, through tables of 64 entries.
@Suite struct SummaryBoundTests {
    static let heavy = (0..<5).map { "t13d1516h2_8daaf6152771_heavy\($0)" }

    static func aggregate() -> SummaryAggregator {
        var configuration = SummaryConfiguration()
        configuration.fingerprintEntries = 64
        configuration.talkerEntries = 64
        var aggregator = SummaryAggregator(configuration: configuration)
        var distinct = 0
        for round in 0..<10_000 {
            for (index, ja4) in heavy.enumerated() {
                aggregator.add(
                    SyntheticEvents.clientHello(
                        ja4: ja4,
                        source: "192.0.2.\(index)",
                        sni: "heavy\(index).example",
                        second: Int64(round),
                        labels: ["Heavy \(index)"]
                    )
                )
            }
            for _ in 0..<15 {
                aggregator.add(
                    SyntheticEvents.clientHello(
                        ja4: "t13d0000h2_000000000000_\(distinct)",
                        source: SyntheticEvents.address(distinct),
                        sni: "n\(distinct).example",
                        second: Int64(round)
                    )
                )
                distinct += 1
            }
        }
        return aggregator
    }

    @Test func tablesStayAtCapacityAndHeavyHittersAreFound() throws {
        let aggregator = Self.aggregate()
        let ja4 = aggregator.fingerprints[0]
        #expect(ja4.count == 64)
        #expect(ja4.evictions > 140_000)
        #expect(aggregator.talkers.count == 64)
        // Inside each entry too: at most 16 names and 1,024 sketch registers, whatever was fed in.
        for entry in ja4.top(64) {
            #expect(entry.payload.names.count <= 16 && entry.payload.sources.storedValues <= 1_024)
        }
        let report = SummaryReport(aggregator, input: SummaryInput(files: [], packets: 0, bytes: 0), top: 5)
        #expect(report.approximate)
        let section = try #require(report.fingerprints.first { $0.kind == .ja4 }?.section)
        #expect(section.approximate)
        #expect(section.rows.map(\.fingerprint).sorted() == Self.heavy.sorted())
        for row in section.rows {
            // True count 10,000: inside the bounds the table reports.
            #expect(row.count - row.countError <= 10_000 && 10_000 <= row.count)
            #expect(row.sources == SummaryReport.Distinct(count: 1, exact: true))
            #expect(row.names.count == 1 && row.names[0].name.hasPrefix("heavy"))
            #expect(row.labels.count == 1 && row.labels[0].hasPrefix("Heavy "))
        }
        let talkers = report.talkers.rows.map(\.address).sorted()
        #expect(talkers == (0..<5).map { "192.0.2.\($0)" })
        #expect(report.events == 200_000)
        // 150,005 distinct sources, estimated at precision 12 (1.6% standard error).
        #expect(!report.sources.exact)
        #expect(abs(Double(report.sources.count) - 150_005) / 150_005 < 0.05, "\(report.sources.count)")
    }

    @Test func jsonSaysWhatIsApproximate() throws {
        let report = SummaryReport(Self.aggregate(), input: SummaryInput(files: ["-"], packets: 0, bytes: 0), top: 3)
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(SummaryJSONRenderer.render(report).utf8)) as? [String: Any]
        )
        #expect(object["approximate"] as? Bool == true)
        let fingerprints = try #require(object["fingerprints"] as? [String: Any])
        let ja4 = try #require(fingerprints["ja4"] as? [String: Any])
        #expect(ja4["approximate"] as? Bool == true)
        #expect(ja4["capacity"] as? Int == 64)
        #expect(ja4["tracked"] as? Int == 64)
        let rows = try #require(ja4["rows"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { ($0["count_error"] as? Int ?? -1) >= 0 })
    }
}
