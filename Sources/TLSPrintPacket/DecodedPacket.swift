import TLSPrintCore

/// What `PacketDecoder` found in one frame: the innermost IP flow, its transport header and payload.
package struct DecodedPacket: Hashable, Sendable {
    /// TTL or hop limit of the first (outermost) IP header, as JA4L reads it.
    package var hopLimit: UInt8
    /// Source address of the innermost IP header.
    package var source: IPAddress
    /// Destination address of the innermost IP header.
    package var destination: IPAddress
    /// Protocol carried by the innermost IP header (after IPv6 extension headers).
    package var ipProtocol: IPProtocolNumber
    /// The transport header; `.other` for fragments and protocols other than TCP and UDP.
    package var transport: TransportHeader
    /// The transport payload in the frame, trimmed to the IP (and UDP) length, so link padding is excluded.
    package var payload: Range<Int>
    /// Set when the innermost IP packet is a fragment; `transport` is then `.other`.
    package var fragment: IPFragment?
    /// VLAN tags, MPLS labels, PPPoE and tunnels passed on the way in.
    package var encapsulations: Int
}
