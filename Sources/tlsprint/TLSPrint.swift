import ArgumentParser

/// The root command: subcommands do the work.
@main
struct TLSPrint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tlsprint",
        abstract: "Passive TLS fingerprinting: JA3/JA3S, JA4 (+r/o/ro), JA4S, JA4X, JA4L, JA4T/JA4TS.",
        version: BuildInfo.versionLine,
        subcommands: [ReadCommand.self, SummaryCommand.self, LiveCommand.self, InterfacesCommand.self],
        defaultSubcommand: nil
    )
}
