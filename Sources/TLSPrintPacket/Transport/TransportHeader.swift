/// The innermost transport header of a packet.
package enum TransportHeader: Hashable, Sendable {
    /// TCP.
    case tcp(TCPHeader)
    /// UDP (after any UDP tunnel has been unwrapped).
    case udp(UDPHeader)
    /// Anything else: ICMP, ESP, an IP fragment, an unknown protocol.
    case other
}
