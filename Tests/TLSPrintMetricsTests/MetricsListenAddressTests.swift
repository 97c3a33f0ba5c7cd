import Testing

@testable import TLSPrintMetrics

/// `--metrics-listen` syntax: `HOST:PORT`, `[IPV6]:PORT`, `:PORT`.
@Suite struct MetricsListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:9464", "127.0.0.1", 9464),
        ("[::1]:9000", "::1", 9000),
        ("[fe80::1%lo]:1", "fe80::1%lo", 1),
        ("localhost:0", "localhost", 0),
        (":9464", "0.0.0.0", 9464),
        ("0.0.0.0:65535", "0.0.0.0", 65_535),
    ])
    func parses(text: String, host: String, port: Int) throws {
        let address = try #require(MetricsListenAddress(parsing: text))
        #expect(address.host == host)
        #expect(address.port == port)
    }

    @Test(arguments: [
        "", "9464", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:9x", "127.0.0.1:+80",
        "::1:9000", "[::1]", "[::1]9000", "[::1:9000", "[]:9000", "[127.0.0.1]:9000", "a b:1", "http://x:1",
        "127.0.0.1:0009464",
    ])
    func rejects(text: String) {
        #expect(MetricsListenAddress(parsing: text) == nil)
    }

    @Test func printsInFlagSyntax() {
        #expect("\(MetricsListenAddress(host: "::1", port: 9000))" == "[::1]:9000")
        #expect("\(MetricsListenAddress(host: "127.0.0.1", port: 80))" == "127.0.0.1:80")
    }
}
