import Foundation

/// The DTLS datagram fixtures in Tests/Fixtures/dtls (see SOURCES.md there) and the shared corpus.
enum DTLSFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("Tests/Fixtures/dtls")

    /// One captured UDP payload.
    struct Datagram: Sendable {
        var frame: Int
        var fromClient: Bool
        var payload: [UInt8]
    }

    /// The fixture names (without `.datagrams.hex`).
    static let names = [
        "zeek-dtls1_0", "zeek-dtls1_2", "zeek-dtls13-wolfssl", "zeek-webrtc-stun",
        "arkime-cloudshark-dtls1", "arkime-wireshark-dtls12",
    ]

    /// The datagrams of `NAME.datagrams.hex`: lines `FRAME c|s HEX`, `#` comments.
    static func datagrams(_ name: String) throws -> [Datagram] {
        let url = directory.appendingPathComponent("\(name).datagrams.hex")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: " ")
            guard parts.count == 3, let frame = Int(parts[0]) else { return nil }
            return Datagram(frame: frame, fromClient: parts[1] == "c", payload: bytes(hex: parts[2]))
        }
    }

    /// Every datagram of every fixture.
    static func allDatagrams() throws -> [Datagram] {
        try names.flatMap { try datagrams($0) }
    }

    static func bytes(hex: Substring) -> [UInt8] {
        let digits = Array(hex.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index + 1 < digits.count {
            out.append(nibble(digits[index]) << 4 | nibble(digits[index + 1]))
            index += 2
        }
        return out
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: 0
        }
    }

    /// `shared/` from `$TLSPRINT_SHARED` or beside the package root; nil when absent.
    static var sharedRoot: URL? {
        let environment = ProcessInfo.processInfo.environment
        let candidate: URL
        if let path = environment["TLSPRINT_SHARED"], !path.isEmpty {
            candidate = URL(fileURLWithPath: path, relativeTo: packageRoot).standardizedFileURL
        } else {
            candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        }
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    /// True under CI, where a missing corpus fails instead of skipping.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The first stream of `pcap` in `shared/corpus/CORPUS/expected.json`.
    static func expectedStream(corpus: String, pcap: String) throws -> [String: Any]? {
        guard let root = sharedRoot else { return nil }
        let url = root.appendingPathComponent("corpus/\(corpus)/expected.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let files = json?["files"] as? [[String: Any]] ?? []
        let file = files.first { $0["pcap"] as? String == pcap }
        return (file?["streams"] as? [[String: Any]])?.first
    }
}
