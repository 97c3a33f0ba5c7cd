import TLSPrintCore
import TLSPrintPacket
import TLSPrintTestSupport
import Testing

/// Decodes every packet of a corpus capture; the result is copied out of the frame.
struct CorpusPacket {
    var frame: [UInt8]
    var decoded: DecodedPacket?
    var error: ParseError?
}

func decodeCorpus(_ path: String) -> [CorpusPacket]? {
    guard let bytes = Corpus.bytes(path) else {
        print("skipping: corpus not found at \(Corpus.rootPath) (set TLSPRINT_SHARED)")
        return nil
    }
    return drive(bytes).packets.map { packet -> CorpusPacket in
        do throws(ParseError) {
            return CorpusPacket(
                frame: packet.bytes,
                decoded: try PacketDecoder.decode(packet.bytes.span, linkType: packet.info.linkType)
            )
        } catch {
            return CorpusPacket(frame: packet.bytes, decoded: nil, error: error)
        }
    }
}

@Suite struct CorpusDecodeTests {
    /// (file, TCP, UDP, other IP) innermost counts from tshark 4.0.17:
    /// `tshark -r F -Y tcp | wc -l`, `-Y 'udp && !tcp && !icmp && !icmpv6'`, and `-Y 'ip||ipv6'` minus both.
    static let classification: [(String, Int, Int, Int)] = [
        ("foxio/pcap/gre-erspan-vxlan.pcap", 7, 0, 0),
        ("foxio/pcap/gre-sample.pcap", 22, 8, 10),
        ("foxio/pcap/tcpdump-geneve.pcap", 33, 0, 6),
        ("foxio/pcap/v6.pcap", 62, 50, 49),
        ("foxio/pcap/ipv6.pcapng", 9, 0, 0),
        ("arkime/pcap/pppoe.pcap", 10, 0, 0),
        ("arkime/pcap/quicietf.pcap", 0, 1, 0),
        ("zeek/pcap/openjdk-25.0.2-zeek.org.pcap", 6, 0, 0),
        ("zeek/pcap/ml-dsa-44-cert.pcap", 5, 0, 0),
        ("zeek/pcap/interop-quic-go_quic-go-handshake.pcap", 0, 9, 4),
        ("foxio/pcap/tls-sni.pcapng", 64, 20, 0),
    ]

    @Test(arguments: classification)
    func innermostTransportMatchesTshark(path: String, tcp: Int, udp: Int, other: Int) throws {
        guard let packets = decodeCorpus(path) else { return }
        #expect(packets.allSatisfy { $0.error == nil })
        var counts = (tcp: 0, udp: 0, other: 0)
        for packet in packets {
            switch packet.decoded?.transport {
            case .tcp: counts.tcp += 1
            case .udp: counts.udp += 1
            case .other: counts.other += 1
            case nil: break
            }
        }
        #expect(counts.tcp == tcp)
        #expect(counts.udp == udp)
        #expect(counts.other == other)
    }

    /// `tshark -r F -Y tcp.flags.syn==1 -c 1 -T fields -e ip.ttl -e ipv6.hlim -e ip.src -e ip.dst -e ipv6.src
    /// -e ipv6.dst -e tcp.srcport -e tcp.dstport -e tcp.seq_raw -e tcp.flags -e tcp.window_size_value
    /// -e tcp.option_kind -e tcp.options.mss_val -e tcp.options.wscale.shift`
    struct SYN: Sendable {
        var path: String
        var hopLimit: UInt8
        var source: String
        var destination: String
        var ports: (UInt16, UInt16)
        var sequence: UInt32
        var window: UInt16
        var kinds: [UInt8]
        var mss: UInt16?
        var windowScale: UInt8?
    }

    static let syns: [SYN] = [
        // NULL/loopback link type, IPv6; options end with EOL and one padding byte.
        SYN(
            path: "foxio/pcap/ipv6.pcapng",
            hopLimit: 64,
            source: "2001:4998:ef83:14:8000::100d",
            destination: "2606:4700::6811:d209",
            ports: (64034, 443),
            sequence: 857_026_346,
            window: 65535,
            kinds: [2, 1, 3, 1, 1, 8, 4, 0, 0],
            mss: 1346,
            windowScale: 6
        ),
        // PPPoE session over Ethernet.
        SYN(
            path: "arkime/pcap/pppoe.pcap",
            hopLimit: 128,
            source: "172.202.246.57",
            destination: "64.12.189.217",
            ports: (1063, 443),
            sequence: 3_913_451_349,
            window: 65535,
            kinds: [2, 1, 1, 4],
            mss: 1410,
            windowScale: nil
        ),
        // Linux cooked capture v2.
        SYN(
            path: "zeek/pcap/openjdk-25.0.2-zeek.org.pcap",
            hopLimit: 64,
            source: "192.168.64.6",
            destination: "192.0.78.150",
            ports: (55058, 443),
            sequence: 974_184_494,
            window: 64240,
            kinds: [2, 4, 8, 1, 3],
            mss: 1460,
            windowScale: 7
        ),
        // Raw IP.
        SYN(
            path: "zeek/pcap/ml-dsa-44-cert.pcap",
            hopLimit: 64,
            source: "10.0.0.1",
            destination: "10.0.0.2",
            ports: (55001, 443),
            sequence: 1000,
            window: 65535,
            kinds: [],
            mss: nil,
            windowScale: nil
        ),
        // GRE, ERSPAN and VXLAN around the innermost IPv4 (tshark lists ip.src 100.20.9.2,172.16.27.131,
        // 10.16.27.12 and TTL 64,64,64).
        SYN(
            path: "foxio/pcap/gre-erspan-vxlan.pcap",
            hopLimit: 64,
            source: "10.16.27.12",
            destination: "10.16.27.131",
            ports: (65174, 80),
            sequence: 0,
            window: 8192,
            kinds: [],
            mss: nil,
            windowScale: nil
        ),
    ]

    @Test(arguments: syns)
    func firstSYNMatchesTshark(expected: SYN) throws {
        guard let packets = decodeCorpus(expected.path) else { return }
        let packet = try #require(
            packets.compactMap(\.decoded).first { packet in
                if case .tcp(let header) = packet.transport { return header.flags.contains(.syn) }
                return false
            }
        )
        guard case .tcp(let tcp) = packet.transport else { return }
        #expect(packet.hopLimit == expected.hopLimit)
        #expect(packet.source.description == expected.source)
        #expect(packet.destination.description == expected.destination)
        #expect(tcp.sourcePort == expected.ports.0)
        #expect(tcp.destinationPort == expected.ports.1)
        #expect(tcp.sequenceNumber == expected.sequence)
        #expect(tcp.flags == .syn)
        #expect(tcp.window == expected.window)
        let options = try #require(tcp.options)
        #expect(options.kinds == expected.kinds)
        #expect(options.maximumSegmentSize == expected.mss)
        #expect(options.windowScale == expected.windowScale)
        #expect(packet.payload.isEmpty)
    }

    /// `tshark -r quicietf.pcap -T fields -e vlan.id -e ipv6.src -e udp.srcport -e udp.dstport -e udp.length`:
    /// VLAN 948, UDP 57349 → 443, length 1338.
    @Test func vlanTaggedQUICDatagram() throws {
        guard let packets = decodeCorpus("arkime/pcap/quicietf.pcap") else { return }
        let packet = try #require(packets.first?.decoded)
        guard case .udp(let udp) = packet.transport else {
            Issue.record("expected UDP")
            return
        }
        #expect(udp.sourcePort == 57349)
        #expect(udp.destinationPort == 443)
        #expect(packet.payload.count == 1338 - 8)
        #expect(packet.encapsulations == 1)
    }
}
