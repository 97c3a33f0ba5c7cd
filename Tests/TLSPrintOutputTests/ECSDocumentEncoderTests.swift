import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

@testable import TLSPrintOutput

/// `--format ecs`: every document of every event type, read from real captures, checked field by field against
/// ECS's own definitions (shared/ecs/ecs_flat.yml, through scripts/ecs/validate.py); values checked against the
/// fixtures' tshark oracle; `--fingerprints` and escaping as in the JSON encoding.
@Suite struct ECSDocumentEncoderTests {
    static let identity = EncoderIdentity(nodeName: "sensor-1")
    static let encoder = ECSDocumentEncoder(identity: identity)
    /// TLS over TCP (IPv4 and IPv6, a chain, resumption, a HelloRetryRequest), QUIC, DTLS, OpenVPN over UDP,
    /// SSH and HTTP (a CONNECT included).
    static let captures = [
        "openssl-tls12", "tls12-resume-ticket", "tls13-hrr", "ipv6", "quic-h3", "dtls-12-cookie", "openvpn-udp",
        "ssh-dropbear", "http-python", "http-connect",
    ]

    /// The fixture captures' events, then a `startup` and the `sensor_stats` of the same run, built as `live`
    /// builds them.
    static func fixtureEvents() throws -> [Event] {
        let paths = captures.map { Fixture.url("captures/\($0).pcap").path }
        let (events, counters) = try CaptureRunner.run(paths)
        let time = events.last?.timestamp ?? CaptureTimestamp(seconds: 0, nanoseconds: 0)
        var stats = SensorStatsEvent(timestamp: time)
        stats.packets = counters.packets
        stats.bytes = counters.bytes
        stats.flowsEvicted = counters.flowsEvicted
        stats.handshakes = counters.handshakes
        stats.sshStreams = counters.sshStreams
        stats.httpStreams = counters.httpStreams
        stats.sshEvents = counters.sshHandshakes + counters.sshWindows
        stats.httpEvents = counters.httpRequests
        stats.events = events.count
        stats.parseErrors = counters.parseErrorTotal
        stats.parseErrorsByReason = counters.parseErrorsByReason.map { .init(reason: $0.0.rawValue, count: $0.1) }
        stats.final = true
        let startup = StartupEvent(
            timestamp: time,
            message: "sniffer started node=sensor-1",
            version: "0.1.0 (commit b633c04ea54b-dirty)",
            interface: "lo",
            linkType: "EN10MB",
            filter: "tcp port 443 or udp",
            snaplen: 262_144
        )
        return [.startup(startup)] + events + [.sensorStats(stats)]
    }

    /// A document as a JSON object.
    static func object(_ document: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(document)) as? [String: Any])
    }

    /// The document's leaves by dotted name (arrays of objects stay whole).
    static func leaves(_ object: [String: Any], prefix: String = "") -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in object {
            if let inner = value as? [String: Any] {
                out.merge(leaves(inner, prefix: prefix + key + ".")) { first, _ in first }
            } else {
                out[prefix + key] = value
            }
        }
        return out
    }

    static func leaves(_ document: [UInt8]) throws -> [String: Any] { leaves(try object(document)) }

    @Test func everyEventTypeOfTheFixturesIsValidECS() throws {
        let events = try Self.fixtureEvents()
        #expect(Set(events.map(\.type)) == Set(EventType.allCases), "every event type is exercised")
        let families: [FingerprintFamilies] = [.all, [.ja3, .ja4, .hassh], [], .all.subtracting([.ja3, .ja4])]
        var documents: [[UInt8]] = []
        for enabled in families {
            let encoder = ECSDocumentEncoder(identity: EncoderIdentity(nodeName: "sensor-1", fingerprints: enabled))
            documents += events.map { encoder.record($0) }
        }
        guard let problems = try ECSValidator.problems(documents) else { return Self.skip() }
        for (document, found) in zip(documents, problems) where !found.isEmpty {
            Issue.record("\(found.joined(separator: "; ")) in \(String(decoding: document, as: UTF8.self))")
        }
    }

    @Test func validatorRejectsMadeUpFieldsWrongTypesAndBadCategories() throws {
        let session = try #require(try Self.fixtureEvents().first { $0.type == .tlsSession })
        let valid = try Self.object(Self.encoder.record(session))
        let cases: [(path: String, value: Any, complaint: String)] = [
            ("tls.client.made_up", "x", "tls.client.made_up: not an ECS field"),
            ("made_up_root", 1, "made_up_root: not an ECS field"),
            ("source.port", "443", "source.port: type long wants an integer"),
            ("source.ip", "10.0.0.300", "source.ip: not an IP address"),
            ("tls.resumed", "true", "tls.resumed: type boolean wants true or false"),
            ("tls.server.x509.not_after", "2029-03-03", "tls.server.x509.not_after: not an RFC 3339 date-time"),
            ("tls.server.x509.subject.common_name", "a", "common_name: ECS normalizes this field to an array"),
            ("network.community_id", ["1:x"], "network.community_id: ECS does not normalize this field to an array"),
            ("event.kind", "happening", "event.kind: \"happening\" is not one of ECS's allowed values"),
            ("event.type", ["user"], "event.type \"user\" is not expected with event.category \"network\""),
            ("ecs.version", "1.0.0", "ecs.version \"1.0.0\": the definitions are version"),
        ]
        var documents = [try JSONSerialization.data(withJSONObject: valid)]
        for entry in cases {
            documents.append(
                try JSONSerialization.data(withJSONObject: Self.setting(entry.path, entry.value, in: valid))
            )
        }
        documents.append(Data(#"{"@timestamp":"2026-01-01T00:00:00Z","ecs.version":"9.5.0-dev"}"#.utf8))
        documents.append(Data(#"{"@timestamp":"2026-01-01T00:00:00Z","ecs":{"version":"9.5.0-dev"},"ecs":{}}"#.utf8))
        guard let problems = try ECSValidator.problems(documents.map { [UInt8]($0) }) else { return Self.skip() }
        #expect(problems.first == [], "the unchanged document is valid")
        for (entry, found) in zip(cases, problems.dropFirst()) {
            #expect(found.contains { $0.contains(entry.complaint) }, "\(entry.path): \(found)")
        }
        #expect(
            problems.dropFirst(cases.count + 1).first?.contains { $0.contains("ECS documents are written nested") }
                == true
        )
        #expect(problems.last?.contains { $0.contains("repeated key \"ecs\"") } == true)
    }

    /// docs/events.md, "ECS documents", names every field's ECS place: each field of the fixture events has a table
    /// row naming it and where the map sends it.
    @Test func theDocumentedTableCoversEveryField() throws {
        let text = try String(
            contentsOf: SharedCorpus.packageRoot.appendingPathComponent("docs/events.md"),
            encoding: .utf8
        )
        let section = try #require(text.components(separatedBy: "## ECS documents").dropFirst().first)
        let rows = section.components(separatedBy: "\n## ")[0].split(separator: "\n").filter { $0.hasPrefix("|") }
        var checked = 0
        for event in try Self.fixtureEvents() {
            for name in event.fields.map(\.name) {
                let target: String
                switch ECSFieldMap.route(name, in: event.type) {
                case .field(let path), .array(let path), .upperHex(let path), .nonEmpty(let path), .address(let path):
                    let generic = event.type == .sensorStats ? "tlsprint.stats.<field>" : "tlsprint.<field>"
                    target = path.hasPrefix("tlsprint.") ? generic : path
                case .negotiatedVersion: target = "tls.version"
                case .transport: target = "network.transport"
                case .httpHost: target = "url.domain"
                }
                let named = event.type == .sensorStats ? "every counter" : "`\(name)`"
                let documented = rows.contains { row in
                    row.contains(named) && (row.contains("`\(target)`") || row.contains("`tlsprint.\(name)`"))
                }
                #expect(documented, "\(event.type): \(name) → \(target) is not in the ECS table of docs/events.md")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// `object` with `value` at the dotted `path`, creating objects on the way.
    static func setting(_ path: String, _ value: Any, in object: [String: Any]) -> [String: Any] {
        var object = object
        let names = path.split(separator: ".").map(String.init)
        guard let first = names.first else { return object }
        if names.count == 1 {
            object[first] = value
        } else {
            let inner = object[first] as? [String: Any] ?? [:]
            object[first] = setting(names.dropFirst().joined(separator: "."), value, in: inner)
        }
        return object
    }

    static func skip() {
        let message = "shared/ecs missing: set TLSPRINT_SHARED"
        if SharedCorpus.isCI { Issue.record(Comment(rawValue: message)) } else { print("skipping: " + message) }
    }
}
