import Foundation
import Testing

/// A private `rsyslogd -n` on loopback ports with its own config and work directory (scripts/rsyslog/),
/// never the system service. Received messages are JSON objects in `output`.
final class PrivateRsyslog {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/rsyslog")
    static let installed = ["/usr/sbin/rsyslogd", "/usr/bin/rsyslogd", "/usr/local/sbin/rsyslogd"]
        .contains { FileManager.default.isExecutableFile(atPath: $0) }
    /// The OpenSSL stream driver (Debian `rsyslog-openssl`).
    static let tlsDriverInstalled = [
        "/usr/lib/x86_64-linux-gnu/rsyslog", "/usr/lib/aarch64-linux-gnu/rsyslog",
        "/usr/lib/rsyslog",
    ].contains { FileManager.default.fileExists(atPath: $0 + "/lmnsd_ossl.so") }

    let directory: URL
    let certificates: URL
    let udpPort: UInt16
    let tcpPort: UInt16
    let tlsPort: UInt16?
    private(set) var pid: pid_t = 0

    var output: URL { directory.appendingPathComponent("out.jsonl") }

    /// Makes the work directory (and, with `tls`, a fresh PKI from make-certs.sh) and starts rsyslogd.
    init(tls: Bool) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tlsprint-rsyslog-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        certificates = directory.appendingPathComponent("pki")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        udpPort = try LoopbackSocket(datagram: true).port
        tcpPort = try LoopbackSocket(datagram: false).port
        tlsPort = tls ? try LoopbackSocket(datagram: false).port : nil
        if tls {
            let status = Self.shell([Self.scripts.appendingPathComponent("make-certs.sh").path, certificates.path])
            #expect(status == 0, "make-certs.sh failed")
        }
        try start()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func certificate(_ name: String) -> String { certificates.appendingPathComponent(name).path }

    /// Starts rsyslogd (again, on the same ports and output file) and waits for its ports.
    func start() throws {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("rsyslogd.pid"))
        var arguments = [
            Self.scripts.appendingPathComponent("start.sh").path, directory.path, String(udpPort),
            String(tcpPort),
        ]
        if let tlsPort { arguments += [String(tlsPort), certificates.path] }
        let status = Self.shell(arguments)
        #expect(status == 0, "start.sh failed")
        var started: pid_t?
        for _ in 0..<50 where started == nil {
            let text =
                (try? String(contentsOf: directory.appendingPathComponent("rsyslogd.pid"), encoding: .utf8)) ?? ""
            started = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            if started == nil { usleep(100_000) }
        }
        pid = try #require(started)
        for port in [tcpPort] + (tlsPort.map { [$0] } ?? []) { Self.waitForListener(port: port) }
        usleep(200_000)  // UDP has no handshake to wait for
    }

    /// Stops rsyslogd (SIGTERM) and waits until it has exited.
    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        for _ in 0..<100 {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if state.isEmpty || state.contains(") Z ") { break }
            usleep(50_000)
        }
        pid = 0
    }

    /// The received messages once there are at least `count` (or after 10 s).
    func messages(atLeast count: Int) throws -> [[String: Any]] {
        var lines: [Data] = []
        for _ in 0..<100 {
            let data = (try? Data(contentsOf: output)) ?? Data()
            lines = data.split(separator: 0x0A).map { Data($0) }
            if lines.count >= count { break }
            usleep(100_000)
        }
        return try lines.map { try #require(try JSONSerialization.jsonObject(with: $0) as? [String: Any]) }
    }

    /// Not Foundation's Process: its exit detection waits for every holder of an inherited descriptor,
    /// and rsyslogd runs on in the background.
    private static func shell(_ arguments: [String]) -> Int32 {
        let command = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        return system("/bin/sh " + command + " >/dev/null")
    }

    private static func waitForListener(port: UInt16) {
        for _ in 0..<50 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return }
            usleep(100_000)
        }
    }
}
