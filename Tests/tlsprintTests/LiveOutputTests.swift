import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `live` on the loopback interface (needs root): a collector that refuses is reported on stderr under
/// `--quiet`, once (the rate limit), with the count at exit and the final `sensor_stats` that could not
/// travel; `--user UID:GID` switches to ids no passwd entry names.
@Suite(.serialized, .enabled(if: getuid() == 0, "live needs root (CAP_NET_RAW) to capture on lo"))
struct LiveOutputTests {
    static let common = ["live", "-i", "lo", "--bpf", "udp port 9", "--stats-interval", "0", "--no-promiscuous"]

    @Test func failingCollectorIsReportedOnStderrEvenWhenQuiet() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let dead = try Collector(datagram: false)
        let destination = "tcp://127.0.0.1:\(dead.port)"
        let run = try BackgroundRun(
            binary,
            Self.common + ["--quiet", "--format", "json", "--output", destination, "--drain-timeout", "0.5"]
        )
        let start = ContinuousClock.now
        while !run.stderrSoFar.contains("cannot deliver"), ContinuousClock.now - start < .seconds(10) {
            usleep(20_000)
        }
        usleep(2_000_000)  // ~5 more refused attempts (backoff 0.1, 0.2, 0.4, 0.8 s): no more lines
        run.send(SIGTERM)
        let result = try run.finish(limit: .seconds(10))
        #expect(result.status == 0)
        let lines = result.stderrLines
        #expect(
            lines.filter { $0.contains("cannot deliver") }
                == [
                    "tlsprint: \(destination): cannot deliver: cannot connect: connection refused "
                        + "(retrying; events wait in a queue of bounded size)"
                ]
        )
        #expect(
            lines.contains("tlsprint: \(destination): 2 of 2 events not delivered (cannot connect: connection refused)")
        )
        let stats = try #require(lines.first { $0.contains("final sensor_stats not delivered: ") })
        let record = try #require(stats.split(separator: "not delivered: ", maxSplits: 1).last)
        let object = try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any]
        #expect(object?["event"] as? String == "sensor_stats")
        #expect(lines.count == 3, "\(lines)")
    }

    @Test func numericUserNeedsNoPasswdEntry() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let uid = 54_321  // no passwd or group entry on a test machine
        #expect(getpwuid(uid_t(uid)) == nil)
        let run = try BackgroundRun(binary, Self.common + ["--quiet", "--user", "\(uid):\(uid + 1)"])
        let status = "/proc/\(run.process.processIdentifier)/status"
        var fields: [String: String] = [:]
        let start = ContinuousClock.now
        while fields["Uid"]?.hasPrefix("\(uid)") != true, run.process.isRunning,
            ContinuousClock.now - start < .seconds(10)
        {
            let text = (try? String(contentsOfFile: status, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2 { fields[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
            }
            usleep(20_000)
        }
        #expect(fields["Uid"] == "\(uid)\t\(uid)\t\(uid)\t\(uid)")
        #expect(fields["Gid"] == "\(uid + 1)\t\(uid + 1)\t\(uid + 1)\t\(uid + 1)")
        #expect(fields["Groups"] == "")
        #expect(fields["CapEff"] == "0000000000000000")
        run.send(SIGTERM)
        let result = try run.finish(limit: .seconds(10))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first?.contains("startup") == true)
    }

    @Test func unknownUserNameIsRefused() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, Self.common + ["--quiet", "--user", "no-such-user-tlsprint"])
        #expect(result.status == 77)
        #expect(result.stderr.contains("--user no-such-user-tlsprint"), "\(result.stderr)")
    }
}
