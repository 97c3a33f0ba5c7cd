import TLSPrintCore

// IEEE 802.3 Ethernet II: destination (6) | source (6) | EtherType or length (2).
// IEEE 802.1Q / 802.1ad tag: TCI (2: PCP 3, DEI 1, VID 12) | EtherType (2).
// RFC 2516 §4 PPPoE: VER (4) TYPE (4) | CODE (8) | SESSION_ID (16) | LENGTH (16) | PPP payload.
// RFC 3032 §2.1 MPLS label stack entry: Label (20) | TC (3) | S (1, bottom of stack) | TTL (8).
// RFC 1661 §2 PPP: Protocol (8 or 16; 0x0021 IPv4, RFC 5072 0x0057 IPv6), after optional ff 03 (RFC 1662).

extension PacketDecoder {
    /// The first layer for a link type, after its link header; nil for link types tlsprint does not decode.
    static func linkLayer(_ frame: Span<UInt8>, linkType: LinkType, walk: inout PacketWalk) throws(ParseError)
        -> NextLayer?
    {
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        let next: NextLayer?
        switch linkType {
        case .ethernet: return .ethernet
        case .raw, .rawAlt12, .rawAlt14: return .ipByVersion
        case .ipv4: return .ipv4
        case .ipv6: return .ipv6
        case .ppp: return .ppp
        case .null, .loop:
            let family = try reader.readUInt32()
            next = addressFamily(family) ?? addressFamily(family.byteSwapped)
        case .linuxSLL:
            // packet type (2), ARPHRD (2), address length (2), address (8), protocol (2)
            try reader.skip(14)
            next = .etherType(try reader.readUInt16())
        case .linuxSLL2:
            // protocol (2), reserved (2), interface index (4), ARPHRD (2), packet type (1), address length (1),
            // address (8)
            let type = try reader.readUInt16()
            try reader.skip(18)
            next = .etherType(type)
        default: return nil
        }
        walk.advance(to: reader.offset)
        return next
    }

    /// BSD `AF_INET` is 2 everywhere; `AF_INET6` is 24 (NetBSD/OpenBSD), 28 (FreeBSD) or 30 (Darwin).
    private static func addressFamily(_ family: UInt32) -> NextLayer? {
        switch family {
        case 2: return .ipv4
        case 24, 28, 30: return .ipv6
        default: return nil
        }
    }

    /// Reads an Ethernet II header (or an 802.3 frame with LLC/SNAP) and returns its EtherType.
    static func ethernet(_ frame: Span<UInt8>, walk: inout PacketWalk) throws(ParseError) -> NextLayer? {
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        try reader.skip(12)
        let type = try reader.readUInt16()
        if type >= 0x0600 {
            walk.advance(to: reader.offset)
            return .etherType(type)
        }
        // IEEE 802.3 length field: only LLC SNAP (aa aa 03, OUI 00 00 00) carries an EtherType.
        guard try reader.readUInt8() == 0xAA, try reader.readUInt8() == 0xAA, try reader.readUInt8() == 0x03
        else { return nil }
        guard try reader.readUInt16() == 0, try reader.readUInt8() == 0 else { return nil }
        let snapType = try reader.readUInt16()
        walk.advance(to: reader.offset)
        return .etherType(snapType)
    }

    /// Dispatches on an EtherType, reading VLAN tags, PPPoE and MPLS headers on the way.
    static func etherType(_ type: UInt16, _ frame: Span<UInt8>, walk: inout PacketWalk) throws(ParseError)
        -> NextLayer?
    {
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        let next: NextLayer?
        switch EtherType(rawValue: type) {
        case .ipv4: return .ipv4
        case .ipv6: return .ipv6
        case .transparentEthernet: return .ethernet
        case .vlan, .qinq, .qinqLegacy:
            try walk.enterEncapsulation()
            try reader.skip(2)
            next = .etherType(try reader.readUInt16())
        case .pppoeSession:
            try walk.enterEncapsulation()
            try reader.skip(6)
            next = .ppp
        case .mplsUnicast, .mplsMulticast:
            var bottom = false
            while !bottom {
                try walk.enterEncapsulation()
                bottom = try reader.readUInt32() & 0x100 != 0
            }
            next = .ipByVersion
        case .erspanTypeII, .erspanTypeIII:
            return nil  // reached only from GRE, which handles ERSPAN itself
        default:
            return nil
        }
        walk.advance(to: reader.offset)
        return next
    }

    /// Reads a PPP protocol field (after optional `ff 03`).
    static func ppp(_ frame: Span<UInt8>, walk: inout PacketWalk) throws(ParseError) -> NextLayer? {
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        if try reader.peekUInt16() == 0xFF03 { try reader.skip(2) }
        // RFC 1661 §6.5 protocol-field compression: an odd first byte is a one-byte protocol.
        let first = try reader.readUInt8()
        let protocolNumber = first & 1 == 1 ? UInt16(first) : UInt16(first) << 8 | UInt16(try reader.readUInt8())
        walk.advance(to: reader.offset)
        switch protocolNumber {
        case 0x0021: return .ipv4
        case 0x0057: return .ipv6
        default: return nil
        }
    }

    /// Chooses IPv4 or IPv6 from the version nibble of raw IP.
    static func ipByVersion(_ frame: Span<UInt8>, walk: PacketWalk) throws(ParseError) -> NextLayer? {
        let reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        switch try reader.peekUInt8() >> 4 {
        case 4: return .ipv4
        case 6: return .ipv6
        default: return nil
        }
    }
}
