import TLSPrintCore

// RFC 7348 §5 VXLAN (UDP 4789): Flags (8, I = 0x08) | Reserved (24) | VNI (24) | Reserved (8) | Ethernet frame
// RFC 8926 §3.4 Geneve (UDP 6081): Ver (2) | Opt Len (6, 4-byte units) | O (1) | C (1) | Rsvd (6) |
//   Protocol Type (16, an EtherType) | VNI (24) | Reserved (8) | Variable-Length Options

extension PacketDecoder {
    /// The IANA port of VXLAN.
    static let vxlanPort: UInt16 = 4789
    /// The IANA port of Geneve.
    static let genevePort: UInt16 = 6081

    /// Unwraps VXLAN or Geneve when either port says so (the destination port first, as encapsulators set the
    /// source port from a flow hash); nil leaves the datagram as plain UDP.
    static func udpTunnel(_ udp: UDPHeader, _ frame: Span<UInt8>, walk: inout PacketWalk) throws(ParseError)
        -> NextLayer?
    {
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        let next: NextLayer
        let destination = udp.destinationPort
        let port = destination == vxlanPort || destination == genevePort ? destination : udp.sourcePort
        switch port {
        case vxlanPort:
            guard reader.remaining >= 8, try reader.peekUInt8() & 0x08 != 0 else { return nil }
            try reader.skip(8)
            next = .ethernet
        case genevePort:
            guard reader.remaining >= 8, try reader.peekUInt8() >> 6 == 0 else { return nil }
            let optionsLength = Int(try reader.readUInt8() & 0x3F) &* 4
            try reader.skip(1)
            let protocolType = try reader.readUInt16()
            try reader.skip(4 &+ optionsLength)
            next = protocolType == EtherType.transparentEthernet.rawValue ? .ethernet : .etherType(protocolType)
        default:
            return nil
        }
        try walk.enterEncapsulation()
        walk.advance(to: reader.offset)
        return next
    }
}
