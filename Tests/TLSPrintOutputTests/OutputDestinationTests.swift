import Testing

@testable import TLSPrintOutput

@Suite struct OutputDestinationTests {
    static let valid: [(String, OutputDestination)] = [
        ("-", OutputDestination(target: .standardOutput)),
        ("json@-", OutputDestination(target: .standardOutput, formatOverride: .json)),
        ("file:/var/log/tls.log", OutputDestination(target: .file("/var/log/tls.log"))),
        ("syslog@file:rel/x", OutputDestination(target: .file("rel/x"), formatOverride: .syslog)),
        ("udp://127.0.0.1:514", OutputDestination(target: .udp(host: "127.0.0.1", port: 514))),
        ("tcp://collector.example:601", OutputDestination(target: .tcp(host: "collector.example", port: 601))),
        ("json@tcp://[::1]:5140", OutputDestination(target: .tcp(host: "::1", port: 5140), formatOverride: .json)),
        ("tls://c.example:6514", OutputDestination(target: .tls(host: "c.example", port: 6514))),
    ]

    @Test(arguments: valid)
    func parses(text: String, expected: OutputDestination) throws {
        let parsed = try OutputDestination(parsing: text)
        #expect(parsed == expected)
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        "", "file:", "stdout", "udp://host", "udp://host:", "udp://:514", "udp://host:0", "udp://host:65536",
        "udp://host:-1", "udp://::1:514", "udp://[::1]514", "http://host:80", "xml@-", "udp://host:514/path",
        "udp://host:+514",
    ])
    func rejects(text: String) {
        #expect(throws: SinkError.self) { try OutputDestination(parsing: text) }
    }

    @Test func formatDefault() throws {
        #expect(try OutputDestination(parsing: "-").format(default: .syslog) == .syslog)
        #expect(try OutputDestination(parsing: "json@-").format(default: .syslog) == .json)
    }
}
