import Foundation
import TLSPrintTestSupport
import Testing

/// Finds and runs the built `tlsprint` executable.
///
/// `swift build --build-tests` (the Makefile's step before `swift test`) builds it into the same products
/// directory as the test bundle. Order of search: `$TLSPRINT_BINARY`, beside the test bundle, then
/// `<package>/.build/debug/tlsprint`. Absent, the tests skip with a message, except under `CI=true`.
enum TLSPrintBinary {
    static let url: URL? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let path = environment["TLSPRINT_BINARY"], !path.isEmpty { candidates.append(URL(fileURLWithPath: path)) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("tlsprint"))
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        candidates.append(runner.appendingPathComponent("tlsprint"))
        candidates.append(SharedCorpus.packageRoot.appendingPathComponent(".build/debug/tlsprint"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The binary, or nil after recording why (an issue under CI, a printed skip otherwise).
    /// python3, an independent JSON parser for the tests that check our JSON; nil (after saying so) when absent.
    static func python3() -> URL? {
        let path = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        if path == nil { print("skipping JSON validation: python3 not found") }
        return path.map { URL(fileURLWithPath: $0) }
    }

    static func require() -> URL? {
        if let url { return url }
        let message = "tlsprint binary not found: run `swift build --build-tests` first or set TLSPRINT_BINARY"
        if SharedCorpus.isCI { Issue.record(Comment(rawValue: message)) } else { print("skipping: " + message) }
        return nil
    }

    /// What one run produced.
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var lines: [String] { String(decoding: stdout, as: UTF8.self).split(separator: "\n").map(String.init) }
        var stderrLines: [String] {
            stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    /// Runs `tlsprint arguments…` with `stdin` (a file path) and extra environment; stdout and stderr go
    /// to temporary files, so neither can fill a pipe and stall the child.
    static func run(
        _ binary: URL,
        _ arguments: [String],
        stdin: String? = nil,
        environment extra: [String: String] = [:]
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tlsprint-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where name.hasPrefix("TLSPRINT_") && name != "TLSPRINT_SHARED" {
            environment[name] = nil  // every option has a TLSPRINT_* fallback: the caller's must not leak in
        }
        for name in ["NODE_NAME", "DEDUP_TTL"] { environment[name] = nil }
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdin))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: Array(try Data(contentsOf: outURL)),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    /// A temporary file holding `bytes`; the caller removes it.
    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".pcap") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tlsprint-e2e-\(UUID().uuidString)\(suffix)"
        )
        try Data(bytes).write(to: url)
        return url
    }
}

/// Parses JSON lines with Python's `json` module (an independent parser) and returns what it read.
enum PythonJSONLines {
    static let script = """
        import json, sys
        rows = [json.loads(line) for line in sys.stdin.read().splitlines()]
        print(json.dumps([[r["event"], r.get("node"), r.get("ja4"), r.get("src_port"), r.get("sni")] for r in rows]))
        """

    /// Each line as `[event, node, ja4, src_port, sni]`, or nil when python3 is absent.
    static func parse(_ output: [UInt8]) throws -> [[Any]]? {
        guard let python = TLSPrintBinary.python3() else { return nil }
        let input = try TLSPrintBinary.temporaryFile(output, suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: input) }
        let result = try TLSPrintBinary.run(python, ["-c", script], stdin: input.path)
        #expect(result.status == 0, "python3 json.loads failed: \(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout))
        return try #require(parsed as? [[Any]])
    }
}
