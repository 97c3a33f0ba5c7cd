import SystemPackage

/// Where `--output` sends events: `-`, `file:PATH`, `udp://host:port`, `tcp://host:port` or
/// `tls://host:port`, optionally prefixed `json@` or `syslog@` to override `--format` for that output.
///
/// Hosts may be names, IPv4 literals or bracketed IPv6 literals (`udp://[::1]:514`).
package struct OutputDestination: Hashable, Sendable, CustomStringConvertible {
    /// The transport part.
    package enum Target: Hashable, Sendable {
        /// Standard output (`-`).
        case standardOutput
        /// A file opened for appending.
        case file(String)
        /// RFC 5426 syslog over UDP.
        case udp(host: String, port: UInt16)
        /// RFC 6587 syslog over TCP.
        case tcp(host: String, port: UInt16)
        /// RFC 5425 syslog over TLS.
        case tls(host: String, port: UInt16)
    }

    /// The transport.
    package var target: Target
    /// The format forced by a `json@`/`syslog@` prefix; nil means `--format`.
    package var formatOverride: OutputFormat?
    /// TLS authentication for `tls://` (`--tls-ca`, `--tls-cert`, `--tls-key`); ignored by other targets.
    package var tlsOptions = TLSClientOptions()
    /// Stream framing for `tcp://` and `tls://` (`--framing`); nil picks the default for the format.
    package var framing: SyslogStreamSink.Framing?

    /// A destination from its parts.
    package init(target: Target, formatOverride: OutputFormat? = nil) {
        self.target = target
        self.formatOverride = formatOverride
    }

    /// Parses the `--output` syntax above.
    /// - Throws: `SinkError(.destination)` saying what is missing or wrong, and naming the text.
    package init(parsing text: String) throws(SinkError) {
        var rest = Substring(text)
        for format in OutputFormat.allCases where rest.hasPrefix(format.rawValue + "@") {
            formatOverride = format
            rest = rest.dropFirst(format.rawValue.count + 1)
        }
        if rest == "-" {
            target = .standardOutput
        } else if rest.hasPrefix("file:") {
            let path = rest.dropFirst("file:".count)
            guard !path.isEmpty else { throw SinkError(.destination, context: "path missing in \(text) (file:PATH)") }
            target = .file(String(path))
        } else if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            let scheme = rest[..<colon]
            guard ["udp", "tcp", "tls"].contains(scheme) else {
                throw SinkError(.destination, context: "unknown scheme '\(scheme)' in \(text) \(Self.forms)")
            }
            let (host, port) = try Self.parseHostPort(rest[rest.index(colon, offsetBy: 3)...], original: text, scheme)
            switch scheme {
            case "udp": target = .udp(host: host, port: port)
            case "tcp": target = .tcp(host: host, port: port)
            default: target = .tls(host: host, port: port)
            }
        } else {
            throw SinkError(.destination, context: "not an output: \(text) \(Self.forms)")
        }
    }

    private static let forms = "(-, file:PATH, udp://HOST:PORT, tcp://HOST:PORT or tls://HOST:PORT)"

    /// The format this output writes, given the `--format` default.
    package func format(default defaultFormat: OutputFormat) -> OutputFormat {
        formatOverride ?? defaultFormat
    }

    /// The destination in `--output` syntax.
    package var description: String {
        let prefix = formatOverride.map { $0.rawValue + "@" } ?? ""
        switch target {
        case .standardOutput: return prefix + "-"
        case .file(let path): return prefix + "file:" + path
        case .udp(let host, let port): return prefix + "udp://" + Self.hostPort(host, port)
        case .tcp(let host, let port): return prefix + "tcp://" + Self.hostPort(host, port)
        case .tls(let host, let port): return prefix + "tls://" + Self.hostPort(host, port)
        }
    }

    private static func hostPort(_ host: String, _ port: UInt16) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func parseHostPort(_ text: Substring, original: String, _ scheme: Substring) throws(SinkError)
        -> (String, UInt16)
    {
        let form = "(\(scheme)://HOST:PORT)"
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw SinkError(.destination, context: "']' missing in \(original) (\(scheme)://[IPV6]:PORT)")
            }
            guard text[text.index(after: close)...].hasPrefix(":") else {
                throw SinkError(.destination, context: "port missing in \(original) \(form)")
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            guard !text[..<colon].contains(":") else {
                throw SinkError(
                    .destination,
                    context: "IPv6 address without brackets in \(original) (\(scheme)://[IPV6]:PORT)"
                )
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = text
            portText = ""
        }
        guard !host.isEmpty else { throw SinkError(.destination, context: "host missing in \(original) \(form)") }
        guard !host.contains("/") else {
            throw SinkError(.destination, context: "a path is not allowed in \(original) \(form)")
        }
        guard !portText.isEmpty else { throw SinkError(.destination, context: "port missing in \(original) \(form)") }
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = UInt16(portText), port > 0 else {
            throw SinkError(.destination, context: "port '\(portText)' is not 1…65535 in \(original) \(form)")
        }
        return (String(host), port)
    }
}
