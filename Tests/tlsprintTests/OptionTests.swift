import Foundation
import TLSPrintTestSupport
import Testing

/// Options of `tlsprint read` that shape the events: deduplication, node name, output destinations.
@Suite(.serialized) struct OptionTests {
    static let fixture = Fixture.url("captures/openssl-tls12.pcap").path

    /// The syslog HOSTNAME (third space-separated field) of each line.
    static func hostNames(_ result: TLSPrintBinary.Result) -> [String] {
        result.lines.map { $0.split(separator: " ").dropFirst(2).first.map(String.init) ?? "" }
    }

    static func messageIDs(_ result: TLSPrintBinary.Result) -> [String] {
        result.lines.map { $0.split(separator: " ").dropFirst(5).first.map(String.init) ?? "" }
    }

    /// zeek google-duplicate.pcap: two connections from one client with identical hellos (expected.json: same
    /// ja3/ja3s, same client IP). `read` keeps both by default (an analyst sees every event); `--dedup-ttl 300`
    /// or `DEDUP_TTL=300` keeps the first of each type, and the summary names what it suppressed.
    @Test func readKeepsRepeatsUnlessDeduplicationIsAskedFor() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        guard let corpus = SharedCorpus.url("corpus/zeek/pcap/google-duplicate.pcap") else {
            if SharedCorpus.isCI { Issue.record("shared corpus missing under CI") }
            return
        }
        let everything = try TLSPrintBinary.run(binary, ["read", "--quiet", corpus.path])
        let deduplicated = try TLSPrintBinary.run(binary, ["read", "--quiet", "--dedup-ttl", "300", corpus.path])
        let fromEnvironment = try TLSPrintBinary.run(
            binary,
            ["read", "--quiet", corpus.path],
            environment: ["DEDUP_TTL": "300"]
        )
        let kept = Self.messageIDs(deduplicated)
        let all = Self.messageIDs(everything)
        #expect(kept.filter { $0 == "tls_client_hello" }.count == 1)
        #expect(kept.filter { $0 == "tls_session" }.count == 1)
        #expect(all.filter { $0 == "tls_client_hello" }.count == 2)
        #expect(all.filter { $0 == "tls_session" }.count == 2)
        for type in Set(all) { #expect(all.filter { $0 == type }.count == 2 * kept.filter { $0 == type }.count) }
        #expect(fromEnvironment.stdout == deduplicated.stdout)
        let plain = try TLSPrintBinary.run(binary, ["read", corpus.path])
        #expect(plain.stderr.contains("\(all.count) events, 0 suppressed (deduplication off)"), "\(plain.stderr)")
        let summary = try TLSPrintBinary.run(binary, ["read", "--dedup-ttl", "300", corpus.path])
        let types = Set(all).sorted().map { "1 \($0)" }
        #expect(
            summary.stderr.contains(
                "\(kept.count) events, \(all.count - kept.count) suppressed as repeats from one source within 300 s: "
            ),
            "\(summary.stderr)"
        )
        for type in types { #expect(summary.stderr.contains(type), "\(summary.stderr)") }
    }

    /// Singular and plural as counted: one packet, one flow, one event.
    @Test func summaryWordsFollowTheCounts() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["read", Fixture.url("captures/openssl-tls12.pcap").path])
        #expect(!result.stderr.contains(" 1 packets") && !result.stderr.contains(" 1 flows"), "\(result.stderr)")
        #expect(result.stderr.contains(" 1 flow ("), "\(result.stderr)")
        #expect(result.stderr.contains("SSH: 0 streams, 0 handshakes, 0 JA4SSH windows"), "\(result.stderr)")
        #expect(result.stderr.contains("TLS: 1 client hello, 1 server hello, "), "\(result.stderr)")
    }

    @Test func nodeNameFromEnvironmentAndFlag() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let fromEnvironment = try TLSPrintBinary.run(
            binary,
            ["read", "--quiet", Self.fixture],
            environment: ["NODE_NAME": "edge-7"]
        )
        #expect(Self.hostNames(fromEnvironment) == ["edge-7", "edge-7", "edge-7"])
        let flagWins = try TLSPrintBinary.run(
            binary,
            ["read", "--quiet", "--node-name", "core-2", Self.fixture],
            environment: ["NODE_NAME": "edge-7"]
        )
        #expect(Self.hostNames(flagWins) == ["core-2", "core-2", "core-2"])
        let json = try TLSPrintBinary.run(
            binary,
            ["read", "--quiet", "--format", "json", Self.fixture],
            environment: ["NODE_NAME": "edge-7"]
        )
        if let rows = try PythonJSONLines.parse(json.stdout) {
            #expect(rows.allSatisfy { $0[1] as? String == "edge-7" })
        }
    }

    @Test func outputToFile() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tlsprint-out-\(UUID().uuidString).log"
        )
        defer { try? FileManager.default.removeItem(at: target) }
        let toFile = try TLSPrintBinary.run(
            binary,
            ["read", "--quiet", "--node-name", "n1", "--output", "file:" + target.path, Self.fixture]
        )
        let toStdout = try TLSPrintBinary.run(binary, ["read", "--quiet", "--node-name", "n1", Self.fixture])
        #expect(toFile.status == 0)
        #expect(toFile.stdout.isEmpty)
        #expect(Array(try Data(contentsOf: target)) == toStdout.stdout)
    }

    @Test(arguments: ["bogus://host:1", "udp://", "file:", "tcp://host:notaport"])
    func badOutputIsAUsageError(destination: String) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["read", "--quiet", "--output", destination, Self.fixture])
        #expect(result.status == 64, "\(destination): exit \(result.status)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--output"), "\(destination): \(result.stderr)")
        #expect(result.stderr.lowercased().contains("usage"), "\(destination): \(result.stderr)")
    }
}
