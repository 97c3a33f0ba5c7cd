import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import Testing

@testable import TLSPrintOutput

/// Golden lines written by hand from shared/spec/events.md (not from the formatter's output).
@Suite struct SyslogFormatterTests {
    let formatter = SyslogFormatter(identity: SampleEvents.identity)
    static let header = "2026-04-17T22:57:53.482113+00:00 sensor-1 sniffer -"
    static let endpoints = #"src_ip="192.0.2.10" src_port="51514" dst_ip="2001:db8::1" dst_port="443" transport="tcp""#

    @Test func clientHello() {
        let expected =
            "<134>1 \(Self.header) tls_client_hello [relay@55555 \(Self.endpoints) tls_version=\"TLS 1.3\" "
            + #"sni="example.com" alpn="h2,http/1.1" ja3="0123456789abcdef0123456789abcdef" "#
            + #"ja3_full="771,4865-4866,0-16,29,0" ja4="t13d1516h2_8daaf6152771_02713d6af862" "#
            + #"ja4_r="t13d1516h2_1301,1302_0010" ja4_o="t13d1516h2_8daaf6152771_11111111aaaa" "#
            + #"ja4_ro="t13d1516h2_1301,1302_0010" raw_ciphers="4865-4866" raw_extensions="0-16" ja4l_c="6172_64" "#
            + #"ja4l_rtt_ms="12.344" ja4l_client_ttl="64" resumption="session_ticket,psk" ech="false"]"#
        #expect(formatter.lineString(SampleEvents.clientHello) == expected + "\n")
    }

    @Test func sessionIsWarningWithEmptySNI() {
        let expected =
            "<132>1 \(Self.header) tls_session [relay@55555 \(Self.endpoints) tls_version=\"TLS 1.2\" sni=\"\" "
            + #"alpn_selected="h2" ja3s="fedcba9876543210fedcba9876543210" ja3s_full="771,49199,65281-16" "#
            + #"ja4s="t120200_c02f_8a5e6e9b2f05" ja4s_r="t120200_c02f_ff01,0010" resumption_accepted="true" "#
            + #"hrr="false"]"#
        #expect(formatter.lineString(SampleEvents.session) == expected + "\n")
    }

    @Test func certificateLeavesChainOut() {
        let expected =
            "<134>1 \(Self.header) tls_certificate [relay@55555 \(Self.endpoints) sni=\"example.com\" "
            + #"ja4x="a373a9f83c6b_2bab15409345_7bf9a7bf7029" "#
            + #"ja4x_chain="a373a9f83c6b_2bab15409345_7bf9a7bf7029,d_e_f" subject_cn="example.com" "#
            + #"subject="CN=example.com" issuer="CN=Example CA" sans="example.com,192.0.2.1" "#
            + #"not_before="2026-01-31T00:00:00Z" not_after="2027-01-31T00:00:00Z" self_signed="false" serial="01" "#
            + #"cert_sha256="00ff" chain_length="2"]"#
        #expect(formatter.lineString(SampleEvents.certificate) == expected + "\n")
    }

    @Test func stats() {
        let expected =
            "<134>1 1970-01-01T00:00:00.000000+00:00 sensor-1 sniffer - sensor_stats "
            + #"[relay@55555 "#
            + #"packets="1000" bytes="0" dropped_kernel="0" dropped_interface="0" dropped_output="0" flows_active="0" "#
            + #"flows_evicted="0" handshakes="0" ssh_streams="0" http_streams="0" ssh_events="0" "#
            + #"http_events="0" events="0" suppressed="0" parse_errors="3" "#
            + #"parse_errors_truncated="3" final="false"]"#
        #expect(formatter.lineString(SampleEvents.stats) == expected + "\n")
    }

    @Test func startupHasNilStructuredDataAndASCIIMessage() {
        let expected = "<134>1 \(Self.header) startup - sniffer started node=sensor-1\n"
        #expect(formatter.lineString(SampleEvents.startup) == expected)
        let odd = Event.startup(
            StartupEvent(timestamp: SampleEvents.packetTime, message: "sniffer started node=b\u{FC}cher\n")
        )
        #expect(
            formatter.lineString(odd) == "<134>1 \(Self.header) startup - sniffer started node=b\\xc3\\xbccher\\x0a\n"
        )
        #expect(!formatter.record(odd).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func customIdentity() {
        let identity = EncoderIdentity(nodeName: "edge 7\n", appName: "tlsprint", sdID: "x@1 \"]=")
        let line = SyslogFormatter(identity: identity).lineString(SampleEvents.stats)
        #expect(
            line == "<134>1 1970-01-01T00:00:00.000000+00:00 edge_7_ tlsprint - sensor_stats "
                + #"[x@1____ "#
                + #"packets="1000" bytes="0" dropped_kernel="0" dropped_interface="0" dropped_output="0" flows_active="0" "#
                + #"flows_evicted="0" handshakes="0" ssh_streams="0" http_streams="0" ssh_events="0" "#
                + #"http_events="0" events="0" suppressed="0" parse_errors="3" "#
                + #"parse_errors_truncated="3" final="false"]"# + "\n"
        )
    }

    @Test func headerFieldLimits() {
        let long = String(repeating: "h", count: 300)
        #expect(EncoderIdentity(nodeName: long).nodeName == String(repeating: "h", count: 255))
        #expect(EncoderIdentity(nodeName: "", appName: long).appName == String(repeating: "h", count: 48))
        #expect(EncoderIdentity(nodeName: "").nodeName == "-")
        #expect(EncoderIdentity(nodeName: "b\u{FC}cher").nodeName == "b__cher")
        #expect(EncoderIdentity(nodeName: "x", sdID: String(repeating: "s", count: 40)).sdID.count == 32)
    }

    @Test(arguments: [
        (0, "0.000"), (5, "0.005"), (-5, "-0.005"), (1_000, "1.000"), (12_345, "12.345"),
        (Int.min, "-9223372036854775.808"), (Int.max, "9223372036854775.807"),
    ])
    func thousandths(value: Int, expected: String) {
        var writer = SyslogParameterWriter()
        writer.thousandths("n", value)
        #expect(String(decoding: writer.out, as: UTF8.self) == " n=\"\(expected)\"")
    }

    @Test(arguments: [(0, "0"), (-1, "-1"), (Int.min, "-9223372036854775808"), (Int.max, "9223372036854775807")])
    func integers(value: Int, expected: String) {
        var writer = SyslogParameterWriter()
        writer.integer("n", value)
        #expect(String(decoding: writer.out, as: UTF8.self) == " n=\"\(expected)\"")
    }
}
