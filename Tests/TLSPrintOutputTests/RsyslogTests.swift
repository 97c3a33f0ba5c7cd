import Foundation
import TLSPrintSensor
import Testing

@testable import TLSPrintOutput

/// Sends events to a real rsyslogd (RFC 5424 parser + mmpstrucdata, scripts/rsyslog/) and checks that
/// every field arrives exactly. Skipped, with a message, when rsyslogd is not installed.
@Suite(.serialized) struct RsyslogTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/rsyslog/start.sh")
    static let rsyslogdInstalled = ["/usr/sbin/rsyslogd", "/usr/bin/rsyslogd", "/usr/local/sbin/rsyslogd"]
        .contains { FileManager.default.isExecutableFile(atPath: $0) }

    /// The SD params rsyslog should report after RFC 5424 unescaping, worked by hand.
    static let hostileSNI: [UInt8] = Array(#"x"y\z]"#.utf8) + [0x0A, 0x00, 0xFF] + Array("bücher.de".utf8)
    static let expectedParams: [EventType: [String: String]] = [
        .tlsClientHello: [
            "src_ip": "192.0.2.10", "src_port": "51514", "dst_ip": "2001:db8::1", "dst_port": "443",
            "transport": "tcp", "tls_version": "TLS 1.3", "sni": "example.com", "alpn": "h2,http/1.1",
            "ja3": "0123456789abcdef0123456789abcdef", "ja4": "t13d1516h2_8daaf6152771_02713d6af862",
            "raw_ciphers": "4865-4866", "ja4l_c": "6172_64", "ja4l_rtt_ms": "12.344", "ja4l_client_ttl": "64",
            "resumption": "session_ticket,psk", "ech": "false",
        ],
        .tlsSession: [
            "src_ip": "192.0.2.10", "src_port": "51514", "dst_ip": "2001:db8::1", "dst_port": "443",
            "transport": "tcp", "tls_version": "TLS 1.2", "sni": "", "alpn_selected": "h2",
            "ja3s": "fedcba9876543210fedcba9876543210", "resumption_accepted": "true", "hrr": "false",
        ],
        .sensorStats: ["packets": "1000", "dropped_output": "0", "parse_errors_truncated": "3"],
    ]

    @Test func fieldsArriveExactlyOverUDPAndTCP() throws {
        guard Self.rsyslogdInstalled else {
            print("skipped: rsyslogd is not installed (apt-get install -y rsyslog)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlsprint-rsyslog-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        let udpPort = try LoopbackSocket(datagram: true).port
        let tcpPort = try LoopbackSocket(datagram: false).port
        let pid = try Self.start(directory: directory, udpPort: udpPort, tcpPort: tcpPort)
        defer {
            kill(pid, SIGTERM)
            try? FileManager.default.removeItem(at: directory)
        }
        let output = directory.appendingPathComponent("out.jsonl")
        let identity = SampleEvents.identity
        let events = [
            SampleEvents.startup, SampleEvents.clientHello, SampleEvents.session, SampleEvents.stats,
            SampleEvents.hello(sni: Self.hostileSNI),
        ]
        var tcp = try SyslogTCPSink(
            host: "127.0.0.1",
            port: tcpPort,
            encoding: .syslog(SyslogFormatter(identity: identity))
        )
        for event in events { try tcp.write(event) }
        let idle = tcp.waitUntilIdle(timeout: 10)
        #expect(idle)
        let viaTCP = try Self.waitForLines(output, count: events.count)
        var udp = try SyslogUDPSink(
            host: "127.0.0.1",
            port: udpPort,
            encoding: .syslog(SyslogFormatter(identity: identity))
        )
        for event in events { try udp.write(event) }
        let all = try Self.waitForLines(output, count: events.count * 2)
        #expect(viaTCP.count == events.count && all.count == events.count * 2)
        for (index, received) in all.enumerated() where index < events.count * 2 {
            try Self.check(received, against: events[index % events.count])
        }
        _ = tcp.finish(timeout: 1)
        _ = udp.finish(timeout: 1)
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
        } else if event["ja3"] == nil && event.type == .tlsClientHello {
            #expect(params == ["sni": #"x"y\z]\x0a\x00\xffbücher.de"#])  // RFC 5424 unescaping undone
        } else {
            #expect(params == expectedParams[event.type])
        }
    }

    static func start(directory: URL, udpPort: UInt16, tcpPort: UInt16) throws -> pid_t {
        // Not Foundation's Process: its exit detection waits for every holder of an inherited descriptor,
        // and rsyslogd runs on in the background.
        let command = [script.path, directory.path, String(udpPort), String(tcpPort)]
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system("/bin/sh " + command + " >/dev/null")
        #expect(status == 0)
        var pid: pid_t?
        for _ in 0..<50 where pid == nil {
            let text =
                (try? String(contentsOf: directory.appendingPathComponent("rsyslogd.pid"), encoding: .utf8)) ?? ""
            pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            if pid == nil { usleep(100_000) }
        }
        let started = try #require(pid)
        usleep(500_000)  // let rsyslogd bind its ports; the TCP sink retries anyway, UDP would be lost
        return started
    }

    static func waitForLines(_ file: URL, count: Int) throws -> [[String: Any]] {
        var lines: [Data] = []
        for _ in 0..<100 {
            let data = (try? Data(contentsOf: file)) ?? Data()
            lines = data.split(separator: 0x0A).map { Data($0) }
            if lines.count >= count { break }
            usleep(100_000)
        }
        return try lines.map { try #require(try JSONSerialization.jsonObject(with: $0) as? [String: Any]) }
    }
}
