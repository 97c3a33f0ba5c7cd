import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary running in the background: stdin a pipe the test writes, stdout and stderr files, so
/// a test can signal it or change its collector while it runs.
final class BackgroundRun {
    let process = Process()
    let input = Pipe()
    private let scratch: URL

    init(_ binary: URL, _ arguments: [String], environment extra: [String: String] = [:]) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tlsprint-bg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] {
            _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: nil)
        }
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where name.hasPrefix("TLSPRINT_") && name != "TLSPRINT_SHARED" {
            environment[name] = nil
        }
        for name in ["NODE_NAME", "DEDUP_TTL"] { environment[name] = nil }
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Writes bytes into the binary's standard input.
    func write(_ bytes: [UInt8]) throws { try input.fileHandleForWriting.write(contentsOf: Data(bytes)) }

    /// Closes standard input (end of the capture).
    func closeInput() throws { try input.fileHandleForWriting.close() }

    /// Waits until the binary has read everything written so far (at most `limit`).
    func waitUntilRead(limit: Duration = .seconds(30)) {
        let start = ContinuousClock.now
        while PipeDeliveryTests.unread(input.fileHandleForWriting.fileDescriptor) > 0, process.isRunning,
            ContinuousClock.now - start < limit
        {
            usleep(10_000)
        }
    }

    /// Sends `signal` to the binary.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the exit (at most `limit`, then kills it) and returns status, stdout and stderr.
    func finish(limit: Duration = .seconds(60)) throws -> TLSPrintBinary.Result {
        let start = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - start < limit { usleep(10_000) }
        if process.isRunning {
            Issue.record("tlsprint still running after \(limit)")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return TLSPrintBinary.Result(
            status: process.terminationStatus,
            stdout: Array(try Data(contentsOf: scratch.appendingPathComponent("stdout"))),
            stderr: String(decoding: try Data(contentsOf: scratch.appendingPathComponent("stderr")), as: UTF8.self)
        )
    }

    /// Stderr so far.
    var stderrSoFar: String {
        String(decoding: (try? Data(contentsOf: scratch.appendingPathComponent("stderr"))) ?? Data(), as: UTF8.self)
    }
}
