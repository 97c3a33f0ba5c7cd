import TLSPrintCore
import TLSPrintPcap
import TLSPrintTestSupport
import Testing

@Suite struct ClassicPcapTests {
    static let frameA: [UInt8] = Array(0..<60)
    static let frameB: [UInt8] = [0xDE, 0xAD, 0xBE, 0xEF]

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func parsesBothByteOrdersAndResolutions(bigEndian: Bool, nanoseconds: Bool) throws {
        let file = PcapBuilder.pcap(
            bigEndian: bigEndian,
            nanoseconds: nanoseconds,
            linkType: 101,
            records: [(1_700_000_000, 123_456, Self.frameA), (1_700_000_001, 999, Self.frameB)]
        )
        let result = drive(file)
        #expect(result.error == nil)
        #expect(!result.truncated)
        try #require(result.packets.count == 2)
        let scale: Int64 = nanoseconds ? 1 : 1_000
        #expect(result.packets[0].info.timestamp.nanoseconds == 1_700_000_000 * 1_000_000_000 + 123_456 * scale)
        #expect(result.packets[1].info.timestamp.nanoseconds == 1_700_000_001 * 1_000_000_000 + 999 * scale)
        #expect(result.packets[0].info.linkType == .raw)
        #expect(result.packets[0].bytes == Self.frameA)
        #expect(result.packets[1].bytes == Self.frameB)
        #expect(result.packets[1].info.originalLength == Self.frameB.count + 4)
    }

    @Test func capturedLengthAboveSnapLengthIsTolerated() {
        let file = PcapBuilder.pcap(
            bigEndian: false,
            nanoseconds: false,
            snapLength: 16,
            records: [(0, 0, Self.frameA)]
        )
        #expect(drive(file).packets.count == 1)
    }

    @Test func recordAboveCaptureCapIsRejected() {
        var file = PcapBuilder.pcap(bigEndian: true, nanoseconds: false, records: [])
        file += [0, 0, 0, 1, 0, 0, 0, 0, 0x00, 0x04, 0x00, 0x01, 0x00, 0x04, 0x00, 0x01]  // caplen 262,145
        #expect(drive(file).error == ParseError(.limitExceeded, at: 32))
    }

    @Test(arguments: [1, 3, 7, 64])
    func chunkedDeliveryGivesTheSamePackets(chunk: Int) {
        let file = PcapBuilder.pcap(
            bigEndian: false,
            nanoseconds: false,
            records: [(1, 2, Self.frameA), (3, 4, Self.frameB)]
        )
        #expect(drive(file, chunk: chunk).packets == drive(file).packets)
    }

    @Test func everyTruncationNeedsMoreBytes() {
        let file = PcapBuilder.pcap(bigEndian: true, nanoseconds: true, records: [(1, 2, Self.frameA)])
        for length in 0..<file.count {
            let result = drive(Array(file.prefix(length)))
            // 24 bytes is a complete file with no records.
            #expect(result.error == nil && result.truncated == (length != 24), "prefix \(length)")
            #expect(result.packets.isEmpty)
        }
    }
}

@Suite struct PcapNGTests {
    static let ethernetFrame: [UInt8] = Array(repeating: 0xEE, count: 42)
    static let ipFrame: [UInt8] = [0x45, 0, 0, 20, 1, 2, 3]
    static let simpleFrame: [UInt8] = [1, 2, 3, 4, 5]

    /// A big-endian section with two interfaces (Ethernet with ns timestamps; raw IP with 2^-10 s units), a
    /// Decryption Secrets Block and an unknown block, then a little-endian section with a Linux SLL2 interface.
    static var twoSections: [UInt8] {
        var file = PcapBuilder.sectionHeader(bigEndian: true)
        file += PcapBuilder.interface(bigEndian: true, linkType: 1, tsresol: 9)
        file += PcapBuilder.interface(bigEndian: true, linkType: 101, tsresol: 0x8A)
        file += PcapBuilder.enhancedPacket(
            bigEndian: true,
            interface: 0,
            timestamp: 1_700_000_000_123_456_789,
            data: ethernetFrame
        )
        file += PcapBuilder.block(0x0A, bigEndian: true, body: [0x4B, 0x53, 0x4C, 0x4B, 0, 0, 0, 4, 1, 2, 3, 4])
        file += PcapBuilder.enhancedPacket(
            bigEndian: true,
            interface: 1,
            timestamp: 1_700_000_000 * 1024 + 512,
            data: ipFrame
        )
        file += PcapBuilder.block(0x0BAD, bigEndian: true, body: [9, 9, 9])
        file += PcapBuilder.simplePacket(bigEndian: true, data: simpleFrame)
        file += PcapBuilder.sectionHeader(bigEndian: false)
        file += PcapBuilder.interface(bigEndian: false, linkType: 276)
        file += PcapBuilder.obsoletePacket(
            bigEndian: false,
            interface: 0,
            timestamp: 1_600_000_000_000_001,
            data: ethernetFrame
        )
        return file
    }

    @Test func parsesSectionsInterfacesAndBlockKinds() throws {
        let result = drive(Self.twoSections)
        #expect(result.error == nil)
        #expect(!result.truncated)
        try #require(result.packets.count == 4)
        let (first, second, third, fourth) = (
            result.packets[0], result.packets[1], result.packets[2], result.packets[3]
        )
        #expect(first.info.linkType == .ethernet)
        #expect(first.info.timestamp.nanoseconds == 1_700_000_000_123_456_789)
        #expect(first.bytes == Self.ethernetFrame)
        #expect(second.info.linkType == .raw)
        #expect(second.info.interfaceIndex == 1)
        #expect(second.info.timestamp.nanoseconds == 1_700_000_000_500_000_000)
        #expect(second.bytes == Self.ipFrame)
        #expect(third.bytes == Self.simpleFrame)
        #expect(third.info.linkType == .ethernet)
        #expect(fourth.info.linkType == .linuxSLL2)
        #expect(fourth.info.interfaceIndex == 0)
        #expect(fourth.info.timestamp.nanoseconds == 1_600_000_000_000_001_000)
        #expect(fourth.bytes == Self.ethernetFrame)
    }

    @Test(arguments: [1, 5, 13, 100])
    func chunkedDeliveryGivesTheSamePackets(chunk: Int) {
        #expect(drive(Self.twoSections, chunk: chunk).packets == drive(Self.twoSections).packets)
    }

    @Test func everyTruncationNeedsMoreBytes() {
        let file = Self.twoSections
        let complete = drive(file).packets
        for length in 0..<file.count {
            let result = drive(Array(file.prefix(length)))
            #expect(result.error == nil, "prefix \(length)")
            #expect(result.packets == Array(complete.prefix(result.packets.count)), "prefix \(length)")
            // A prefix ending exactly on a block boundary is a complete (shorter) file.
            if !result.truncated { #expect(length >= PcapBuilder.sectionHeader(bigEndian: true).count) }
        }
    }

    static let shb = PcapBuilder.sectionHeader(bigEndian: false)
    static let idb = PcapBuilder.interface(bigEndian: false, linkType: 1)

    /// Malformed variants: (name, bytes, expected reason).
    static let malformed: [(String, [UInt8], ParseError.Reason)] = [
        ("not a capture", [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 40), .invalidValue),
        (
            "bad byte-order magic",
            [0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 1, 2, 3, 4, 1, 0] + Array(repeating: 0, count: 14), .invalidValue
        ),
        (
            "section version 2",
            [0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 0x4D, 0x3C, 0x2B, 0x1A, 2, 0] + Array(repeating: 0, count: 14),
            .unsupported
        ),
        ("length not multiple of 4", shb + [1, 0, 0, 0, 22, 0, 0, 0] + Array(repeating: 0, count: 14), .invalidValue),
        ("length below minimum", shb + [6, 0, 0, 0, 12, 0, 0, 0, 12, 0, 0, 0], .invalidValue),
        ("absurd length", shb + [6, 0, 0, 0, 0xF0, 0xFF, 0xFF, 0xFF], .limitExceeded),
        ("absurd skipped length", shb + [0xAD, 0x0B, 0, 0, 0xF0, 0xFF, 0xFF, 0xFF], .limitExceeded),
        (
            "trailing length differs", shb + [1, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 24, 0, 0, 0],
            .invalidValue
        ),
        (
            "packet before interface",
            shb + PcapBuilder.enhancedPacket(bigEndian: false, interface: 0, timestamp: 0, data: [1]), .invalidValue
        ),
        (
            "unknown interface",
            shb + idb + PcapBuilder.enhancedPacket(bigEndian: false, interface: 3, timestamp: 0, data: [1]),
            .invalidValue
        ),
        (
            "captured past block",
            shb + idb + [6, 0, 0, 0, 36, 0, 0, 0] + Array(repeating: 0, count: 12) + [
                9, 0, 0, 0, 9, 0, 0, 0, 1, 2, 3, 4, 36, 0, 0, 0,
            ], .truncated
        ),
        (
            "captured above cap",
            shb + idb + [6, 0, 0, 0, 36, 0, 0, 0] + Array(repeating: 0, count: 12) + [
                1, 0, 4, 0, 1, 0, 4, 0, 1, 2, 3, 4, 36, 0, 0, 0,
            ], .limitExceeded
        ),
        ("tsresol 10^-20", shb + PcapBuilder.interface(bigEndian: false, linkType: 1, tsresol: 20), .invalidValue),
        ("pcap version 3", [0xD4, 0xC3, 0xB2, 0xA1, 3, 0, 4, 0] + Array(repeating: 0, count: 16), .unsupported),
    ]

    @Test(arguments: malformed)
    func malformedInputThrows(name: String, bytes: [UInt8], reason: ParseError.Reason) {
        #expect(drive(bytes).error?.reason == reason, "\(name)")
    }
}
