import ArgumentParser
import TLSPrintEvent
import TLSPrintOutput

extension OutputFormat: ExpressibleByArgument {}

/// `--framing octet|lf`.
enum FramingArgument: String, ExpressibleByArgument, CaseIterable {
    case octet
    case lf

    var framing: SyslogStreamSink.Framing { self == .octet ? .octetCounting : .lineFeed }
}

/// Where events go and how they are written, with `TLSPRINT_*` environment fallbacks (a flag wins).
struct OutputOptions: ParsableArguments {
    @Option(
        help: """
            Event encoding: syslog (RFC 5424, default), json (one object per line) or ecs (one Elastic Common \
            Schema document per line). Env: TLSPRINT_FORMAT.
            """
    )
    var format: OutputFormat?

    @Option(
        name: .customLong("output"),
        help: """
            Destination: '-' (stdout, default), file:PATH, udp://HOST:PORT, tcp://HOST:PORT, \
            tls://HOST:PORT; prefix syslog@, json@ or ecs@ to override --format for that output. Repeatable. \
            Env: TLSPRINT_OUTPUT (comma-separated).
            """
    )
    var outputs: [String] = []

    @Option(
        help: """
            PEM CA certificate(s) a tls:// collector's certificate must chain to (default: system store). \
            Env: TLSPRINT_TLS_CA.
            """
    )
    var tlsCA: String?

    @Option(help: "PEM client certificate for tls:// outputs (with --tls-key). Env: TLSPRINT_TLS_CERT.")
    var tlsCert: String?

    @Option(help: "PEM private key of --tls-cert. Env: TLSPRINT_TLS_KEY.")
    var tlsKey: String?

    @Option(
        help: """
            Stream framing for tcp:// and tls:// (RFC 6587): octet (octet counting) or lf. \
            Default: octet, except lf for json and ecs over tcp://. Env: TLSPRINT_FRAMING.
            """
    )
    var framing: FramingArgument?

    @Option(
        help: """
            Syslog HOSTNAME, JSON 'node' and ECS observer.hostname. Env: NODE_NAME; default: this machine's \
            host name.
            """
    )
    var nodeName: String?

    @Option(help: "Syslog APP-NAME, JSON 'app' and ECS tlsprint.app (default sniffer). Env: TLSPRINT_APP_NAME.")
    var appName: String?

    @Option(help: "The SD-ID of the structured-data element (default relay@55555). Env: TLSPRINT_SD_ID.")
    var sdID: String?

    @Option(
        parsing: .unconditional,
        help: """
            Seconds to wait at exit for network outputs to deliver what is queued and close cleanly \
            (default 5). Env: TLSPRINT_DRAIN_TIMEOUT.
            """
    )
    var drainTimeout: Double?

    @Flag(
        name: .shortAndLong,
        help: """
            No end-of-run summary or progress on stderr (errors and undelivered events are still reported). \
            Env: TLSPRINT_QUIET=1.
            """
    )
    var quiet = false

    func validate() throws {
        if let drainTimeout, !(drainTimeout >= 0 && drainTimeout <= 3_600) {
            throw ValidationError("--drain-timeout must be 0…3600 seconds")
        }
        _ = try destinations()  // a bad --output is a usage error of this command
    }

    /// Everything resolved: flags, then environment, then defaults.
    func settings(
        environment: [String: String],
        hostName: String,
        fingerprints: FingerprintFamilies = .all
    ) throws -> OutputSettings {
        let format = try format ?? Environment.value("TLSPRINT_FORMAT", in: environment) ?? .syslog
        var drain = OutputSettings.defaultDrainTimeout
        if let seconds = try drainTimeout ?? Environment.seconds("TLSPRINT_DRAIN_TIMEOUT", in: environment) {
            guard seconds >= 0 && seconds <= 3_600 else {
                throw ValidationError("TLSPRINT_DRAIN_TIMEOUT must be 0…3600 seconds")
            }
            drain = seconds
        }
        return OutputSettings(
            destinations: try destinations(environment: environment),
            format: format,
            identity: EncoderIdentity(
                nodeName: resolvedNodeName(environment: environment, hostName: hostName),
                appName: appName ?? Environment.string("TLSPRINT_APP_NAME", in: environment) ?? "sniffer",
                sdID: sdID ?? Environment.string("TLSPRINT_SD_ID", in: environment) ?? "relay@55555",
                fingerprints: fingerprints
            ),
            quiet: try quiet || Environment.flag("TLSPRINT_QUIET", in: environment) == true,
            drainTimeout: drain
        )
    }

    /// The parsed destinations (stdout when none was given).
    func destinations(environment: [String: String] = [:]) throws -> [OutputDestination] {
        let fromEnvironment = Environment.list("TLSPRINT_OUTPUT", in: environment)
        let texts = !outputs.isEmpty ? outputs : !fromEnvironment.isEmpty ? fromEnvironment : ["-"]
        let cert = tlsCert ?? Environment.string("TLSPRINT_TLS_CERT", in: environment)
        let key = tlsKey ?? Environment.string("TLSPRINT_TLS_KEY", in: environment)
        let options = TLSClientOptions(
            caFile: tlsCA ?? Environment.string("TLSPRINT_TLS_CA", in: environment),
            certificateFile: cert,
            keyFile: key
        )
        if (cert == nil) != (key == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        let framing: FramingArgument? = try framing ?? Environment.value("TLSPRINT_FRAMING", in: environment)
        return try texts.map { text in
            do {
                var destination = try OutputDestination(parsing: text)
                destination.tlsOptions = options
                destination.framing = framing?.framing
                return destination
            } catch {
                throw ValidationError("--output: \(error)")
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
