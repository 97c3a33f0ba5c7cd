import Foundation
import TLSPrintTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `tlsprint summary` end to end: the built binary on the README's sample capture, whose expected values
/// come from the fixture oracle (`sample.expected.json`: tshark and scripts/oracle).
@Suite struct SummaryCommandTests {
    static let sample = Fixture.url("captures/sample.pcap").path

    /// (ja4, sni, client port, server port) of the sample's two streams.
    static func expectedStreams() throws -> [(ja4: String, sni: String, server: Int)] {
        let data = try Data(contentsOf: Fixture.url("captures/sample.expected.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(document["streams"] as? [[String: Any]]).compactMap {
            guard let ja4 = $0["ja4"] as? String, let sni = $0["sni"] as? String, let port = $0["server_port"] as? Int
            else { return nil }
            return (ja4, sni, port)
        }
    }

    /// The summary's JSON read by Python's json module (an independent parser), re-serialised for Foundation.
    static func parsedByPython(_ output: [UInt8]) throws -> [String: Any]? {
        guard let python = TLSPrintBinary.python3() else { return nil }
        let input = try TLSPrintBinary.temporaryFile(output, suffix: ".json")
        defer { try? FileManager.default.removeItem(at: input) }
        let script = "import json, sys; print(json.dumps(json.loads(sys.stdin.read())))"
        let result = try TLSPrintBinary.run(python, ["-c", script], stdin: input.path)
        #expect(result.status == 0, "python3 json.loads failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]
    }

    @Test func tableByDefault() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["summary", Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.hasPrefix("tlsprint summary: 1 file, "))
        #expect(text.contains("events: tls_client_hello 2, tls_session 2, tls_certificate 1"))
        for stream in try Self.expectedStreams() {
            let row = try #require(result.lines.first { $0.hasPrefix(stream.ja4 + " ") }, "\(stream.ja4)")
            #expect(row.contains("\(stream.sni) (1)"))
        }
        // Column starts: every line of a table has two spaces before each column its header starts.
        var starts: [Int] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty {
                starts = []  // a table ends at a blank line
                continue
            }
            if line.first?.isUppercase == true, line.uppercased() == line, line.contains("  ") {
                let characters = Array(line)
                starts = characters.indices.filter {
                    $0 >= 2 && characters[$0] != " " && characters[$0 - 1] == " " && characters[$0 - 2] == " "
                }
                continue
            }
            let characters = Array(line)
            for start in starts where start < characters.count {
                #expect(characters[start - 2] == " " && characters[start - 1] == " ", "\(line)")
            }
        }
    }

    @Test func jsonParsesAndCountsEachStream() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["summary", "--output-format", "json", Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        guard let object = try Self.parsedByPython(result.stdout) else { return }
        #expect(object["schema"] as? String == "tlsprint-summary/1")
        #expect(object["approximate"] as? Bool == false)
        let input = try #require(object["input"] as? [String: Any])
        #expect(input["files"] as? [String] == [Self.sample])
        let ja4 = try #require((object["fingerprints"] as? [String: Any])?["ja4"] as? [String: Any])
        let rows = try #require(ja4["rows"] as? [[String: Any]])
        let expected = try Self.expectedStreams()
        #expect(Set(rows.compactMap { $0["fingerprint"] as? String }) == Set(expected.map(\.ja4)))
        #expect(rows.allSatisfy { $0["count"] as? Int == 1 && $0["count_error"] as? Int == 0 })
        let talkers = try #require((object["top_talkers"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(talkers.count == 1 && talkers.first?["src_ip"] as? String == "127.0.0.1")
        #expect(talkers.first?["events"] as? Int == 5)
    }

    @Test func environmentChoosesTheFormatAndTheFlagWins() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let flag = try TLSPrintBinary.run(binary, ["summary", "--output-format", "json", Self.sample])
        let environment = ["TLSPRINT_SUMMARY_FORMAT": "json"]
        let fromEnvironment = try TLSPrintBinary.run(binary, ["summary", Self.sample], environment: environment)
        #expect(fromEnvironment.stdout == flag.stdout)
        let table = try TLSPrintBinary.run(
            binary,
            ["summary", "--output-format", "table", Self.sample],
            environment: environment
        )
        #expect(table.lines.first?.hasPrefix("tlsprint summary:") == true)
        let bad = try TLSPrintBinary.run(
            binary,
            ["summary", Self.sample],
            environment: ["TLSPRINT_SUMMARY_FORMAT": "xml"]
        )
        #expect(bad.status == 64)
    }

    @Test func standardInputAndFileAgree() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let fromFile = try TLSPrintBinary.run(binary, ["summary", Self.sample])
        let fromPipe = try TLSPrintBinary.run(binary, ["summary", "-"], stdin: Self.sample)
        #expect(fromPipe.status == 0)
        #expect(fromPipe.stdout == fromFile.stdout)
    }

    @Test func filterKeepsOneStream() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let stream = try #require(try Self.expectedStreams().first)
        let result = try TLSPrintBinary.run(
            binary,
            ["summary", "--output-format", "json", "--bpf", "tcp port \(stream.server)", Self.sample]
        )
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
        let ja4 = try #require((object["fingerprints"] as? [String: Any])?["ja4"] as? [String: Any])
        #expect((ja4["rows"] as? [[String: Any]])?.compactMap { $0["fingerprint"] as? String } == [stream.ja4])
        let bad = try TLSPrintBinary.run(binary, ["summary", "--bpf", "tcp port", Self.sample])
        #expect(bad.status == 64 && bad.stdout.isEmpty)
    }

    @Test func sensorOptionsApply() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["summary", "--fingerprints", "ja3", "--top", "1", Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.lines.contains { $0.hasPrefix("JA4 ") })
        #expect(result.lines.contains { $0.hasPrefix("JA3 (tls_client_hello): 2 fingerprints, top 1 shown") })
    }

    @Test func missingFileExits66WithOneLine() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["summary", "/nonexistent/capture.pcap"])
        #expect(result.status == 66)
        #expect(
            result.stderrLines == ["tlsprint: /nonexistent/capture.pcap: no such file or directory"]
                || result.stderrLines.count == 1
        )
        #expect(result.stdout.isEmpty)
    }

    /// A capture cut in its last record: exit 65, one line on stderr, and the summary of every record before
    /// the damage, the same as the summary of the clean prefix.
    @Test func truncatedCaptureSummarisesWhatCameBefore() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.sample)))
        let last = try #require(try ClassicPcap.recordStarts(bytes).last)
        let clean = try TLSPrintBinary.temporaryFile(Array(bytes[..<last]))
        let damaged = try TLSPrintBinary.temporaryFile(Array(bytes[..<(last + 16 + (bytes.count - last - 16) / 2)]))
        defer {
            try? FileManager.default.removeItem(at: clean)
            try? FileManager.default.removeItem(at: damaged)
        }
        let whole = try TLSPrintBinary.run(binary, ["summary", clean.path])
        let cut = try TLSPrintBinary.run(binary, ["summary", damaged.path])
        #expect(whole.status == 0)
        #expect(cut.status == 65)
        #expect(cut.stderrLines.count == 1, "stderr: \(cut.stderr)")
        #expect(!cut.stdout.isEmpty && cut.stdout == whole.stdout)
    }

    /// Ctrl-C while `summary -` waits on a quiet pipe: the summary of what was read, and 130.
    @Test func signalPrintsTheSummarySoFar() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let run = try BackgroundRun(binary, ["summary", "-"])
        try run.write(Array(try Data(contentsOf: Fixture.url("captures/openssl-tls12.pcap"))))
        run.waitUntilRead()
        usleep(300_000)  // now blocked waiting for more input
        run.send(SIGINT)
        let result = try run.finish(limit: .seconds(10))
        #expect(result.status == 130)
        #expect(result.stderrLines == ["tlsprint: -: stopped by SIGINT"])
        #expect(result.lines.first?.hasPrefix("tlsprint summary: 1 file, 10 packets, 3 events") == true)
    }
}
