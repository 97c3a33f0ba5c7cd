/// An EtherType (IEEE 802 numbers registry), also used by GRE, Geneve and Linux SLL. An open set.
package struct EtherType: RawRepresentable, Hashable, Sendable {
    /// The 16-bit code point.
    package var rawValue: UInt16
    /// Wraps a code point.
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// IPv4.
    package static let ipv4 = EtherType(rawValue: 0x0800)
    /// ARP.
    package static let arp = EtherType(rawValue: 0x0806)
    /// IEEE 802.1Q customer VLAN tag.
    package static let vlan = EtherType(rawValue: 0x8100)
    /// IEEE 802.1ad service VLAN tag (QinQ outer tag).
    package static let qinq = EtherType(rawValue: 0x88A8)
    /// Pre-standard QinQ outer tag.
    package static let qinqLegacy = EtherType(rawValue: 0x9100)
    /// IPv6.
    package static let ipv6 = EtherType(rawValue: 0x86DD)
    /// PPPoE session stage.
    package static let pppoeSession = EtherType(rawValue: 0x8864)
    /// MPLS unicast.
    package static let mplsUnicast = EtherType(rawValue: 0x8847)
    /// MPLS multicast.
    package static let mplsMulticast = EtherType(rawValue: 0x8848)
    /// Transparent Ethernet bridging (GRE, Geneve carrying Ethernet).
    package static let transparentEthernet = EtherType(rawValue: 0x6558)
    /// ERSPAN type II (type I when the GRE header has no sequence number).
    package static let erspanTypeII = EtherType(rawValue: 0x88BE)
    /// ERSPAN type III.
    package static let erspanTypeIII = EtherType(rawValue: 0x22EB)
    /// PPP inside GRE version 1 (PPTP).
    package static let ppp = EtherType(rawValue: 0x880B)
}
