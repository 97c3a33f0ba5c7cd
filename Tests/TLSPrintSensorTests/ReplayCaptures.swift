import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// The real captures the segmentation tests replay, and how to find them.
enum ReplayCaptures {
    /// Captures in the shared corpus (read in place).
    static let shared = [
        "corpus/foxio/pcap/badcurveball.pcap",
        "corpus/foxio/pcap/tls12.pcap",
        "corpus/foxio/pcap/latest.pcapng",
        "corpus/arkime/pcap/tls-split-client-hello.pcap",
        "corpus/zeek/pcap/tls-fragmented-handshake.pcap",
    ]

    /// This repository's own fixture captures.
    static var fixtures: [String] {
        let folder = Fixture.url("captures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pcap") }.sorted().map { "captures/" + $0 }
    }

    /// The path of `name`: `corpus/…` inside shared, `captures/…` inside Tests/Fixtures; nil (a skip) when the
    /// shared corpus is absent, which is a failure under CI.
    static func path(_ name: String) throws -> String? {
        if name.hasPrefix("captures/") { return Fixture.url(name).path }
        guard let url = SharedCorpus.url(name) else {
            if SharedCorpus.isCI { Issue.record("shared corpus missing under CI: set TLSPRINT_SHARED") }
            print("skipping \(name): shared corpus not found (set TLSPRINT_SHARED)")
            return nil
        }
        return url.path
    }

    /// The frames of a capture, or nil when it is absent (see `path`).
    static func frames(_ name: String) throws -> [ReplayFrame]? {
        guard let path = try path(name) else { return nil }
        return try ReplayFrame.read(path)
    }

    /// A fixture's expected.json (Tests/Fixtures/captures/NAME.expected.json) as a dictionary.
    static func fixtureExpectation(_ name: String) throws -> [String: Any] {
        let url = Fixture.url("captures/" + name + ".expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    /// The first stream of a fixture's expected.json.
    static func firstStream(_ name: String) throws -> [String: Any] {
        let streams = try #require(try fixtureExpectation(name)["streams"] as? [[String: Any]])
        return try #require(streams.first)
    }
}

extension Event {
    /// The event without its timestamp: what must not change when a reordering moves which segment completes
    /// a message (and so which segment's capture time the event carries).
    var withoutTimestamp: Event {
        var copy = self
        copy.timestamp = .init(nanoseconds: 0)
        return copy
    }

    /// The type and fields as one readable line, for failure messages.
    var summary: String {
        type.rawValue + " " + fields.map { "\($0.name)=\(text($0.name) ?? "…")" }.joined(separator: " ")
    }
}
