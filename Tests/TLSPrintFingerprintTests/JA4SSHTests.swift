import TLSPrintFingerprint
import Testing

@Suite struct JA4SSHTests {
    /// Ties take the smaller length (fingerprints.md §7); the vectors are those of FoxIO's own unit test
    /// (`min_key_with_max_value`).
    @Test(arguments: [
        ([Int](repeating: 36, count: 20) + [Int](repeating: 128, count: 10) + [Int](repeating: 200, count: 15), 36),
        ([21, 16, 64, 144, 24, 48, 792], 16),
        ([23, 152, 48, 640, 464], 23),
        ([1460, 52, 1460, 52], 52),
        ([], 0),
    ])
    func modeTakesTheSmallerLengthOnATie(lengths: [Int], expected: Int) {
        #expect(JA4SSH.mode(lengths) == expected)
        #expect(JA4SSH.mode(lengths.reversed()) == expected)
    }

    @Test func rendersSixNumbersWithoutPadding() {
        let value = JA4SSH(
            clientPayloadLengths: [36, 36, 52],
            serverPayloadLengths: [],
            clientBareACKs: 74,
            serverBareACKs: 0
        )
        #expect(value.rendered == "c36s0_c3s0_c74s0")
        let large = JA4SSH(
            clientMode: 112,
            serverMode: 1460,
            clientPackets: 52,
            serverPackets: 148,
            clientBareACKs: 41,
            serverBareACKs: 4
        )
        #expect(large.rendered == "c112s1460_c52s148_c41s4")
    }

    @Test func closesAWindowEvery200SSHPackets() {
        var window = JA4SSHWindow()
        var closed: [String] = []
        for index in 0..<450 {
            let side: JA4SSHWindow.Side = index % 3 == 0 ? .server : .client
            _ = window.add(from: side, payloadLength: 0, isBareACK: index % 5 == 0)
            if let value = window.add(from: side, payloadLength: side == .client ? 36 : 52, isBareACK: false) {
                closed.append(value.rendered)
            }
        }
        #expect(window.closedWindows == 2)
        if let rest = window.finish() { closed.append(rest.rendered) }
        #expect(window.closedWindows == 3)
        // 200 packets: indices 0..<200, a third of them (67) from the server; bare ACKs on every fifth index.
        #expect(closed == ["c36s52_c133s67_c26s14", "c36s52_c133s67_c27s13", "c36s52_c34s16_c7s3"])
        #expect(window.finish() == nil)
    }

    @Test func ignoresSegmentsThatAreNeitherDataNorBareACKs() {
        var window = JA4SSHWindow()
        #expect(window.add(from: .client, payloadLength: 0, isBareACK: false) == nil)  // SYN, FIN, RST
        #expect(window.finish() == nil)
        _ = window.add(from: .server, payloadLength: 0, isBareACK: true)
        #expect(window.finish() == nil, "bare ACKs alone make no window")
        _ = window.add(from: .server, payloadLength: 21, isBareACK: false)
        #expect(window.finish()?.rendered == "c0s21_c0s1_c0s0", "the earlier ACK went with the empty window")
    }
}
