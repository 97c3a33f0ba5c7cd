import ArgumentParser
import Foundation
import TLSPrintCapture
import TLSPrintOutput
import TLSPrintSensor

/// `tlsprint read`: fingerprint every handshake in capture files.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read pcap/pcapng files ('-' for stdin) and print one event per handshake.",
        discussion: """
            Several files go through one sensor in the order given, as if concatenated. Network outputs get up \
            to --drain-timeout seconds at exit to deliver what is queued; events they did not deliver are \
            counted on stderr, even with --quiet. Exit status: 0 on success; 130 or 143 after SIGINT or \
            SIGTERM (the summary covers what was read); 66 when a file (capture or --labels list) is missing, \
            unreadable or a directory; 65 when a capture is corrupt or truncated (everything before the damage \
            is processed) or not a capture, or a --labels list is not CSV or has no recognisable columns; 64 \
            for a bad filter or option; 73 when a file output cannot be created; 74 when output fails or any \
            event was not delivered. When several apply, the first in this order wins.
            """
    )

    @OptionGroup var output: OutputOptions
    @OptionGroup var sensor: SensorOptions

    @OptionGroup var input: FileInputOptions

    @Flag(
        help: """
            Add pcap_file (the capture file as named here) to every traffic event, last before a \
            certificate's chain. Env: TLSPRINT_WITH_SOURCE=1.
            """
    )
    var withSource = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let filter = try input.filter(environment: environment)
        let configuration = try sensor.configuration(environment: environment, defaultDedupTTL: 0)
        let pipeline = Pipeline(
            configuration: configuration,
            settings: try output.settings(
                environment: environment,
                hostName: ProcessInfo.processInfo.hostName,
                fingerprints: configuration.fingerprints
            ),
            filter: filter,
            withSource: try withSource || Environment.flag("TLSPRINT_WITH_SOURCE", in: environment) == true
        )
        let status = pipeline.read(files: input.files)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
