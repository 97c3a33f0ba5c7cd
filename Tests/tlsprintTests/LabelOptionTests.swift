import Foundation
import TLSPrintTestSupport
import Testing

/// `--labels` end to end: a list that cannot be used stops the run with one line naming the file, line and
/// cause (66 unreadable, 65 bad content); a row of the wrong shape is warned about and counted; labels reach
/// both encodings; `none` and `TLSPRINT_LABELS`.
@Suite struct LabelOptionTests {
    static let fixture = Fixture.url("captures/openssl-tls12.pcap").path
    /// The fixture's client JA3 and JA4 (its golden record).
    static let ja3 = "22558766122974704364c9c75c5cce0a"
    static let ja4 = "t12d2808h2_d943125447b4_e7e480e5a997"

    static func list(_ text: String, suffix: String = ".csv") throws -> URL {
        try TLSPrintBinary.temporaryFile(Array(text.utf8), suffix: suffix)
    }

    struct Unusable: Sendable, CustomTestStringConvertible {
        var content: [UInt8]?
        var status: Int32
        /// What follows `tlsprint: labels PATH: `.
        var message: String
        var testDescription: String { message }
    }

    static let unusable: [Unusable] = [
        Unusable(content: nil, status: 66, message: "no such file or directory"),
        Unusable(
            content: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF],
            status: 65,
            message: "line 1: a NUL byte: not a text file"
        ),
        Unusable(
            content: Array("name,value\nalpha,1\n".utf8),
            status: 65,
            message:
                "line 1: no recognisable columns: expected FoxIO's header (Application,Library,Device,OS,ja4,...), "
                + "the HASSH list's header (image,imageVersion,sshClient,...,hassh,...), or fingerprint,label[,kind] rows"
        ),
        Unusable(
            content: Array("\(ja3),ok\n\(ja3),\"never closed\n".utf8),
            status: 65,
            message: "line 2: a quoted cell opened here is never closed"
        ),
    ]

    @Test(arguments: unusable)
    func unusableListStopsTheRunWithFileLineAndCause(_ test: Unusable) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let path: String
        var made: URL?
        if let content = test.content {
            made = try TLSPrintBinary.temporaryFile(content, suffix: ".csv")
            path = made?.path ?? ""
        } else {
            path = "/nonexistent/labels.csv"
        }
        defer { if let made { try? FileManager.default.removeItem(at: made) } }
        let result = try TLSPrintBinary.run(binary, ["read", "--labels", path, Self.fixture])
        #expect(result.status == test.status)
        #expect(result.stderrLines == ["tlsprint: labels \(path): \(test.message)"])
        #expect(result.stdout.isEmpty)
    }

    @Test func directoryIsNotAList() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["read", "--labels", "/tmp", Self.fixture])
        #expect(result.status == 66)
        #expect(result.stderrLines == ["tlsprint: labels /tmp: is a directory, not a label list"])
    }

    @Test func labelsReachBothEncodingsAndWrongRowsAreCounted() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let file = try Self.list(
            """
            fingerprint,label,kind
            \(Self.ja3),"OpenSSL s_client, 3.x"
            \(Self.ja4),OpenSSL; TLS 1.2
            t12d2808h2_zz,Broken
            """
        )
        defer { try? FileManager.default.removeItem(at: file) }
        let name = file.deletingPathExtension().lastPathComponent
        let json = try TLSPrintBinary.run(binary, ["read", "--format", "json", "--labels", file.path, Self.fixture])
        #expect(json.status == 0)
        #expect(
            json.stderr.contains(
                "tlsprint: labels \(file.path): line 4: 't12d2808h2_zz' is not a ja4 fingerprint; row skipped\n"
            )
        )
        #expect(json.stderr.contains("tlsprint: labels \(file.path): 1 of 3 rows left out (wrong shape), 2 used\n"))
        #expect(
            json.stderr.contains(
                "tlsprint: labels: 3 events labelled (208 rows from salesforce-ja3, salesforce-hassh, \(name))"
            ),
            "\(json.stderr)"
        )
        let expected = #""labels":["OpenSSL s_client, 3.x [\#(name)]","OpenSSL; TLS 1.2 [\#(name)]"]"#
        #expect(json.lines.count == 3)
        #expect(json.lines.allSatisfy { $0.contains(expected) }, "\(json.lines)")
        let syslog = try TLSPrintBinary.run(binary, ["read", "--labels", file.path, Self.fixture])
        #expect(
            syslog.lines.allSatisfy {
                $0.contains(#" labels="OpenSSL s_client, 3.x [\#(name)\]; OpenSSL; TLS 1.2 [\#(name)\]""#)
            },
            "\(syslog.lines)"
        )
    }

    @Test func noneTurnsTheEmbeddedSetOffAndTheEnvironmentNamesLists() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        guard let capture = SharedCorpus.url("corpus/zeek/pcap/tls-fragmented-handshake.pcap") else {
            print("skipping: TLSPRINT_SHARED is not set")
            return
        }
        let file = try Self.list("799135475da362592a4be9199d258726,Mine\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let name = file.deletingPathExtension().lastPathComponent
        let embedded = #""labels":["Used by many programs on OSX,apple.WebKit.Networking [salesforce-ja3]"]"#
        let mine = #""labels":["Mine [\#(name)]"]"#
        let both =
            #""labels":["Used by many programs on OSX,apple.WebKit.Networking [salesforce-ja3]","Mine [\#(name)]"]"#
        let runs: [(arguments: [String], environment: [String: String], labels: String?)] = [
            ([], [:], embedded),
            (["--labels", "none"], [:], nil),
            (["--labels", "none", "--labels", file.path], [:], mine),
            (["--labels", file.path], [:], both),
            ([], ["TLSPRINT_LABELS": "none, \(file.path)"], mine),
            (["--labels", file.path], ["TLSPRINT_LABELS": "none"], both),  // the flag wins over the environment
        ]
        for run in runs {
            let result = try TLSPrintBinary.run(
                binary,
                ["read", "--format", "json"] + run.arguments + [capture.path],
                environment: run.environment
            )
            #expect(result.status == 0, "\(run.arguments) \(result.stderr)")
            let hellos = result.lines.filter { $0.contains(#""event":"tls_client_hello""#) }
            #expect(hellos.count == 1)
            if let labels = run.labels {
                #expect(hellos.allSatisfy { $0.contains(labels) }, "\(run.arguments) \(run.environment): \(hellos)")
            } else {
                #expect(hellos.allSatisfy { !$0.contains(#""labels""#) }, "\(run.arguments): \(hellos)")
            }
        }
    }
}
