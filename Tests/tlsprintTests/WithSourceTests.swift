import Foundation
import TLSPrintTestSupport
import Testing

/// `read --with-source`: every traffic event names the capture file it came from. The oracle is the files
/// read one by one: an event of the joint run must be the event of its own file's run, with `pcap_file` added.
@Suite(.serialized) struct WithSourceTests {
    static func path(_ name: String) -> String { Fixture.url("captures/\(name).pcap").path }

    static func objects(_ result: TLSPrintBinary.Result) throws -> [[String: Any]] {
        try result.lines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// The line without its `pcap_file` key, for comparing with a run that did not ask for it.
    static func withoutSource(_ line: String) -> String {
        line.replacingOccurrences(of: #","pcap_file":"[^"]*""#, with: "", options: .regularExpression)
    }

    static let common = ["read", "--quiet", "--format", "json", "--node-name", "n1"]

    @Test func everyEventNamesItsFile() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let names = ["openssl-tls12", "ssh-openssh", "http-curl", "quic-h3", "dtls-12-cookie"]
        let files = names.map(Self.path)
        let together = try TLSPrintBinary.run(binary, Self.common + ["--with-source"] + files)
        #expect(together.status == 0, "\(together.stderr)")
        var fileOfLine: [String: String] = [:]
        var expected: [String] = []
        for file in files {
            let alone = try TLSPrintBinary.run(binary, Self.common + [file]).lines
            #expect(!alone.isEmpty, "\(file)")
            #expect(alone.allSatisfy { !$0.contains("pcap_file") })
            expected += alone
            for line in alone { fileOfLine[line] = file }
        }
        // The same events; an SSH stream's last window leaves at the end of all input, so order may differ.
        let stripped = together.lines.map(Self.withoutSource)
        #expect(stripped.sorted() == expected.sorted())
        let objects = try Self.objects(together)
        for (line, object) in zip(stripped, objects) {
            #expect(object["pcap_file"] as? String == fileOfLine[line], "\(object["event"] ?? "")")
        }
    }

    @Test func pcapFileComesLastBeforeTheChain() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let json = try TLSPrintBinary.run(binary, Self.common + ["--with-source", Self.path("cert-chain")])
        for line in json.lines {
            // JSONSerialization loses key order: look at the text.
            let keys = line.matches(of: /"([a-z0-9_]+)":/).map { String($0.output.1) }
            let topLevel = keys.prefix { $0 != "chain" }
            #expect(topLevel.last == "pcap_file", "\(line)")
        }
        let syslog = try TLSPrintBinary.run(
            binary,
            ["read", "--quiet", "--with-source", "--node-name", "n1", Self.path("cert-chain")]
        )
        #expect(!syslog.lines.isEmpty)
        let quoted = Self.path("cert-chain")
        #expect(syslog.lines.allSatisfy { $0.hasSuffix(" pcap_file=\"\(quoted)\"]") })
    }

    @Test func environmentTurnsItOn() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let result = try TLSPrintBinary.run(
            binary,
            Self.common + [Self.path("openssl-tls12")],
            environment: ["TLSPRINT_WITH_SOURCE": "1"]
        )
        #expect(result.status == 0)
        #expect(try Self.objects(result).allSatisfy { $0["pcap_file"] as? String == Self.path("openssl-tls12") })
    }

    /// A handshake cut between two files (as `tcpdump -C` rotates them) is one handshake: the ClientHello's
    /// event names the first file, the server's events the second.
    @Test func aHandshakeSplitAcrossFiles() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let capture = try PcapRecords(contentsOf: Fixture.url("captures/openssl-tls12.pcap"))
        // The first segment with TCP payload is the client's ClientHello (one segment in this capture).
        let helloIndex = try #require(capture.records.firstIndex { capture.tcpPayloadLength($0) > 0 })
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("with-source-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = scratch.appendingPathComponent("part-1.pcap").path
        let second = scratch.appendingPathComponent("part-2.pcap").path
        try capture.write(records: 0...helloIndex, to: first)
        try capture.write(records: (helloIndex + 1)..<capture.records.count, to: second)

        // The split is where it should be: the first part alone holds the hello and nothing of the server.
        let firstAlone = try Self.objects(TLSPrintBinary.run(binary, Self.common + [first]))
        #expect(firstAlone.map { $0["event"] as? String } == ["tls_client_hello"])

        let whole = try TLSPrintBinary.run(binary, Self.common + [Self.path("openssl-tls12")])
        let joined = try TLSPrintBinary.run(binary, Self.common + ["--with-source", first, second])
        #expect(joined.lines.map(Self.withoutSource) == whole.lines)
        let objects = try Self.objects(joined)
        #expect(objects.map { $0["event"] as? String } == ["tls_client_hello", "tls_session", "tls_certificate"])
        #expect(objects.map { $0["pcap_file"] as? String } == [first, second, second])
    }

    /// What a flow gives out when it leaves (an SSH stream's last JA4SSH window) names the file of its last
    /// packet, even when it leaves while a later file is read.
    @Test func heldEventsNameTheFlowsFile() throws {
        guard let binary = TLSPrintBinary.require() else { return }
        let ssh = Self.path("ssh-openssh")
        let tls = Self.path("openssl-tls12")
        let result = try TLSPrintBinary.run(binary, Self.common + ["--with-source", ssh, tls])
        let objects = try Self.objects(result)
        let sshEvents = objects.filter { ($0["event"] as? String)?.hasPrefix("ssh_") == true }
        #expect(sshEvents.contains { $0["event"] as? String == "ssh_activity" })
        #expect(sshEvents.allSatisfy { $0["pcap_file"] as? String == ssh })
        let tlsEvents = objects.filter { ($0["event"] as? String)?.hasPrefix("tls_") == true }
        #expect(!tlsEvents.isEmpty)
        #expect(tlsEvents.allSatisfy { $0["pcap_file"] as? String == tls })
    }
}

/// A classic little-endian pcap file cut into its records (for splitting a capture as a rotating tcpdump would).
struct PcapRecords {
    var header: Data
    var records: [Data]

    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        let bytes = [UInt8](data)
        try #require(bytes.count >= 24 && bytes[0] == 0xD4 && bytes[1] == 0xC3, "a little-endian classic pcap")
        header = data.prefix(24)
        var records: [Data] = []
        var offset = 24
        while offset + 16 <= bytes.count {
            let captured = Int(Self.le32(bytes, offset + 8))
            let end = offset + 16 + captured
            try #require(end <= bytes.count)
            records.append(Data(bytes[offset..<end]))
            offset = end
        }
        self.records = records
    }

    static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    /// TCP payload length of an Ethernet/IPv4 record; 0 for anything else.
    func tcpPayloadLength(_ record: Data) -> Int {
        let frame = [UInt8](record.dropFirst(16))
        guard frame.count >= 34, frame[12] == 0x08, frame[13] == 0x00, frame[23] == 6 else { return 0 }
        let ipHeader = Int(frame[14] & 0x0F) * 4
        let total = Int(frame[16]) << 8 | Int(frame[17])
        guard frame.count >= 14 + ipHeader + 13 else { return 0 }
        let tcpHeader = Int(frame[14 + ipHeader + 12] >> 4) * 4
        return max(0, total - ipHeader - tcpHeader)
    }

    func write<Indices: Sequence<Int>>(records indices: Indices, to path: String) throws {
        var out = header
        for index in indices { out.append(records[index]) }
        try out.write(to: URL(fileURLWithPath: path))
    }
}
