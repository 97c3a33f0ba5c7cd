import ArgumentParser
import Foundation
import TLSPrintOutput

/// `tlsprint live`: fingerprint handshakes on a network interface until SIGINT/SIGTERM.
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Capture on an interface and print one event per handshake until SIGINT/SIGTERM.",
        discussion: """
            Emits a startup event first, sensor_stats every --stats-interval seconds and once at exit \
            (with libpcap's kernel drop counts). SIGHUP reopens file outputs. Needs CAP_NET_RAW (and \
            CAP_NET_ADMIN for promiscuous mode); --user drops to an unprivileged user once the capture is \
            open. Exit status: 0 after SIGINT/SIGTERM, 64 for a bad filter or option, 69 when the interface \
            cannot be opened, 77 when permission is denied, 74 when an output cannot be opened.
            """
    )

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sensor: SensorOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let pipeline = LivePipeline(
            capture: try capture.configuration(environment: environment),
            configuration: try sensor.configuration(environment: environment),
            destinations: try output.destinations(),
            format: output.format,
            identity: EncoderIdentity(
                nodeName: output.resolvedNodeName(environment: environment, hostName: ProcessInfo.processInfo.hostName),
                appName: output.appName,
                sdID: output.sdID
            ),
            user: capture.resolvedUser(environment: environment),
            statsIntervalSeconds: try capture.resolvedStatsInterval(environment: environment),
            quiet: output.quiet
        )
        let status = pipeline.run()
        if status != 0 { throw ExitCode(status) }
    }
}
