import Foundation
import TLSPrintTestSupport
import Testing

/// The honeypot collector's own line parser (`shared/collector/decnet`, `parse_rfc5424` of its worker.py,
/// unchanged) reads every syslog line tlsprint writes exactly: event type, decoy, service, attacker address and
/// every field as the JSON encoding of the same run has it (scripts/collector/check-syslog.py). TLS, SSH and
/// HTTP captures, ours and FoxIO's.
@Suite struct CollectorParseTests {
    static let captures: [String] = [
        "fixtures/ssh-openssh.pcap", "fixtures/ssh-dropbear.pcap", "fixtures/ssh-paramiko.pcap",
        "fixtures/ssh-interactive-long.pcap", "fixtures/http-curl.pcap", "fixtures/http-wget.pcap",
        "fixtures/http-python.pcap", "fixtures/http-keepalive.pcap", "fixtures/http-10.pcap",
        "fixtures/http-post.pcap", "fixtures/http-connect.pcap", "fixtures/sample.pcap",
        "corpus/foxio/pcap/ssh.pcapng", "corpus/foxio/pcap/ssh-r.pcap", "corpus/foxio/pcap/sshv1.pcap",
        "corpus/foxio/pcap/ssh2-malformed.pcap", "corpus/foxio/pcap/http1.pcapng",
        "corpus/foxio/pcap/http1-with-cookies.pcapng", "corpus/foxio/pcap/CVE-2018-6794.pcap",
    ]

    static var collector: URL? { SharedCorpus.url("collector/decnet") }
    static let script = SharedCorpus.packageRoot.appendingPathComponent("scripts/collector/check-syslog.py")

    static func captureURL(_ name: String) -> URL? {
        if name.hasPrefix("fixtures/") { return Fixture.url("captures/\(name.dropFirst("fixtures/".count))") }
        return SharedCorpus.url(name)
    }

    @Test(arguments: captures)
    func theCollectorReadsEveryLineExactly(_ capture: String) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        guard let collector = Self.collector, let url = Self.captureURL(capture),
            FileManager.default.fileExists(atPath: url.path)
        else {
            if SharedCorpus.isCI { Issue.record("shared/ not found: set TLSPRINT_SHARED") }
            return
        }
        let common = ["read", "--dedup-ttl", "0", "--node-name", "decky-7", "--quiet", url.path]
        let syslog = try TLSPrintBinary.run(binary, common + ["--format", "syslog"])
        let json = try TLSPrintBinary.run(binary, common + ["--format", "json"])
        #expect(syslog.status == 0 && json.status == 0, "\(capture): \(syslog.stderr)")
        #expect(!syslog.stdout.isEmpty, "\(capture): no events")
        let check = try Self.check(collector: collector, syslog: syslog.stdout, json: json.stdout, node: "decky-7")
        #expect(check.status == 0, "\(capture): \(check.output)")
    }

    /// The check itself can fail: one field changed on the JSON side is reported.
    @Test func aDifferentFieldIsReported() throws {
        guard let binary = TLSPrintBinary.require(), let collector = Self.collector,
            let url = Self.captureURL("fixtures/http-post.pcap")
        else { return }
        let common = ["read", "--dedup-ttl", "0", "--node-name", "decky-7", "--quiet", url.path]
        let syslog = try TLSPrintBinary.run(binary, common + ["--format", "syslog"])
        let json = try TLSPrintBinary.run(binary, common + ["--format", "json"])
        let edited = Array(String(decoding: json.stdout, as: UTF8.self).replacing("/upload", with: "/elsewhere").utf8)
        let check = try Self.check(collector: collector, syslog: syslog.stdout, json: edited, node: "decky-7")
        #expect(check.status == 1)
        #expect(check.output.contains("http_uri"))
    }

    /// Runs scripts/collector/check-syslog.py on the two outputs.
    static func check(collector: URL, syslog: [UInt8], json: [UInt8], node: String) throws -> (
        status: Int32, output: String
    ) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("collector-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let syslogURL = scratch.appendingPathComponent("events.syslog")
        let jsonURL = scratch.appendingPathComponent("events.jsonl")
        try Data(syslog).write(to: syslogURL)
        try Data(json).write(to: jsonURL)
        let outputURL = scratch.appendingPathComponent("output")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, collector.path, syslogURL.path, jsonURL.path, node]
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        return (process.terminationStatus, (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "")
    }
}
