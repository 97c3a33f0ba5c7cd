import Foundation
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// tlsprint against its own captures of real TLS stacks (Tests/Fixtures/captures), whose expected values come
/// from tshark 4.0.17 and the independent oracle scripts/oracle/ja4_oracle.py (see the folder's SOURCES.md).
@Suite struct OwnFixtureTests {
    static let captures: [String] = {
        let folder = Fixture.url("captures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) }
            .sorted()
    }()

    /// Expected key → (event type, our field); the first type that carries the field is used.
    static let clientFields = [
        "sni", "alpn", "ja3", "ja3_full", "ja4", "ja4_r", "ja4_o", "ja4_ro", "raw_ciphers", "raw_extensions", "ja4t",
        "resumption", "ech",
    ]
    static let sessionFields = [
        "tls_version", "alpn_selected", "ja3s", "ja3s_full", "ja4s", "ja4s_r", "hrr", "ja4l_c", "ja4l_s", "ja4ts",
        "resumption_accepted",
    ]
    static let tlsTypes: Set<EventType> = [.tlsClientHello, .tlsSession, .tlsCertificate]
    static let chainFields = ["ja4x", "ja4x_r", "subject", "issuer", "not_before", "not_after", "serial", "sha256"]

    @Test func capturesAreThere() {
        #expect(Self.captures.count >= 20)
    }

    @Test(arguments: captures)
    func agreesWithTheOracle(_ name: String) throws {
        let data = try Data(contentsOf: Fixture.url("captures/\(name).expected.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let streams = try #require(document["streams"] as? [[String: Any]])
        let events = try CaptureRunner.run([Fixture.url("captures/\(name).pcap").path]).events
        for stream in streams {
            let key = ConversationKey.make(
                "\(stream["client_ip"] ?? "")",
                "\(stream["client_port"] ?? "")",
                "\(stream["server_ip"] ?? "")",
                "\(stream["server_port"] ?? "")"
            )
            let ours = events.filter { $0.conversationKey == key }
            // An SSH or plain-HTTP stream (scripts/make-fixtures-ssh-http.sh) has no TLS expectations: it must give
            // no TLS event, and its SSH and HTTP values must agree.
            checkSSHAndHTTP(ours, expected: stream, where: "\(name) \(key)")
            guard stream["client_hellos"] != nil else {
                #expect(!ours.contains { Self.tlsTypes.contains($0.type) }, "\(name) \(key): TLS event without TLS")
                continue
            }
            let client = ours.first { $0.type == .tlsClientHello }
            let session = ours.first { $0.type == .tlsSession }
            let certificate = ours.first { $0.type == .tlsCertificate }
            let where_ = "\(name) \(key)"
            #expect(client?.text("src_ip") == stream["client_ip"] as? String, "\(where_): src is the client")
            if let offered = stream["tls_version_offered"] as? String {
                #expect(
                    client?.text("tls_version") == Self.dtlsNames[offered] ?? offered,
                    "\(where_) tls_version offered"
                )
            }
            for field in Self.clientFields {
                guard let expected = Self.normalised(stream[field], field: field) else { continue }
                #expect(Self.value(client, field) == expected, "\(where_) \(field)")
            }
            for field in Self.sessionFields {
                guard let expected = Self.normalised(stream[field], field: field) else { continue }
                #expect(Self.value(session, field) == expected, "\(where_) \(field)")
            }
            if let messages = stream["certificate_messages"] as? [[String: Any]], let first = messages.first {
                try checkCertificate(certificate, expected: first, where: where_)
                // The client's fingerprints ride on the certificate event too (issue 12): the oracle's values.
                for field in ["ja3", "ja4"] {
                    guard let expected = stream[field] as? String else { continue }
                    #expect(certificate?.text(field) == expected, "\(where_) certificate \(field)")
                }
            }
        }
    }

    /// `ssh_handshake` fields (tshark's and the oracle's), the JA4SSH windows in order (the oracle's, from the
    /// written spec), and each HTTP request's fields and JA4H in order (tshark's fields, the oracle's JA4H).
    private func checkSSHAndHTTP(_ ours: [Event], expected stream: [String: Any], where location: String) {
        let handshakes = ours.filter { $0.type == .sshHandshake }
        if stream["ssh_client"] != nil || stream["ssh_server"] != nil {
            #expect(handshakes.count == 1, "\(location): \(handshakes.count) ssh_handshake events")
            let handshake = handshakes.first
            #expect(handshake?.text("src_ip") == stream["client_ip"] as? String, "\(location): src is the client")
            for field in Self.sshFields {
                guard let expected = Self.normalised(stream[field], field: field) else { continue }
                #expect(Self.value(handshake, field) == expected, "\(location) \(field)")
            }
        } else {
            #expect(handshakes.isEmpty, "\(location): ssh_handshake without SSH")
        }
        let windows = ours.filter { $0.type == .sshActivity }
        #expect(
            windows.compactMap { $0.text("ja4ssh") } == ((stream["ja4ssh"] as? [String]) ?? []),
            "\(location) ja4ssh"
        )
        #expect(windows.map { $0.text("ssh_window") } == windows.indices.map { String($0 + 1) }, "\(location)")
        let requests = ours.filter { $0.type == .httpRequest }
        let expectedRequests = (stream["http_requests"] as? [[String: Any]]) ?? []
        #expect(requests.count == expectedRequests.count, "\(location): http_request events")
        for (index, (event, reference)) in zip(requests, expectedRequests).enumerated() {
            #expect(event.text("src_ip") == stream["client_ip"] as? String, "\(location) request \(index): src")
            for (field, value) in reference {
                guard let expected = Self.normalised(value, field: field) else { continue }
                #expect(event.text(field) == expected, "\(location) request \(index) \(field)")
            }
            for field in ["ja4t", "ja4ts", "ja4l_c", "ja4l_s"] {
                guard let expected = stream[field] as? String else { continue }
                #expect(event.text(field) == expected, "\(location) request \(index) \(field)")
            }
        }
    }

    static let sshFields = [
        "ssh_client", "ssh_server", "hassh", "hassh_algorithms", "hassh_server", "hassh_server_algorithms", "ssh_kex",
        "ssh_host_key", "ssh_cipher", "ssh_mac", "ssh_compression", "ja4t", "ja4ts", "ja4l_c", "ja4l_s",
    ]

    private func checkCertificate(_ event: Event?, expected: [String: Any], where location: String) throws {
        let event = try #require(event, "\(location): no tls_certificate event")
        let chain = try #require(expected["chain"] as? [[String: Any]])
        let leaf = try #require(chain.first)
        #expect(event.text("chain_length") == "\(expected["chain_length"] ?? "")", "\(location) chain_length")
        #expect(
            event.text("ja4x_chain") == chain.compactMap { $0["ja4x"] as? String }.joined(separator: ","),
            "\(location) ja4x_chain"
        )
        for field in ["subject_cn", "subject", "issuer", "not_before", "not_after", "serial", "self_signed"] {
            guard let expected = Self.normalised(leaf[field], field: field) else { continue }
            #expect(event.text(field) == expected, "\(location) leaf \(field)")
        }
        #expect(event.text("cert_sha256") == leaf["sha256"] as? String, "\(location) cert_sha256")
        if let sans = leaf["sans"] as? [String], !sans.isEmpty {
            #expect(event.text("sans") == sans.map(Self.canonicalAddress).joined(separator: ","), "\(location) sans")
        }
        guard case .objects(let objects) = event["chain"] else {
            Issue.record("\(location): no chain objects")
            return
        }
        #expect(objects.count == chain.count)
        for (ours, reference) in zip(objects, chain) {
            for field in Self.chainFields {
                guard let expected = reference[field] as? String else { continue }
                #expect(ours.text(field) == expected, "\(location) chain \(field)")
            }
        }
    }

    /// A reference value as our event text: lists comma-joined, booleans as true/false; nil when absent or empty.
    static func normalised(_ value: Any?, field: String) -> String? {
        switch value {
        case let text as String where field == "tls_version": return dtlsNames[text] ?? text
        case let text as String: return text.isEmpty && field != "sni" ? nil : text
        case let list as [String]: return list.isEmpty ? nil : list.joined(separator: ",")
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        default: return nil
        }
    }

    /// The oracle writes DTLS versions as wire values; events.md spells them (issue 11).
    static let dtlsNames = ["0xfeff": "DTLS 1.0", "0xfefd": "DTLS 1.2", "0xfefc": "DTLS 1.3"]

    static func value(_ event: Event?, _ field: String) -> String? {
        guard let event else { return nil }
        if field == "sni", event[field] == nil { return nil }
        return event.text(field)
    }

    /// tshark writes IPv6 SANs uncompressed; events use RFC 5952.
    static func canonicalAddress(_ text: String) -> String {
        guard text.contains(":") else { return text }
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return text }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return text }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
