/// JA4's first character: which transport carried the hello (fingerprints.md §1.1).
package enum TransportMarker: Character, Hashable, Sendable {
    /// TLS over TCP.
    case tcp = "t"
    /// QUIC (TLS inside CRYPTO frames).
    case quic = "q"
    /// DTLS over UDP.
    case dtls = "d"
}
