import Foundation
import TLSPrintTestSupport
import Testing

/// Issue 11 item 4: every option of `read` and `live` has a `TLSPRINT_*` fallback, and a flag beats it.
@Suite(.serialized) struct EnvironmentTests {
    static let fixture = Fixture.url("captures/openssl-tls12.pcap").path

    @Test func formatFromEnvironmentAndTheFlagWins() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let json = try TLSPrintBinary.run(
            binary,
            ["read", "-q", Self.fixture],
            environment: ["TLSPRINT_FORMAT": "json"]
        )
        #expect(json.lines.count == 3 && json.lines.allSatisfy { $0.hasPrefix("{") })
        let flag = try TLSPrintBinary.run(
            binary,
            ["read", "-q", "--format", "syslog", Self.fixture],
            environment: ["TLSPRINT_FORMAT": "json"]
        )
        #expect(flag.lines.count == 3 && flag.lines.allSatisfy { $0.hasPrefix("<13") })
        let bad = try TLSPrintBinary.run(binary, ["read", "-q", Self.fixture], environment: ["TLSPRINT_FORMAT": "xml"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("TLSPRINT_FORMAT must be one of syslog, json, ecs, not 'xml'"), "\(bad.stderr)")
    }

    @Test func outputListFromEnvironment() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tlsprint-env-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let both = try TLSPrintBinary.run(
            binary,
            ["read", "-q", Self.fixture],
            environment: ["TLSPRINT_OUTPUT": "- , json@file:\(file.path)"]
        )
        #expect(both.status == 0)
        #expect(both.lines.count == 3 && both.lines.allSatisfy { $0.hasPrefix("<13") })
        let written = String(decoding: try Data(contentsOf: file), as: UTF8.self).split(separator: "\n")
        #expect(written.count == 3 && written.allSatisfy { $0.hasPrefix("{") })
        let flag = try TLSPrintBinary.run(
            binary,
            ["read", "-q", "--output", "-", Self.fixture],
            environment: ["TLSPRINT_OUTPUT": "file:/nonexistent/x"]
        )
        #expect(flag.status == 0 && flag.lines.count == 3, "--output replaces the whole list: \(flag.stderr)")
    }

    @Test func identityQuietFilterAndDrainFromEnvironment() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let environment = [
            "TLSPRINT_APP_NAME": "decoy", "TLSPRINT_SD_ID": "x@1", "TLSPRINT_QUIET": "1", "NODE_NAME": "n7",
        ]
        let named = try TLSPrintBinary.run(binary, ["read", Self.fixture], environment: environment)
        #expect(named.stderr.isEmpty, "TLSPRINT_QUIET=1 silences the summary")
        #expect(named.lines.allSatisfy { $0.contains(" n7 decoy - ") && $0.contains("[x@1 ") }, "\(named.lines)")
        let filtered = try TLSPrintBinary.run(
            binary,
            ["read", "-q", Self.fixture],
            environment: ["TLSPRINT_BPF": "udp port 9"]
        )
        #expect(filtered.status == 0 && filtered.lines.isEmpty)
        let flagFilter = try TLSPrintBinary.run(
            binary,
            ["read", "-q", "--bpf", "tcp", Self.fixture],
            environment: ["TLSPRINT_BPF": "udp port 9"]
        )
        #expect(flagFilter.lines.count == 3)
        let dead = try Collector(datagram: false)
        let started = ContinuousClock.now
        let drained = try TLSPrintBinary.run(
            binary,
            ["read", "-q", "--output", "tcp://127.0.0.1:\(dead.port)", Self.fixture],
            environment: ["TLSPRINT_DRAIN_TIMEOUT": "0.3"]
        )
        #expect(drained.status == 74)
        #expect(ContinuousClock.now - started < .seconds(3), "not the default 5 s")
        let bad = try TLSPrintBinary.run(binary, ["read", Self.fixture], environment: ["TLSPRINT_QUIET": "maybe"])
        #expect(bad.status == 64 && bad.stderr.contains("TLSPRINT_QUIET must be 1 or 0"))
    }

    @Test func metricsListenFromEnvironmentIsCheckedBeforeCapture() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        // An interface that does not exist: were the address not checked first, this would exit 69.
        let interface = ["live", "-i", "tlsprint-none0"]
        let bad = try TLSPrintBinary.run(binary, interface, environment: ["TLSPRINT_METRICS_LISTEN": "9464"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("TLSPRINT_METRICS_LISTEN must be HOST:PORT, [IPV6]:PORT or :PORT"), "\(bad.stderr)")
        let flag = try TLSPrintBinary.run(
            binary,
            interface + ["--metrics-listen", "::1:9464"],
            environment: ["TLSPRINT_METRICS_LISTEN": "127.0.0.1:9464"]
        )
        #expect(flag.status == 64, "the flag wins, and it is checked: \(flag.stderr)")
        #expect(flag.stderr.contains("--metrics-listen must be HOST:PORT"), "\(flag.stderr)")
        let good = try TLSPrintBinary.run(binary, interface, environment: ["TLSPRINT_METRICS_LISTEN": "[::1]:0"])
        #expect(good.status == 69, "a valid address passes; the missing interface then fails: \(good.stderr)")
    }
}
