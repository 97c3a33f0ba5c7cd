import Foundation
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// Re-segmenting the TCP payload of real captures (1-byte segments, random cuts, reordering, retransmissions
/// and overlaps) must not change a single event, except `ssh_activity`: JA4SSH counts TCP segments, so its
/// windows change with the segmentation by definition (fingerprints.md §7).
@Suite struct SegmentationEquivalenceTests {
    static let captures = ReplayCaptures.shared + ReplayCaptures.fixtures
    static let seeds: [UInt64] = [1, 7, 2_026]

    @Test(arguments: captures)
    func everyModeGivesTheBlastEvents(capture: String) throws {
        guard let frames = try ReplayCaptures.frames(capture) else { return }
        let blast = ReplayHarness.run(frames).events
        #expect(!blast.isEmpty, "\(capture) gave no events")
        for mode in ReplayMode.variants(seeds: Self.seeds) {
            let replayed = ReplayHarness.run(ReplayHarness.resegment(frames, mode: mode)).events
            Self.expectSame(replayed, blast, mode: mode, capture: capture)
        }
    }

    @Test(arguments: captures)
    func sequenceWrapGivesTheBlastEvents(capture: String) throws {
        guard let frames = try ReplayCaptures.frames(capture) else { return }
        let blast = ReplayHarness.run(frames).events
        for bytesBeforeWrap: UInt32 in [1, 3, 517, 4_000] {
            let wrapped = ReplayHarness.wrappingSequences(frames, bytesBeforeWrap: bytesBeforeWrap)
            for mode in [ReplayMode.blast, .drip, .reordered(seed: UInt64(bytesBeforeWrap))] {
                let replayed = ReplayHarness.run(ReplayHarness.resegment(wrapped, mode: mode)).events
                Self.expectSame(replayed, blast, mode: mode, capture: "\(capture) wrapped after \(bytesBeforeWrap)")
            }
        }
    }

    /// Blast replay is the capture as `tlsprint read` sees it (PcapFileSource, not the harness's own reader).
    @Test(arguments: captures)
    func blastEqualsCaptureRunner(capture: String) throws {
        guard let path = try ReplayCaptures.path(capture) else { return }
        let viaSource = try CaptureRunner.run([path]).events
        #expect(try ReplayHarness.events(path, mode: .blast) == viaSource)
    }

    /// The FoxIO references' JA4 for every stream of a corpus capture, after the most hostile re-segmentation.
    @Test(arguments: ["badcurveball.pcap", "tls12.pcap", "latest.pcapng"])
    func dripReplayMatchesFoxIOExpectations(pcap: String) throws {
        guard let frames = try ReplayCaptures.frames("corpus/foxio/pcap/" + pcap) else { return }
        let expected = try #require(try SharedCorpus.json("corpus/foxio/expected.json") as? [String: Any])
        let files = try #require(expected["files"] as? [[String: Any]])
        let file = try #require(files.first { $0["pcap"] as? String == pcap })
        let streams = try #require(file["streams"] as? [[String: Any]])
        let events = ReplayHarness.run(ReplayHarness.resegment(frames, mode: .drip)).events
        for stream in streams where stream["transport"] as? String == "tcp" {
            guard let ja4 = stream["ja4"] as? String, let port = stream["src_port"] as? Int else { continue }
            let hello = events.first { $0.type == .tlsClientHello && $0.text("src_port") == String(port) }
            #expect(hello?.text("ja4") == ja4, "\(pcap) stream \(stream["stream"] ?? "?")")
            if let ja4s = stream["ja4s"] as? String {
                let session = events.first { $0.type == .tlsSession && $0.text("src_port") == String(port) }
                #expect(session?.text("ja4s") == ja4s, "\(pcap) stream \(stream["stream"] ?? "?")")
            }
        }
    }

    /// Exact equality, except that a reordering may hand the completing byte to a segment with another
    /// capture time, so there only type and fields must match.
    static func expectSame(_ replayed: [Event], _ blast: [Event], mode: ReplayMode, capture: String) {
        let ignoreTime: Bool
        if case .reordered = mode { ignoreTime = true } else { ignoreTime = false }
        let replayed = replayed.filter { $0.type != .sshActivity }
        let blast = blast.filter { $0.type != .sshActivity }
        let left = ignoreTime ? replayed.map(\.withoutTimestamp) : replayed
        let right = ignoreTime ? blast.map(\.withoutTimestamp) : blast
        guard left != right else { return }
        let firstDifference =
            zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(left.count, right.count)
        let got = firstDifference < left.count ? left[firstDifference].summary : "nothing"
        let wanted = firstDifference < right.count ? right[firstDifference].summary : "nothing"
        Issue.record(
            """
            \(capture) \(mode): \(left.count) events vs \(right.count) in blast; first difference at \(firstDifference):
              replayed: \(got)
              blast:    \(wanted)
            """
        )
    }
}
