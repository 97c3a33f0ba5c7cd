import TLSPrintCore

/// Decodes a captured frame down to the innermost IP header and its TCP or UDP header.
///
/// Walks link, VLAN/QinQ, PPPoE, MPLS, IPv4/IPv6 (with the extension-header walk) and tunnels (IP-in-IP, GRE,
/// ERSPAN, VXLAN, Geneve) with bounds-checked readers and no allocation (except the option list of a SYN).
package enum PacketDecoder {
    /// Most layers one frame may hold; a loop guard on top of `Limits.encapsulationDepth`.
    static let maximumLayers = 4 &* Limits.encapsulationDepth &+ 8

    /// Decodes `frame` captured with `linkType`.
    /// - Returns: nil when the frame carries no IP (ARP, LLDP, an unknown link type or EtherType).
    /// - Throws: `ParseError` for a malformed or truncated header; offsets count from the frame's start.
    package static func decode(_ frame: Span<UInt8>, linkType: LinkType) throws(ParseError) -> DecodedPacket? {
        var walk = PacketWalk(end: frame.count)
        guard var layer = try linkLayer(frame, linkType: linkType, walk: &walk) else { return nil }
        for _ in 0..<maximumLayers {
            let next: NextLayer?
            switch layer {
            case .ethernet: next = try ethernet(frame, walk: &walk)
            case .etherType(let type): next = try etherType(type, frame, walk: &walk)
            case .ppp: next = try ppp(frame, walk: &walk)
            case .ipByVersion: next = try ipByVersion(frame, walk: walk)
            case .ipv4, .ipv6:
                switch try internet(layer == .ipv4, frame, walk: &walk) {
                case .packet:
                    // JA4L reads the TTL of the first (outermost) IP header.
                    if let outer = walk.outerHopLimit { walk.packet.hopLimit = outer }
                    return walk.packet
                case .layer(let inner): next = inner
                case .none: return nil
                }
            }
            guard let next else { return nil }
            layer = next
        }
        throw ParseError(.limitExceeded, at: walk.offset)
    }

    /// Decodes the transport header at the start of a reassembled IP payload.
    /// - Returns: the header (`.other` for protocols other than TCP and UDP) and the payload range in `payload`.
    package static func decodeTransport(protocol ipProtocol: IPProtocolNumber, payload: Span<UInt8>)
        throws(ParseError) -> (TransportHeader, Range<Int>)
    {
        var reader = ByteReader(payload)
        switch ipProtocol {
        case .tcp:
            let header = try TCPHeader(parsing: &reader)
            return (.tcp(header), reader.offset..<payload.count)
        case .udp:
            let header = try UDPHeader(parsing: &reader)
            return (.udp(header), reader.offset..<udpEnd(header, start: 0, limit: payload.count))
        default:
            return (.other, 0..<payload.count)
        }
    }

    /// End of a UDP datagram's data: the length field when it fits, else what was captured.
    static func udpEnd(_ header: UDPHeader, start: Int, limit: Int) -> Int {
        let length = Int(header.length)
        guard length >= 8 else { return limit }
        return min(start &+ length, limit)
    }

    /// What an IP layer led to.
    enum InternetOutcome {
        /// The innermost transport header (or its absence) is known: `walk.packet` holds the result.
        case packet
        case layer(NextLayer)
        case none
    }
}
