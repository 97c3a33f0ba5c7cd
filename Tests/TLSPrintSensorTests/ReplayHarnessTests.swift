import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintPacket
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// The harness itself: built frames decode as built, and each mode really changes the segmentation while
/// carrying the same bytes.
@Suite struct ReplayHarnessTests {
    @Test func builtFramesDecodeAsBuilt() throws {
        let tcp = PacketBuilder.tcp(
            sourcePort: 50_000,
            destinationPort: 443,
            sequence: 0xFFFF_FFFE,
            acknowledgment: 7,
            flags: PacketBuilder.Flags.syn,
            options: PacketBuilder.linuxSYNOptions,
            [1, 2, 3]
        )
        let frame = PacketBuilder.ipFrame(source: .v6(1, 2), destination: .v6(3, 4), protocol: 6, ttl: 9, tcp)
        let packet = try #require(try PacketDecoder.decode(frame.span, linkType: .ethernet))
        #expect(packet.source == .v6(1, 2))
        #expect(packet.hopLimit == 9)
        guard case .tcp(let header) = packet.transport else { throw Failure() }
        #expect(header.sequenceNumber == 0xFFFF_FFFE)
        #expect(header.options?.kinds == [2, 4, 8, 1, 3])
        #expect(header.options?.windowScale == 7)
        #expect(packet.payload.count == 3)
    }

    @Test func pcapBytesReadBack() throws {
        let frame = PacketBuilder.ipFrame(
            source: .v4(1),
            destination: .v4(2),
            protocol: 17,
            ttl: 64,
            PacketBuilder.udp(sourcePort: 1, destinationPort: 2, [9, 9])
        )
        let time = CaptureTimestamp(seconds: 1_700_000_000, nanoseconds: 123_456_000)
        let frames = try ReplayFrame.parse(PacketBuilder.pcap([(time, frame), (time.adding(microseconds: 1), frame)]))
        #expect(frames.map(\.bytes) == [frame, frame])
        #expect(frames.map(\.info.timestamp) == [time, time.adding(microseconds: 1)])
    }

    @Test(arguments: ReplayMode.variants(seeds: [5]))
    func modesCarryTheSameStreams(mode: ReplayMode) throws {
        let frames = try ReplayFrame.read(Fixture.url("captures/openssl-tls13.pcap").path)
        let replayed = ReplayHarness.resegment(frames, mode: mode)
        #expect(replayed.count > frames.count, "\(mode) did not cut anything")
        #expect(TCPConversation.extract(from: replayed) == TCPConversation.extract(from: frames))
        #expect(Set(replayed.map(\.info.timestamp)).isSubset(of: Set(frames.map(\.info.timestamp))))
    }

    @Test func reorderingChangesTheOrder() throws {
        let frames = try ReplayFrame.read(Fixture.url("captures/openssl-tls13.pcap").path)
        let reordered = ReplayHarness.resegment(frames, mode: .reordered(seed: 5))
        var sequences: [UInt32] = []
        for frame in reordered {
            guard let packet = try PacketDecoder.decode(frame.bytes.span, linkType: frame.info.linkType),
                case .tcp(let tcp) = packet.transport, !packet.payload.isEmpty, tcp.destinationPort == 4434
            else { continue }
            sequences.append(tcp.sequenceNumber)
        }
        #expect(sequences != sequences.sorted(), "client segments arrived in order")
    }

    @Test func wrappingPutsTheFirstDataByteBelowTwoToThe32() throws {
        let frames = try ReplayFrame.read(Fixture.url("captures/openssl-tls13.pcap").path)
        let wrapped = ReplayHarness.wrappingSequences(frames, bytesBeforeWrap: 10)
        let first = try #require(
            wrapped.lazy.compactMap { frame -> UInt32? in
                guard let packet = try? PacketDecoder.decode(frame.bytes.span, linkType: frame.info.linkType),
                    case .tcp(let tcp) = packet.transport, tcp.flags.contains(.syn), !tcp.flags.contains(.ack)
                else { return nil }
                return tcp.sequenceNumber
            }.first
        )
        #expect(first &+ 1 == 0 &- 10)
    }

    struct Failure: Error {}
}
