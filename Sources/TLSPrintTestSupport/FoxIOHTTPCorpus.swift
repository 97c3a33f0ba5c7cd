import Foundation

/// One TCP connection of the FoxIO corpus on which the reference saw plain HTTP requests.
package struct FoxIOHTTPStream: Sendable {
    /// The capture's file name under `corpus/foxio/pcap`.
    package var capture: String
    /// The reference's tshark `tcp.stream` index.
    package var stream: Int
    /// Both byte streams of the connection, reassembled from the capture.
    package var conversation: TCPConversation?
    /// The Rust reference's JA4H of each request, in order.
    package var ja4h: [String]
    /// FoxIO's Python `JA4H_ro` by `JA4H`, for this stream.
    package var pythonRawOriginal: [String: String]

    /// `capture tcp.stream N`, for messages.
    package var location: String { "\(capture) tcp.stream \(stream)" }
}

/// A request as FoxIO's Wireshark plugin reports it: `ja4h`, `ja4h_r` and `ja4h_ro`.
package struct FoxIOWiresharkJA4H: Hashable, Sendable {
    package var ja4h: String
    package var raw: String
    package var rawOriginalOrder: String
}

/// The HTTP requests of the FoxIO corpus (`corpus/foxio/expected.json`), read in place.
package enum FoxIOHTTPCorpus {
    /// The parsed `expected.json`, or nil when the corpus is absent.
    static func files() throws -> [[String: Any]]? {
        guard let document = try SharedCorpus.json("corpus/foxio/expected.json") as? [String: Any] else { return nil }
        return document["files"] as? [[String: Any]]
    }

    /// Every stream with plain HTTP requests, with its bytes; nil when the corpus is absent. Streams the
    /// reference read from TLS decrypted with keys embedded in the capture are left out (see
    /// `decryptedRequests`).
    package static func plainStreams() throws -> [FoxIOHTTPStream]? {
        guard let files = try files(), let root = Corpus.isPresent ? Corpus.root : nil else { return nil }
        var result: [FoxIOHTTPStream] = []
        for file in files where (file["has_decryption_secrets"] as? Bool) != true {
            guard let capture = file["pcap"] as? String, let streams = file["streams"] as? [[String: Any]] else {
                continue
            }
            let records = streams.filter { $0["http"] != nil }
            guard !records.isEmpty else { continue }
            let frames = try ReplayFrame.read(root.appendingPathComponent("foxio/pcap/\(capture)").path)
            let conversations = TCPConversation.extract(from: frames, limit: 1 << 24, requiringSYN: false)
            let python = (file["python_testdata"] as? [[String: Any]]) ?? []
            for record in records {
                let client = "\(record["src"] ?? "") \(record["src_port"] ?? "")"
                let server = "\(record["dst"] ?? "") \(record["dst_port"] ?? "")"
                let index = (record["stream"] as? Int) ?? -1
                var rawOriginal: [String: String] = [:]
                for entry in python where "\(entry["stream"] ?? "")" == "\(index)" {
                    if let ja4h = entry["JA4H"] as? String, let ro = entry["JA4H_ro"] as? String {
                        rawOriginal[ja4h] = ro
                    }
                }
                result.append(
                    FoxIOHTTPStream(
                        capture: capture,
                        stream: index,
                        conversation: conversations.first {
                            "\($0.client) \($0.clientPort)" == client && "\($0.server) \($0.serverPort)" == server
                        },
                        ja4h: ((record["http"] as? [[String: Any]]) ?? []).compactMap { $0["ja4h"] as? String },
                        pythonRawOriginal: rawOriginal
                    )
                )
            }
        }
        return result
    }

    /// `(capture, stream, requests)` the reference could read only by decrypting TLS with keys embedded in
    /// the capture: out of reach for a passive sensor.
    package static func decryptedRequests() throws -> [(capture: String, stream: Int, requests: Int)] {
        try (files() ?? []).filter { ($0["has_decryption_secrets"] as? Bool) == true }.flatMap { file in
            ((file["streams"] as? [[String: Any]]) ?? []).compactMap { record in
                guard let http = record["http"] as? [[String: Any]] else { return nil }
                return ((file["pcap"] as? String) ?? "?", (record["stream"] as? Int) ?? -1, http.count)
            }
        }
    }

    /// The Wireshark plugin's JA4H values for `capture` (HTTP over TCP and UDP alike), in frame order.
    package static func wireshark(_ capture: String) throws -> [FoxIOWiresharkJA4H] {
        let file = try (files() ?? []).first { $0["pcap"] as? String == capture }
        let frames = (file?["wireshark_testdata"] as? [[String: Any]]) ?? []
        return frames.flatMap { frame -> [FoxIOWiresharkJA4H] in
            let ja4h = (frame["ja4h"] as? [String]) ?? []
            let raw = (frame["ja4h_r"] as? [String]) ?? []
            let original = (frame["ja4h_ro"] as? [String]) ?? []
            return zip(ja4h, zip(raw, original)).map {
                FoxIOWiresharkJA4H(ja4h: $0.0, raw: $0.1.0, rawOriginalOrder: $0.1.1)
            }
        }
    }
}
