/// The kind of a long-header packet, after the version-specific mapping of its two type bits.
///
/// JA4L for QUIC (fingerprints.md §4.1) needs the type of every coalesced packet.
package enum LongPacketType: Hashable, Sendable {
    /// Carries the first CRYPTO frames; protected with keys derived from the client's DCID.
    case initial
    /// Early application data; not decrypted.
    case zeroRTT
    /// Handshake-level CRYPTO frames; not decrypted.
    case handshake
    /// A server's Retry; never protected, carries a token and an integrity tag.
    case retry
}
