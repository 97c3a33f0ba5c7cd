import ArgumentParser
import TLSPrintMetrics

/// `live --metrics-listen`: where to serve Prometheus metrics, with its `TLSPRINT_METRICS_LISTEN` fallback.
struct MetricsOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Serve Prometheus metrics at http://ADDRESS/metrics: HOST:PORT, [IPV6]:PORT, or :PORT for every IPv4 "
                + "address (off by default). Env: TLSPRINT_METRICS_LISTEN.",
            valueName: "address"
        )
    )
    var metricsListen: String?

    func validate() throws {
        if let metricsListen { _ = try Self.parse(metricsListen, name: "--metrics-listen") }
    }

    /// The address to listen on, from the flag, then the environment; nil when metrics are off.
    func address(environment: [String: String]) throws -> MetricsListenAddress? {
        if let metricsListen { return try Self.parse(metricsListen, name: "--metrics-listen") }
        guard let text = Environment.string("TLSPRINT_METRICS_LISTEN", in: environment) else { return nil }
        return try Self.parse(text, name: "TLSPRINT_METRICS_LISTEN")
    }

    private static func parse(_ text: String, name: String) throws -> MetricsListenAddress {
        guard let address = MetricsListenAddress(parsing: text) else {
            throw ValidationError("\(name) must be HOST:PORT, [IPV6]:PORT or :PORT (port 0…65535), not '\(text)'")
        }
        return address
    }
}
