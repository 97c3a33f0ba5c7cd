import Foundation
import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// Community ID v1 (issue 12, item 1): the function on the specification's own baseline tuples
/// (`corpus/community-id/baseline`, seeds 0 and 1), and every traffic event's `community_id` on the fixture
/// captures against tshark's `communityid` dissector (Tests/Fixtures/community-id/tshark.tsv, recorded by
/// scripts/make-community-id-expectations.sh).
@Suite struct CommunityIDTests {
    /// The address's wire bytes (4 or 16), parsed by the C library.
    static func bytes(_ text: String) -> [UInt8]? {
        if text.contains(":") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
            return withUnsafeBytes(of: address) { Array($0) }
        }
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: address) { Array($0) }
    }

    /// The baseline's TCP, UDP and SCTP tuples. Its ICMP and ICMPv6 rows hash type and code mapped to ports
    /// with a one-way rule, and its protocol-46 rows hash no ports: tlsprint reports only TCP and UDP
    /// connections, so those rows are left out (and counted).
    @Test(arguments: [("baseline_deflt.json", UInt16(0)), ("baseline_seed1.json", 1)])
    func baselineTuples(file: String, seed: UInt16) throws {
        guard let rows = try SharedCorpus.json("corpus/community-id/baseline/\(file)") as? [[String: Any]] else {
            if SharedCorpus.isCI { Issue.record("shared/ corpus not found: set TLSPRINT_SHARED") }
            return
        }
        var compared = 0
        var leftOut = 0
        for row in rows {
            let proto = try #require(row["proto"] as? Int)
            guard [6, 17, 132].contains(proto) else {
                leftOut += 1
                continue
            }
            let source = try #require((row["saddr"] as? String).flatMap(Self.bytes))
            let destination = try #require((row["daddr"] as? String).flatMap(Self.bytes))
            let sourcePort = try #require(row["sport"] as? Int)
            let destinationPort = try #require(row["dport"] as? Int)
            let id = CommunityID(
                addressA: source,
                portA: UInt16(sourcePort),
                addressB: destination,
                portB: UInt16(destinationPort),
                ipProtocol: UInt8(proto),
                seed: seed
            )
            #expect(id.rendered == row["communityid"] as? String, "\(file): \(row)")
            compared += 1
        }
        #expect(compared == 8 && leftOut == 15, "\(file): \(compared) compared, \(leftOut) left out")
    }

    /// The same flow in either direction has one ID; the seed changes it.
    @Test func directionDoesNotMatterButTheSeedDoes() throws {
        let a = try #require(Self.bytes("10.0.0.1"))
        let b = try #require(Self.bytes("127.0.0.1"))
        let forward = CommunityID(addressA: a, portA: 1234, addressB: b, portB: 80, ipProtocol: 6)
        let backward = CommunityID(addressA: b, portA: 80, addressB: a, portB: 1234, ipProtocol: 6)
        #expect(forward == backward)
        #expect(forward != CommunityID(addressA: a, portA: 1234, addressB: b, portB: 80, ipProtocol: 6, seed: 1))
        #expect(forward != CommunityID(addressA: a, portA: 1234, addressB: b, portB: 80, ipProtocol: 17))
    }

    /// tshark's row of a conversation, by its unordered endpoints.
    struct TsharkRow: Hashable {
        var capture: String
        var endpoints: Set<String>
    }

    static func tsharkIDs() throws -> [TsharkRow: String] {
        let text = try String(contentsOf: Fixture.url("community-id/tshark.tsv"), encoding: .utf8)
        var ids: [TsharkRow: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 7 else { continue }
            ids[TsharkRow(capture: cells[0], endpoints: ["\(cells[1]) \(cells[2])", "\(cells[3]) \(cells[4])"])] =
                cells[6]
        }
        return ids
    }

    @Test func everyTrafficEventAgreesWithTshark() throws {
        let ids = try Self.tsharkIDs()
        let captures = Set(ids.keys.map(\.capture)).sorted()
        #expect(captures.count >= 30)
        var compared = 0
        for capture in captures {
            let events = try CaptureRunner.run([Fixture.url("captures/\(capture)").path]).events
            for event in events {
                guard let endpoints = event.endpoints else { continue }
                let key = TsharkRow(
                    capture: capture,
                    endpoints: [
                        "\(endpoints.clientIP) \(endpoints.clientPort)",
                        "\(endpoints.serverIP) \(endpoints.serverPort)",
                    ]
                )
                #expect(event.text("community_id") == ids[key], "\(capture) \(event.type) \(key.endpoints)")
                compared += 1
            }
        }
        print("community_id: \(compared) events on \(captures.count) captures agree with tshark")
        #expect(compared > 100)
    }

    @Test func theSeedReachesTheEvents() throws {
        var configuration = SensorConfiguration.withoutDeduplication
        configuration.communityIDSeed = 1
        let events = try CaptureRunner.run(
            [Fixture.url("captures/openssl-tls12.pcap").path],
            configuration: configuration
        ).events
        let event = try #require(events.first)
        let endpoints = try #require(event.endpoints)
        let expected = CommunityID(
            addressA: try #require(Self.bytes(endpoints.clientIP)),
            portA: endpoints.clientPort,
            addressB: try #require(Self.bytes(endpoints.serverIP)),
            portB: endpoints.serverPort,
            ipProtocol: 6,
            seed: 1
        )
        #expect(event.text("community_id") == expected.rendered)
        #expect(
            event.text("community_id") != (try Self.tsharkIDs()).first { $0.key.capture == "openssl-tls12.pcap" }?.value
        )
    }
}
