/// Which endpoint sent a QUIC packet, as told by the Initial keys that opened it.
package enum QUICDirection: Hashable, Sendable {
    /// Sent by the client (opened with the `client in` keys).
    case client
    /// Sent by the server (opened with the `server in` keys).
    case server
}
