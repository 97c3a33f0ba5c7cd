import TLSPrintCore
import TLSPrintPcap
import TLSPrintTestSupport
import Testing

@Suite struct CorpusCaptureTests {
    /// Expected counts from `tshark -r FILE | wc -l` (tshark 4.0.17) and link types from `capinfos -E FILE`.
    static let captures: [(String, Int, LinkType)] = [
        ("foxio/pcap/gre-erspan-vxlan.pcap", 7, .ethernet),
        ("foxio/pcap/tcpdump-geneve.pcap", 39, .ethernet),
        ("foxio/pcap/v6.pcap", 161, .ethernet),
        ("foxio/pcap/ipv6.pcapng", 9, .null),  // really classic pcap despite its name
        ("foxio/pcap/http1.pcapng", 184, .ethernet),  // also classic pcap
        ("foxio/pcap/tls-sni.pcapng", 84, .ethernet),
        ("foxio/pcap/http1-with-cookies.pcapng", 12, .null),
        ("foxio/pcap/http2-with-cookies.pcapng", 1607, .ethernet),  // has a Decryption Secrets Block
        ("foxio/pcap/chrome-cloudflare-quic-with-secrets.pcapng", 83, .ethernet),
        ("arkime/pcap/pppoe.pcap", 10, .ethernet),
        ("zeek/pcap/openjdk-25.0.2-zeek.org.pcap", 6, .linuxSLL2),
        ("zeek/pcap/ml-dsa-44-cert.pcap", 5, .raw),
        ("zeek/pcap/interop-quic-go_quic-go-handshake.pcap", 13, .ppp),
    ]

    @Test(arguments: captures)
    func countsMatchTshark(path: String, count: Int, linkType: LinkType) throws {
        guard let bytes = Corpus.bytes(path) else {
            print("skipping: corpus not found at \(Corpus.rootPath) (set TLSPRINT_SHARED)")
            return
        }
        let result = drive(bytes)
        #expect(result.error == nil)
        #expect(!result.truncated)
        #expect(result.packets.count == count)
        #expect(result.packets.allSatisfy { $0.info.linkType == linkType })
        #expect(drive(bytes, chunk: 4093).packets == result.packets)
    }

    /// `tshark -r tls-sni.pcapng -c 2 -T fields -e frame.time_epoch -e frame.len -e frame.cap_len`:
    /// 1675707151.805776000 571 571 / 1675707151.936380000 1292 1292.
    @Test func pcapngTimestampsMatchTshark() throws {
        guard let bytes = Corpus.bytes("foxio/pcap/tls-sni.pcapng") else { return }
        let packets = drive(bytes).packets
        try #require(packets.count >= 2)
        #expect(packets[0].info.timestamp.nanoseconds == 1_675_707_151_805_776_000)
        #expect(packets[0].info.originalLength == 571)
        #expect(packets[1].info.timestamp.nanoseconds == 1_675_707_151_936_380_000)
        #expect(packets[1].info.capturedLength == 1292)
    }

    /// `tshark -r v6.pcap -c 1 -T fields -e frame.time_epoch -e frame.len`: 921159902.141757000 90.
    @Test func pcapTimestampMatchesTshark() throws {
        guard let bytes = Corpus.bytes("foxio/pcap/v6.pcap") else { return }
        let first = try #require(drive(bytes).packets.first)
        #expect(first.info.timestamp.nanoseconds == 921_159_902_141_757_000)
        #expect(first.info.originalLength == 90)
    }
}
