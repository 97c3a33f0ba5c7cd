/// Where `live --metrics-listen` accepts scrapes: `HOST:PORT`, `[IPV6]:PORT`, or `:PORT` for every IPv4
/// address. The host is an address or a name the resolver knows; port 0 asks the kernel for a free one.
package struct MetricsListenAddress: Hashable, Sendable, CustomStringConvertible {
    /// The host to bind, without brackets (`127.0.0.1`, `::1`, `localhost`).
    package var host: String
    /// The TCP port, 0...65535.
    package var port: Int

    /// A host and a port as given.
    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, `[IPV6]:PORT` or `:PORT`; nil for anything else (a bare port, an IPv6 address
    /// without brackets, a port out of range).
    package init?(parsing text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":"), !host.isEmpty, host.contains(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            guard !host.contains(":"), !host.contains("["), !host.contains("]") else { return nil }
            portText = text[text.index(after: colon)...]
        }
        guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), portText.count <= 5,
            let port = Int(portText), port <= 65_535
        else { return nil }
        guard !host.contains(where: { $0 == " " || $0 == "/" }) else { return nil }
        self.host = host.isEmpty ? "0.0.0.0" : String(host)
        self.port = port
    }

    /// `HOST:PORT`, with brackets around an IPv6 host: the form `--metrics-listen` takes.
    package var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
