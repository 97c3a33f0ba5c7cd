import ArgumentParser
import TLSPrintCapture

/// What `read` and `summary` read: capture files, and `--bpf` (env `TLSPRINT_BPF`) to choose their packets.
struct FileInputOptions: ParsableArguments {
    @Option(
        help: """
            BPF filter (pcap-filter(7)): only packets it accepts are read, as with tcpdump -r FILE EXPR. \
            Env: TLSPRINT_BPF.
            """
    )
    var bpf: String?

    @Argument(help: "Capture files (pcap or pcapng); '-' reads standard input.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one capture file, or '-' for stdin") }
    }

    /// The compiled filter of `--bpf` or `TLSPRINT_BPF`; nil without one. A filter that does not compile is said
    /// on stderr and ends the command with exit status 64.
    func filter(environment: [String: String]) throws -> PacketFilter? {
        guard let expression = bpf ?? Environment.string("TLSPRINT_BPF", in: environment) else { return nil }
        do { return try PacketFilter(expression: expression) } catch {
            StandardError.line("tlsprint: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
