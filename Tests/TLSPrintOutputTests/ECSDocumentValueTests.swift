import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

@testable import TLSPrintOutput

/// The values of ECS documents: against the fixtures' tshark oracle (`Tests/Fixtures/captures/*.expected.json`,
/// independent of tlsprint), against the JSON encoding (escaping, `--fingerprints`), and the mapping's edges.
@Suite struct ECSDocumentValueTests {
    typealias Support = ECSDocumentEncoderTests

    /// The first stream of a fixture's oracle file.
    static func oracle(_ capture: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Fixture.url("captures/\(capture).expected.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((document["streams"] as? [[String: Any]])?.first)
    }

    static func documents(_ capture: String) throws -> [(type: EventType, leaves: [String: Any])] {
        let (events, _) = try CaptureRunner.run([Fixture.url("captures/\(capture).pcap").path])
        return try events.map { ($0.type, try Support.leaves(Support.encoder.record($0))) }
    }

    @Test func tlsValuesAgreeWithTheOracle() throws {
        let stream = try Self.oracle("openssl-tls12")
        let documents = try Self.documents("openssl-tls12")
        #expect(documents.map(\.type) == [.tlsClientHello, .tlsSession, .tlsCertificate])
        for (_, leaves) in documents {
            #expect(leaves["source.ip"] as? String == stream["client_ip"] as? String)
            #expect(leaves["source.port"] as? Int == stream["client_port"] as? Int)
            #expect(leaves["destination.ip"] as? String == stream["server_ip"] as? String)
            #expect(leaves["destination.port"] as? Int == stream["server_port"] as? Int)
            #expect(leaves["network.transport"] as? String == "tcp")
            #expect(leaves["network.type"] as? String == "ipv4")
            #expect(leaves["tls.client.server_name"] as? String == stream["sni"] as? String)
            #expect(leaves["tls.client.ja3"] as? String == stream["ja3"] as? String)
        }
        let session = documents[1].leaves
        #expect(session["tls.server.ja3s"] as? String == stream["ja3s"] as? String)
        #expect(session["tlsprint.ja4s"] as? String == stream["ja4s"] as? String)
        #expect(session["tls.next_protocol"] as? String == stream["alpn_selected"] as? String)
        #expect(stream["tls_version"] as? String == "TLS 1.2")
        #expect(session["tls.version"] as? String == "1.2" && session["tls.version_protocol"] as? String == "tls")
        let message = try #require((stream["certificate_messages"] as? [[String: Any]])?.first)
        let leaf = try #require((message["chain"] as? [[String: Any]])?.first)
        let certificate = documents[2].leaves
        let commonName = try #require(leaf["subject_cn"] as? String)
        #expect(certificate["tls.server.x509.subject.common_name"] as? [String] == [commonName])
        #expect(certificate["tls.server.x509.subject.distinguished_name"] as? String == leaf["subject"] as? String)
        #expect(certificate["tls.server.x509.issuer.distinguished_name"] as? String == leaf["issuer"] as? String)
        #expect(certificate["tls.server.x509.not_after"] as? String == leaf["not_after"] as? String)
        // ECS asks for upper-case hex; openssl prints lower case.
        #expect(certificate["tls.server.x509.serial_number"] as? String == (leaf["serial"] as? String)?.uppercased())
        #expect(certificate["tls.server.hash.sha256"] as? String == (leaf["sha256"] as? String)?.uppercased())
        #expect(certificate["tlsprint.chain_length"] as? Int == message["chain_length"] as? Int)
        let sans = try #require(certificate["tls.server.x509.alternative_names"] as? [String])
        #expect(sans.prefix(4) == ["tlsprint.test", "*.tlsprint.test", "localhost", "127.0.0.1"])
    }

    @Test func quicDTLSAndOpenVPNTravelInUDP() throws {
        for (capture, application) in [("quic-h3", "quic"), ("dtls-12-cookie", "dtls"), ("openvpn-udp", "openvpn")] {
            let stream = try Self.oracle(capture)
            let session = try #require(try Self.documents(capture).first { $0.type == .tlsSession }?.leaves)
            #expect(session["network.transport"] as? String == "udp", "\(capture)")
            #expect(session["network.iana_number"] as? String == "17", "\(capture)")
            #expect(session["network.protocol"] as? String == application, "\(capture)")
            #expect(session["tls.server.ja3s"] as? String == stream["ja3s"] as? String, "\(capture)")
        }
        let dtls = try #require(try Self.documents("dtls-12-cookie").first { $0.type == .tlsSession }?.leaves)
        #expect(dtls["tls.version_protocol"] as? String == "dtls" && dtls["tls.version"] as? String == "1.2")
    }

    @Test func sshAndHTTPValuesAgreeWithTheOracle() throws {
        let ssh = try Self.oracle("ssh-dropbear")
        let handshake = try #require(try Self.documents("ssh-dropbear").first { $0.type == .sshHandshake }?.leaves)
        #expect(handshake["network.protocol"] as? String == "ssh")
        #expect(handshake["tlsprint.hassh"] as? String == ssh["hassh"] as? String)
        #expect(handshake["tlsprint.hassh_server"] as? String == ssh["hassh_server"] as? String)
        #expect(handshake["tlsprint.ssh_client"] as? String == ssh["ssh_client"] as? String)
        let http = try Self.oracle("http-python")
        let request = try #require((http["http_requests"] as? [[String: Any]])?.first)
        let document = try #require(try Self.documents("http-python").first?.leaves)
        #expect(document["event.category"] as? [String] == ["network", "web"])
        #expect(document["network.protocol"] as? String == "http")
        #expect(document["http.request.method"] as? String == request["http_method"] as? String)
        #expect(document["http.version"] as? String == request["http_version"] as? String)
        #expect(document["url.original"] as? String == request["http_uri"] as? String)
        #expect(document["user_agent.original"] as? String == request["http_user_agent"] as? String)
        #expect(request["http_host"] as? String == "10.96.0.2:8080")
        #expect(document["url.domain"] as? String == "10.96.0.2" && document["url.port"] as? Int == 8080)
        #expect(document["tlsprint.ja4h"] as? String == request["ja4h"] as? String)
    }

    /// The fields of the fingerprint families, by name: the ECS document carries exactly those the JSON line does.
    @Test(
        arguments: [[.ja3, .ja4, .hassh], [.ja4s, .ja4x, .ja4h], [], FingerprintFamilies.all] as [FingerprintFamilies]
    )
    func fingerprintsLeaveOutWhatTheJSONEncodingLeavesOut(_ enabled: FingerprintFamilies) throws {
        let identity = EncoderIdentity(nodeName: "sensor-1", fingerprints: enabled)
        let json = JSONLineEncoder(identity: identity)
        let ecs = ECSDocumentEncoder(identity: identity)
        for event in try Support.fixtureEvents() {
            let line = try Support.object(json.record(event))
            let document = try Support.object(ecs.record(event))
            let inJSON = Self.familyNames(Array(line.keys))
            let inECS = Self.familyNames(Support.leaves(document).keys.map(Self.fieldName))
            #expect(inECS == inJSON, "\(event.type): ECS \(inECS.sorted()), JSON \(inJSON.sorted())")
            let jsonChain = (line["chain"] as? [[String: Any]])?.map { Self.familyNames(Array($0.keys)) }
            let tlsprint = document["tlsprint"] as? [String: Any]
            let ecsChain = (tlsprint?["chain"] as? [[String: Any]])?.map { Self.familyNames(Array($0.keys)) }
            #expect(ecsChain == jsonChain, "\(event.type): chain")
        }
    }

    /// The event field an ECS leaf came from (`tls.client.ja3` → `ja3`, `tlsprint.ja4s_r` → `ja4s_r`).
    static func fieldName(_ leaf: String) -> String {
        switch leaf {
        case "tls.client.ja3": "ja3"
        case "tls.server.ja3s": "ja3s"
        default: String(leaf.split(separator: ".").last ?? "")
        }
    }

    static func familyNames(_ names: [String]) -> Set<String> {
        Set(names.filter { FingerprintFamilies.family(ofField: $0) != nil })
    }

    @Test func wireTextIsEscapedExactlyAsInJSON() throws {
        let hostile: [UInt8] = [0x65, 0x76, 0x01, 0xFF, 0x22, 0x5C, 0xC3, 0x28, 0x7F, 0xE2, 0x82, 0xAC, 0x3A, 0x38]
        let request = HTTPRequestEvent(
            timestamp: SampleEvents.packetTime,
            endpoints: SampleEvents.endpoints,
            method: Array("G\u{0}T".utf8),
            version: "1.1",
            host: hostile,
            uri: hostile,
            userAgent: hostile,
            ja4h: "ge11nn010000_000000000000_000000000000_000000000000",
            ja4hRaw: "ge11nn010000_Host__",
            ja4hRawOriginal: "ge11nn010000_Host__",
            tcp: TCPFacts()
        )
        let events = [Event.httpRequest(request), SampleEvents.hello(sni: hostile)]
        for event in events {
            let json = try Support.object(JSONLineEncoder(identity: Support.identity).record(event))
            let ecs = Support.leaves(try Support.object(Support.encoder.record(event)))
            let pairs = [
                ("http_method", "http.request.method"), ("http_host", "tlsprint.http_host"),
                ("http_uri", "url.original"),
                ("http_user_agent", "user_agent.original"), ("sni", "tls.client.server_name"),
            ]
            for (name, path) in pairs where json[name] != nil {
                #expect(ecs[path] as? String == json[name] as? String, "\(name) → \(path)")
            }
        }
        #expect(String(decoding: Support.encoder.record(events[0]), as: UTF8.self).contains(#""ev\\x01\\xff\"\\\\x"#))
        guard let problems = try ECSValidator.problems(events.map { Support.encoder.record($0) }) else { return }
        #expect(problems == [[], []])
    }

    @Test(
        arguments: [
            ("example.com", "example.com", 0), ("example.com:8080", "example.com", 8080), ("[::1]:443", "[::1]", 443),
            ("[2001:db8::1]", "[2001:db8::1]", 0), ("10.0.0.1:0", "10.0.0.1", 0), ("::1", nil, 0), ("host:", nil, 0),
            ("host:65536", nil, 0), (":80", nil, 0), ("a b", nil, 0), ("[::1", nil, 0), ("[::1]x", nil, 0),
            ("h:+80", nil, 0), ("h:123456", nil, 0),
        ] as [(String, String?, Int)]
    )
    func hostFieldSplitsIntoDomainAndPort(_ host: String, _ domain: String?, _ port: Int) {
        let split = ECSFieldMap.splitHost(Array(host.utf8))
        #expect(split.map { String(decoding: $0.host, as: UTF8.self) } == domain)
        if domain != nil { #expect((split?.port ?? 0) == port) }
    }

    /// `labels` and `pcap_file` (being added to events by other changes) and any unknown field land in `tlsprint`.
    @Test func fieldsTheMapDoesNotKnowGoToTheCustomObject() throws {
        var router = ECSFieldRouter(eventType: .tlsClientHello)
        router.string("src_ip", "2001:db8::7")
        router.strings("labels", ["curl 7.88 / OpenSSL [mapping]", "scanner; odd [list]"])
        router.text("pcap_file", Array("/captures/a\u{1}.pcap".utf8))
        router.integer("future_count", 3)
        var writer = JSONWriter()
        router.document.write(to: &writer)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        let expected =
            #"{"source":{"ip":"2001:db8::7"},"network":{"type":"ipv6"},"tlsprint":{"labels":["#
            + #""curl 7.88 / OpenSSL [mapping]","scanner; odd [list]"],"pcap_file":"/captures/a\\x01.pcap","#
            + #""future_count":3}}"#
        #expect(text == expected)
        #expect(ECSFieldMap.route("labels", in: .httpRequest) == .field("tlsprint.labels"))
        #expect(ECSFieldMap.route("pcap_file", in: .sshActivity) == .field("tlsprint.pcap_file"))
        #expect(ECSFieldMap.route("packets", in: .sensorStats) == .field("tlsprint.stats.packets"))
    }

    /// The whole document of the sample session, written by hand from the mapping in docs/events.md.
    @Test func sampleSessionDocument() {
        let expected =
            #"{"@timestamp":"2026-04-17T22:57:53.482113+00:00","ecs":{"version":"9.5.0-dev"},"#
            + #""event":{"kind":"event","category":["network"],"type":["connection","protocol"],"#
            + #""module":"tlsprint","dataset":"tlsprint.tls_session","action":"tls_session","severity":4},"#
            + #""observer":{"hostname":"sensor-1","type":"sensor","product":"tlsprint"},"#
            + #""source":{"ip":"192.0.2.10","port":51514},"#
            + #""network":{"type":"ipv4","transport":"tcp","iana_number":"6","protocol":"tls"},"#
            + #""destination":{"ip":"2001:db8::1","port":443},"#
            + #""tls":{"version_protocol":"tls","version":"1.2","next_protocol":"h2","#
            + #""server":{"ja3s":"fedcba9876543210fedcba9876543210"},"resumed":true},"#
            + #""tlsprint":{"ja3s_full":"771,49199,65281-16","ja4s":"t120200_c02f_8a5e6e9b2f05","#
            + #""ja4s_r":"t120200_c02f_ff01,0010","hrr":false,"app":"sniffer"}}"#
        #expect(Support.encoder.lineString(SampleEvents.session) == expected + "\n")
    }
}
