import ArgumentParser
import TLSPrintCapture

/// How `tlsprint live` captures, with `TLSPRINT_*` environment fallbacks.
struct CaptureOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Interface to capture on (see `tlsprint interfaces`). Env: TLSPRINT_INTERFACE.")
    var interface: String?

    @Option(help: "BPF filter (pcap-filter(7)); none by default. Env: TLSPRINT_BPF.")
    var bpf: String?

    @Option(help: "Bytes kept per packet (default 262144). Env: TLSPRINT_SNAPLEN.")
    var snaplen: Int?

    @Option(help: "Kernel capture buffer in MiB (default 32). Env: TLSPRINT_BUFFER_SIZE.")
    var bufferSize: Int?

    @Flag(
        inversion: .prefixedNo,
        help: "Promiscuous mode (default on; needs CAP_NET_ADMIN). Env: TLSPRINT_PROMISCUOUS=0 turns it off."
    )
    var promiscuous: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Hand each packet over as it arrives (default off: the kernel fills ring blocks, retired within 100 ms)."
                + " Env: TLSPRINT_IMMEDIATE=1.",
            discussion: "Timestamps, and so JA4L, are the kernel's either way; immediate mode costs a wake-up per "
                + "packet."
        )
    )
    var immediate: Bool?

    @Option(
        help:
            "Switch to this user (NAME, UID or UID:GID; no passwd entry needed for numbers) once the capture is open, as tcpdump -Z does. Env: TLSPRINT_USER."
    )
    var user: String?

    @Option(help: "Seconds between sensor_stats events (default 60, 0 disables). Env: TLSPRINT_STATS_INTERVAL.")
    var statsInterval: Int?

    func validate() throws {
        if let snaplen, snaplen < 64 || snaplen > 262_144 { throw ValidationError("--snaplen must be 64…262144") }
        if let bufferSize, bufferSize < 1 || bufferSize > 2_047 {
            throw ValidationError("--buffer-size must be 1…2047 MiB")
        }
        if let statsInterval, statsInterval < 0 { throw ValidationError("--stats-interval must be 0 or more") }
    }

    /// The capture configuration from flags, then environment, then defaults.
    func configuration(environment: [String: String]) throws -> LiveCaptureConfiguration {
        guard let name = interface ?? nonEmpty(environment["TLSPRINT_INTERFACE"]) else {
            throw ValidationError("name an interface with -i (or TLSPRINT_INTERFACE); `tlsprint interfaces` lists them")
        }
        var configuration = LiveCaptureConfiguration(interface: name)
        configuration.filter = bpf ?? nonEmpty(environment["TLSPRINT_BPF"])
        if let length = try snaplen ?? Environment.integer("TLSPRINT_SNAPLEN", in: environment) {
            guard (64...262_144).contains(length) else { throw ValidationError("TLSPRINT_SNAPLEN must be 64…262144") }
            configuration.snapLength = length
        }
        if let mebibytes = try bufferSize ?? Environment.integer("TLSPRINT_BUFFER_SIZE", in: environment) {
            guard (1...2_047).contains(mebibytes) else { throw ValidationError("TLSPRINT_BUFFER_SIZE must be 1…2047") }
            configuration.bufferSize = mebibytes << 20
        }
        if let promiscuous {
            configuration.promiscuous = promiscuous
        } else if let flag = try Environment.integer("TLSPRINT_PROMISCUOUS", in: environment) {
            configuration.promiscuous = flag != 0
        }
        if let immediate {
            configuration.immediateMode = immediate
        } else if let flag = try Environment.integer("TLSPRINT_IMMEDIATE", in: environment) {
            configuration.immediateMode = flag != 0
        }
        return configuration
    }

    /// The user to drop to, if any.
    func resolvedUser(environment: [String: String]) -> String? {
        user ?? nonEmpty(environment["TLSPRINT_USER"])
    }

    /// Seconds between `sensor_stats` events; 0 disables them.
    func resolvedStatsInterval(environment: [String: String]) throws -> Int {
        guard let seconds = try statsInterval ?? Environment.integer("TLSPRINT_STATS_INTERVAL", in: environment) else {
            return 60
        }
        guard seconds >= 0 else { throw ValidationError("TLSPRINT_STATS_INTERVAL must be 0 or more") }
        return seconds
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
