import TLSPrintCore
import TLSPrintOutput
import TLSPrintSensor

/// Hand-built events, one per type, shaped as shared/spec/events.md describes them.
enum SampleEvents {
    /// 1776466673 s = 2026-04-17T22:57:53Z (`date -u -d @1776466673`), plus 482113999 ns.
    static let packetTime = CaptureTimestamp(seconds: 1_776_466_673, nanoseconds: 482_113_999)
    static let identity = EncoderIdentity(nodeName: "sensor-1")

    static let endpoints: [EventField] = [
        EventField("src_ip", .string("192.0.2.10")), EventField("src_port", .integer(51_514)),
        EventField("dst_ip", .string("2001:db8::1")), EventField("dst_port", .integer(443)),
        EventField("transport", .string("tcp")),
    ]

    static let clientHello = Event(
        type: .tlsClientHello,
        timestamp: packetTime,
        fields: endpoints + [
            EventField("tls_version", .string("TLS 1.3")),
            EventField("sni", .text(Array("example.com".utf8))),
            EventField("alpn", .list([.text(Array("h2".utf8)), .text(Array("http/1.1".utf8))])),
            EventField("ja3", .string("0123456789abcdef0123456789abcdef")),
            EventField("ja4", .string("t13d1516h2_8daaf6152771_02713d6af862")),
            EventField("raw_ciphers", .string("4865-4866")),
            EventField("ja4l_c", .string("6172_64")),
            EventField("ja4l_rtt_ms", .thousandths(12_344)),
            EventField("ja4l_client_ttl", .integer(64)),
            EventField("resumption", .list([.string("session_ticket"), .string("psk")])),
            EventField("ech", .bool(false)),
        ]
    )

    static let session = Event(
        type: .tlsSession,
        timestamp: packetTime,
        fields: endpoints + [
            EventField("tls_version", .string("TLS 1.2")),
            EventField("sni", .text([])),
            EventField("alpn_selected", .text(Array("h2".utf8))),
            EventField("ja3s", .string("fedcba9876543210fedcba9876543210")),
            EventField("resumption_accepted", .bool(true)),
            EventField("hrr", .bool(false)),
        ]
    )

    static let certificate = Event(
        type: .tlsCertificate,
        timestamp: packetTime,
        fields: endpoints + [
            EventField("sni", .text(Array("example.com".utf8))),
            EventField("ja4x", .string("a373a9f83c6b_2bab15409345_7bf9a7bf7029")),
            EventField("ja4x_chain", .list([.string("a_b_c"), .string("d_e_f")])),
            EventField("subject_cn", .text(Array("example.com".utf8))),
            EventField("sans", .list([.text(Array("example.com".utf8)), .string("192.0.2.1")])),
            EventField("not_before", .string("2026-01-31T00:00:00Z")),
            EventField("self_signed", .bool(false)),
            EventField("chain_length", .integer(2)),
            EventField(
                "chain",
                .objects([
                    [EventField("ja4x", .string("a_b_c")), EventField("serial", .string("01"))],
                    [EventField("ja4x", .string("d_e_f")), EventField("serial", .string("02"))],
                ])
            ),
        ]
    )

    static let stats = Event(
        type: .sensorStats,
        timestamp: CaptureTimestamp(seconds: 0, nanoseconds: 0),
        fields: [
            EventField("packets", .integer(1_000)), EventField("dropped_output", .integer(0)),
            EventField("parse_errors_truncated", .integer(3)),
        ]
    )

    static let startup = Event(
        type: .startup,
        timestamp: packetTime,
        fields: [],
        message: "sniffer started node=sensor-1"
    )

    static let all = [startup, clientHello, session, certificate, stats]

    /// A client hello whose SNI is `sni`.
    static func hello(sni: [UInt8]) -> Event {
        Event(type: .tlsClientHello, timestamp: packetTime, fields: [EventField("sni", .text(sni))])
    }
}
