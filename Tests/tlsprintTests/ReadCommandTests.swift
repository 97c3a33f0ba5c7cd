import Foundation
import TLSPrintTestSupport
import Testing

/// `tlsprint read` end to end: the built binary on the repository's fixtures and the shared corpus. Expected
/// fingerprints come from the fixtures' expected.json (tshark oracle) and the corpus expected.json.
@Suite(.serialized) struct ReadCommandTests {
    static let fixture = Fixture.url("captures/openssl-tls12.pcap").path

    static func stream(_ name: String) throws -> [String: Any] {
        let url = Fixture.url("captures/\(name).expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let streams = try #require(object?["streams"] as? [[String: Any]])
        return try #require(streams.first)
    }

    @Test func syslogByDefault() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let expected = try Self.stream("openssl-tls12")
        let result = try TLSPrintBinary.run(binary, ["read", "--quiet", "--node-name", "sensor-1", Self.fixture])
        #expect(result.status == 0)
        // A TLS 1.2 handshake with one Certificate message: client hello, session, certificate.
        #expect(result.lines.count == 3)
        let ids = result.lines.map { $0.split(separator: " ").dropFirst(5).first.map(String.init) }
        #expect(ids == ["tls_client_hello", "tls_session", "tls_certificate"])
        #expect(result.lines.allSatisfy { $0.hasPrefix("<134>1 ") || $0.hasPrefix("<132>1 ") })
        #expect(result.lines[1].hasPrefix("<132>1 "))  // sessions are warnings
        let ja4 = try #require(expected["ja4"] as? String)
        #expect(result.lines[0].contains("ja4=\"\(ja4)\""))
        #expect(result.lines[0].contains("sni=\"\(try #require(expected["sni"] as? String))\""))
        #expect(result.lines[1].contains("ja4s=\"\(try #require(expected["ja4s"] as? String))\""))
    }

    @Test func jsonLinesParseWithPython() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let expected = try Self.stream("openssl-tls12")
        let result = try TLSPrintBinary.run(
            binary,
            ["read", "--quiet", "--format", "json", "--node-name", "n1", Self.fixture]
        )
        #expect(result.status == 0)
        guard let rows = try PythonJSONLines.parse(result.stdout) else { return }
        #expect(rows.map { $0[0] as? String } == ["tls_client_hello", "tls_session", "tls_certificate"])
        #expect(rows.allSatisfy { $0[1] as? String == "n1" })
        #expect(rows[0][2] as? String == expected["ja4"] as? String)
        #expect(rows[0][3] as? Int == expected["client_port"] as? Int)
    }

    @Test(arguments: ["syslog", "json"])
    func standardInputMatchesTheFile(format: String) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let common = ["read", "--quiet", "--format", format, "--node-name", "n1"]
        for name in ["openssl-tls12", "ipv6", "tls13-hrr"] {
            let path = Fixture.url("captures/\(name).pcap").path
            let fromFile = try TLSPrintBinary.run(binary, common + [path])
            let fromPipe = try TLSPrintBinary.run(binary, common + ["-"], stdin: path)
            #expect(fromPipe.status == 0)
            #expect(!fromFile.stdout.isEmpty)
            #expect(fromPipe.stdout == fromFile.stdout, "\(name)")
        }
    }

    @Test func severalFilesInOneRun() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let files = ["openssl-tls12", "tls13-hrr", "ipv6"].map { Fixture.url("captures/\($0).pcap").path }
        let common = ["read", "--quiet", "--dedup-ttl", "0", "--node-name", "n1"]
        let together = try TLSPrintBinary.run(binary, common + files)
        #expect(together.status == 0)
        var separately: [String] = []
        for file in files { separately += try TLSPrintBinary.run(binary, common + [file]).lines }
        #expect(together.lines == separately)
    }

    @Test func missingFileExits66WithOneLine() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["read", "--quiet", "/nonexistent/capture.pcap"])
        #expect(result.status == 66)
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/capture.pcap"))
        #expect(result.stdout.isEmpty)
    }

    /// The fixture cut in the middle of its last record: everything before is reported, then exit 65 naming
    /// the offset where that record starts.
    @Test func truncatedCaptureReportsEventsBeforeTheDamage() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture)))
        let starts = try ClassicPcap.recordStarts(bytes)
        let last = try #require(starts.last)
        let clean = try TLSPrintBinary.temporaryFile(Array(bytes[..<last]))
        let damaged = try TLSPrintBinary.temporaryFile(Array(bytes[..<(last + 16 + (bytes.count - last - 16) / 2)]))
        defer {
            try? FileManager.default.removeItem(at: clean)
            try? FileManager.default.removeItem(at: damaged)
        }
        let common = ["read", "--quiet", "--node-name", "n1"]
        let whole = try TLSPrintBinary.run(binary, common + [clean.path])
        let cut = try TLSPrintBinary.run(binary, common + [damaged.path])
        #expect(whole.status == 0)
        #expect(cut.status == 65)
        #expect(!cut.lines.isEmpty)
        #expect(cut.stdout == whole.stdout)
        #expect(cut.stderrLines.count == 1, "stderr: \(cut.stderr)")
        #expect(cut.stderr.contains(String(last)), "offset \(last) not in: \(cut.stderr)")
    }

    /// A damaged magic number: the input is not a capture at all (issue 11 asked for that in words).
    @Test func corruptHeaderExits65() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture)))
        bytes.replaceSubrange(0..<4, with: [0xDE, 0xAD, 0xBE, 0xEF])
        let file = try TLSPrintBinary.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TLSPrintBinary.run(binary, ["read", "--quiet", file.path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("not a pcap or pcapng file (starts with \"\\xDE\\xAD\\xBE\\xEF"))
    }

    @Test func quietSilencesTheSummary() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let quiet = try TLSPrintBinary.run(binary, ["read", "--quiet", Self.fixture])
        #expect(quiet.stderr.isEmpty)
        let loud = try TLSPrintBinary.run(binary, ["read", Self.fixture])
        #expect(loud.status == 0)
        #expect(loud.stdout == quiet.stdout)
        #expect(loud.stderr.contains("packets"))
        #expect(loud.stderr.contains("3 events"))
        #expect(loud.stderr.contains("handshakes"))
        #expect(loud.stderrLines.count >= 4)
    }
}

/// Record boundaries of a classic pcap file (24-byte header, 16-byte record headers), read independently of
/// TLSPrintPcap.
enum ClassicPcap {
    struct Malformed: Error {}

    static func recordStarts(_ bytes: [UInt8]) throws -> [Int] {
        guard bytes.count >= 24 else { throw Malformed() }
        let littleEndian = bytes[0] == 0xD4 || bytes[0] == 0x4D
        func u32(_ at: Int) -> Int {
            let quad = bytes[at..<(at + 4)].map(Int.init)
            return littleEndian
                ? quad[0] | quad[1] << 8 | quad[2] << 16 | quad[3] << 24
                : quad[3] | quad[2] << 8 | quad[1] << 16 | quad[0] << 24
        }
        var starts: [Int] = []
        var offset = 24
        while offset + 16 <= bytes.count {
            starts.append(offset)
            offset += 16 + u32(offset + 8)
        }
        guard offset == bytes.count else { throw Malformed() }
        return starts
    }
}
