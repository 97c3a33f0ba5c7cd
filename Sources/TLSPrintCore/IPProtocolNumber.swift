/// An IP protocol number (IANA "Assigned Internet Protocol Numbers"). An open set.
public struct IPProtocolNumber: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let hopByHop = IPProtocolNumber(rawValue: 0)
    public static let icmp = IPProtocolNumber(rawValue: 1)
    public static let ipv4 = IPProtocolNumber(rawValue: 4)
    public static let tcp = IPProtocolNumber(rawValue: 6)
    public static let udp = IPProtocolNumber(rawValue: 17)
    public static let ipv6 = IPProtocolNumber(rawValue: 41)
    public static let routing = IPProtocolNumber(rawValue: 43)
    public static let fragment = IPProtocolNumber(rawValue: 44)
    public static let gre = IPProtocolNumber(rawValue: 47)
    public static let esp = IPProtocolNumber(rawValue: 50)
    public static let ah = IPProtocolNumber(rawValue: 51)
    public static let icmpv6 = IPProtocolNumber(rawValue: 58)
    public static let noNextHeader = IPProtocolNumber(rawValue: 59)
    public static let destinationOptions = IPProtocolNumber(rawValue: 60)
    public static let mobility = IPProtocolNumber(rawValue: 135)
    public static let hip = IPProtocolNumber(rawValue: 139)
    public static let shim6 = IPProtocolNumber(rawValue: 140)
}
