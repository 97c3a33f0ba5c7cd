import Foundation
import TLSPrintTestSupport
import Testing

/// The golden record (`Tests/Fixtures/golden`, see its README): for every capture in `MANIFEST.tsv`, the binary
/// under test must print byte for byte what the recorded binary printed, in JSON and in syslog, and exit with
/// the recorded status. Each capture and encoding is its own test case; the cases run in parallel.
///
/// The record was made before tlsprint read SSH and HTTP: lines of the event types added since
/// (``addedEventTypes``) and the fields added since (`GoldenRecord.withoutAddedFields`: `community_id`) are set
/// aside before the comparison, and the documented event changes since
/// (`GoldenRecord.documentedChanges`) are applied to the record, so every TLS line must still be identical and in the same
/// order, and nothing else may change.
@Suite struct GoldenOutputTests {
    /// One line of `MANIFEST.tsv`: capture, exit status, lines of JSON, lines of syslog (tab-separated).
    struct Entry: Sendable, CustomTestStringConvertible {
        /// `corpus/<path under shared/corpus>` or `fixtures/<path under Tests/Fixtures/captures>`.
        var capture: String
        var status: Int32
        var jsonLines: Int
        var syslogLines: Int

        var testDescription: String { capture }

        func lines(_ encoding: Encoding) -> Int { encoding == .json ? jsonLines : syslogLines }

        /// The recorded output of `encoding`.
        func recording(_ encoding: Encoding) -> URL {
            GoldenOutputTests.root.appendingPathComponent("\(capture).\(encoding.fileExtension)")
        }

        /// The capture file, or nil when it lies in the shared corpus and that is absent.
        var captureURL: URL? {
            let parts = capture.split(separator: "/", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            switch parts[0] {
            case "fixtures": return Fixture.url("captures/\(parts[1])")
            case "corpus": return SharedCorpus.url("corpus/\(parts[1])")
            default: return nil
            }
        }
    }

    /// The two encodings recorded.
    enum Encoding: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case json
        case syslog

        var fileExtension: String { self == .json ? "jsonl" : "syslog" }
        var testDescription: String { rawValue }
    }

    /// A manifest line that does not parse.
    struct ManifestError: Error, CustomStringConvertible {
        var description: String
    }

    static let root = Fixture.url("golden")
    static let manifest = root.appendingPathComponent("MANIFEST.tsv")

    /// Every manifest entry; lines starting with `#` are comments, empty lines are ignored.
    static func readManifest() throws -> [Entry] {
        let text = try String(contentsOf: manifest, encoding: .utf8)
        var entries: [Entry] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, !fields[0].isEmpty, let status = Int32(fields[1]), let json = Int(fields[2]),
                let syslog = Int(fields[3])
            else { throw ManifestError(description: "MANIFEST.tsv line \(index + 1) is malformed: \(line)") }
            entries.append(Entry(capture: String(fields[0]), status: status, jsonLines: json, syslogLines: syslog))
        }
        return entries
    }

    /// The entries whose capture is here (corpus entries only when the shared corpus is present).
    static let entries: [Entry] = ((try? readManifest()) ?? []).filter { $0.captureURL != nil }

    @Test func manifestIsReadableAndItsCapturesArePresent() throws {
        let all = try Self.readManifest()
        #expect(!all.isEmpty, "MANIFEST.tsv lists no captures")
        #expect(Set(all.map(\.capture)).count == all.count, "MANIFEST.tsv lists a capture twice")
        for entry in all where entry.captureURL == nil {
            #expect(entry.capture.hasPrefix("corpus/"), "\(entry.capture): neither corpus/ nor fixtures/")
        }
        if SharedCorpus.root == nil {
            let message = "shared/ not found, its corpus cases are skipped (set TLSPRINT_SHARED)"
            if SharedCorpus.isCI { Issue.record(Comment(rawValue: message)) } else { print("skipping: " + message) }
        }
        for entry in all {
            guard let url = entry.captureURL else { continue }
            #expect(FileManager.default.fileExists(atPath: url.path), "\(entry.capture): capture file missing")
        }
    }

    @Test(arguments: entries, Encoding.allCases)
    func outputMatchesTheRecording(_ entry: Entry, _ encoding: Encoding) throws {
        guard let binary = TLSPrintBinary.require(), let capture = entry.captureURL else { return }
        let file = [UInt8](try Data(contentsOf: entry.recording(encoding)))
        let recorded = Self.withDocumentedChanges(file, encoding)
        #expect(
            file.count(where: { $0 == 0x0A }) == entry.lines(encoding),
            "\(entry.capture), \(encoding): the recorded file disagrees with MANIFEST.tsv about its line count"
        )
        let result = try TLSPrintBinary.run(
            binary,
            [
                "read", "--format", encoding.rawValue, "--dedup-ttl", "0", "--node-name", "golden", "--quiet",
                capture.path,
            ],
            // As scripts/golden/record.sh: no read option may come from the environment (run() clears the rest).
            environment: ["TLSPRINT_MEMCAP": ""]
        )
        let stderr = result.stderr.prefix(2000)
        #expect(
            result.status == entry.status,
            "\(entry.capture), \(encoding): exit status \(result.status), recorded \(entry.status); stderr: \(stderr)"
        )
        let text = String(decoding: Self.withoutAddedEvents(result.stdout, encoding), as: UTF8.self)
        let now = Array(GoldenRecord.withoutAddedFields(text, json: encoding == .json).utf8)
        if now != recorded {
            Issue.record(Comment(rawValue: Self.difference(entry, encoding, recorded: recorded, now: now)))
        }
    }

    /// `recorded` with the documented event changes since the record applied (`GoldenRecord.documentedChanges`).
    static func withDocumentedChanges(_ recorded: [UInt8], _ encoding: Encoding) -> [UInt8] {
        let text = String(decoding: recorded, as: UTF8.self)
        return Array(GoldenRecord.applyingDocumentedChanges(text, json: encoding == .json).utf8)
    }

    @Test func documentedChangesTouchOnlyDTLSVersions() {
        let recorded = Array(#"{"tls_version":"0xfeff","sni":"0xfeff"} tls_version="0xfefd""#.utf8)
        #expect(
            Self.withDocumentedChanges(recorded, .json)
                == Array(#"{"tls_version":"DTLS 1.0","sni":"0xfeff"} tls_version="0xfefd""#.utf8)
        )
        #expect(
            Self.withDocumentedChanges(recorded, .syslog)
                == Array(#"{"tls_version":"0xfeff","sni":"0xfeff"} tls_version="DTLS 1.2""#.utf8)
        )
    }

    /// Event types the record predates (issue 10: SSH and plain HTTP).
    static let addedEventTypes = ["ssh_handshake", "ssh_activity", "http_request"]

    /// `output` without the lines of ``addedEventTypes``, matched where the type sits in a line: the JSON `event`
    /// key (followed by `severity`) or the syslog MSGID (after APP-NAME and PROCID).
    static func withoutAddedEvents(_ output: [UInt8], _ encoding: Encoding) -> [UInt8] {
        let markers: [[UInt8]] = addedEventTypes.map { type in
            Array((encoding == .json ? "\"event\":\"\(type)\",\"severity\"" : " sniffer - \(type) [").utf8)
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(output.count)
        for line in output.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            let added = markers.contains { marker in
                line.indices.contains { start in line[start...].starts(with: marker) }
            }
            if !added {
                kept.append(contentsOf: line)
                kept.append(0x0A)
            }
        }
        return kept
    }

    @Test func addedEventLinesAreSetAsideAndNothingElse() {
        let session = #"{"timestamp":"t","node":"golden","app":"sniffer","event":"tls_session","severity":"warning"}"#
        let request = #"{"timestamp":"t","node":"golden","app":"sniffer","event":"http_request","severity":"info"}"#
        let json = Array("\(request)\n\(session)\n".utf8)
        #expect(Self.withoutAddedEvents(json, .json) == Array("\(session)\n".utf8))
        let hello = #"<134>1 t golden sniffer - tls_client_hello [relay@55555 sni="ssh_activity"]"#
        let activity = #"<134>1 t golden sniffer - ssh_activity [relay@55555 ja4ssh="c"]"#
        let syslog = Array("\(activity)\n\(hello)\n".utf8)
        #expect(Self.withoutAddedEvents(syslog, .syslog) == Array("\(hello)\n".utf8))
        #expect(
            GoldenRecord.withoutAddedFields(#"{"transport":"tcp","community_id":"1:A/Qj=","sni":"x"}"#, json: true)
                == #"{"transport":"tcp","sni":"x"}"#
        )
        #expect(
            GoldenRecord.withoutAddedFields(#"transport="tcp" community_id="1:A/Qj=" sni="x""#, json: false)
                == #"transport="tcp" sni="x""#
        )
        // Labels: quotes, brackets and commas inside them, and a field after them, are handled.
        #expect(
            GoldenRecord.withoutAddedFields(
                #"{"hrr":false,"labels":["a \"b\" [l]","c, d [m]"],"chain":[]}"#,
                json: true
            ) == #"{"hrr":false,"chain":[]}"#
        )
        #expect(
            GoldenRecord.withoutAddedFields(#"hrr="false" labels="a \"b\" [l\]; c, d [m\]" x="1""#, json: false)
                == #"hrr="false" x="1""#
        )
    }

    /// Where `now` first departs from `recorded`, with both versions of that line.
    static func difference(_ entry: Entry, _ encoding: Encoding, recorded: [UInt8], now: [UInt8]) -> String {
        let old = Lines(recorded)
        let new = Lines(now)
        let file = "Tests/Fixtures/golden/\(entry.capture).\(encoding.fileExtension)"
        var message = "\(entry.capture), \(encoding): output differs from \(file) "
        let common = min(old.lines.count, new.lines.count)
        guard let index = (0..<common).first(where: { old.lines[$0] != new.lines[$0] }) ?? old.firstExtra(new) else {
            return message + "only in its final newline (recorded: \(old.endsWithNewline), now: \(new.endsWithNewline))"
        }
        message +=
            "(line counts: recorded \(old.lines.count), now \(new.lines.count)); first difference on line \(index + 1)"
        if index < common {
            let (before, after) = (old.lines[index], new.lines[index])
            let column =
                zip(before, after).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(before.count, after.count)
            message += ", byte \(column + 1): recorded …\(Self.excerpt(before, column))…"
            message += ", now …\(Self.excerpt(after, column))…"
        }
        return message + "\n  recorded: \(old.show(index))\n  now:      \(new.show(index))"
    }

    /// Up to 24 bytes either side of `column` of `line`, as text.
    static func excerpt(_ line: ArraySlice<UInt8>, _ column: Int) -> String {
        let lower = line.startIndex + max(0, column - 24)
        let upper = line.startIndex + min(line.count, column + 24)
        return String(decoding: line[lower..<upper], as: UTF8.self)
    }

    /// Output split into lines (without their newlines).
    struct Lines {
        var lines: [ArraySlice<UInt8>]
        var endsWithNewline: Bool

        init(_ bytes: [UInt8]) {
            lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            endsWithNewline = bytes.last == 0x0A
            if endsWithNewline || bytes.isEmpty { lines.removeLast() }
        }

        /// The first line index that only one of the two has, when they have different counts.
        func firstExtra(_ other: Lines) -> Int? {
            lines.count == other.lines.count ? nil : min(lines.count, other.lines.count)
        }

        func show(_ index: Int) -> String {
            index < lines.count ? String(decoding: lines[index], as: UTF8.self) : "<no such line: output ends>"
        }
    }
}
