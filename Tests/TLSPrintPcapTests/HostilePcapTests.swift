import TLSPrintCore
import TLSPrintPcap
import TLSPrintTestSupport
import Testing

/// Hostile capture files (issue 5 §3): huge declared lengths give an error at once, never a request for
/// gigabytes of buffer.
@Suite("Hostile capture files")
struct HostilePcapTests {
    static let frame = [UInt8](repeating: 0xAB, count: 60)

    @Test(
        "pcapng blocks declaring a huge length throw or skip without buffering",
        arguments: [
            UInt32(0x0000_0006), 0x0000_0001, 0x0000_0003, 0x0000_0002, 0x0BAD_0BAD,
        ]
    )
    func hugePcapngBlock(_ type: UInt32) {
        for declared: UInt32 in [0xFFFF_FFFC, 0x8000_0000, 0x0100_0000 + 4, 0x0010_0004] {
            var writer = Writer(bigEndian: false)
            writer.u32(type)
            writer.u32(declared)
            writer.raw([UInt8](repeating: 0, count: 64))
            let input =
                PcapBuilder.sectionHeader(bigEndian: false)
                + PcapBuilder.interface(bigEndian: false, linkType: 1) + writer.bytes
            let result = drive(input)
            #expect(result.packets.isEmpty, "type \(type) length \(declared)")
            #expect(result.error != nil || result.truncated, "type \(type) length \(declared)")
            if let error = result.error { #expect([.limitExceeded, .invalidValue].contains(error.reason)) }
        }
    }

    @Test("a Section Header Block declaring 4 GiB throws")
    func hugeSectionHeader() {
        var writer = Writer(bigEndian: false)
        writer.u32(0x0A0D_0D0A)
        writer.u32(0xFFFF_FFFC)
        writer.u32(0x1A2B_3C4D)
        writer.raw([UInt8](repeating: 0, count: 32))
        let result = drive(writer.bytes)
        #expect(result.packets.isEmpty)
        #expect(result.error != nil)
    }

    @Test("snap length 0 and 2^31 still read ordinary records", arguments: [UInt32(0), 0x8000_0000, 0xFFFF_FFFF])
    func snapLengths(_ snapLength: UInt32) {
        let input = PcapBuilder.pcap(
            bigEndian: false,
            nanoseconds: false,
            snapLength: snapLength,
            records: [(1, 0, Self.frame), (2, 0, Self.frame)]
        )
        let result = drive(input)
        #expect(result.error == nil)
        #expect(result.packets.count == 2)
    }

    @Test(
        "a record declaring 2^31 captured bytes throws instead of asking for 2 GiB",
        arguments: [UInt32(0), 0x8000_0000]
    )
    func hugeRecord(_ snapLength: UInt32) {
        var input = PcapBuilder.pcap(bigEndian: false, nanoseconds: false, snapLength: snapLength, records: [])
        var record = Writer(bigEndian: false)
        record.u32(1)
        record.u32(0)
        record.u32(0x8000_0000)
        record.u32(0x8000_0000)
        input += record.bytes + Self.frame
        var parser = CaptureFileParser()
        _ = try? parser.next(in: input.span)
        let rest = Array(input[24...])
        #expect(throws: ParseError.self) { try parser.next(in: rest.span) }
    }
}
