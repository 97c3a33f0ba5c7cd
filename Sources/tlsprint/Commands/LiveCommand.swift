import ArgumentParser
import Foundation
import TLSPrintOutput
import TLSPrintSensor

/// `tlsprint live`: fingerprint handshakes on a network interface until SIGINT/SIGTERM.
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Capture on an interface and print one event per handshake until SIGINT/SIGTERM.",
        discussion: """
            Emits a startup event first, sensor_stats every --stats-interval seconds and once at exit \
            (with libpcap's kernel drop counts). SIGHUP reopens file outputs. Needs CAP_NET_RAW (and \
            CAP_NET_ADMIN for promiscuous mode); --user drops to an unprivileged user once the capture is \
            open. A network output that cannot deliver says so on stderr (the first failure, then at most a \
            line a minute), also with --quiet. --metrics-listen serves the same counters, and per-output ones, \
            as Prometheus metrics at /metrics, updated every second. Exit status: 0 after SIGINT/SIGTERM, 64 for a \
            bad filter or option, 65 when a --labels list is not CSV or has no recognisable columns, 66 when a \
            TLS certificate, key or CA file or a --labels list cannot be read, 69 when the interface cannot be \
            opened, 73 when a file output cannot be created or --metrics-listen cannot listen (address in use \
            or not on this host), 74 when another output cannot be opened, 77 when permission is denied (also a \
            privileged --metrics-listen port).
            """
    )

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sensor: SensorOptions
    @OptionGroup var metrics: MetricsOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try sensor.configuration(environment: environment, defaultDedupTTL: 300)
        let pipeline = LivePipeline(
            capture: try capture.configuration(environment: environment),
            configuration: configuration,
            settings: try output.settings(
                environment: environment,
                hostName: ProcessInfo.processInfo.hostName,
                fingerprints: configuration.fingerprints
            ),
            user: capture.resolvedUser(environment: environment),
            statsIntervalSeconds: try capture.resolvedStatsInterval(environment: environment),
            metricsAddress: try metrics.address(environment: environment)
        )
        let status = pipeline.run()
        if status != 0 { throw ExitCode(status) }
    }
}
