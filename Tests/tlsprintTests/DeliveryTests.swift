import Foundation
import TLSPrintTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 11, "no silent loss": `read` with a real collector (a listening socket) that is down, comes up late
/// or goes away mid-run. Exit 74 and a count on stderr, even under `--quiet`, whenever an event was not
/// delivered; exit 0 when a late collector takes everything within `--drain-timeout`.
@Suite(.serialized) struct DeliveryTests {
    static let fixture = Fixture.url("captures/openssl-tls12.pcap").path  // 3 events

    /// The first handshake of sample.pcap (3 events) and the rest (2 more), as pipe input.
    static func sampleInTwoParts() throws -> (first: [UInt8], rest: [UInt8]) {
        let file = Array(try Data(contentsOf: Fixture.url("captures/sample.pcap")))
        let (header, records) = try PipeDeliveryTests.records(file)
        return (header + records[0..<7].joined(), Array(records[7...].joined()))
    }

    @Test(arguments: ["tcp", "udp", "tls"])
    func collectorDownExits74AndSaysHowManyEvenWhenQuiet(scheme: String) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let collector = try Collector(datagram: scheme == "udp")  // never started
        let destination = "\(scheme)://127.0.0.1:\(collector.port)"
        let started = ContinuousClock.now
        let result = try TLSPrintBinary.run(
            binary,
            ["read", "-q", "--output", destination, "--drain-timeout", "0.5", Self.fixture]
        )
        #expect(result.status == 74)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(destination): 3 of 3 events not delivered ("), "\(result.stderr)")
        #expect(result.stderr.contains("refused"), "the cause in words: \(result.stderr)")
        #expect(ContinuousClock.now - started < .seconds(5), "waits about --drain-timeout, not longer")
    }

    @Test func tcpCollectorThatComesUpLateGetsEverythingAndTheExitIsZero() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let collector = try Collector(datagram: false)
        let run = try BackgroundRun(
            binary,
            [
                "read", "-q", "--format", "json", "--output", "tcp://127.0.0.1:\(collector.port)", "--drain-timeout",
                "10", "-",
            ]
        )
        try run.write(Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture))))
        try run.closeInput()
        usleep(800_000)  // several refused attempts
        try collector.start()
        let result = try run.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("not delivered"), "\(result.stderr)")
        let lines = String(decoding: collector.received, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"timestamp\"") })
    }

    /// UDP has no connection to wait for: datagrams sent while nobody listened are lost, and counted (the
    /// kernel reports each ICMP refusal on the next send, or at exit). Those sent once the collector is up
    /// arrive. What arrives plus what is reported lost is every event.
    @Test func udpCollectorThatComesUpLateGetsTheRestAndTheLossIsCounted() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let collector = try Collector(datagram: true)
        let (first, rest) = try Self.sampleInTwoParts()
        let run = try BackgroundRun(
            binary,
            [
                "read", "-q", "--dedup-ttl", "0", "--output", "udp://127.0.0.1:\(collector.port)", "--drain-timeout",
                "5", "-",
            ]
        )
        try run.write(first)
        run.waitUntilRead()
        usleep(1_000_000)  // the first three go out (refused, retried, refused…) while nobody listens
        try collector.start()
        try run.write(rest)
        try run.closeInput()
        let result = try run.finish()
        collector.wait { collector.datagramCount >= 2 }
        #expect(result.status == 74, "the first datagrams went nowhere: \(result.stderr)")
        let lost = try #require(Self.undelivered(result.stderr), "\(result.stderr)")
        #expect(collector.datagramCount >= 2, "the two sent after the collector started")
        #expect(collector.datagramCount + lost == 5, "received \(collector.datagramCount), lost \(lost)")
    }

    @Test(arguments: ["tcp", "udp"])
    func collectorThatGoesAwayMidRunExits74(scheme: String) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let collector = try Collector(datagram: scheme == "udp")
        try collector.start()
        let (first, rest) = try Self.sampleInTwoParts()
        let run = try BackgroundRun(
            binary,
            [
                "read", "-q", "--dedup-ttl", "0", "--output", "\(scheme)://127.0.0.1:\(collector.port)",
                "--drain-timeout", "1", "-",
            ]
        )
        try run.write(first)
        collector.wait { collector.datagramCount + collector.received.count > 0 }
        usleep(200_000)
        collector.stop()
        usleep(200_000)
        try run.write(rest)
        try run.closeInput()
        let result = try run.finish()
        #expect(result.status == 74, "\(result.stderr)")
        let lost = try #require(Self.undelivered(result.stderr), "\(result.stderr)")
        #expect(lost >= 1 && lost <= 5)
        #expect(result.stderr.contains("of 5 events not delivered"), "\(result.stderr)")
    }

    @Test(.enabled(if: TLSCollector.openssl != nil, "needs openssl"))
    func tlsCollectorThatComesUpLateGetsEverythingAndTheExitIsZero() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let collector = try TLSCollector()
        let run = try BackgroundRun(
            binary,
            [
                "read", "-q", "--tls-ca", collector.caFile, "--output", "tls://127.0.0.1:\(collector.port)",
                "--drain-timeout", "10", "-",
            ]
        )
        try run.write(Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture))))
        try run.closeInput()
        usleep(800_000)
        try collector.start()
        let result = try run.finish()
        #expect(result.status == 0, "\(result.stderr)")
        usleep(200_000)
        let text = String(decoding: collector.received, as: UTF8.self)
        #expect(text.components(separatedBy: " sniffer - tls_").count == 4, "three octet-counted records: \(text)")
    }

    @Test(.enabled(if: TLSCollector.openssl != nil, "needs openssl"))
    func tlsCollectorThatGoesAwayMidRunExits74() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let collector = try TLSCollector()
        try collector.start()
        let (first, rest) = try Self.sampleInTwoParts()
        let run = try BackgroundRun(
            binary,
            [
                "read", "-q", "--dedup-ttl", "0", "--tls-ca", collector.caFile, "--output",
                "tls://127.0.0.1:\(collector.port)", "--drain-timeout", "1", "-",
            ]
        )
        try run.write(first)
        let start = ContinuousClock.now
        while collector.received.isEmpty, ContinuousClock.now - start < .seconds(10) { usleep(20_000) }
        collector.stop()
        try run.write(rest)
        try run.closeInput()
        let result = try run.finish()
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("of 5 events not delivered"), "\(result.stderr)")
    }

    /// Several failures: a signal before a missing file (66), before bad data (65), before lost events (74).
    @Test func exitStatusPrecedence() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let dead = try Collector(datagram: false)
        let output = ["--output", "tcp://127.0.0.1:\(dead.port)", "--drain-timeout", "0.2"]
        let missing = try TLSPrintBinary.run(binary, ["read", "-q"] + output + ["/nonexistent/x.pcap", Self.fixture])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("3 of 3 events not delivered"), "both failures reported: \(missing.stderr)")
        let text = try TLSPrintBinary.temporaryFile(Array("not a capture\n".utf8), suffix: ".txt")
        defer { try? FileManager.default.removeItem(at: text) }
        let bad = try TLSPrintBinary.run(binary, ["read", "-q"] + output + [Self.fixture, text.path])
        #expect(bad.status == 65, "\(bad.stderr)")
        let both = try TLSPrintBinary.run(binary, ["read", "-q"] + output + [text.path, "/nonexistent/x.pcap"])
        #expect(both.status == 66, "\(both.stderr)")
        let run = try BackgroundRun(binary, ["read", "-q"] + output + ["-"])
        try run.write(Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture))))
        run.waitUntilRead()
        run.send(SIGINT)
        let interrupted = try run.finish()
        #expect(interrupted.status == 130, "\(interrupted.stderr)")
        #expect(interrupted.stderr.contains("3 of 3 events not delivered"), "\(interrupted.stderr)")
    }

    /// `N of M events not delivered` → N.
    static func undelivered(_ stderr: String) -> Int? {
        guard let range = stderr.range(of: #"(\d+) of \d+ events not delivered"#, options: .regularExpression) else {
            return nil
        }
        return Int(stderr[range].prefix { $0.isNumber })
    }
}
