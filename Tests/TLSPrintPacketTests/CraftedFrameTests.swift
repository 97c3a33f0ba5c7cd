import TLSPrintCore
import TLSPrintPacket
import Testing

/// Hand-built frames; every byte is laid out from the RFC header diagrams.
enum Frames {
    static let macs: [UInt8] = Array(repeating: 0x02, count: 12)
    /// IPv4 header, 20 bytes: TTL 64, 192.0.2.1 → 198.51.100.2, given protocol, payload length and flags/offset.
    static func ipv4(protocol number: UInt8, payload: Int, flagsAndOffset: UInt16 = 0x4000, ttl: UInt8 = 64) -> [UInt8]
    {
        let total = 20 + payload
        return [
            0x45, 0, UInt8(total >> 8), UInt8(total & 0xFF), 0x12, 0x34, UInt8(flagsAndOffset >> 8),
            UInt8(flagsAndOffset & 0xFF), ttl, number, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2,
        ]
    }
    /// IPv6 header: hop limit 57, 2001:db8::1 → 2001:db8::2.
    static func ipv6(next: UInt8, payload: Int) -> [UInt8] {
        [
            0x60, 0, 0, 0, UInt8(payload >> 8), UInt8(payload & 0xFF), next, 57,
            0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
        ]
    }
    /// TCP SYN 49152 → 443 with MSS 1460, NOP, WS 7, SACK-permitted, EOL and one padding byte (data offset 8).
    static let tcpSYN: [UInt8] = [
        0xC0, 0x00, 0x01, 0xBB, 0, 0, 0x10, 0, 0, 0, 0, 0, 0x80, 0x02, 0xFA, 0xF0, 0, 0, 0, 0,
        2, 4, 0x05, 0xB4, 1, 3, 3, 7, 4, 2, 0, 0,
    ]
    static let udp: [UInt8] = [0x30, 0x39, 0x01, 0xBB, 0, 12, 0, 0, 0xAA, 0xBB, 0xCC, 0xDD]
    static func ethernet(_ type: UInt16, _ body: [UInt8]) -> [UInt8] {
        macs + [UInt8(type >> 8), UInt8(type & 0xFF)] + body
    }
    static let ipv4SYN = ipv4(protocol: 6, payload: tcpSYN.count) + tcpSYN
}

func decode(_ frame: [UInt8], _ linkType: LinkType = .ethernet) throws(ParseError) -> DecodedPacket? {
    try PacketDecoder.decode(frame.span, linkType: linkType)
}

@Suite struct CraftedFrameTests {
    @Test func ethernetIPv4SYNWithPaddingTrimmed() throws {
        let frame = Frames.ethernet(0x0800, Frames.ipv4SYN) + [0, 0, 0, 0, 0, 0]  // Ethernet padding
        let packet = try #require(try decode(frame))
        #expect(packet.source.description == "192.0.2.1")
        #expect(packet.destination.description == "198.51.100.2")
        #expect(packet.hopLimit == 64)
        guard case .tcp(let tcp) = packet.transport else { Issue.record("not TCP"); return }
        #expect(tcp.flags == .syn)
        #expect(tcp.window == 64240)
        #expect(tcp.options?.kinds == [2, 1, 3, 4, 0, 0])
        #expect(tcp.options?.maximumSegmentSize == 1460)
        #expect(tcp.options?.windowScale == 7)
        #expect(packet.payload == frame.count - 6..<frame.count - 6)
    }

    @Test func stackedTagsPPPoEAndMPLS() throws {
        let qinq = Frames.ethernet(0x88A8, [0, 10, 0x81, 0x00, 0, 20, 0x08, 0x00] + Frames.ipv4SYN)
        #expect(try decode(qinq)?.encapsulations == 2)
        let pppoe = Frames.ethernet(0x8864, [0x11, 0, 0, 1, 0, 0, 0x00, 0x21] + Frames.ipv4SYN)
        #expect(try decode(pppoe)?.source == .v4(0xC000_0201))
        let mpls = Frames.ethernet(0x8847, [0, 1, 0, 64, 0, 2, 1, 64] + Frames.ipv4SYN)
        #expect(try decode(mpls)?.encapsulations == 2)
    }

    @Test(arguments: [[2, 0, 0, 0], [0, 0, 0, 2]] as [[UInt8]])
    func bsdLoopbackInEitherByteOrder(header: [UInt8]) throws {
        #expect(try decode(header + Frames.ipv4SYN, .null)?.ipProtocol == .tcp)
        #expect(try decode(header + Frames.ipv4SYN, .loop)?.ipProtocol == .tcp)
    }

    @Test func pppWithAndWithoutAddressControl() throws {
        #expect(try decode([0xFF, 0x03, 0x00, 0x21] + Frames.ipv4SYN, .ppp) != nil)
        #expect(try decode([0x00, 0x21] + Frames.ipv4SYN, .ppp) != nil)
        #expect(try decode([0xC0, 0x21, 1, 2, 3, 4], .ppp) == nil)  // LCP
    }

    @Test func ipv6ExtensionHeadersAreWalked() throws {
        // Hop-by-hop (8 bytes) then destination options (16 bytes) then UDP.
        let extensions: [UInt8] = [60, 0, 1, 4, 0, 0, 0, 0] + [17, 1] + Array(repeating: 1, count: 14)
        let frame = Frames.ipv6(next: 0, payload: extensions.count + Frames.udp.count) + extensions + Frames.udp
        let packet = try #require(try decode(frame, .raw))
        #expect(packet.hopLimit == 57)
        #expect(packet.source.description == "2001:db8::1")
        guard case .udp(let udp) = packet.transport else { Issue.record("not UDP"); return }
        #expect(udp.sourcePort == 12345)
        #expect(packet.payload.count == 4)
    }

    @Test func ipv4FragmentsAreDescribed() throws {
        let first = Frames.ipv4(protocol: 6, payload: 16, flagsAndOffset: 0x2000) + Array(Frames.tcpSYN.prefix(16))
        let packet = try #require(try decode(first, .ipv4))
        #expect(packet.transport == .other)
        let fragment = try #require(packet.fragment)
        #expect(fragment.identification == 0x1234)
        #expect(fragment.offset == 0 && fragment.moreFragments)
        #expect(fragment.payload == 20..<36)
        let second = Frames.ipv4(protocol: 6, payload: 16, flagsAndOffset: 0x0002) + Array(Frames.tcpSYN.suffix(16))
        let tail = try #require(try decode(second, .ipv4)?.fragment)
        #expect(tail.offset == 16 && !tail.moreFragments)
    }

    @Test func transportDecodesFromReassembledBytes() throws {
        let (header, payload) = try PacketDecoder.decodeTransport(protocol: .tcp, payload: Frames.tcpSYN.span)
        guard case .tcp(let tcp) = header else { Issue.record("not TCP"); return }
        #expect(tcp.destinationPort == 443)
        #expect(payload == 32..<32)
    }

    @Test func nonIPIsNil() throws {
        #expect(try decode(Frames.ethernet(0x0806, Array(repeating: 0, count: 28))) == nil)
        #expect(try decode(Frames.ipv4SYN, LinkType(rawValue: 147)) == nil)
    }

    /// Malformed variants of an Ethernet/IPv4/TCP SYN, each with the expected reason.
    static let malformed: [(String, [UInt8], ParseError.Reason)] = [
        ("IHL 4", Frames.ethernet(0x0800, [0x44] + Frames.ipv4SYN.dropFirst()), .invalidValue),
        ("version 5 in IPv4 slot", Frames.ethernet(0x0800, [0x55] + Frames.ipv4SYN.dropFirst()), .invalidValue),
        (
            "total length below header",
            Frames.ethernet(0x0800, Array(Frames.ipv4SYN.prefix(2)) + [0, 10] + Frames.ipv4SYN.dropFirst(4)),
            .invalidValue
        ),
        (
            "TCP data offset 4",
            Frames.ethernet(
                0x0800,
                Frames.ipv4(protocol: 6, payload: 32) + Array(Frames.tcpSYN.prefix(12)) + [0x40]
                    + Frames.tcpSYN.dropFirst(13)
            ), .invalidValue
        ),
        (
            "TCP data offset past IP length",
            Frames.ethernet(0x0800, Frames.ipv4(protocol: 6, payload: 24) + Array(Frames.tcpSYN.prefix(24))), .truncated
        ),
        ("IPv6 version 4", [0x40] + Frames.ipv6(next: 6, payload: 0).dropFirst(), .invalidValue),
        (
            "tag stack too deep",
            Frames.ethernet(
                0x8100,
                Array([[UInt8]](repeating: [0, 1, 0x81, 0x00], count: 9).joined()) + [0, 1, 0x08, 0x00] + Frames.ipv4SYN
            ), .limitExceeded
        ),
        (
            "too many IPv6 extension headers",
            Frames.ipv6(next: 60, payload: 80)
                + Array([[UInt8]](repeating: [60, 0, 1, 4, 0, 0, 0, 0], count: 10).joined()), .limitExceeded
        ),
    ]

    @Test(arguments: malformed)
    func malformedFramesThrow(name: String, frame: [UInt8], reason: ParseError.Reason) {
        let linkType: LinkType = name.hasPrefix("IPv6") || name.hasPrefix("too many") ? .ipv6 : .ethernet
        #expect(throws: ParseError.self, "\(name)") { _ = try decode(frame, linkType) }
        do { _ = try decode(frame, linkType) } catch { #expect(error.reason == reason, "\(name)") }
    }

    @Test func everyTruncationThrowsOrDecodesLess() {
        let frame = Frames.ethernet(0x0800, Frames.ipv4SYN)
        for length in 0..<frame.count {
            #expect(throws: ParseError.self, "prefix \(length)") { _ = try decode(Array(frame.prefix(length))) }
        }
    }
}

@Suite struct IPAddressTests {
    /// RFC 5952 §4 examples and §5 (IPv4-mapped).
    static let cases: [(IPAddress, String)] = [
        (.v6(0x2001_0DB8_0000_0000, 0x0000_0000_0000_0001), "2001:db8::1"),
        (.v6(0x2001_0DB8_0000_0000, 0x0001_0000_0000_0001), "2001:db8::1:0:0:1"),
        (.v6(0x2001_0DB8_0000_0001, 0x0001_0001_0001_0001), "2001:db8:0:1:1:1:1:1"),
        (.v6(0x2001_0DB8_0000_0000, 0x0001_0000_0000_0001), "2001:db8::1:0:0:1"),
        (.v6(0x2001_0DB8_0000_0001, 0x0000_0000_0000_0001), "2001:db8:0:1::1"),
        (.v6(0x2001_0DB8_0000_0000, 0x0000_0001_0000_0001), "2001:db8::1:0:1"),
        (.v6(0, 0), "::"),
        (.v6(0, 1), "::1"),
        (.v6(0, 0x0000_FFFF_C000_0201), "::ffff:192.0.2.1"),
        (.v4(0xC0A8_0001), "192.168.0.1"),
    ]

    @Test(arguments: cases)
    func canonicalText(address: IPAddress, text: String) {
        #expect(address.description == text)
    }
}
