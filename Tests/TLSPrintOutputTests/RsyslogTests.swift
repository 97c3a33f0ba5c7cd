import Foundation
import TLSPrintEvent
import TLSPrintSensor
import Testing

@testable import TLSPrintOutput

/// Sends events to a real rsyslogd (RFC 5424 parser + mmpstrucdata, scripts/rsyslog/) and checks that
/// every field arrives exactly over UDP, TCP (both framings) and TLS. Skipped, with a message, when rsyslogd
/// (or, for TLS, its OpenSSL driver) is not installed.
@Suite(.serialized) struct RsyslogTests {
    /// The SD params rsyslog should report after RFC 5424 unescaping, worked by hand.
    static let hostileSNI: [UInt8] = Array(#"x"y\z]"#.utf8) + [0x0A, 0x00, 0xFF] + Array("bücher.de".utf8)
    static let expectedParams: [EventType: [String: String]] = [
        .tlsClientHello: [
            "src_ip": "192.0.2.10", "src_port": "51514", "dst_ip": "2001:db8::1", "dst_port": "443",
            "transport": "tcp", "tls_version": "TLS 1.3", "sni": "example.com", "alpn": "h2,http/1.1",
            "ja3": "0123456789abcdef0123456789abcdef", "ja3_full": "771,4865-4866,0-16,29,0",
            "ja4": "t13d1516h2_8daaf6152771_02713d6af862", "ja4_r": "t13d1516h2_1301,1302_0010",
            "ja4_o": "t13d1516h2_8daaf6152771_11111111aaaa", "ja4_ro": "t13d1516h2_1301,1302_0010",
            "raw_ciphers": "4865-4866", "raw_extensions": "0-16", "ja4l_c": "6172_64", "ja4l_rtt_ms": "12.344",
            "ja4l_client_ttl": "64",
            "resumption": "session_ticket,psk", "ech": "false",
        ],
        .tlsSession: [
            "src_ip": "192.0.2.10", "src_port": "51514", "dst_ip": "2001:db8::1", "dst_port": "443",
            "transport": "tcp", "tls_version": "TLS 1.2", "sni": "", "alpn_selected": "h2",
            "ja3s": "fedcba9876543210fedcba9876543210", "ja3s_full": "771,49199,65281-16",
            "ja4s": "t120200_c02f_8a5e6e9b2f05", "ja4s_r": "t120200_c02f_ff01,0010", "resumption_accepted": "true",
            "hrr": "false",
        ],
        .sensorStats: [
            "packets": "1000", "bytes": "0", "dropped_kernel": "0", "dropped_interface": "0", "dropped_output": "0",
            "flows_active": "0", "flows_evicted": "0", "handshakes": "0", "ssh_streams": "0", "http_streams": "0",
            "ssh_events": "0", "http_events": "0", "events": "0", "suppressed": "0",
            "parse_errors": "3", "parse_errors_truncated": "3", "final": "false",
        ],
    ]

    static let longName: [UInt8] = Array(
        [
            String(repeating: "a", count: 63), String(repeating: "b", count: 63), String(repeating: "c", count: 63),
            String(repeating: "d", count: 63),
        ].joined(separator: ".").utf8
    )  // 255 bytes
    static let events = [
        SampleEvents.startup, SampleEvents.clientHello, SampleEvents.session, SampleEvents.stats,
        SampleEvents.hello(sni: hostileSNI), SampleEvents.hello(sni: longName),
    ]
    static let syslog = EventEncoding.syslog(SyslogFormatter(identity: SampleEvents.identity))

    static func skipUnlessInstalled(tls: Bool = false) -> Bool {
        if !PrivateRsyslog.installed {
            print("skipped: rsyslogd is not installed (apt-get install -y rsyslog rsyslog-openssl)")
            return true
        }
        if tls && !PrivateRsyslog.tlsDriverInstalled {
            print("skipped: rsyslog's OpenSSL driver is not installed (apt-get install -y rsyslog-openssl)")
            return true
        }
        return false
    }

    @Test func fieldsArriveExactlyOverUDPAndTCPBothFramings() throws {
        if Self.skipUnlessInstalled() { return }
        let collector = try PrivateRsyslog(tls: false)
        let count = Self.events.count
        for framing in [SyslogStreamSink.Framing.octetCounting, .lineFeed] {
            var tcp = try SyslogStreamSink(
                host: "127.0.0.1",
                port: collector.tcpPort,
                encoding: Self.syslog,
                framing: framing
            )
            for event in Self.events { try tcp.write(event) }
            let idle = tcp.waitUntilIdle(timeout: 10)
            #expect(idle)
            _ = tcp.finish(timeout: 1)
        }
        #expect(try collector.messages(atLeast: count * 2).count == count * 2)
        var udp = try SyslogUDPSink(host: "127.0.0.1", port: collector.udpPort, encoding: Self.syslog)
        for event in Self.events { try udp.write(event) }
        let all = try collector.messages(atLeast: count * 3)
        #expect(all.count == count * 3)
        for (index, received) in all.enumerated() where index < count * 3 {
            try Self.check(received, against: Self.events[index % count])
        }
        _ = udp.finish(timeout: 1)
    }

    @Test func fieldsArriveExactlyOverTLSWithAClientCertificate() throws {
        if Self.skipUnlessInstalled(tls: true) { return }
        let collector = try PrivateRsyslog(tls: true)
        let port = try #require(collector.tlsPort)
        let options = TLSClientOptions(
            caFile: collector.certificate("ca.pem"),
            certificateFile: collector.certificate("client.pem"),
            keyFile: collector.certificate("client.key")
        )
        for host in ["127.0.0.1", "localhost"] {  // an IP SAN, then a DNS SAN (and SNI)
            var tls = try SyslogStreamSink(host: host, port: port, encoding: Self.syslog, options: options)
            for event in Self.events { try tls.write(event) }
            let idle = tls.waitUntilIdle(timeout: 15)
            #expect(idle)
            let counters = tls.finish(timeout: 2)
            #expect(
                counters.sent == Self.events.count && counters.connections == 1 && counters.dropped == 0,
                "\(host): \(counters.summary)"
            )
        }
        let all = try collector.messages(atLeast: Self.events.count * 2)
        #expect(all.count == Self.events.count * 2)
        for (index, received) in all.enumerated() {
            try Self.check(received, against: Self.events[index % Self.events.count])
        }
    }

    @Test func tlsRefusesAnUntrustedCollectorAndIsRefusedWithoutAClientCertificate() throws {
        if Self.skipUnlessInstalled(tls: true) { return }
        let collector = try PrivateRsyslog(tls: true)
        let port = try #require(collector.tlsPort)
        let attempts = [
            TLSClientOptions(  // the collector's certificate does not chain to this CA
                caFile: collector.certificate("other-ca.pem"),
                certificateFile: collector.certificate("client.pem"),
                keyFile: collector.certificate("client.key")
            ),
            TLSClientOptions(caFile: collector.certificate("ca.pem")),  // authMode x509/certvalid wants one
        ]
        for options in attempts {
            var tls = try SyslogStreamSink(host: "127.0.0.1", port: port, encoding: Self.syslog, options: options)
            try tls.write(SampleEvents.stats)
            let deadline = Date(timeIntervalSinceNow: 10)
            while tls.counters.connectFailures + tls.counters.sent == 0 && Date() < deadline { usleep(20_000) }
            let counters = tls.finish(timeout: 0.2)
            // TLS 1.3: the server checks the client's certificate after the client's handshake has ended; the
            // sender waits for that verdict before its first record, so the refusal is a connect failure and
            // the record, never sent, is counted when the sink gives up at exit.
            #expect(counters.connectFailures >= 1 && counters.sent == 0, "\(counters.summary)")
            #expect(counters.droppedAtExit == 1, "\(counters.summary)")
        }
        usleep(300_000)
        #expect(try collector.messages(atLeast: 0).isEmpty)
    }

    @Test func tlsOptionsNeedCertificateAndKeyTogether() {
        #expect(throws: SinkError.self) {
            _ = try SyslogStreamSink(
                host: "127.0.0.1",
                port: 6514,
                encoding: Self.syslog,
                options: TLSClientOptions(certificateFile: "/nonexistent.pem")
            )
        }
        #expect(throws: SinkError.self) {
            _ = try SyslogStreamSink(
                host: "127.0.0.1",
                port: 6514,
                encoding: Self.syslog,
                options: TLSClientOptions(caFile: "/nonexistent/ca.pem")
            )
        }
    }

    static func check(_ received: [String: Any], against event: Event) throws {
        #expect(received["pri"] as? String == (event.type == .tlsSession ? "132" : "134"))
        #expect(received["hostname"] as? String == "sensor-1")
        #expect(received["app"] as? String == "sniffer")
        #expect(received["procid"] as? String == "-")
        #expect(received["msgid"] as? String == event.type.rawValue)
        let expectedTime =
            event.type == .sensorStats
            ? "1970-01-01T00:00:00.000000+00:00" : "2026-04-17T22:57:53.482113+00:00"
        #expect(received["timestamp"] as? String == expectedTime)
        let vars = try #require(received["vars"] as? [String: Any])
        let params = (vars["rfc5424-sd"] as? [String: Any])?["relay@55555"] as? [String: String]
        if event.type == .startup {
            #expect(received["msg"] as? String == "sniffer started node=sensor-1")
            #expect(received["sd"] as? String == "-")
            #expect(params == nil)
        } else if event.type == .tlsClientHello, event["sni"] == .text(longName) {
            var expected = expectedParams[.tlsClientHello]
            expected?["sni"] = String(decoding: longName, as: UTF8.self)
            #expect(params == expected)
        } else if event.type == .tlsClientHello, event["sni"] == .text(hostileSNI) {
            var expected = expectedParams[.tlsClientHello]
            expected?["sni"] = #"x"y\z]\x0a\x00\xffbücher.de"#  // RFC 5424 unescaping undone
            #expect(params == expected)
        } else {
            #expect(params == expectedParams[event.type])
        }
    }
}
