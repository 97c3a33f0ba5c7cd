import Foundation
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// The FoxIO JA4+ reference corpus: every TCP stream with a ClientHello or ServerHello must agree on
/// ja4, ja4s, ja4x, ja4l_c, ja4l_s and ja4t (issue #2), with the exceptions listed here by file and stream.
@Suite struct FoxIOConformanceTests {
    /// The spec's ALPN rule (fingerprints.md §1.4) replaces the Rust reference's `99` here.
    static let expectationOverrides: [String: [String: String]] = [
        "tls-non-ascii-alpn.pcapng": ["ja4": "t13d1516bd_8daaf6152771_e5627efa2ab1"]
    ]
    static let fingerprints = ["ja4", "ja4s", "ja4x", "ja4l_c", "ja4l_s", "ja4t"]

    @Test func everyTCPHandshakeAgrees() throws {
        guard let root = SharedCorpus.root else {
            if SharedCorpus.isCI { Issue.record("shared/ corpus not found: set TLSPRINT_SHARED") }
            print("skipped: shared/ corpus not found (set TLSPRINT_SHARED)")
            return
        }
        var table = AgreementTable()
        var notApplicable: [String] = []
        for (folder, listing) in [
            ("foxio/pcap", "corpus/foxio/expected.json"), ("foxio/derived", "corpus/foxio/derived/expected.json"),
        ] {
            let document = try #require(try SharedCorpus.json(listing) as? [String: Any])
            let files = try #require(document["files"] as? [[String: Any]])
            for file in files {
                guard let name = file["pcap"] as? String, let streams = file["streams"] as? [[String: Any]] else {
                    continue
                }
                let tlsStreams = streams.filter { $0["ja4"] != nil || $0["ja4s"] != nil }
                guard !tlsStreams.isEmpty else { continue }
                let path = root.appendingPathComponent("corpus/\(folder)/\(name)").path
                let ours = try ReferenceMatch(events: CaptureRunner.run([path]).events)
                let secrets = (file["has_decryption_secrets"] as? Bool) ?? false
                for stream in tlsStreams {
                    let transport = (stream["transport"] as? String) ?? "tcp"
                    let location = "\(name) \(transport).stream \(stream["stream"] ?? "?")"
                    let scope = transport == "udp" ? "\(folder)/quic" : folder
                    let key = ConversationKey.make(
                        "\(stream["src"] ?? "")",
                        "\(stream["src_port"] ?? "")",
                        "\(stream["dst"] ?? "")",
                        "\(stream["dst_port"] ?? "")"
                    )
                    for fingerprint in Self.fingerprints {
                        guard var expected = ReferenceMatch.expected(fingerprint, in: stream) else { continue }
                        if let override = Self.expectationOverrides[name]?[fingerprint] { expected = override }
                        if fingerprint == "ja4x", secrets {
                            notApplicable.append("\(location) ja4x (TLS 1.3 certificate decrypted with embedded keys)")
                            continue
                        }
                        table.compare(
                            corpus: scope,
                            fingerprint: fingerprint,
                            expected: expected,
                            ours: ours.value(fingerprint, for: key),
                            where: location
                        )
                    }
                }
            }
        }
        print(table.rendered(title: "FoxIO reference corpus (TCP: 100% required by #2; QUIC: by #6)"))
        print("not applicable:\n  " + notApplicable.joined(separator: "\n  "))
        for folder in ["foxio/pcap", "foxio/derived", "foxio/pcap/quic"] {
            for fingerprint in Self.fingerprints {
                let cell = table.cell(corpus: folder, fingerprint: fingerprint)
                #expect(cell.agree == cell.compared, "\(folder) \(fingerprint): \(cell.mismatches)")
            }
        }
        #expect(table.cell(corpus: "foxio/pcap", fingerprint: "ja4").compared > 100)
    }
}

/// Our events for one capture, indexed by conversation.
struct ReferenceMatch {
    private var byConversation: [String: [Event]] = [:]

    init(events: [Event]) {
        for event in events {
            guard let key = event.conversationKey else { continue }
            byConversation[key, default: []].append(event)
        }
    }

    /// Our value of `fingerprint` for the conversation `key` (first event that carries it).
    func value(_ fingerprint: String, for key: String) -> String? {
        let events = byConversation[key] ?? []
        let name = fingerprint == "ja4x" ? "ja4x_chain" : fingerprint
        let preferred: [EventType] =
            switch fingerprint {
            case "ja4x": [.tlsCertificate]
            case "ja4s", "ja3s", "ja3s_full", "ja4l_s", "ja4s_r": [.tlsSession]
            case "ja4l_c": [.tlsSession, .tlsClientHello]
            default: [.tlsClientHello, .tlsSession]
            }
        for type in preferred {
            if let value = events.first(where: { $0.type == type && $0[name] != nil })?.text(name) { return value }
        }
        return nil
    }

    /// The reference value of `fingerprint` in a FoxIO stream record (ja4x: the first Certificate's chain).
    static func expected(_ fingerprint: String, in stream: [String: Any]) -> String? {
        if fingerprint == "ja4x" {
            guard let certs = stream["tls_certs"] as? [[String: Any]], let first = certs.first,
                let chain = first["x509"] as? [[String: Any]]
            else { return nil }
            return chain.compactMap { $0["ja4x"] as? String }.joined(separator: ",")
        }
        return stream[fingerprint] as? String
    }
}
