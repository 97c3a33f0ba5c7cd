import TLSPrintCore

/// The application protocols the sensor looks for (`--protocols`): TLS in TCP, QUIC, DTLS and OpenVPN; SSH
/// and HTTP/1.x in TCP. A stream is recognised by its opening bytes, never by port.
package struct SensorProtocols: NamedOptionSet, Hashable, Sendable {
    package var rawValue: UInt8

    package init(rawValue: UInt8) { self.rawValue = rawValue }

    package static let tls = SensorProtocols(rawValue: 1 << 0)
    package static let ssh = SensorProtocols(rawValue: 1 << 1)
    package static let http = SensorProtocols(rawValue: 1 << 2)
    /// Everything the sensor knows (the default).
    package static let all: SensorProtocols = [.tls, .ssh, .http]

    /// The names `--protocols` takes, in the order they are listed.
    package static let names: [(name: String, member: SensorProtocols)] = [
        ("tls", .tls), ("ssh", .ssh), ("http", .http),
    ]
}
