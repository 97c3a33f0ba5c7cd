import Foundation
import TLSPrintTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 11, "errors a person understands": each fatal error is one line naming the file or destination
/// and the cause in words, with its sysexits status, and no summary of zeros after it (the runs are not
/// `--quiet`, so a summary would show). SIGINT/SIGTERM during `read` give the summary and 130/143.
@Suite(.serialized) struct ErrorMessageTests {
    static let fixture = Fixture.url("captures/openssl-tls12.pcap").path

    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["read", "/tmp"], status: 66, message: "tlsprint: /tmp: is a directory, not a capture file"),
        Case(
            arguments: ["read", "/nonexistent/capture.pcap"],
            status: 66,
            message: "tlsprint: /nonexistent/capture.pcap: no such file or directory"
        ),
        Case(
            arguments: ["read", "--output", "file:/nonexistent/x", fixture],
            status: 73,
            message: "tlsprint: file:/nonexistent/x: cannot open /nonexistent/x: no such file or directory"
        ),
        Case(
            arguments: ["read", "--tls-ca", "/nope.pem", "--output", "tls://127.0.0.1:6514", fixture],
            status: 66,
            message: "tlsprint: tls://127.0.0.1:6514: --tls-ca /nope.pem: no such file or directory"
        ),
    ]

    @Test(arguments: cases)
    func fatalErrorIsOneLineWithItsStatus(_ test: Case) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, test.arguments)
        #expect(result.status == test.status)
        #expect(result.stderrLines == [test.message])
        #expect(result.stdout.isEmpty)
    }

    @Test func textFileIsNotACaptureAndItsFirstBytesAreShownSafely() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let text = try TLSPrintBinary.temporaryFile(Array("hello world\n".utf8), suffix: ".txt")
        let hostile = try TLSPrintBinary.temporaryFile(
            [0x1B, 0x5B, 0x32, 0x4A, 0x22, 0x5C, 0x00, 0xFF, 0x41],
            suffix: ".bin"
        )
        let empty = try TLSPrintBinary.temporaryFile([], suffix: ".pcap")
        defer { for url in [text, hostile, empty] { try? FileManager.default.removeItem(at: url) } }
        let plain = try TLSPrintBinary.run(binary, ["read", text.path])
        #expect(plain.status == 65)
        #expect(plain.stderrLines == ["tlsprint: \(text.path): not a pcap or pcapng file (starts with \"hello wo\")"])
        let escaped = try TLSPrintBinary.run(binary, ["read", hostile.path])
        #expect(escaped.status == 65)
        #expect(
            escaped.stderrLines
                == [#"tlsprint: \#(hostile.path): not a pcap or pcapng file (starts with "\x1B[2J\x22\x5C\x00\xFF")"#]
        )
        #expect(!escaped.stderr.utf8.contains(0x1B), "no terminal escape reaches stderr")
        let nothing = try TLSPrintBinary.run(binary, ["read", empty.path])
        #expect(nothing.status == 65)
        #expect(nothing.stderrLines == ["tlsprint: \(empty.path): empty, not a pcap or pcapng file"])
    }

    @Test func portMissingInAnOutputIsAUsageErrorSayingSo() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["read", "--output", "udp://127.0.0.1", Self.fixture])
        #expect(result.status == 64)
        #expect(result.stderrLines.first == "Error: --output: port missing in udp://127.0.0.1 (udp://HOST:PORT)")
    }

    /// argument-parser takes `-5` for a flag unless the option parses unconditionally; both spellings reach
    /// the range check.
    @Test(arguments: [["--dedup-ttl", "-5"], ["--dedup-ttl=-5"]])
    func negativeDedupTTLSaysWhatIsAllowed(_ option: [String]) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["read"] + option + [Self.fixture])
        #expect(result.status == 64)
        #expect(result.stderrLines.first == "Error: --dedup-ttl must be 0 or more, not -5")
    }

    /// Ctrl-C (or SIGTERM) while `read -` waits on a quiet pipe: the events so far, the summary, 130 or 143.
    @Test(arguments: [(SIGINT, Int32(130), "SIGINT"), (SIGTERM, Int32(143), "SIGTERM")])
    func signalDuringReadFromAPipePrintsTheSummary(signal: Int32, status: Int32, name: String) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let run = try BackgroundRun(binary, ["read", "--dedup-ttl", "0", "-"])
        try run.write(Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture))))
        run.waitUntilRead()
        usleep(300_000)  // now blocked waiting for more input
        run.send(signal)
        let result = try run.finish(limit: .seconds(10))
        #expect(result.status == status)
        #expect(result.lines.count == 3, "the events read before the signal")
        #expect(result.stderrLines.first == "tlsprint: -: stopped by \(name)")
        #expect(result.stderr.contains("tlsprint: 10 packets,"), "\(result.stderr)")
        #expect(result.stderr.contains("tlsprint: 3 events, 0 suppressed"), "\(result.stderr)")
    }
}
