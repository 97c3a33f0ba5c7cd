import ArgumentParser
import Foundation
import TLSPrintCapture
import TLSPrintEvent
import TLSPrintSummary

/// `--output-format table|json` of `summary`.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// `tlsprint summary`: what an analyst asks first about a capture, in bounded memory.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise pcap/pcapng files ('-' for stdin): fingerprints, flagged certificates, top talkers.",
        discussion: """
            Files go through one sensor as with read. Per JA4, JA3, JA4S, JA3S, HASSH, HASSH-server and JA4H: \
            events, distinct sources, top SNI / client or server identification / Host, labels, first and last \
            seen; certificates self-signed, expired or not yet valid at capture time; source addresses by \
            events. Memory is bounded: each table keeps a fixed number of entries (Space-Saving), distinct \
            counts switch from exact to HyperLogLog past 64 values; the output says when a number is an upper \
            bound or an estimate. Exit status as for read (66 missing input, 65 corrupt capture, 64 bad filter \
            or option, 130/143 stopped by a signal, with the summary of what was read).
            """
    )

    @OptionGroup var sensor: SensorOptions

    @Option(help: "table (aligned columns, default) or json (one object). Env: TLSPRINT_SUMMARY_FORMAT.")
    var outputFormat: SummaryFormat?

    @Option(help: "Rows shown per table (default 10). Env: TLSPRINT_SUMMARY_TOP.")
    var top: Int?

    @OptionGroup var input: FileInputOptions

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let filter = try input.filter(environment: environment)
        let format = try outputFormat ?? Environment.value("TLSPRINT_SUMMARY_FORMAT", in: environment) ?? .table
        let rows = try top ?? Environment.integer("TLSPRINT_SUMMARY_TOP", in: environment) ?? 10
        guard rows >= 1 else { throw ValidationError("TLSPRINT_SUMMARY_TOP must be at least 1") }
        let run = SummaryRun(
            configuration: try sensor.configuration(environment: environment, defaultDedupTTL: 0),
            filter: filter,
            format: format,
            top: rows
        )
        let status = run.summarise(files: input.files)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
