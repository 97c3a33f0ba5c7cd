import TLSPrintCore

/// What `PacketDecoder` found in one frame: the innermost IP flow, its transport header and payload.
///
/// Plain data and kept small (about 150 bytes), because callers copy it per packet: a fragment's addresses and
/// range are the packet's own, so only its other fields are stored.
package struct DecodedPacket: Hashable, Sendable {
    /// Source address of the innermost IP header.
    package var source: IPAddress
    /// Destination address of the innermost IP header.
    package var destination: IPAddress
    /// TTL or hop limit of the first (outermost) IP header, as JA4L reads it.
    package var hopLimit: UInt8
    /// Protocol carried by the innermost IP header (after IPv6 extension headers).
    package var ipProtocol: IPProtocolNumber
    private var fragmentFields: FragmentFields?
    /// The transport payload in the frame, trimmed to the IP (and UDP) length, so link padding is excluded.
    package var payload: Range<Int>
    /// VLAN tags, MPLS labels, PPPoE and tunnels passed on the way in.
    package var encapsulations: Int
    /// The transport header; `.other` for fragments and protocols other than TCP and UDP.
    package var transport: TransportHeader

    /// True when the innermost IP packet is a fragment (cheaper than building ``fragment``).
    package var isFragment: Bool { fragmentFields != nil }

    /// Set when the innermost IP packet is a fragment; `transport` is then `.other`. Its addresses and payload
    /// are the packet's `source`, `destination` and `payload` (setting a fragment sets those too).
    package var fragment: IPFragment? {
        get {
            fragmentFields.map {
                IPFragment(
                    identification: $0.identification,
                    offset: Int($0.offset),
                    moreFragments: $0.moreFragments,
                    ipProtocol: $0.ipProtocol,
                    source: source,
                    destination: destination,
                    payload: payload
                )
            }
        }
        set {
            guard let newValue else {
                fragmentFields = nil
                return
            }
            fragmentFields = FragmentFields(newValue)
            source = newValue.source
            destination = newValue.destination
            payload = newValue.payload
        }
    }

    init(
        hopLimit: UInt8,
        source: IPAddress,
        destination: IPAddress,
        ipProtocol: IPProtocolNumber,
        transport: TransportHeader,
        payload: Range<Int>,
        fragment: IPFragment?,
        encapsulations: Int
    ) {
        self.source = source
        self.destination = destination
        self.hopLimit = hopLimit
        self.ipProtocol = ipProtocol
        self.fragmentFields = fragment.map(FragmentFields.init)
        self.payload = payload
        self.encapsulations = encapsulations
        self.transport = transport
    }
}

/// The fields of an `IPFragment` that are not the packet's own.
private struct FragmentFields: Hashable, Sendable {
    var identification: UInt32
    /// At most 8 × 8191 (13 bits of 8-byte units in both IPv4 and IPv6).
    var offset: UInt16
    var moreFragments: Bool
    var ipProtocol: IPProtocolNumber

    init(_ fragment: IPFragment) {
        identification = fragment.identification
        offset = UInt16(truncatingIfNeeded: fragment.offset)
        moreFragments = fragment.moreFragments
        ipProtocol = fragment.ipProtocol
    }
}
