import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintPacket
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// SSH and HTTP streams through the whole sensor: recognition by content on any port, segmentation, the caps
/// and hostile inputs of issue 10 (each a counted let-go, never a trap or unbounded buffer), `--protocols`,
/// dedup keys and the SSH session's exits. Expected values: the fixtures' expected.json (tshark and the
/// oracle) for real conversations, the rules of docs/events.md worked by hand for the crafted ones.
@Suite struct SSHHTTPStreamTests {
    static let client = IPAddress.v4(0xC000_020A)  // 192.0.2.10
    static let server = IPAddress.v4(0xC633_6414)  // 198.51.100.20

    /// The first TCP conversation of a fixture capture, moved to `port` on the synthetic addresses.
    static func conversation(_ fixture: String, port: UInt16) throws -> TCPConversation {
        let frames = try ReplayFrame.read(Fixture.url("captures/\(fixture).pcap").path)
        var conversation = try #require(TCPConversation.extract(from: frames).first)
        (conversation.client, conversation.clientPort) = (client, 50_000)
        (conversation.server, conversation.serverPort) = (server, port)
        return conversation
    }

    /// A crafted conversation on `port`.
    static func crafted(_ clientBytes: [UInt8], _ serverBytes: [UInt8], port: UInt16 = 22) -> TCPConversation {
        TCPConversation(
            client: client,
            clientPort: 50_000,
            server: server,
            serverPort: port,
            clientBytes: clientBytes,
            serverBytes: serverBytes
        )
    }

    static func run(
        _ conversation: TCPConversation,
        _ layout: TCPConversation.Layout = TCPConversation.Layout(),
        configuration: SensorConfiguration = .withoutDeduplication
    ) -> (events: [Event], counters: SensorCounters) {
        ReplayHarness.run(conversation.frames(layout), configuration: configuration)
    }

    static func expected(_ fixture: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Fixture.url("captures/\(fixture).expected.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((document["streams"] as? [[String: Any]])?.first)
    }

    // MARK: recognition by content

    @Test(arguments: [22, 443, 80, 8080, 2222] as [UInt16])
    func sshOnAnyPort(port: UInt16) throws {
        let reference = try Self.expected("ssh-openssh")
        let (events, counters) = Self.run(try Self.conversation("ssh-openssh", port: port))
        let handshake = try #require(events.first { $0.type == .sshHandshake })
        for field in ["ssh_client", "ssh_server", "hassh", "hassh_server", "ssh_kex", "ssh_cipher"] {
            #expect(handshake.text(field) == reference[field] as? String, "port \(port) \(field)")
        }
        #expect(handshake.text("src_ip") == "192.0.2.10")
        #expect(handshake.text("dst_port") == String(port))
        #expect(!events.contains { $0.type == .tlsClientHello || $0.type == .httpRequest })
        #expect(counters.sshStreams == 1 && counters.httpStreams == 0)
    }

    @Test(arguments: [80, 443, 22, 8080] as [UInt16])
    func httpOnAnyPort(port: UInt16) throws {
        let reference = try #require(try Self.expected("http-keepalive")["http_requests"] as? [[String: Any]])
        let (events, counters) = Self.run(try Self.conversation("http-keepalive", port: port))
        let requests = events.filter { $0.type == .httpRequest }
        #expect(requests.map { $0.text("ja4h") } == reference.map { $0["ja4h"] as? String })
        #expect(requests.map { $0.text("http_uri") } == reference.map { $0["http_uri"] as? String })
        #expect(counters.httpStreams == 1 && counters.sshStreams == 0)
    }

    /// One byte per segment gives the same handshake and requests as whole segments (JA4SSH counts packets, so
    /// its windows differ by design).
    @Test(arguments: ["ssh-dropbear", "ssh-paramiko", "http-post", "http-python", "http-connect"])
    func oneByteSegments(fixture: String) throws {
        let conversation = try Self.conversation(fixture, port: 2222)
        var layout = TCPConversation.Layout()
        layout.segmentSize = 1
        let whole = Self.run(conversation).events.filter { $0.type != .sshActivity }
        let bytewise = Self.run(conversation, layout).events.filter { $0.type != .sshActivity }
        #expect(!whole.isEmpty)
        #expect(Self.withoutTimes(bytewise) == Self.withoutTimes(whole))
    }

    static func withoutTimes(_ events: [Event]) -> [[EventField]] {
        events.map { event in event.fields.filter { $0.name != "timestamp" } }
    }

    /// A server may send lines before its identification line (RFC 4253 §4.2): they do not hide the SSH stream.
    @Test func serverLinesBeforeItsIdentification() throws {
        let reference = try Self.conversation("ssh-openssh", port: 22)
        let prelude = Array("Welcome to host\r\nAuthorised use only\r\n".utf8)
        let conversation = Self.crafted(reference.clientBytes, prelude + reference.serverBytes)
        let (events, counters) = Self.run(conversation)
        let handshake = try #require(events.first { $0.type == .sshHandshake })
        let expected = try Self.expected("ssh-openssh")
        #expect(handshake.text("ssh_server") == expected["ssh_server"] as? String)
        #expect(handshake.text("hassh_server") == expected["hassh_server"] as? String)
        #expect(counters.streamsLetGo.isEmpty)
    }

    // MARK: caps and hostile input

    struct Hostile: Sendable, CustomTestStringConvertible {
        var name: String
        var client: [UInt8]
        var server: [UInt8]
        /// `ssh.reason` or `http.reason` expected among the streams let go (nil: none).
        var letGo: String?
        /// Event types expected, in order, `ssh_activity` left out (its windows depend on the segmentation; an SSH
        /// stream always has at least one).
        var events: [EventType]

        var testDescription: String { name }
    }

    static let sshClientLine = Array("SSH-2.0-OpenSSH_9.2\r\n".utf8)
    static let sshServerLine = Array("SSH-2.0-OpenSSH_9.6\r\n".utf8)

    /// A binary packet of a KEXINIT whose first name-list claims more bytes than the packet holds.
    static let kexInitPastItsEnd: [UInt8] = {
        var payload: [UInt8] = [20] + [UInt8](repeating: 0x11, count: 16)
        payload += [0x00, 0x00, 0x10, 0x00] + Array("curve25519-sha256".utf8)
        let padding = 4
        let length = UInt32(1 + payload.count + padding)
        return withUnsafeBytes(of: length.bigEndian, Array.init) + [UInt8(padding)] + payload
            + [UInt8](repeating: 0, count: padding)
    }()

    static let hostile: [Hostile] = [
        Hostile(
            name: "endless header line",
            client: Array("GET / HTTP/1.1\r\nX-Long: ".utf8) + [UInt8](repeating: 0x61, count: 70_000),
            server: [],
            letGo: "http.lineTooLong",
            events: []
        ),
        Hostile(
            name: "10,000 headers",
            client: Array("GET / HTTP/1.1\r\n".utf8) + Array(String(repeating: "A: b\r\n", count: 10_000).utf8),
            server: [],
            letGo: "http.tooManyHeaders",
            events: []
        ),
        Hostile(
            name: "a request, then not HTTP",
            client: Array("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".utf8) + [0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5],
            server: [],
            letGo: "http.notHTTP",
            events: [.httpRequest]
        ),
        Hostile(
            name: "NUL, DEL and non-UTF-8 in a request-target",
            client: Array("GET /\u{7f}".utf8) + [0xFF, 0x00] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8),
            server: [],
            letGo: nil,
            events: []
        ),
        Hostile(
            name: "NUL in a field value (RFC 9110 §5.5)",
            client: Array("GET /a HTTP/1.1\r\nHost: a".utf8) + [0x00] + Array("\r\n\r\n".utf8),
            server: [],
            letGo: "http.malformedHeaderField",
            events: []
        ),
        Hostile(
            name: "non-UTF-8 and control bytes in every field value",
            client: Array("GET /a HTTP/1.1\r\nHost: a".utf8) + [0x01, 0xC3] + Array("\r\nUser-Agent: ".utf8)
                + [0xFF, 0x7F, 0x80] + Array("\r\nCookie: a=".utf8) + [0xFF] + Array("\r\n\r\n".utf8),
            server: [],
            letGo: nil,
            events: [.httpRequest]
        ),
        Hostile(
            name: "banner without CR LF",
            client: Array("SSH-2.0-".utf8) + [UInt8](repeating: 0x41, count: 400),
            server: sshServerLine,
            letGo: "ssh.identificationTooLong",
            events: [.sshHandshake]
        ),
        Hostile(
            name: "KEXINIT with lengths past its end",
            client: sshClientLine + kexInitPastItsEnd,
            server: sshServerLine,
            letGo: "ssh.malformedKexInit",
            events: [.sshHandshake]
        ),
        Hostile(
            name: "KEXINIT packet over 35,000 bytes",
            client: sshClientLine + [0x00, 0x01, 0x00, 0x00, 4, 20] + [UInt8](repeating: 0, count: 2_000),
            server: sshServerLine,
            letGo: "ssh.packetTooLong",
            events: [.sshHandshake]
        ),
        Hostile(
            name: "65 server lines before its identification",
            client: sshClientLine,
            server: Array(String(repeating: "hello\r\n", count: 65).utf8) + sshServerLine,
            letGo: "ssh.tooManyPreludeLines",
            events: [.sshHandshake]
        ),
    ]

    @Test(arguments: hostile)
    func hostileStream(_ input: Hostile) throws {
        for segmentSize in [1_400, 7, 1] where segmentSize > 1 || input.client.count + input.server.count < 5_000 {
            var layout = TCPConversation.Layout()
            layout.segmentSize = segmentSize
            var sensor = Sensor(configuration: .withoutDeduplication)
            var events: [Event] = []
            var peak = 0
            for frame in Self.crafted(input.client, input.server).frames(layout) {
                sensor.process(frame.info, frame: frame.bytes.span, into: &events)
                peak = max(peak, sensor.counters.bufferedBytes)
            }
            sensor.finish(into: &events)
            let counters = sensor.snapshotCounters()
            let context = "\(input.name), segments of \(segmentSize)"
            #expect(events.map(\.type).filter { $0 != .sshActivity } == input.events, "\(context)")
            let isSSH = input.events.contains(.sshHandshake)
            #expect(events.contains { $0.type == .sshActivity } == isSSH, "\(context)")
            #expect(counters.streamsLetGo.map(\.0) == (input.letGo.map { [$0] } ?? []), "\(context)")
            // What one direction may hold: a 64 KiB header block or a 35,000-byte packet, and held-back segments.
            #expect(peak <= 2 * 65_536 + 16 * 1_400, "\(context): \(peak) bytes buffered")
            #expect(counters.bufferedBytes == 0, "\(context): bytes still charged at the end")
        }
    }

    @Test func hostileFieldsAreCarriedAsSentAndCut() throws {
        let uri = Array("/".utf8) + [UInt8](repeating: 0xFF, count: 3_000)
        let client = Array("GET ".utf8) + uri + Array(" HTTP/1.1\r\nHost: h\u{1}\r\n\r\n".utf8)
        let (events, counters) = Self.run(Self.crafted(client, [], port: 80))
        let request = try #require(events.first { $0.type == .httpRequest })
        guard case .text(let sent) = request["http_uri"] else {
            Issue.record("http_uri is not text")
            return
        }
        #expect(sent == Array(uri.prefix(2_048)))
        guard case .text(let host) = request["http_host"] else {
            Issue.record("http_host is not text")
            return
        }
        #expect(host == Array("h\u{1}".utf8))
        #expect(counters.httpFieldsTruncated == 1)
    }

    // MARK: --protocols

    @Test func protocolsChooseWhatIsRead() throws {
        let ssh = try Self.conversation("ssh-openssh", port: 22)
        let http = try Self.conversation("http-connect", port: 3128)
        var onlyTLS = SensorConfiguration.withoutDeduplication
        onlyTLS.protocols = .tls
        #expect(Self.run(ssh, configuration: onlyTLS).events.isEmpty)
        let connectTLSOnly = Self.run(http, configuration: onlyTLS).events.map(\.type)
        #expect(connectTLSOnly == [.tlsClientHello, .tlsSession, .tlsCertificate])
        var onlyHTTP = SensorConfiguration.withoutDeduplication
        onlyHTTP.protocols = .http
        #expect(Self.run(http, configuration: onlyHTTP).events.map(\.type) == [.httpRequest])
        #expect(Self.run(ssh, configuration: onlyHTTP).events.isEmpty)
        var onlySSH = SensorConfiguration.withoutDeduplication
        onlySSH.protocols = .ssh
        #expect(Self.run(ssh, configuration: onlySSH).events.map(\.type) == [.sshHandshake, .sshActivity])
        #expect(Self.run(http, configuration: onlySSH).events.isEmpty)
        let all = Self.run(http).events.map(\.type)
        #expect(all == [.httpRequest, .tlsClientHello, .tlsSession, .tlsCertificate])
    }

    // MARK: dedup

    /// docs/events.md: ssh_handshake `hassh|hassh_server`, ssh_activity `ja4ssh`, http_request
    /// `ja4h|http_method|http_host|http_uri` per source.
    @Test func dedupKeys() throws {
        var configuration = SensorConfiguration()
        configuration.dedupTTLSeconds = 300
        let ssh = try Self.conversation("ssh-openssh", port: 22)
        var second = ssh
        second.clientPort = 50_001
        let sshFrames =
            ssh.frames()
            + second.frames().map { frame in
                var frame = frame
                frame.info.timestamp = frame.info.timestamp.adding(seconds: 1)
                return frame
            }
        let sshEvents = ReplayHarness.run(sshFrames, configuration: configuration)
        #expect(sshEvents.events.map(\.type) == [.sshHandshake, .sshActivity])
        #expect(sshEvents.counters.suppressed == 2)
        let same = Array("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let other = Array("GET /b HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let http = ReplayHarness.run(
            Self.crafted(same + same + other, [], port: 80).frames(),
            configuration: configuration
        )
        #expect(http.events.compactMap { $0.text("http_uri") } == ["/a", "/b"])
        #expect(http.counters.suppressed == 1)
    }

    // MARK: the SSH session's exits

    /// An SSH stream that goes quiet: kept past the flow timeout (60 s) up to the session timeout, then given
    /// up with its last window; one that ends without its KEXINITs still reports what it saw.
    @Test func sshSessionIdlesThenExpires() throws {
        let conversation = try Self.conversation("ssh-openssh", port: 22)
        var frames = conversation.frames()
        let last = try #require(frames.last).info.timestamp
        // A bare ACK from the client 10 minutes later (still the session), then an unrelated packet an hour on.
        var ack = frames[2]  // SYN, SYN-ACK, then the client's bare ACK
        ack.info.timestamp = last.adding(seconds: 600)
        frames.append(ack)
        var later = Self.crafted(Array("GET / HTTP/1.1\r\n\r\n".utf8), [], port: 80).frames()
        for index in later.indices { later[index].info.timestamp = last.adding(seconds: 600 + 3_700) }
        var sensor = Sensor(configuration: .withoutDeduplication)
        var events: [Event] = []
        for frame in frames + later { sensor.process(frame.info, frame: frame.bytes.span, into: &events) }
        let types = events.map(\.type)
        #expect(types == [.sshHandshake, .sshActivity, .httpRequest], "the window leaves with the expiry")
        let window = try #require(events.first { $0.type == .sshActivity })
        // The same session without the late ACK: the window counts exactly one client bare ACK more.
        let quiet = try #require(Self.run(conversation).events.first { $0.type == .sshActivity }?.text("ja4ssh"))
        let parts = quiet.split(separator: "_")
        let acks = parts[2].dropFirst().split(separator: "s")
        let expected = "\(parts[0])_\(parts[1])_c\(try #require(Int(acks[0])) + 1)s\(acks[1])"
        #expect(window.text("ja4ssh") == expected)
        #expect(sensor.counters.flowsExpired == 1)
    }

    @Test func identificationOnlyStreamReportsAtItsEnd() throws {
        let (events, _) = Self.run(Self.crafted(Array("SSH-1.5-OpenSSH_2.0\r\n".utf8), Self.sshServerLine))
        #expect(events.map(\.type) == [.sshHandshake, .sshActivity])
        let handshake = try #require(events.first)
        #expect(handshake.text("ssh_client") == "SSH-1.5-OpenSSH_2.0")
        #expect(handshake["hassh"] == nil && handshake["ssh_kex"] == nil)
        // 2 SSH packets (one line each way); bare ACKs: the handshake's ACK from the client.
        #expect(events.last?.text("ja4ssh") == "c21s21_c1s1_c1s0")
    }
}

extension SSHHTTPStreamTests {
    /// Evicted (table full) or released at the memory cap, an SSH flow still gives its handshake and its last
    /// window when it leaves.
    @Test(arguments: ["evicted", "memory"])
    func sshFlowPushedOutKeepsItsEvents(exit: String) throws {
        let ssh = try Self.conversation("ssh-openssh", port: 22)
        var configuration = SensorConfiguration.withoutDeduplication
        if exit == "evicted" { configuration.maxFlows = 1 } else { configuration.memoryBudgetBytes = 2_048 }
        let request = Array("GET /next HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        var next = Self.crafted(request, [], port: 80)
        next.clientPort = 50_002
        var frames = ssh.frames()
        let last = try #require(frames.last).info.timestamp
        frames += next.frames().map { frame in
            var frame = frame
            frame.info.timestamp = last.adding(seconds: 1)
            return frame
        }
        // Memory: a held-back segment past a gap fills the 2 KiB budget and releases the oldest flow (SSH).
        if exit == "memory" {
            var gap = next
            gap.clientPort = 50_003
            gap.clientBytes = [UInt8](repeating: 0x41, count: 5_000)
            var layout = TCPConversation.Layout()
            layout.segmentSize = 1_400
            var gapFrames = gap.frames(layout)
            gapFrames.remove(at: 3)  // the first data segment: the rest waits behind the gap
            frames += gapFrames.map { frame in
                var frame = frame
                frame.info.timestamp = last.adding(seconds: 2)
                return frame
            }
        }
        let (events, counters) = ReplayHarness.run(frames, configuration: configuration)
        let types = events.map(\.type)
        if exit == "evicted" {
            // Pushed out by the HTTP flow's SYN, before its request.
            #expect(types == [.sshHandshake, .sshActivity, .httpRequest])
            #expect(counters.flowsEvicted == 1)
        } else {
            // Released when the third flow's held-back bytes exceed the budget, after the request.
            #expect(types == [.sshHandshake, .httpRequest, .sshActivity])
            #expect(counters.flowsReleasedForMemory >= 1)
        }
    }
}
