import Foundation
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// Field order and presence of every TLS, SSH and HTTP event, as shared/spec/events.md lays them out (§Fields;
/// §SSH and HTTP events), over the repository's fixture captures and the shared corpus captures used for replay.
@Suite struct EventFieldContractTests {
    /// The contract's field order (the table in events.md, top to bottom; `chain` last on certificates).
    static let order = [
        "src_ip", "src_port", "dst_ip", "dst_port", "transport", "community_id", "tls_version", "sni", "alpn",
        "alpn_selected",
        "ja3", "ja3_full", "ja4", "ja4_r", "ja4_o", "ja4_ro", "ja3s", "ja3s_full", "ja4s", "ja4s_r",
        "raw_ciphers", "raw_extensions", "ja4t", "ja4ts", "ja4l_c", "ja4l_s", "ja4l_rtt_ms", "ja4l_client_ttl",
        "resumption", "resumption_accepted", "ech", "hrr", "ja4x", "ja4x_chain", "subject_cn", "subject", "issuer",
        "sans", "not_before", "not_after", "self_signed", "serial", "cert_sha256", "chain_length", "labels", "chain",
    ]
    /// The SSH and HTTP table's order: endpoints, the type's own fields, then the TCP handshake's.
    static let sshHTTPOrder = [
        "src_ip", "src_port", "dst_ip", "dst_port", "transport", "community_id", "ssh_client", "ssh_server", "hassh",
        "hassh_algorithms", "hassh_server", "hassh_server_algorithms", "ssh_kex", "ssh_host_key", "ssh_cipher",
        "ssh_mac", "ssh_compression", "ja4ssh", "ssh_window", "http_method", "http_version", "http_host", "http_uri",
        "http_user_agent", "ja4h", "ja4h_r", "ja4h_ro", "ja4t", "ja4ts", "ja4l_c", "ja4l_s", "ja4l_rtt_ms",
        "ja4l_client_ttl", "labels",
    ]
    static let tcpFacts: Set = ["ja4t", "ja4ts", "ja4l_c", "ja4l_s", "ja4l_rtt_ms", "ja4l_client_ttl"]
    static let endpoints: Set = ["src_ip", "src_port", "dst_ip", "dst_port", "transport", "community_id"]
    static let clientFields: Set = [
        "tls_version", "sni", "alpn", "ja3", "ja3_full", "ja4", "ja4_r", "ja4_o", "ja4_ro", "raw_ciphers",
        "raw_extensions", "ja4t", "ja4l_c", "ja4l_rtt_ms", "ja4l_client_ttl", "resumption",
    ]
    /// Which fields each event type may carry ("events" column of the table); `labels` on any traffic event
    /// (the embedded label set is on by default).
    static let allowed: [EventType: Set<String>] = allowedOwnFields.mapValues { $0.union(["labels"]) }
    static let allowedOwnFields: [EventType: Set<String>] = [
        .tlsClientHello: endpoints.union(clientFields).union(["ech"]),
        .tlsSession: endpoints.union(clientFields).union([
            "alpn_selected", "ja3s", "ja3s_full", "ja4s", "ja4s_r", "ja4ts", "ja4l_s", "resumption_accepted", "hrr",
        ]),
        .tlsCertificate: endpoints.union([
            "sni", "ja3", "ja4", "ja4x", "ja4x_chain", "subject_cn", "subject", "issuer", "sans", "not_before",
            "not_after",
            "self_signed", "serial", "cert_sha256", "chain_length", "chain",
        ]),
        .sshHandshake: endpoints.union(tcpFacts).union([
            "ssh_client", "ssh_server", "hassh", "hassh_algorithms", "hassh_server", "hassh_server_algorithms",
            "ssh_kex", "ssh_host_key", "ssh_cipher", "ssh_mac", "ssh_compression",
        ]),
        .sshActivity: endpoints.union(tcpFacts).union(["ja4ssh", "ssh_window"]),
        .httpRequest: endpoints.union(tcpFacts).union([
            "http_method", "http_version", "http_host", "http_uri", "http_user_agent", "ja4h", "ja4h_r", "ja4h_ro",
        ]),
    ]
    /// Fields that must always be there: endpoints, `sni` (empty when absent), and the booleans that apply.
    static let required: [EventType: Set<String>] = [
        .tlsClientHello: endpoints.union(["tls_version", "sni", "ja3", "ja3_full", "ja4", "ech"]),
        .tlsSession: endpoints.union(["tls_version", "sni", "ja3", "ja4", "ja3s", "ja3s_full", "ja4s", "hrr"]),
        .tlsCertificate: endpoints.union([
            "sni", "ja4x", "ja4x_chain", "self_signed", "cert_sha256", "chain_length", "chain",
        ]),
        .sshHandshake: endpoints,
        .sshActivity: endpoints.union(["ja4ssh", "ssh_window"]),
        .httpRequest: endpoints.union(["http_method", "http_version", "http_uri", "ja4h", "ja4h_r", "ja4h_ro"]),
    ]

    static let captures = ReplayCaptures.fixtures + ReplayCaptures.shared + ["corpus/zeek/pcap/google-duplicate.pcap"]

    @Test(arguments: captures)
    func fieldsFollowTheContract(capture: String) throws {
        guard let path = try ReplayCaptures.path(capture) else { return }
        let events = try CaptureRunner.run([path]).events
        #expect(!events.isEmpty, "\(capture) gave no events")
        for event in events {
            let names = event.fields.map(\.name)
            let isTLS = [.tlsClientHello, .tlsSession, .tlsCertificate].contains(event.type)
            let order = isTLS ? Self.order : Self.sshHTTPOrder
            let positions = names.compactMap { order.firstIndex(of: $0) }
            #expect(positions.count == names.count, "\(capture) \(event.type): unknown field in \(names)")
            #expect(
                positions == positions.sorted() && Set(positions).count == positions.count,
                "\(capture) \(event.type): out of order or repeated: \(names)"
            )
            let allowed = Self.allowed[event.type] ?? []
            let required = Self.required[event.type] ?? []
            #expect(Set(names).isSubset(of: allowed), "\(capture) \(event.type): \(Set(names).subtracting(allowed))")
            #expect(
                required.isSubset(of: Set(names)),
                "\(capture) \(event.type): missing \(required.subtracting(names))"
            )
            // Fixture names say the transport: quic-*, dtls-*, openvpn-udp* (OpenVPN over UDP), TCP otherwise.
            let transport =
                capture.contains("/quic-")
                ? "quic" : capture.contains("/dtls-") ? "dtls" : capture.contains("/openvpn-udp") ? "udp" : "tcp"
            #expect(event["transport"] == .string(transport), "\(capture) \(event.type)")
            if event.type == .tlsSession {
                #expect(
                    (event["resumption"] != nil) == (event["resumption_accepted"] != nil),
                    "\(capture): resumption_accepted only and always when resumption was offered"
                )
            }
            if let latency = event.text("ja4l_c") {
                let parts = latency.split(separator: "_").compactMap { Int($0) }
                #expect(parts.count == 2)
                #expect(event["ja4l_rtt_ms"] == .thousandths(2 * (parts.first ?? -1)), "\(capture)")
                #expect(event["ja4l_client_ttl"] == .integer(parts.last ?? -1), "\(capture)")
            } else {
                #expect(event["ja4l_rtt_ms"] == nil && event["ja4l_client_ttl"] == nil)
            }
        }
    }

    /// `src_*` is the client on every event, also those that travel server → client (expected.json names it).
    @Test(arguments: ReplayCaptures.fixtures)
    func sourceIsAlwaysTheClient(capture: String) throws {
        let name = String(capture.dropFirst("captures/".count).dropLast(".pcap".count))
        let streams = try #require(try ReplayCaptures.fixtureExpectation(name)["streams"] as? [[String: Any]])
        let clients = Set(
            streams.compactMap { stream -> String? in
                guard let ip = stream["client_ip"] as? String, let port = stream["client_port"] as? Int else {
                    return nil
                }
                return "\(ip) \(port)"
            }
        )
        let servers = Set(
            streams.compactMap { stream -> String? in
                guard let ip = stream["server_ip"] as? String, let port = stream["server_port"] as? Int else {
                    return nil
                }
                return "\(ip) \(port)"
            }
        )
        let events = try CaptureRunner.run([Fixture.url(capture).path]).events
        for event in events {
            let source = "\(event.text("src_ip") ?? "") \(event.text("src_port") ?? "")"
            let destination = "\(event.text("dst_ip") ?? "") \(event.text("dst_port") ?? "")"
            #expect(clients.contains(source), "\(capture) \(event.type): src \(source) is not a client")
            #expect(servers.contains(destination), "\(capture) \(event.type): dst \(destination) is not a server")
        }
    }

    /// zeek google-duplicate.pcap: expected.json gives `sni: null` for both streams; the field stays, empty.
    @Test func sniIsEmptyWhenAbsent() throws {
        guard let path = try ReplayCaptures.path("corpus/zeek/pcap/google-duplicate.pcap") else { return }
        let events = try CaptureRunner.run([path]).events
        let hellos = events.filter { $0.type != .tlsCertificate }
        #expect(hellos.count == 4)
        for event in events { #expect(event["sni"] == .text([]) || event["sni"] == .string(""), "\(event.type)") }
    }
}
