import Foundation

/// One SSH stream of the FoxIO reference corpus: what `expected.json` says about it and its captured
/// conversation.
package struct SSHCorpusStream: Sendable, CustomStringConvertible {
    /// The capture's file name under `corpus/foxio/pcap`.
    package var file: String
    /// tshark's `tcp.stream` index.
    package var streamIndex: Int
    /// The expected JA4SSH values, one per window.
    package var ja4ssh: [String]
    /// `ssh_extras.hassh`, when not null.
    package var hassh: String?
    /// `ssh_extras.hassh_server`, when not null.
    package var hasshServer: String?
    /// `ssh_extras.ssh_protocol_client`.
    package var clientIdentification: String?
    /// `ssh_extras.ssh_protocol_server`.
    package var serverIdentification: String?
    /// The conversation, read from the capture.
    package var stream: CapturedTCPStream

    package var description: String { "\(file) tcp.stream \(streamIndex)" }
}

/// The SSH streams of `corpus/foxio` (every record with `ja4ssh` or `ssh_extras`).
package enum SSHCorpus {
    /// Where the written spec decides against the reference (fingerprints.md §7 and events.md: an SSH packet is
    /// every TCP segment with payload on the stream). FoxIO's Rust tool counts only the frames in which tshark's
    /// SSH dissector ran; tshark misreads encrypted bytes as a packet length and holds the next segments for a
    /// reassembly that never completes, so those segments count neither as SSH packets nor as bare ACKs:
    /// - ssh2-malformed.pcap and ssh2-moloch-crash.pcap (the same connection), frame 21: 80 server bytes after
    ///   frame 19 (tshark: "TCP segment of a reassembled PDU", no ssh layer), so the reference has s5, not s6;
    /// - sshv1.pcap and v6.pcap (the same SSH-1 connection), frames 68 (28 bytes) and 70 (20 bytes) from the
    ///   server: the reference has s23 and a server mode of 12; with them, 25 packets and mode 20 (7 of 20,
    ///   6 of 12).
    package static let ja4sshSpecOverrides: [String: [String]] = [
        "ssh2-malformed.pcap": ["c16s23_c7s6_c3s4"],
        "ssh2-moloch-crash.pcap": ["c16s23_c7s6_c3s4"],
        "sshv1.pcap": ["c20s20_c18s25_c11s2"],
        "v6.pcap": ["c20s20_c18s25_c11s2"],
    ]

    /// Every SSH stream of the corpus, or nil when the shared corpus is absent.
    /// - Throws: when a listed capture cannot be read or a listed stream is not in it.
    package static func streams() throws -> [SSHCorpusStream]? {
        guard let root = SharedCorpus.root,
            let document = try SharedCorpus.json("corpus/foxio/expected.json") as? [String: Any],
            let files = document["files"] as? [[String: Any]]
        else { return nil }
        var found: [SSHCorpusStream] = []
        for file in files {
            guard let name = file["pcap"] as? String, let records = file["streams"] as? [[String: Any]] else {
                continue
            }
            let ssh = records.filter { $0["ja4ssh"] != nil || $0["ssh_extras"] != nil }
            guard !ssh.isEmpty else { continue }
            let frames = try ReplayFrame.read(root.appendingPathComponent("corpus/foxio/pcap/\(name)").path)
            let conversations = CapturedTCPStream.all(in: frames)
            for record in ssh {
                let extras = record["ssh_extras"] as? [String: Any] ?? [:]
                guard
                    let conversation = conversations.first(where: {
                        $0.matches(
                            source: record["src"] as? String ?? "",
                            sourcePort: record["src_port"] as? Int ?? -1,
                            destination: record["dst"] as? String ?? "",
                            destinationPort: record["dst_port"] as? Int ?? -1
                        )
                    })
                else { throw SSHCorpusError.streamNotFound(file: name, stream: record["stream"] as? Int ?? -1) }
                found.append(
                    SSHCorpusStream(
                        file: name,
                        streamIndex: record["stream"] as? Int ?? -1,
                        ja4ssh: record["ja4ssh"] as? [String] ?? [],
                        hassh: extras["hassh"] as? String,
                        hasshServer: extras["hassh_server"] as? String,
                        clientIdentification: extras["ssh_protocol_client"] as? String,
                        serverIdentification: extras["ssh_protocol_server"] as? String,
                        stream: conversation
                    )
                )
            }
        }
        return found
    }
}

/// Why the SSH corpus could not be read.
package enum SSHCorpusError: Error, Hashable, Sendable {
    /// `expected.json` lists a stream whose endpoints are not in the capture.
    case streamNotFound(file: String, stream: Int)
}
