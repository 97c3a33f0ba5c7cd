import TLSPrintCore

// RFC 8200 §3:
//   Version (4) | Traffic Class (8) | Flow Label (20) | Payload Length (16) | Next Header (8) | Hop Limit (8) |
//   Source Address (128) | Destination Address (128)
// §4.3/4.4/4.6 Hop-by-Hop, Routing, Destination Options: Next Header (8) | Hdr Ext Len (8, 8-byte units
//   beyond the first 8) | ...   (Mobility 135, HIP 139 and Shim6 140 share this layout, RFC 6564)
// §4.5 Fragment: Next Header (8) | Reserved (8) | Fragment Offset (13) | Res (2) | M (1) | Identification (32)
// RFC 4302 §2 AH: Next Header (8) | Payload Len (8, 4-byte units minus 2) | ...

extension PacketDecoder {
    /// Reads an IPv6 header and walks its extension headers (at most `Limits.ipv6ExtensionHeaders`).
    ///
    /// Leaves `walk.packet.ipProtocol` at the first header that is not an extension header. Returns fragment
    /// details when a Fragment header with a non-zero offset or the M flag is found (an atomic fragment
    /// is walked through).
    static func ipv6(_ frame: Span<UInt8>, walk: inout PacketWalk) throws(ParseError) -> IPFragment? {
        var header = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        let start = header.offset
        guard try header.readUInt32() >> 28 == 6 else { throw ParseError(.invalidValue, at: start) }
        let payloadLength = Int(try header.readUInt16())
        var next = IPProtocolNumber(rawValue: try header.readUInt8())
        let hopLimit = try header.readUInt8()
        let source = IPAddress.v6(try header.readUInt64(), try header.readUInt64())
        let destination = IPAddress.v6(try header.readUInt64(), try header.readUInt64())
        // A payload length of 0 is a jumbogram (RFC 2675) or offload: use what was captured.
        let packetEnd = payloadLength == 0 ? walk.end : header.offset &+ payloadLength
        try walk.enterIP(
            source: source,
            destination: destination,
            hopLimit: hopLimit,
            headerEnd: header.offset,
            packetEnd: packetEnd
        )
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        var walked = 0
        var fragment: IPFragment?
        loop: while true {
            switch next {
            case .hopByHop, .routing, .destinationOptions, .mobility, .hip, .shim6, .ah, .fragment:
                guard walked < Limits.ipv6ExtensionHeaders else { throw ParseError(.limitExceeded, at: reader.offset) }
                walked &+= 1
            default:
                break loop
            }
            let following = IPProtocolNumber(rawValue: try reader.readUInt8())
            let lengthByte = Int(try reader.readUInt8())
            switch next {
            case .fragment:
                let offsetAndFlags = try reader.readUInt16()
                let identification = try reader.readUInt32()
                if offsetAndFlags & 0xFFF9 != 0 {
                    fragment = IPFragment(
                        identification: identification,
                        offset: Int(offsetAndFlags & 0xFFF8),
                        moreFragments: offsetAndFlags & 1 != 0,
                        ipProtocol: following,
                        source: source,
                        destination: destination,
                        payload: reader.offset..<walk.end
                    )
                }
            case .ah:
                try reader.skip((lengthByte &+ 2) &* 4 &- 2)
            default:
                try reader.skip(lengthByte &* 8 &+ 6)
            }
            next = following
            if fragment != nil { break }
        }
        walk.packet.ipProtocol = next
        walk.advance(to: reader.offset)
        return fragment
    }
}
