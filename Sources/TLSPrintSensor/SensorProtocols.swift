/// The application protocols the sensor looks for (`--protocols`): TLS in TCP, QUIC, DTLS and OpenVPN; SSH
/// and HTTP/1.x in TCP. A stream is recognised by its opening bytes, never by port.
package struct SensorProtocols: OptionSet, Hashable, Sendable {
    package var rawValue: UInt8

    package init(rawValue: UInt8) { self.rawValue = rawValue }

    package static let tls = SensorProtocols(rawValue: 1 << 0)
    package static let ssh = SensorProtocols(rawValue: 1 << 1)
    package static let http = SensorProtocols(rawValue: 1 << 2)
    /// Everything the sensor knows (the default).
    package static let all: SensorProtocols = [.tls, .ssh, .http]

    /// The names `--protocols` takes, in the order they are listed.
    package static let names: [(name: String, protocols: SensorProtocols)] = [
        ("tls", .tls), ("ssh", .ssh), ("http", .http),
    ]

    /// Parses a comma-separated list of names (`tls,ssh`); the failure names the first unknown entry.
    package static func parse(_ text: String) -> Result<SensorProtocols, UnknownName> {
        var protocols: SensorProtocols = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(entry.filter { $0 != " " }).lowercased()
            guard let match = names.first(where: { $0.name == name }) else { return .failure(UnknownName(name: name)) }
            protocols.insert(match.protocols)
        }
        return .success(protocols)
    }

    /// An entry of a `--protocols` list that names no protocol.
    package struct UnknownName: Error, Hashable, Sendable {
        package var name: String
    }
}
