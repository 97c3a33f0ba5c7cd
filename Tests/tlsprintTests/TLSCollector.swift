import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real TLS collector: `openssl s_server` with a certificate for 127.0.0.1 from the test PKI
/// (scripts/rsyslog/make-certs.sh), writing what it receives to a file. It can start late and be killed
/// mid-run. Absent openssl, tests skip.
final class TLSCollector {
    static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let directory: URL
    let port: UInt16
    private var server: Process?
    private var input: Pipe?

    /// Makes the PKI and picks a free port; the server is not started.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlsprint-tls-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/rsyslog/make-certs.sh")
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/bin/sh")
        make.arguments = [script.path, directory.path]
        make.standardOutput = FileHandle.nullDevice
        make.standardError = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        try #require(make.terminationStatus == 0, "make-certs.sh failed")
        port = try Collector(datagram: false).port
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var caFile: String { directory.appendingPathComponent("ca.pem").path }
    var output: URL { directory.appendingPathComponent("received") }

    /// Starts `openssl s_server` for one connection and waits until it listens.
    func start() throws {
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        let pipe = Pipe()  // s_server ends at EOF on its stdin: keep it open
        process.executableURL = URL(fileURLWithPath: try #require(Self.openssl))
        process.arguments = [
            "s_server", "-accept", String(port), "-cert", directory.appendingPathComponent("server.pem").path,
            "-key", directory.appendingPathComponent("server.key").path, "-naccept", "1", "-quiet",
        ]
        process.standardInput = pipe
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        server = process
        input = pipe
        let start = ContinuousClock.now
        while !Self.listening(port), ContinuousClock.now - start < .seconds(10) { usleep(20_000) }
    }

    /// Kills the server (a collector that dies mid-run).
    func stop() {
        if let server, server.isRunning {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        server = nil
        try? input?.fileHandleForWriting.close()
        input = nil
    }

    /// What the server received so far.
    var received: [UInt8] { Array((try? Data(contentsOf: output)) ?? Data()) }

    private static func listening(_ port: UInt16) -> Bool {
        let text = ["/proc/net/tcp", "/proc/net/tcp6"].map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }
            .joined(separator: "\n")  // s_server listens on :: when it can
        let hex = String(port, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: 4 - hex.count) + hex
        return text.split(separator: "\n").contains { $0.contains(":\(padded) ") && $0.contains(":0000 0A ") }
    }
}
