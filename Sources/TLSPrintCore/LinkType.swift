/// A capture link-layer header type (tcpdump.org LINKTYPE_ registry). An open set.
public struct LinkType: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let null = LinkType(rawValue: 0)  // BSD loopback: 4-byte host-order family
    public static let ethernet = LinkType(rawValue: 1)
    public static let ppp = LinkType(rawValue: 9)
    public static let raw = LinkType(rawValue: 101)  // raw IPv4 or IPv6
    public static let ieee802_11 = LinkType(rawValue: 105)
    public static let loop = LinkType(rawValue: 108)  // OpenBSD loopback: 4-byte network-order family
    public static let linuxSLL = LinkType(rawValue: 113)
    public static let ipv4 = LinkType(rawValue: 228)
    public static let ipv6 = LinkType(rawValue: 229)
    public static let linuxSLL2 = LinkType(rawValue: 276)
    /// Some old captures write raw IP as DLT 12 or 14.
    public static let rawAlt12 = LinkType(rawValue: 12)
    public static let rawAlt14 = LinkType(rawValue: 14)
}
