import ArgumentParser
import TLSPrintOutput

extension OutputFormat: ExpressibleByArgument {}

/// `--framing octet|lf`.
enum FramingArgument: String, ExpressibleByArgument, CaseIterable {
    case octet
    case lf

    var framing: SyslogStreamSink.Framing { self == .octet ? .octetCounting : .lineFeed }
}

/// Where events go and how they are written.
struct OutputOptions: ParsableArguments {
    @Option(help: "Event encoding: syslog (RFC 5424, default) or json (one object per line).")
    var format: OutputFormat = .syslog

    @Option(
        name: .customLong("output"),
        help: """
            Destination: '-' (stdout, default), file:PATH, udp://HOST:PORT, tcp://HOST:PORT, \
            tls://HOST:PORT; prefix json@ or syslog@ to override --format for that output. Repeatable.
            """
    )
    var outputs: [String] = []

    @Option(help: "PEM CA certificate(s) a tls:// collector's certificate must chain to (default: system store).")
    var tlsCA: String?

    @Option(help: "PEM client certificate for tls:// outputs (with --tls-key).")
    var tlsCert: String?

    @Option(help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(
        help: """
            Stream framing for tcp:// and tls:// (RFC 6587): octet (octet counting) or lf. \
            Default: octet, except lf for JSON over tcp://.
            """
    )
    var framing: FramingArgument?

    @Option(help: "Syslog HOSTNAME and JSON 'node'. Env: NODE_NAME; default: this machine's host name.")
    var nodeName: String?

    @Option(help: "Syslog APP-NAME and JSON 'app'.")
    var appName: String = "sniffer"

    @Option(help: "The SD-ID of the structured-data element.")
    var sdID: String = "relay@55555"

    @Flag(name: .shortAndLong, help: "No end-of-run summary or progress on stderr.")
    var quiet = false

    /// The parsed destinations (stdout when none was given).
    func destinations() throws -> [OutputDestination] {
        let texts = outputs.isEmpty ? ["-"] : outputs
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        return try texts.map { text in
            do {
                var destination = try OutputDestination(parsing: text)
                destination.tlsOptions = TLSClientOptions(caFile: tlsCA, certificateFile: tlsCert, keyFile: tlsKey)
                destination.framing = framing?.framing
                return destination
            } catch {
                throw ValidationError("--output \(text): \(error)")
            }
        }
    }

    /// The node name from the flag, then `NODE_NAME`, then the host name.
    func resolvedNodeName(environment: [String: String], hostName: String) -> String {
        if let nodeName, !nodeName.isEmpty { return nodeName }
        if let fromEnvironment = environment["NODE_NAME"], !fromEnvironment.isEmpty { return fromEnvironment }
        return hostName
    }
}
