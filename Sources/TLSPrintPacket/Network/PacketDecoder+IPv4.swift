import TLSPrintCore

// RFC 791 §3.1:
//   Version (4) | IHL (4) | Type of Service (8) | Total Length (16) |
//   Identification (16) | Flags (3: 0, DF, MF) | Fragment Offset (13, in 8-byte units) |
//   Time to Live (8) | Protocol (8) | Header Checksum (16) | Source Address (32) | Destination Address (32) |
//   Options (IHL * 4 - 20 bytes)

extension PacketDecoder {
    /// Reads an IPv4 header, trims the walk to its total length and returns fragment details if it is one.
    ///
    /// The header checksum is not verified (offloaded checksums are often wrong in captures). A total length
    /// of 0 (TCP segmentation offload) means "what was captured".
    static func ipv4(_ frame: Span<UInt8>, walk: inout PacketWalk) throws(ParseError) -> IPFragment? {
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        let start = reader.offset
        let versionAndLength = try reader.readUInt8()
        guard versionAndLength >> 4 == 4 else { throw ParseError(.invalidValue, at: start) }
        let headerLength = Int(versionAndLength & 0x0F) &* 4
        guard headerLength >= 20 else { throw ParseError(.invalidValue, at: start) }
        try reader.skip(1)
        let totalLength = Int(try reader.readUInt16())
        let identification = try reader.readUInt16()
        let flagsAndOffset = try reader.readUInt16()
        let timeToLive = try reader.readUInt8()
        let protocolNumber = IPProtocolNumber(rawValue: try reader.readUInt8())
        try reader.skip(2)
        let source = IPAddress.v4(try reader.readUInt32())
        let destination = IPAddress.v4(try reader.readUInt32())
        try reader.skip(headerLength &- 20)
        var packetEnd = walk.end
        if totalLength != 0 {
            guard totalLength >= headerLength else { throw ParseError(.invalidValue, at: start &+ 2) }
            packetEnd = start &+ totalLength
        }
        try walk.enterIP(
            source: source,
            destination: destination,
            hopLimit: timeToLive,
            headerEnd: reader.offset,
            packetEnd: packetEnd
        )
        walk.packet.ipProtocol = protocolNumber
        guard flagsAndOffset & 0x3FFF != 0 else { return nil }
        return IPFragment(
            identification: UInt32(identification),
            offset: Int(flagsAndOffset & 0x1FFF) &* 8,
            moreFragments: flagsAndOffset & 0x2000 != 0,
            ipProtocol: protocolNumber,
            source: source,
            destination: destination,
            payload: walk.offset..<walk.end
        )
    }

    /// Reads one IP header and whatever follows it: a transport header (left in `walk.packet`), a tunnel, or nothing
    /// known.
    static func internet(_ isIPv4: Bool, _ frame: Span<UInt8>, walk: inout PacketWalk) throws(ParseError)
        -> InternetOutcome
    {
        let fragment = isIPv4 ? try ipv4(frame, walk: &walk) : try ipv6(frame, walk: &walk)
        if let fragment {
            walk.packet.fragment = fragment  // sets the payload to the fragment's data
            return .packet
        }
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        switch walk.packet.ipProtocol {
        case .tcp:
            walk.packet.transport = .tcp(try TCPHeader(parsing: &reader))
            walk.packet.payload = reader.offset..<walk.end
            return .packet
        case .udp:
            let header = try UDPHeader(parsing: &reader)
            walk.end = udpEnd(header, start: walk.offset, limit: walk.end)
            walk.advance(to: reader.offset)
            if let tunnel = try udpTunnel(header, frame, walk: &walk) { return .layer(tunnel) }
            walk.packet.transport = .udp(header)
            walk.packet.payload = walk.offset..<walk.end
            return .packet
        case .ipv4: return .layer(.ipv4)
        case .ipv6: return .layer(.ipv6)
        case .gre:
            guard let inner = try gre(frame, walk: &walk) else { return .none }
            return .layer(inner)
        default:
            walk.packet.payload = walk.offset..<walk.end
            return .packet
        }
    }
}
