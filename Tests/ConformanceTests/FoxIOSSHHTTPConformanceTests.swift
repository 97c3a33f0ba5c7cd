import Foundation
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// The sensor's SSH and HTTP events on the FoxIO captures against the reference (corpus/foxio/expected.json):
/// JA4H of the 73 plain requests, JA4SSH (23 windows on 12 streams), HASSH and HASSH-server (10 each) and the
/// identification lines of `ssh_extras` (12 streams each) (its `encryption_algorithm` is the server's first offered cipher, not the
/// negotiated one, so it is not compared with `ssh_cipher`). Where the written spec decides against the reference
/// (four JA4SSH windows), ``SSHCorpus/ja4sshSpecOverrides`` says why.
@Suite struct FoxIOSSHHTTPConformanceTests {
    @Test func everySSHAndPlainHTTPStreamAgrees() throws {
        guard let root = SharedCorpus.root,
            let document = try SharedCorpus.json("corpus/foxio/expected.json") as? [String: Any],
            let files = document["files"] as? [[String: Any]]
        else {
            if SharedCorpus.isCI { Issue.record("shared/ corpus not found: set TLSPRINT_SHARED") }
            print("skipped: shared/ corpus not found (set TLSPRINT_SHARED)")
            return
        }
        var table = AgreementTable()
        var outOfReach: [String] = []
        for file in files {
            guard let name = file["pcap"] as? String, let streams = file["streams"] as? [[String: Any]] else {
                continue
            }
            let wanted = streams.filter { $0["http"] != nil || $0["ja4ssh"] != nil || $0["ssh_extras"] != nil }
            guard !wanted.isEmpty else { continue }
            if (file["has_decryption_secrets"] as? Bool) == true {
                let requests = wanted.map { ($0["http"] as? [Any])?.count ?? 0 }.reduce(0, +)
                outOfReach.append("\(name): \(requests) requests inside TLS decrypted with embedded keys")
                continue
            }
            let path = root.appendingPathComponent("corpus/foxio/pcap/\(name)").path
            let events = try CaptureRunner.run([path]).events
            for stream in wanted {
                let key = ConversationKey.make(
                    "\(stream["src"] ?? "")",
                    "\(stream["src_port"] ?? "")",
                    "\(stream["dst"] ?? "")",
                    "\(stream["dst_port"] ?? "")"
                )
                let location = "\(name) tcp.stream \(stream["stream"] ?? "?")"
                let ours = events.filter { $0.conversationKey == key }
                compareHTTP(ours, stream, location: location, into: &table)
                compareSSH(ours, stream, file: name, location: location, into: &table)
            }
        }
        print(table.rendered(title: "FoxIO SSH and plain HTTP, sensor events"))
        print("out of reach:\n  " + outOfReach.joined(separator: "\n  "))
        let expectedCounts = [
            "ja4h": 73, "ja4ssh": 23, "hassh": 10, "hassh_server": 10, "ssh_client": 12, "ssh_server": 12,
        ]
        for (fingerprint, count) in expectedCounts {
            let cell = table.cell(corpus: "foxio", fingerprint: fingerprint)
            #expect(cell.agree == cell.compared, "\(fingerprint): \(cell.mismatches)")
            #expect(cell.compared == count, "\(fingerprint): compared \(cell.compared), expected \(count)")
        }
    }

    /// Every request of the stream, in order; the client is the reference's `src`.
    private func compareHTTP(
        _ ours: [Event],
        _ stream: [String: Any],
        location: String,
        into table: inout AgreementTable
    ) {
        guard let http = stream["http"] as? [[String: Any]] else { return }
        let requests = ours.filter { $0.type == .httpRequest }
        for (index, entry) in http.enumerated() {
            guard let expected = entry["ja4h"] as? String else { continue }
            let event = index < requests.count ? requests[index] : nil
            table.compare(
                corpus: "foxio",
                fingerprint: "ja4h",
                expected: expected,
                ours: event?.text("ja4h"),
                where: "\(location) request \(index)"
            )
            #expect(event?.text("src_ip") == stream["src"] as? String, "\(location) request \(index): src")
        }
        #expect(requests.count == http.count, "\(location): \(requests.count) http_request events")
    }

    private func compareSSH(
        _ ours: [Event],
        _ stream: [String: Any],
        file: String,
        location: String,
        into table: inout AgreementTable
    ) {
        if let windows = stream["ja4ssh"] as? [String] {
            let expected = SSHCorpus.ja4sshSpecOverrides[file] ?? windows
            let activity = ours.filter { $0.type == .sshActivity }.compactMap { $0.text("ja4ssh") }
            for (index, value) in expected.enumerated() {
                table.compare(
                    corpus: "foxio",
                    fingerprint: "ja4ssh",
                    expected: value,
                    ours: index < activity.count ? activity[index] : nil,
                    where: "\(location) window \(index + 1)"
                )
            }
            #expect(activity.count == expected.count, "\(location): \(activity.count) ssh_activity events")
        }
        guard let extras = stream["ssh_extras"] as? [String: Any] else { return }
        let handshakes = ours.filter { $0.type == .sshHandshake }
        #expect(handshakes.count == 1, "\(location): \(handshakes.count) ssh_handshake events")
        let pairs = [
            ("hassh", "hassh"), ("hassh_server", "hassh_server"), ("ssh_protocol_client", "ssh_client"),
            ("ssh_protocol_server", "ssh_server"),
        ]
        for (reference, field) in pairs {
            guard let expected = extras[reference] as? String else { continue }
            table.compare(
                corpus: "foxio",
                fingerprint: field,
                expected: expected,
                ours: handshakes.first?.text(field),
                where: location
            )
        }
    }
}
