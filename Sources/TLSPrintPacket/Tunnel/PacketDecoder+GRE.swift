import TLSPrintCore

// RFC 2784 §2.1 / RFC 2890 §2:
//   C (1) | R (1, RFC 1701) | K (1) | S (1) | Reserved0 (9) | Ver (3) | Protocol Type (16) |
//   [Checksum (16) | Reserved1 (16)] if C | [Key (32)] if K | [Sequence Number (32)] if S
// RFC 2637 §4.1 enhanced GRE (version 1, PPTP): K always set (payload length 16 | call ID 16),
//   [sequence (32)] if S, [acknowledgment (32)] if A (0x0080); protocol 0x880B (PPP).
// ERSPAN (draft-foschiano-erspan §4): type I has no header (GRE without S); type II has 8 bytes:
//   Ver (4) | VLAN (12) | COS (3) | En (2) | T (1) | Session ID (10) | Reserved (12) | Index (20)
// type III has 12 bytes: Ver | VLAN | COS | BSO | T | Session ID | Timestamp (32) | SGT (16) |
//   P (1) | FT (5) | Hw ID (6) | D (1) | Gra (2) | O (1), then 8 more bytes of platform subheader if O.

extension PacketDecoder {
    /// Reads a GRE header (and an ERSPAN header after it) and returns the layer it carries.
    static func gre(_ frame: Span<UInt8>, walk: inout PacketWalk) throws(ParseError) -> NextLayer? {
        var reader = ByteReader(frame.extracting(walk.offset..<walk.end), base: walk.offset)
        let flags = try reader.readUInt16()
        let protocolType = EtherType(rawValue: try reader.readUInt16())
        try walk.enterEncapsulation()
        let next: NextLayer?
        switch flags & 0x0007 {
        case 0:
            guard flags & 0x4000 == 0 else { return nil }  // RFC 1701 source routing: obsolete
            if flags & 0x8000 != 0 { try reader.skip(4) }
            if flags & 0x2000 != 0 { try reader.skip(4) }
            let hasSequence = flags & 0x1000 != 0
            if hasSequence { try reader.skip(4) }
            switch protocolType {
            case .erspanTypeII:
                if hasSequence { try reader.skip(8) }
                next = .ethernet
            case .erspanTypeIII:
                try reader.skip(10)
                if try reader.readUInt16() & 1 != 0 { try reader.skip(8) }
                next = .ethernet
            default:
                next = .etherType(protocolType.rawValue)
            }
        case 1:
            guard flags & 0x2000 != 0, protocolType == .ppp else { return nil }
            try reader.skip(4)
            if flags & 0x1000 != 0 { try reader.skip(4) }
            if flags & 0x0080 != 0 { try reader.skip(4) }
            next = .ppp
        default:
            return nil
        }
        walk.advance(to: reader.offset)
        return next
    }
}
