import Foundation
import TLSPrintTestSupport
import Testing

/// `tlsprint read --bpf EXPR`: only packets libpcap's filter accepts reach the sensor, as with
/// `tcpdump -r FILE EXPR`.
@Suite struct ReadFilterTests {
    static let sample = Fixture.url("captures/sample.pcap").path

    /// The streams of sample.expected.json (the oracle's), as "client_port>server_port".
    static func expectedStreams() throws -> [(client: Int, server: Int)] {
        let data = try Data(contentsOf: Fixture.url("captures/sample.expected.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(document["streams"] as? [[String: Any]]).compactMap {
            guard let client = $0["client_port"] as? Int, let server = $0["server_port"] as? Int else { return nil }
            return (client, server)
        }
    }

    /// The `dst_port` of every JSON event written.
    static func serverPorts(_ result: TLSPrintBinary.Result) throws -> Set<Int> {
        Set(
            try result.lines.map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return try #require(object["dst_port"] as? Int)
            }
        )
    }

    @Test func eachStreamAlone() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let streams = try Self.expectedStreams()
        #expect(streams.count == 2)
        for stream in streams {
            let result = try TLSPrintBinary.run(
                binary,
                ["read", "--format", "json", "--bpf", "tcp port \(stream.server)", Self.sample]
            )
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try Self.serverPorts(result) == [stream.server])
            #expect(result.stderr.contains("packets left out"))
        }
    }

    /// The packets the sensor saw equal the packets tcpdump's own reading of the filter accepts.
    @Test func acceptsWhatTcpdumpAccepts() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        guard
            let tcpdump = ["/usr/bin/tcpdump", "/usr/sbin/tcpdump"].first(where: FileManager.default.isExecutableFile)
        else {
            print("skipped: tcpdump not installed")
            return
        }
        for expression in ["tcp port 4433", "tcp[tcpflags] & tcp-syn != 0", "src host 127.0.0.1 and greater 200"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tcpdump)
            process.arguments = ["-n", "-r", Self.sample, expression]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let listed = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let tcpdumpCount = String(decoding: listed, as: UTF8.self).split(separator: "\n").count
            let result = try TLSPrintBinary.run(binary, ["read", "--bpf", expression, Self.sample])
            let summary = result.stderrLines.first { $0.hasPrefix("tlsprint: ") && $0.contains(" packets, ") }
            #expect(
                summary?.hasPrefix("tlsprint: \(tcpdumpCount) packets, ") == true,
                "\(expression): \(summary ?? "")"
            )
        }
    }

    @Test(arguments: ["tcp port", "host 999.1.1.1", "nonsense ("])
    func badFilterIsAUsageErrorBeforeAnyOutput(expression: String) throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(binary, ["read", "--bpf", expression, Self.sample])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1 && result.stderr.contains("filter '\(expression)'"), "\(result.stderr)")
    }
}
