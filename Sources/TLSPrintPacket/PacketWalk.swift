import TLSPrintCore

/// The next header `PacketDecoder` has to read.
enum NextLayer: Equatable {
    case ethernet
    case etherType(UInt16)
    case ipv4
    case ipv6
    /// Raw IP with no type field: the version nibble decides.
    case ipByVersion
    /// A PPP protocol field, optionally after `ff 03` address and control bytes.
    case ppp
}

/// The decoder's position in the frame and what the IP layers seen so far said.
///
/// Invariant: `0 <= offset <= end <= frame.count`, so `frame.extracting(offset..<end)` cannot trap.
struct PacketWalk {
    var offset = 0
    var end: Int
    var outerHopLimit: UInt8?
    var sawIP = false
    /// The result, filled in as the layers are read: the addresses, protocol and hop limit of the IP header read
    /// last, the encapsulations passed, then the transport header, payload and fragment. Built in place, so
    /// that returning it is one copy.
    var packet = DecodedPacket(
        hopLimit: 0,
        source: .v4(0),
        destination: .v4(0),
        ipProtocol: IPProtocolNumber(rawValue: 0),
        transport: .other,
        payload: 0..<0,
        fragment: nil,
        encapsulations: 0
    )

    init(end: Int) { self.end = end }

    /// Moves to `position` (which must be within `offset...end`, as a reader over that range yields).
    mutating func advance(to position: Int) {
        offset = min(max(position, offset), end)
    }

    /// Counts one more tag, label or tunnel.
    /// - Throws: `.limitExceeded` past `Limits.encapsulationDepth`.
    mutating func enterEncapsulation() throws(ParseError) {
        packet.encapsulations &+= 1
        guard packet.encapsulations <= Limits.encapsulationDepth else { throw ParseError(.limitExceeded, at: offset) }
    }

    /// Records an IP header's addresses, protocol and hop limit; trims `end` to the IP packet's length.
    mutating func enterIP(
        source: IPAddress,
        destination: IPAddress,
        hopLimit: UInt8,
        headerEnd: Int,
        packetEnd: Int
    ) throws(ParseError) {
        if sawIP { try enterEncapsulation() }
        sawIP = true
        if outerHopLimit == nil { outerHopLimit = hopLimit }
        packet.source = source
        packet.destination = destination
        packet.hopLimit = hopLimit
        end = min(packetEnd, end)
        advance(to: headerEnd)
    }
}
