import Foundation
import TLSPrintTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--format ecs` end to end: `read` (flag, `TLSPRINT_FORMAT`, the `ecs@` prefix) and `live` (its `startup` and
/// `sensor_stats`), every document checked against ECS's definitions (scripts/ecs/validate.py).
@Suite(.serialized) struct ECSOutputTests {
    static let captures = ["openssl-tls12", "ssh-dropbear", "http-python", "quic-h3"].map {
        Fixture.url("captures/\($0).pcap").path
    }

    /// The problems of every line; nil (after saying why) when the ECS definitions are absent.
    static func problems(_ lines: [String]) throws -> [[String]]? {
        guard let problems = try ECSValidator.problems(lines.map { Array($0.utf8) }) else {
            let message = "shared/ecs missing: set TLSPRINT_SHARED"
            if SharedCorpus.isCI { Issue.record(Comment(rawValue: message)) } else { print("skipping: " + message) }
            return nil
        }
        return problems
    }

    @Test func readWritesValidDocuments() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let flag = try TLSPrintBinary.run(
            binary,
            ["read", "-q", "--format", "ecs", "--node-name", "n1"] + Self.captures
        )
        #expect(flag.status == 0, "\(flag.stderr)")
        let json = try TLSPrintBinary.run(binary, ["read", "-q", "--format", "json"] + Self.captures)
        #expect(flag.lines.count == json.lines.count && flag.lines.count > 5)
        let environment = try TLSPrintBinary.run(
            binary,
            ["read", "-q", "--node-name", "n1"] + Self.captures,
            environment: ["TLSPRINT_FORMAT": "ecs"]
        )
        #expect(environment.stdout == flag.stdout)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tlsprint-ecs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let prefixed = try TLSPrintBinary.run(
            binary,
            ["read", "-q", "--node-name", "n1", "--output", "-", "--output", "ecs@file:\(file.path)"] + Self.captures
        )
        #expect(prefixed.lines.allSatisfy { $0.hasPrefix("<13") }, "stdout keeps --format's syslog")
        #expect(Array(try Data(contentsOf: file)) == flag.stdout)
        guard let found = try Self.problems(flag.lines) else { return }
        #expect(found.allSatisfy { $0.isEmpty }, "\(found.filter { !$0.isEmpty })")
        #expect(flag.lines.allSatisfy { $0.contains(#""observer":{"hostname":"n1","#) })
    }

    @Test(.enabled(if: getuid() == 0, "live needs root (CAP_NET_RAW) to capture on lo"))
    func liveStartupAndStatsAreValidDocuments() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let run = try BackgroundRun(
            binary,
            [
                "live", "-i", "lo", "--bpf", "udp port 9", "--stats-interval", "1", "--no-promiscuous", "--quiet",
                "--format", "ecs",
            ]
        )
        usleep(1_600_000)
        run.send(SIGTERM)
        let result = try run.finish(limit: .seconds(10))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.lines
        let actions = lines.map { line in
            ["startup", "sensor_stats"].first { line.contains(#""action":"\#($0)""#) } ?? line
        }
        #expect(
            actions.first == "startup" && actions.dropFirst().allSatisfy { $0 == "sensor_stats" } && lines.count >= 2
        )
        #expect(lines.last?.contains(#""final":true"#) == true)
        guard let found = try Self.problems(lines) else { return }
        #expect(found.allSatisfy { $0.isEmpty }, "\(found)")
    }
}
