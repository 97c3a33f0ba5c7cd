import ArgumentParser
import Foundation
import TLSPrintCapture
import TLSPrintOutput

/// `tlsprint read`: fingerprint every handshake in capture files.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read pcap/pcapng files ('-' for stdin) and print one event per handshake.",
        discussion: """
            Several files go through one sensor in the order given, as if concatenated. Exit status: 0 on \
            success, 65 when a capture is corrupt or truncated (everything before the damage is processed), \
            66 when a file cannot be opened, 74 when output fails.
            """
    )

    @OptionGroup var output: OutputOptions
    @OptionGroup var sensor: SensorOptions

    @Option(help: "BPF filter (pcap-filter(7)): only packets it accepts are read, as with tcpdump -r FILE EXPR.")
    var bpf: String?

    @Argument(help: "Capture files (pcap or pcapng); '-' reads standard input.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one capture file, or '-' for stdin") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var filter: PacketFilter?
        if let bpf {
            do { filter = try PacketFilter(expression: bpf) } catch {
                StandardError.line("tlsprint: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
        }
        let pipeline = Pipeline(
            configuration: try sensor.configuration(environment: environment),
            destinations: try output.destinations(),
            format: output.format,
            identity: EncoderIdentity(
                nodeName: output.resolvedNodeName(
                    environment: environment,
                    hostName: ProcessInfo.processInfo.hostName
                ),
                appName: output.appName,
                sdID: output.sdID
            ),
            quiet: output.quiet,
            filter: filter
        )
        let status = pipeline.read(files: files)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
