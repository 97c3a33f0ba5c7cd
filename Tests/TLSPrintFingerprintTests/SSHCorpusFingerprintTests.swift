import TLSPrintFingerprint
import TLSPrintSSH
import TLSPrintTestSupport
import Testing

/// HASSH, HASSH-server and JA4SSH of every SSH stream of the FoxIO captures against corpus/foxio/expected.json
/// (FoxIO's Rust snapshots): 10 HASSH, 10 HASSH-server, 23 JA4SSH windows on 12 streams.
@Suite struct SSHCorpusFingerprintTests {
    /// The stream's JA4SSH windows as the sensor would compute them: client = initiator, retransmitted data
    /// segments (same side, sequence number and length) not counted again.
    static func windows(_ stream: CapturedTCPStream) -> [String] {
        var window = JA4SSHWindow()
        var values: [String] = []
        for segment in stream.segmentsWithoutRepeats {
            if let value = window.add(
                from: segment.fromInitiator ? .client : .server,
                payloadLength: segment.payload.count,
                isBareACK: segment.isBareACK
            ) {
                values.append(value.rendered)
            }
        }
        if let rest = window.finish() { values.append(rest.rendered) }
        return values
    }

    @Test func agreesWithTheReference() throws {
        guard let streams = try SSHCorpus.streams() else {
            if SharedCorpus.isCI { Issue.record("shared/ corpus not found: set TLSPRINT_SHARED") }
            print("skipped: shared/ corpus not found (set TLSPRINT_SHARED)")
            return
        }
        var tally: [String: (agree: Int, compared: Int)] = [:]
        var rows: [String] = []
        func compare(_ name: String, _ expected: String?, _ ours: String?, _ corpus: SSHCorpusStream) {
            guard let expected else { return }
            tally[name, default: (0, 0)].compared += 1
            if expected == ours {
                tally[name, default: (0, 0)].agree += 1
            } else {
                rows.append("  \(corpus) \(name): expected \(expected), ours \(ours ?? "none")")
            }
        }
        for corpus in streams {
            var client = SSHStreamReader(role: .client)
            var server = SSHStreamReader(role: .server)
            _ = client.feed(corpus.stream.bytes(fromInitiator: true))
            _ = server.feed(corpus.stream.bytes(fromInitiator: false))
            compare("hassh", corpus.hassh, client.kexInit.map { HASSH(client: $0).hash }, corpus)
            compare("hassh_server", corpus.hasshServer, server.kexInit.map { HASSH(server: $0).hash }, corpus)
            let expected = SSHCorpus.ja4sshSpecOverrides[corpus.file] ?? corpus.ja4ssh
            let ours = Self.windows(corpus.stream)
            #expect(ours.count == expected.count, "\(corpus)")
            for (index, value) in expected.enumerated() {
                compare("ja4ssh", value, index < ours.count ? ours[index] : nil, corpus)
            }
        }
        let table = ["hassh", "hassh_server", "ja4ssh"].map { name in
            let cell = tally[name, default: (0, 0)]
            return "  \(name): \(cell.agree)/\(cell.compared)"
        }
        print("FoxIO SSH streams (\(streams.count)):\n" + table.joined(separator: "\n"))
        print(
            "  JA4SSH spec overrides (reference differs): "
                + SSHCorpus.ja4sshSpecOverrides.keys.sorted().joined(separator: ", ")
        )
        if !rows.isEmpty { print("mismatches:\n" + rows.joined(separator: "\n")) }
        #expect(rows.isEmpty)
        #expect(tally["hassh"]?.compared == 10)
        #expect(tally["hassh_server"]?.compared == 10)
        #expect(tally["ja4ssh"]?.compared == 23)
    }

    /// Without the overrides, the reference values themselves: 19 of 23 windows agree, and exactly the four
    /// listed above differ.
    @Test func differsFromTheReferenceOnlyWhereTheSpecDecides() throws {
        guard let streams = try SSHCorpus.streams() else { return }
        var differing: [String] = []
        var windows = 0
        for corpus in streams {
            let ours = Self.windows(corpus.stream)
            windows += corpus.ja4ssh.count
            if ours != corpus.ja4ssh { differing.append(corpus.file) }
        }
        #expect(windows == 23)
        #expect(differing.sorted() == SSHCorpus.ja4sshSpecOverrides.keys.sorted())
    }
}
