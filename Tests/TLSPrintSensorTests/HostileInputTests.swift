import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// Hostile TCP input through the whole sensor (issue 5 §3), from Ethernet/IPv4/TCP frames built by hand.
@Suite("Hostile input through the sensor")
struct HostileInputTests {
    /// The first TLS record of the client stream of Tests/Fixtures/hellos/tls12.hex (a 517-byte ClientHello).
    static let clientRecord: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/hellos/tls12.hex").standardized
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var stream: [UInt8] = []
        for line in text.split(separator: "\n") where line.hasPrefix("C ") {
            var index = line.index(line.startIndex, offsetBy: 2)
            while let next = line.index(index, offsetBy: 2, limitedBy: line.endIndex), index != line.endIndex {
                if let byte = UInt8(line[index..<next], radix: 16) { stream.append(byte) }
                index = next
            }
        }
        guard stream.count >= 5 else { return [] }
        return Array(stream.prefix(5 + (Int(stream[3]) << 8 | Int(stream[4]))))
    }()

    struct Segment {
        var fromClient: Bool
        var sequence: UInt32
        var flags: UInt8
        var payload: ArraySlice<UInt8> = []
    }

    /// One Ethernet/IPv4/TCP frame between 10.0.0.1:40000 (client) and 10.0.0.2:443.
    static func frame(_ segment: Segment) -> [UInt8] {
        let client: [UInt8] = [10, 0, 0, 1]
        let server: [UInt8] = [10, 0, 0, 2]
        let (source, destination) = segment.fromClient ? (client, server) : (server, client)
        let (sourcePort, destinationPort): (UInt16, UInt16) = segment.fromClient ? (40_000, 443) : (443, 40_000)
        let totalLength = 40 + segment.payload.count
        var ip: [UInt8] = [0x45, 0, UInt8(totalLength >> 8), UInt8(totalLength & 0xFF), 0, 1, 0x40, 0, 64, 6, 0, 0]
        ip += source + destination
        var sum = 0
        for index in stride(from: 0, to: 20, by: 2) { sum += Int(ip[index]) << 8 | Int(ip[index + 1]) }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        ip[10] = UInt8((~sum >> 8) & 0xFF)
        ip[11] = UInt8(~sum & 0xFF)
        let sequence = segment.sequence
        var tcp: [UInt8] = [UInt8(sourcePort >> 8), UInt8(sourcePort & 0xFF), UInt8(destinationPort >> 8)]
        tcp += [UInt8(destinationPort & 0xFF)]
        tcp += [
            UInt8(sequence >> 24), UInt8(sequence >> 16 & 0xFF), UInt8(sequence >> 8 & 0xFF), UInt8(sequence & 0xFF),
        ]
        tcp += [0, 0, 0, 0, 0x50, segment.flags, 0xFF, 0xFF, 0, 0, 0, 0]
        let ethernet: [UInt8] = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00]
        return ethernet + ip + tcp + Array(segment.payload)
    }

    /// Runs `segments` through one sensor (1 ms apart) and returns its events and counters.
    static func run(_ segments: [Segment]) -> (events: [Event], counters: SensorCounters, flows: Int) {
        var sensor = Sensor(configuration: .withoutDeduplication)
        var events: [Event] = []
        var time: Int64 = 1_700_000_000_000_000_000
        for segment in segments {
            time += 1_000_000
            let bytes = frame(segment)
            let info = CaptureInfo(
                timestamp: CaptureTimestamp(nanoseconds: time),
                capturedLength: bytes.count,
                originalLength: bytes.count,
                linkType: .ethernet
            )
            sensor.process(info, frame: bytes.span, into: &events)
        }
        let flows = sensor.activeFlows
        sensor.finish(into: &events)
        return (events, sensor.snapshotCounters(), flows)
    }

    /// SYN and SYN-ACK opening a connection whose client data starts at `isn &+ 1`.
    static func handshake(isn: UInt32) -> [Segment] {
        [Segment(fromClient: true, sequence: isn, flags: 0x02), Segment(fromClient: false, sequence: 7, flags: 0x12)]
    }

    static func clientHellos(_ events: [Event]) -> [Event] { events.filter { $0.type == .tlsClientHello } }

    /// 100,000 overlapping retransmissions of everything but the last 10 bytes of the hello record, then the rest.
    static func overlapping(scrambled: Bool) -> [Segment] {
        let record = clientRecord
        let isn: UInt32 = 1_000
        var segments = handshake(isn: isn)
        segments.reserveCapacity(100_003)
        let span = record.count - 10
        for index in 0..<100_000 {
            // In order: starts never pass the delivered prefix. Scrambled: starts jump ahead, forcing hold-back.
            let start = scrambled ? (index &* 7_919) % span : index * span / 100_000
            let end = min(span, start + 1 + index % 300)
            segments.append(
                Segment(
                    fromClient: true,
                    sequence: isn &+ 1 &+ UInt32(start),
                    flags: 0x18,
                    payload: record[start..<end]
                )
            )
        }
        segments.append(
            Segment(fromClient: true, sequence: isn &+ 1 &+ UInt32(span), flags: 0x18, payload: record[span...])
        )
        return segments
    }

    @Test("100,000 overlapping in-order segments on one flow give exactly one ClientHello")
    func overlappingSegments() throws {
        try #require(Self.clientRecord.count > 100)
        let result = Self.run(Self.overlapping(scrambled: false))
        #expect(Self.clientHellos(result.events).count == 1, "\(result.counters)")
        #expect(result.counters.packets == 100_003)
        #expect(result.counters.flowsCreated == 1)
        #expect(result.flows <= 1)
    }

    @Test("100,000 overlapping out-of-order segments: a ClientHello or a counted abandoned gap, bounded state")
    func scrambledOverlappingSegments() throws {
        try #require(Self.clientRecord.count > 100)
        let result = Self.run(Self.overlapping(scrambled: true))
        let hellos = Self.clientHellos(result.events).count
        #expect(hellos <= 1)
        #expect(hellos == 1 || result.counters.streamGapsAbandoned == 1, "\(result.counters)")
        #expect(result.counters.flowsCreated == 1)
        #expect(result.flows <= 1)
    }

    @Test(
        "a ClientHello across the 2^32 sequence wrap fingerprints as one that does not wrap",
        arguments: [
            UInt32(0xFFFF_FF00), 0xFFFF_FFFF, 0xFFFF_FFFE, 0x7FFF_FFFF,
        ]
    )
    func sequenceWrap(_ isn: UInt32) throws {
        let record = Self.clientRecord
        try #require(record.count > 100)
        func segments(isn: UInt32) -> [Segment] {
            var list = Self.handshake(isn: isn)
            for start in stride(from: 0, to: record.count, by: 100) {
                let end = min(record.count, start + 100)
                list.append(
                    Segment(
                        fromClient: true,
                        sequence: isn &+ 1 &+ UInt32(start),
                        flags: 0x18,
                        payload: record[start..<end]
                    )
                )
            }
            return list
        }
        let reference = Self.clientHellos(Self.run(segments(isn: 1_000)).events)
        let wrapped = Self.clientHellos(Self.run(segments(isn: isn)).events)
        try #require(reference.count == 1)
        #expect(wrapped.count == 1)
        #expect(wrapped.first?.text("ja4") == reference.first?.text("ja4"))
        #expect(wrapped.first?.text("ja3") == reference.first?.text("ja3"))
    }

    @Test("a handshake record declaring a 16 MiB message is abandoned and counted")
    func hugeHandshakeThroughSensor() {
        var segments = Self.handshake(isn: 5)
        let header: [UInt8] = [0x16, 0x03, 0x01, 0x40, 0x00, 0x01, 0xFF, 0xFF, 0xFF]
        let payload = header + [UInt8](repeating: 0x41, count: 1_000)
        for chunk in stride(from: 0, to: payload.count, by: 200) {
            let end = min(payload.count, chunk + 200)
            segments.append(
                Segment(fromClient: true, sequence: 6 &+ UInt32(chunk), flags: 0x18, payload: payload[chunk..<end])
            )
        }
        let result = Self.run(segments)
        #expect(Self.clientHellos(result.events).isEmpty)
        #expect(result.counters.parseErrorTotal >= 1)
    }
}
