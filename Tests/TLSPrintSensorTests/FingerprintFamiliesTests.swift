import Foundation
import TLSPrintEvent
import TLSPrintOutput
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// `--fingerprints` (issue 11): the families and their fields, the encoders leaving out disabled families in
/// both encodings (nested `chain` objects included), dedup keys made of the enabled families only, and no
/// `ssh_activity` without `ja4ssh`.
@Suite struct FingerprintFamiliesTests {
    static let captures = ["openssl-tls12", "ssh-openssh", "http-post", "cert-chain"]

    static func events(_ configuration: SensorConfiguration = .withoutDeduplication) throws -> [Event] {
        try CaptureRunner.run(
            captures.map { Fixture.url("captures/\($0).pcap").path },
            configuration: configuration
        ).events
    }

    /// Every field name that belongs to a family, by the table of issue 11.
    static let familyFields: [String: String] = [
        "ja3": "ja3", "ja3_full": "ja3", "ja3s": "ja3", "ja3s_full": "ja3", "ja4": "ja4", "ja4_r": "ja4",
        "ja4_o": "ja4", "ja4_ro": "ja4", "ja4s": "ja4s", "ja4s_r": "ja4s", "ja4l_c": "ja4l", "ja4l_s": "ja4l",
        "ja4l_rtt_ms": "ja4l", "ja4l_client_ttl": "ja4l", "ja4t": "ja4t", "ja4ts": "ja4t", "ja4x": "ja4x",
        "ja4x_chain": "ja4x", "ja4x_r": "ja4x", "hassh": "hassh", "hassh_algorithms": "hassh",
        "hassh_server": "hassh", "hassh_server_algorithms": "hassh", "ja4h": "ja4h", "ja4h_r": "ja4h",
        "ja4h_ro": "ja4h", "ja4ssh": "ja4ssh", "ssh_window": "ja4ssh",
    ]

    @Test func everyFieldNamesItsFamily() {
        for (field, family) in Self.familyFields {
            let expected = FingerprintFamilies.names.first { $0.name == family }?.member
            #expect(FingerprintFamilies.family(ofField: field) == expected, "\(field)")
        }
        for field in ["src_ip", "sni", "raw_ciphers", "tls_version", "ssh_kex", "http_uri", "chain", "serial"] {
            #expect(FingerprintFamilies.family(ofField: field) == nil, "\(field)")
        }
    }

    @Test(arguments: [["ja3", "ja4", "hassh"], ["ja4x"], ["ja4s", "ja4l", "ja4t", "ja4h"], ["ja4ssh"], []])
    func encodersLeaveOutDisabledFamilies(enabledNames: [String]) throws {
        var enabled: FingerprintFamilies = []
        for name in enabledNames {
            enabled.insert(try #require(FingerprintFamilies.names.first { $0.name == name }).member)
        }
        var configuration = SensorConfiguration.withoutDeduplication
        configuration.fingerprints = enabled
        let events = try Self.events(configuration)
        let json = JSONLineEncoder(identity: EncoderIdentity(nodeName: "n", fingerprints: enabled))
        let syslog = SyslogFormatter(identity: EncoderIdentity(nodeName: "n", fingerprints: enabled))
        var seen: Set<String> = []
        for event in events {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(json.record(event))) as? [String: Any]
            )
            var names = Set(object.keys)
            for entry in (object["chain"] as? [[String: Any]]) ?? [] { names.formUnion(entry.keys) }
            let line = String(decoding: syslog.record(event), as: UTF8.self)
            for (field, family) in Self.familyFields where names.contains(field) || line.contains(" \(field)=\"") {
                #expect(enabledNames.contains(family), "\(event.type): \(field) of disabled \(family)")
                seen.insert(family)
            }
        }
        #expect(seen == Set(enabledNames), "every enabled family appears")
        #expect(events.contains { $0.type == .sshActivity } == enabledNames.contains("ja4ssh"))
        #expect(events.contains { $0.type == .sshHandshake } && events.contains { $0.type == .httpRequest })
    }

    /// Dedup keys keep only enabled families: two hellos differing only in JA4 are repeats under `ja3`.
    @Test func dedupKeysUseEnabledFamiliesOnly() throws {
        let hello = try #require(try Self.events().first { $0.type == .tlsClientHello })
        guard case .tlsClientHello(var other) = hello else { return }
        other.client.ja4 = "t13d0000h2_000000000000_000000000000"
        let changed = Event.tlsClientHello(other)
        #expect(hello.dedupKey(enabled: .all) != changed.dedupKey(enabled: .all))
        #expect(hello.dedupKey(enabled: .ja3) == changed.dedupKey(enabled: .ja3))
        #expect(hello.dedupKey(enabled: .ja4) != changed.dedupKey(enabled: .ja4))
    }
}

extension FingerprintFamiliesTests {
    /// A disabled family is not worked out at all, not only left out of the output: with `ja3,ja4,hassh` the
    /// typed events carry no JA4S, JA4X, JA4H, JA4T or JA4L value (and with every family, they do).
    @Test func disabledFamiliesAreNotComputed() throws {
        var configuration = SensorConfiguration.withoutDeduplication
        configuration.fingerprints = [.ja3, .ja4, .hassh]
        for (events, enabled) in [(try Self.events(configuration), false), (try Self.events(), true)] {
            var seen: Set<String> = []
            for event in events {
                switch event {
                case .tlsClientHello(let hello):
                    #expect(!hello.client.ja3.isEmpty && !hello.client.ja4.isEmpty)
                    #expect((hello.client.ja4t != nil) == enabled && (hello.latency.client != nil) == enabled)
                    seen.insert("client")
                case .tlsSession(let session):
                    #expect(session.server.ja4s.isEmpty != enabled && !session.server.ja3s.isEmpty)
                    #expect((session.ja4ts != nil) == enabled)
                    seen.insert("session")
                case .tlsCertificate(let certificate):
                    #expect(
                        certificate.chain.allSatisfy { $0.ja4x.isEmpty != enabled && $0.ja4xRaw.isEmpty != enabled }
                    )
                    seen.insert("certificate")
                case .httpRequest(let request):
                    #expect(request.ja4h.isEmpty != enabled && request.ja4hRaw.isEmpty != enabled)
                    #expect((request.tcp.ja4t != nil) == enabled && (request.tcp.latency.client != nil) == enabled)
                    seen.insert("http")
                case .sshHandshake(let handshake):
                    #expect(handshake.hassh != nil && handshake.hasshServer != nil)
                    #expect((handshake.tcp.ja4ts != nil) == enabled)
                    seen.insert("ssh")
                case .sshActivity, .startup, .sensorStats: break
                }
            }
            #expect(seen == ["client", "session", "certificate", "http", "ssh"])
        }
    }
}
