import Foundation
import TLSPrintEvent
import TLSPrintSummary
import TLSPrintTestSupport
import Testing

/// The summary of each FoxIO capture against what the corpus's `expected.json` (FoxIO's Rust tool, driven by
/// tshark) says of it, counted here from the stream records alone: per JA4 the streams (one ClientHello each),
/// their distinct `src` and their `tls_server_name`s; per JA4S the streams; per JA4H the requests and their
/// sources; per HASSH and HASSH-server the streams.
@Suite struct FoxIOSummaryTests {
    /// Per fingerprint: count, sources, names with counts.
    struct Expected: Equatable, CustomStringConvertible {
        var count = 0
        var sources: Set<String> = []
        var names: [String: Int] = [:]
        var description: String { "\(count) from \(sources.sorted()) names \(names)" }
    }

    /// Where the reference is out of reach or follows another rule (see the corpus README and the README's
    /// Correctness section): JA4 by the written spec's ALPN rule; JA4H of HTTP/2 and HTTP/3 requests the
    /// reference decrypted with keys embedded in the capture.
    static let exceptions: [String: Set<FingerprintKind>] = [
        "tls-non-ascii-alpn.pcapng": [.ja4],
        "http2-with-cookies.pcapng": [.ja4h],
        "chrome-cloudflare-quic-with-secrets.pcapng": [.ja4h],
        // The reference reads no TLS after the SOCKS4 prelude; tlsprint's sensor finds the server's hello
        // (its ClientHello is not seen), so the summary has one JA4S the reference does not.
        "socks4-https.pcap": [.ja4s],
    ]

    static func files() throws -> [[String: Any]]? {
        guard let object = try SharedCorpus.json("corpus/foxio/expected.json") as? [String: Any] else {
            if SharedCorpus.isCI { Issue.record("shared corpus missing") } else { print("skipping: no shared corpus") }
            return nil
        }
        return (object["files"] as? [[String: Any]] ?? []).filter { ($0["streams"] as? [Any]) != nil }
    }

    /// What expected.json says per fingerprint of `kind` in one file.
    static func expected(_ streams: [[String: Any]], _ kind: FingerprintKind) -> [String: Expected] {
        var table: [String: Expected] = [:]
        func add(_ value: String?, _ source: String?, _ name: String?) {
            guard let value, !value.isEmpty, let source else { return }
            table[value, default: Expected()].count += 1
            table[value, default: Expected()].sources.insert(source)
            if let name, !name.isEmpty { table[value, default: Expected()].names[name, default: 0] += 1 }
        }
        for stream in streams {
            let source = stream["src"] as? String
            let ssh = stream["ssh_extras"] as? [String: Any]
            switch kind {
            case .ja4: add(stream["ja4"] as? String, source, stream["tls_server_name"] as? String)
            case .ja4s: add(stream["ja4s"] as? String, source, nil)
            case .hassh: add(ssh?["hassh"] as? String, source, nil)
            case .hasshServer: add(ssh?["hassh_server"] as? String, source, nil)
            case .ja4h:
                for request in stream["http"] as? [[String: Any]] ?? [] { add(request["ja4h"] as? String, source, nil) }
            case .ja3, .ja3s: break
            }
        }
        return table
    }

    /// What the summary says, in the same shape. Names are compared apart (``namesAgree``).
    static func actual(_ report: SummaryReport, _ kind: FingerprintKind) -> [String: Expected] {
        var table: [String: Expected] = [:]
        for row in rows(report, kind) {
            var entry = Expected(count: row.count)
            entry.sources = ["\(row.sources.count) sources"]
            table[row.fingerprint] = entry
        }
        return table
    }

    static func rows(_ report: SummaryReport, _ kind: FingerprintKind) -> [SummaryReport.FingerprintRow] {
        report.fingerprints.first(where: { $0.kind == kind })?.section.rows ?? []
    }

    /// Each name shown has its true count within the bounds shown; with no error anywhere, the names are
    /// exactly the expected ones (when there are at most as many as shown).
    static func namesAgree(_ row: SummaryReport.FingerprintRow, _ expected: [String: Int], shown: Int) -> Bool {
        for name in row.names {
            let truth = expected[name.name] ?? 0
            guard name.count - name.error <= truth, truth <= name.count else { return false }
        }
        if row.names.allSatisfy({ $0.error == 0 }), expected.count <= shown {
            return Dictionary(uniqueKeysWithValues: row.names.map { ($0.name, $0.count) }) == expected
        }
        return true
    }

    @Test func everyCaptureAgreesWithExpectedJSON() throws {
        guard let files = try Self.files(), let root = SharedCorpus.url("corpus/foxio/pcap") else { return }
        var compared = 0
        for file in files {
            let name = try #require(file["pcap"] as? String)
            let streams = file["streams"] as? [[String: Any]] ?? []
            let (events, _) = try CaptureRunner.run([root.appendingPathComponent(name).path])
            var aggregator = SummaryAggregator()
            aggregator.add(events)
            // Every row and up to 8 names, so that the whole expectation can be compared.
            let report = SummaryReport(
                aggregator,
                input: SummaryInput(files: [name], packets: 0, bytes: 0),
                top: 1_000,
                names: 8
            )
            for kind in [FingerprintKind.ja4, .ja4s, .ja4h, .hassh, .hasshServer]
            where !(Self.exceptions[name]?.contains(kind) ?? false) {
                let reference = Self.expected(streams, kind)
                let expected = reference.mapValues { entry in
                    var counted = entry
                    counted.sources = ["\(entry.sources.count) sources"]
                    counted.names = [:]
                    return counted
                }
                #expect(Self.actual(report, kind) == expected, "\(name) \(kind.title)")
                for row in Self.rows(report, kind) where kind == .ja4 {
                    let names = reference[row.fingerprint]?.names ?? [:]
                    #expect(Self.namesAgree(row, names, shown: 8), "\(name) \(row.fingerprint): \(row.names)")
                }
                compared += expected.values.reduce(0) { $0 + $1.count }
            }
        }
        #expect(compared > 400)
    }

    /// tls-sni.pcapng: 79 streams (expected.json), every ClientHello from 192.168.1.168
    /// (`tshark -r tls-sni.pcapng -Y tls.handshake.type==1 -T fields -e ip.src | sort -u`).
    @Test func manyStreamsOfOneClient() throws {
        guard let url = SharedCorpus.url("corpus/foxio/pcap/tls-sni.pcapng"), SharedCorpus.root != nil else { return }
        let (events, _) = try CaptureRunner.run([url.path])
        var aggregator = SummaryAggregator()
        aggregator.add(events)
        let report = SummaryReport(aggregator, input: SummaryInput(files: [], packets: 0, bytes: 0), top: 10, names: 16)
        #expect(report.eventCounts.first { $0.type == "tls_client_hello" }?.count == 79)
        #expect(report.talkers.rows.map(\.address) == ["192.168.1.168"])
        #expect(report.talkers.rows.first?.events == events.count)
        // No table was full; only the names of the busiest JA4 (33 server names, 16 kept) are bounds.
        let ja4 = try #require(report.fingerprints.first { $0.kind == .ja4 }?.section)
        #expect(ja4.evictions == 0 && ja4.rows.first?.count == 54)
        // Space-Saving keeps every name seen more than 54 / 16 times: the two seen 6 times.
        let names = Set(ja4.rows.first?.names.map(\.name) ?? [])
        #expect(names.isSuperset(of: ["static.xx.fbcdn.net", "video-iad3-2.xx.fbcdn.net"]))
    }

    /// http1.pcapng: requests per source as tshark counts them
    /// (`tshark -r http1.pcapng -Y http.request -T fields -e ip.src | sort | uniq -c`), and each source's
    /// distinct JA4H from expected.json.
    @Test func topTalkersOfPlainHTTP() throws {
        guard let files = try Self.files(), let root = SharedCorpus.url("corpus/foxio/pcap") else { return }
        let streams = try #require(
            files.first { $0["pcap"] as? String == "http1.pcapng" }?["streams"] as? [[String: Any]]
        )
        var fingerprints: [String: Set<String>] = [:]
        for stream in streams {
            guard let source = stream["src"] as? String else { continue }
            for request in stream["http"] as? [[String: Any]] ?? [] {
                if let ja4h = request["ja4h"] as? String { fingerprints[source, default: []].insert(ja4h) }
            }
        }
        let (events, _) = try CaptureRunner.run([root.appendingPathComponent("http1.pcapng").path])
        var aggregator = SummaryAggregator()
        aggregator.add(events)
        let report = SummaryReport(aggregator, input: SummaryInput(files: [], packets: 0, bytes: 0), top: 10)
        let expected: [(String, Int)] = [
            ("192.168.1.136", 18), ("192.168.1.191", 15), ("192.168.1.118", 11), ("192.168.1.100", 9),
            ("192.168.1.147", 2), ("192.168.1.188", 1),
        ]
        #expect(report.talkers.rows.map(\.address) == expected.map(\.0))
        #expect(report.talkers.rows.map(\.events) == expected.map(\.1))
        for row in report.talkers.rows {
            #expect(
                row.fingerprints == SummaryReport.Distinct(count: fingerprints[row.address]?.count ?? -1, exact: true)
            )
        }
    }
}
