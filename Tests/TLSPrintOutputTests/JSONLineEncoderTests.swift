import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import Testing

@testable import TLSPrintOutput

/// Golden lines written by hand from shared/spec/events.md (not from the encoder's output).
@Suite struct JSONLineEncoderTests {
    let encoder = JSONLineEncoder(identity: SampleEvents.identity)
    static let head = #"{"timestamp":"2026-04-17T22:57:53.482113+00:00","node":"sensor-1","app":"sniffer","#
    static let endpoints =
        #""src_ip":"192.0.2.10","src_port":51514,"dst_ip":"2001:db8::1","dst_port":443,"transport":"tcp""#

    @Test func clientHello() {
        let expected =
            Self.head + #""event":"tls_client_hello","severity":"info","# + Self.endpoints
            + #","tls_version":"TLS 1.3","sni":"example.com","alpn":["h2","http/1.1"],"#
            + #""ja3":"0123456789abcdef0123456789abcdef","ja3_full":"771,4865-4866,0-16,29,0","#
            + #""ja4":"t13d1516h2_8daaf6152771_02713d6af862","ja4_r":"t13d1516h2_1301,1302_0010","#
            + #""ja4_o":"t13d1516h2_8daaf6152771_11111111aaaa","ja4_ro":"t13d1516h2_1301,1302_0010","#
            + #""raw_ciphers":"4865-4866","raw_extensions":"0-16","ja4l_c":"6172_64","ja4l_rtt_ms":12.344,"#
            + #""ja4l_client_ttl":64,"#
            + #""resumption":["session_ticket","psk"],"ech":false}"#
        #expect(encoder.lineString(SampleEvents.clientHello) == expected + "\n")
    }

    @Test func session() {
        let expected =
            Self.head + #""event":"tls_session","severity":"warning","# + Self.endpoints
            + #","tls_version":"TLS 1.2","sni":"","alpn_selected":"h2","#
            + #""ja3s":"fedcba9876543210fedcba9876543210","ja3s_full":"771,49199,65281-16","#
            + #""ja4s":"t120200_c02f_8a5e6e9b2f05","ja4s_r":"t120200_c02f_ff01,0010","#
            + #""resumption_accepted":true,"hrr":false}"#
        #expect(encoder.lineString(SampleEvents.session) == expected + "\n")
    }

    @Test func certificateCarriesChainObjects() {
        let expected =
            Self.head + #""event":"tls_certificate","severity":"info","# + Self.endpoints
            + #","sni":"example.com","ja4x":"a373a9f83c6b_2bab15409345_7bf9a7bf7029","#
            + #""ja4x_chain":["a373a9f83c6b_2bab15409345_7bf9a7bf7029","d_e_f"],"subject_cn":"example.com","#
            + #""subject":"CN=example.com","issuer":"CN=Example CA","sans":["example.com","192.0.2.1"],"#
            + #""not_before":"2026-01-31T00:00:00Z","not_after":"2027-01-31T00:00:00Z","self_signed":false,"#
            + #""serial":"01","cert_sha256":"00ff","chain_length":2,"chain":["#
            + #"{"ja4x":"a373a9f83c6b_2bab15409345_7bf9a7bf7029","ja4x_r":"a_r","subject":"CN=example.com","#
            + #""issuer":"CN=Example CA","not_before":"2026-01-31T00:00:00Z","not_after":"2027-01-31T00:00:00Z","#
            + #""serial":"01","sha256":"00ff"},"#
            + #"{"ja4x":"d_e_f","ja4x_r":"d_r","subject":"CN=Example CA","issuer":"CN=Example CA","#
            + #""not_before":"2025-01-31T00:00:00Z","not_after":"2035-01-31T00:00:00Z","serial":"02","sha256":"ff00"}]}"#
        #expect(encoder.lineString(SampleEvents.certificate) == expected + "\n")
    }

    @Test func statsAndStartup() {
        #expect(
            encoder.lineString(SampleEvents.stats)
                == #"{"timestamp":"1970-01-01T00:00:00.000000+00:00","node":"sensor-1","app":"sniffer","#
                + #""event":"sensor_stats","severity":"info","packets":1000,"bytes":0,"dropped_kernel":0,"#
                + #""dropped_interface":0,"dropped_output":0,"flows_active":0,"flows_evicted":0,"handshakes":0,"#
                + #""ssh_streams":0,"http_streams":0,"ssh_events":0,"http_events":0,"#
                + #""events":0,"suppressed":0,"parse_errors":3,"parse_errors_truncated":3,"final":false}"# + "\n"
        )
        #expect(
            encoder.lineString(SampleEvents.startup)
                == Self.head + #""event":"startup","severity":"info","message":"sniffer started node=sensor-1"}"# + "\n"
        )
    }

    @Test func emptyContainersAndNegativeNumbers() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.strings("alpn", [])
        writer.objects("chain", [Int]()) { _, _ in }
        writer.integer("n", -3)
        writer.thousandths("ms", -5)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"alpn":[],"chain":[],"n":-3,"ms":-0.005}"#)
    }

    @Test func everySampleParsesWithPython() throws {
        let lines = SampleEvents.all.flatMap { encoder.line($0) }
        guard let result = try PythonJSON.parses(lines) else {
            print("skipped: python3 not found on PATH")
            return
        }
        #expect(result.ok, Comment(rawValue: result.errors))
    }
}
