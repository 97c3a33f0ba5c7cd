import TLSPrintCore
import TLSPrintEvent
import TLSPrintPacket
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// The global reassembly budget (issue #5): stalled handshakes from many flows cannot grow memory past it.
@Suite struct MemoryBudgetTests {
    /// A handshake record that announces a 60,000-byte ClientHello and then sends only `sent` bytes of it.
    static func stalledHello(sent: Int) -> [UInt8] {
        let messageLength = 60_000
        var bytes: [UInt8] = [0x16, 0x03, 0x01, 0x40, 0x00]  // record of 16,384 bytes
        bytes += [0x01, UInt8(messageLength >> 16), UInt8(messageLength >> 8 & 0xFF), UInt8(messageLength & 0xFF)]
        bytes += [0x03, 0x03] + [UInt8](repeating: 0x41, count: max(0, sent - 11))
        return bytes
    }

    /// `flows` clients, each with a SYN and one segment of a never-completing hello, through one sensor.
    static func run(flows: Int, budget: Int) -> (counters: SensorCounters, peak: Int) {
        let syn = PacketBuilder.tcp(
            sourcePort: 40_000,
            destinationPort: 443,
            sequence: 100,
            flags: PacketBuilder.Flags.syn
        )
        let data = PacketBuilder.tcp(
            sourcePort: 40_000,
            destinationPort: 443,
            sequence: 101,
            acknowledgment: 1,
            flags: PacketBuilder.Flags.ack | PacketBuilder.Flags.psh,
            stalledHello(sent: 8_000)
        )
        return run(flows: flows, budget: budget, packets: [(6, syn), (6, data)])
    }

    /// `flows` clients, each sending `packets` (IP protocol, transport segment) to one server, through one
    /// sensor with a memory budget of `budget` bytes; the peak of the bytes charged, seen after every packet.
    static func run(
        flows: Int,
        budget: Int,
        packets: [(ipProtocol: UInt8, segment: [UInt8])]
    ) -> (counters: SensorCounters, peak: Int) {
        var configuration = SensorConfiguration.withoutDeduplication
        configuration.memoryBudgetBytes = budget
        var sensor = Sensor(configuration: configuration)
        var events: [Event] = []
        var peak = 0
        for index in 0..<flows {
            let client = IPAddress.v4(0x0A00_0000 | UInt32(index))
            let time = CaptureTimestamp(seconds: 1_700_000_000, nanoseconds: Int64(index) * 1_000)
            for (ipProtocol, segment) in packets {
                let frame = PacketBuilder.ipFrame(
                    source: client,
                    destination: .v4(0xC0A8_0001),
                    protocol: ipProtocol,
                    ttl: 64,
                    segment
                )
                let info = CaptureInfo(
                    timestamp: time,
                    capturedLength: frame.count,
                    originalLength: frame.count,
                    linkType: .ethernet
                )
                sensor.process(info, frame: frame.span, into: &events)
                peak = max(peak, sensor.counters.bufferedBytes)
            }
        }
        #expect(events.isEmpty)
        return (sensor.snapshotCounters(), peak)
    }

    @Test func stalledHandshakesStayUnderTheBudget() {
        let budget = 1 << 20
        let (counters, peak) = Self.run(flows: 1_000, budget: budget)
        #expect(peak <= budget)
        #expect(counters.bufferedBytes <= budget)
        // 1,000 flows × ~8 KB held would be ~8 MB: most must have been released.
        #expect(counters.flowsReleasedForMemory > 800)
    }

    /// A DTLS 1.2 datagram holding the first 8,000 bytes of a 60,000-byte ClientHello (RFC 6347 §4.2.2).
    static func stalledDTLSHello() -> [UInt8] {
        let fragment = 8_000
        var handshake: [UInt8] = [0x01, 0x00, 0xEA, 0x60, 0x00, 0x00, 0x00, 0x00, 0x00]  // type, length, seq, offset
        handshake += [0x00, UInt8(fragment >> 8), UInt8(fragment & 0xFF)] + [UInt8](repeating: 0x41, count: fragment)
        let record: [UInt8] = [0x16, 0xFE, 0xFD, 0x00, 0x00, 0, 0, 0, 0, 0, 0]  // type, version, epoch, sequence
        return record + [UInt8(handshake.count >> 8), UInt8(handshake.count & 0xFF)] + handshake
    }

    /// OpenVPN over UDP without tls-auth: the client's hard reset, then a control packet with the stalled hello.
    static func stalledOpenVPNHello() -> [[UInt8]] {
        let session = [UInt8](repeating: 0x11, count: 8)
        let reset: [UInt8] = [7 << 3] + session + [0] + [0, 0, 0, 0]
        let control: [UInt8] = [4 << 3] + session + [0] + [0, 0, 0, 1] + stalledHello(sent: 8_000)
        return [reset, control]
    }

    /// `flows` UDP clients, each sending `datagrams`, through one sensor.
    static func runUDP(flows: Int, budget: Int, datagrams: [[UInt8]]) -> (counters: SensorCounters, peak: Int) {
        let packets = datagrams.map { (UInt8(17), PacketBuilder.udp(sourcePort: 40_000, destinationPort: 4_433, $0)) }
        return run(flows: flows, budget: budget, packets: packets)
    }

    @Test func stalledDTLSAndOpenVPNHandshakesStayUnderTheBudget() {
        let budget = 1 << 20
        for datagrams in [[Self.stalledDTLSHello()], Self.stalledOpenVPNHello()] {
            let (held, _) = Self.runUDP(flows: 50, budget: 64 << 20, datagrams: datagrams)
            #expect(held.bufferedBytes > 50 * 7_000)  // every partial hello is really held and charged
            let (counters, peak) = Self.runUDP(flows: 1_000, budget: budget, datagrams: datagrams)
            #expect(peak <= budget && counters.bufferedBytes <= budget)
            #expect(counters.flowsReleasedForMemory > 800)
        }
    }

    @Test func underTheBudgetNothingIsReleased() {
        let (counters, peak) = Self.run(flows: 50, budget: 64 << 20)
        #expect(counters.flowsReleasedForMemory == 0)
        #expect(peak > 50 * 7_000)  // every partial hello is really held
    }
}
