import Foundation
import TLSPrintEvent
import TLSPrintSummary
import TLSPrintTestSupport
import Testing

@Suite struct SummaryRenderingTests {
    /// The report of FoxIO's tls-handshake.pcapng and Arkime's synthetic capture (TLS, QUIC, SSH, HTTP and
    /// flagged certificates), or nil without the shared corpus.
    static func corpusReport() throws -> SummaryReport? {
        guard let foxio = SharedCorpus.url("corpus/foxio/pcap/tls-handshake.pcapng"),
            let arkime = SharedCorpus.url("corpus/arkime/pcap/arkime_synthetic.pcap"), SharedCorpus.root != nil
        else { return nil }
        let (events, _) = try CaptureRunner.run([foxio.path, arkime.path])
        var aggregator = SummaryAggregator()
        aggregator.add(events)
        return SummaryReport(aggregator, input: SummaryInput(files: ["a", "b"], packets: 1, bytes: 2), top: 10)
    }

    /// Column starts of a header line: where each title begins (titles are separated by two spaces or more).
    static func columnStarts(_ header: String) -> [Int] {
        let characters = Array(header)
        var starts: [Int] = []
        for index in characters.indices where characters[index] != " " {
            if index == 0 || (index >= 2 && characters[index - 1] == " " && characters[index - 2] == " ") {
                starts.append(index)
            }
        }
        return starts
    }

    /// Every row of every table has two spaces before each column start of its header, and nothing of a
    /// cell crosses into the separator: the columns start at the same place on every line.
    static func checkAligned(_ text: String) -> Int {
        var tables = 0
        var starts: [Int]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty {
                starts = nil
                continue
            }
            if let header = line.first, header.isUppercase, line.contains("  "), line.uppercased() == line {
                starts = columnStarts(line)
                tables += 1
                continue
            }
            guard let starts else { continue }
            let characters = Array(line)
            for start in starts.dropFirst() where start < characters.count {
                #expect(characters[start - 1] == " " && characters[start - 2] == " ", "\(start): \(line)")
            }
        }
        return tables
    }

    @Test func textTableAlignsAndTruncates() {
        var table = TextTable(columns: [.init("NAME", maximumWidth: 10), .init("N", .right), .init("LAST")])
        table.rows = [["short", "1", "x"], ["a-very-long-name", "12345", "y"], ["", "7", ""]]
        let lines = table.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines == [
                "NAME        N      LAST",
                "short           1  x",
                "a-very-...  12345  y",
                "                7",
                "",
            ]
        )
        #expect(Self.checkAligned(lines.joined(separator: "\n")) == 1)
    }

    @Test func corpusTablesAreAligned() throws {
        guard let report = try Self.corpusReport() else { return }
        let text = SummaryTableRenderer.render(report)
        // JA4, JA3, JA4S, JA3S, HASSH, HASSH-server, JA4H, certificates, talkers.
        #expect(Self.checkAligned(text) == 9)
        #expect(text.split(separator: "\n").allSatisfy { $0.allSatisfy { $0.isASCII } })
        #expect(text.contains("self-signed,not-yet-valid"))
        #expect(text.hasPrefix("tlsprint summary: 2 files, 1 packet, 226 events"))
    }

    @Test func jsonHasTheDocumentedKeysInOrder() throws {
        guard let report = try Self.corpusReport() else { return }
        let text = SummaryJSONRenderer.render(report)
        #expect(text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let keys = [
            "schema", "approximate", "input", "events", "first_seen", "last_seen", "sources", "fingerprints",
            "certificates", "top_talkers",
        ]
        #expect(Set(object.keys) == Set(keys))
        let positions = keys.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted())
        #expect(object["schema"] as? String == "tlsprint-summary/1")
        let events = try #require(object["events"] as? [String: Int])
        #expect(events["total"] == 226 && events["tls_client_hello"] == 92 && events["http_request"] == 26)
        let fingerprints = try #require(object["fingerprints"] as? [String: [String: Any]])
        #expect(Set(fingerprints.keys) == Set(FingerprintKind.allCases.map(\.rawValue)))
        let ja4 = try #require(fingerprints["ja4"])
        #expect(ja4["event"] as? String == "tls_client_hello")
        let row = try #require((ja4["rows"] as? [[String: Any]])?.first)
        #expect(
            Set(row.keys)
                == [
                    "fingerprint", "count", "count_error", "sources", "top_sni", "labels", "labels_dropped",
                    "first_seen", "last_seen",
                ]
        )
        #expect(row["fingerprint"] as? String == "t13d1516h2_8daaf6152771_e5627efa2ab1")
        #expect(row["count"] as? Int == 54)
        let certificates = try #require((object["certificates"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(certificates.count == 3)
        #expect(certificates.allSatisfy { $0["not_yet_valid"] as? Bool == true && $0["self_signed"] as? Bool == true })
        let talkers = try #require((object["top_talkers"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(talkers.first?["src_ip"] as? String == "192.168.1.168")
        #expect(talkers.first?["events"] as? Int == 164)
    }

    @Test func wireTextIsMadeSafe() {
        #expect(DisplayText.make(Array("example.com".utf8)) == "example.com")
        #expect(DisplayText.make(Array("bücher.de".utf8)) == "bücher.de")
        #expect(DisplayText.make([0x61, 0x1B, 0x5B, 0x32, 0x4A, 0x0A]) == "a\\x1b[2J\\x0a")
        #expect(DisplayText.make([0x61, 0xFF, 0xC2, 0x9B, 0x62]) == "a\\xff\\xc2\\x9bb")
        let long = DisplayText.make([UInt8](repeating: 0x61, count: 1_000))
        #expect(long.count == DisplayText.maximumBytes && long.hasSuffix("..."))
    }

    @Test func jsonEscapes() {
        var json = JSONText()
        json.beginObject()
        json.string("a\"b", "c\\d\u{01}")
        json.strings("list", ["x", "y"])
        json.null("none")
        json.endObject()
        #expect(json.text == #"{"a\"b":"c\\d\u0001","list":["x","y"],"none":null}"#)
    }
}
