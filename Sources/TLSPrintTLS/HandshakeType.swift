/// A handshake message type (RFC 8446 §4, IANA TLS HandshakeType registry). An open set.
package struct HandshakeType: RawRepresentable, Hashable, Sendable {
    /// The wire value.
    package var rawValue: UInt8
    /// A handshake type from its wire value.
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// client_hello.
    package static let clientHello = HandshakeType(rawValue: 1)
    /// server_hello (also carries a TLS 1.3 HelloRetryRequest).
    package static let serverHello = HandshakeType(rawValue: 2)
    /// certificate.
    package static let certificate = HandshakeType(rawValue: 11)
    /// server_key_exchange (TLS ≤ 1.2).
    package static let serverKeyExchange = HandshakeType(rawValue: 12)
    /// server_hello_done (TLS ≤ 1.2).
    package static let serverHelloDone = HandshakeType(rawValue: 14)
}
