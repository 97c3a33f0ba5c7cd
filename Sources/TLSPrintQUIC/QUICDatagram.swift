import TLSPrintCore

/// The long-header packets of one UDP datagram, in order (RFC 9000 §12.2 coalescing).
package struct QUICDatagram: Hashable, Sendable {
    /// Every long-header packet, in datagram order.
    package var packets: [CoalescedPacket] = []
    /// Bytes after the last long-header packet: a short-header (1-RTT) packet or padding; not parsed.
    package var trailingBytes = 0
    /// Why the walk stopped early (a malformed or truncated long header, too many packets); nil otherwise.
    package var error: ParseError?

    /// The types of all coalesced long-header packets (nil entries: Version Negotiation or unknown version).
    package var packetTypes: [LongPacketType?] { packets.map(\.header.packetType) }

    /// The Initial packets that were decrypted, in datagram order.
    package var initials: [InitialPacket] { packets.compactMap(\.initial) }

    /// Most long-header packets walked in one datagram.
    package static let maximumPackets = 16
}
