import Foundation
import TLSPrintCore
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTestSupport
import Testing

/// Fragments of a real datagram: the RFC 9001 Appendix A.2 client Initial (1,200 bytes) in UDP to port 443.
/// Each fragment is a raw IP frame built from the RFC 791 / RFC 8200 §4.5 layouts and decoded by
/// `PacketDecoder`, so the reassembler sees exactly what the sensor gives it.
enum FragmentedDatagram {
    /// UDP header (49152 → 443, length 8 + 1200) + the RFC 9001 protected client Initial.
    static let datagram: [UInt8] = {
        let text =
            (try? String(contentsOf: Fixture.url("quic/rfc9001-client-initial-protected.hex"), encoding: .utf8)) ?? ""
        let hex = Array(text.unicodeScalars.filter(\.properties.isASCIIHexDigit).map(Character.init))
        var payload: [UInt8] = []
        var index = 0
        while index + 1 < hex.count {
            payload.append(UInt8(String(hex[index...index + 1]), radix: 16) ?? 0)
            index += 2
        }
        let length = 8 + payload.count
        return [0xC0, 0x00, 0x01, 0xBB, UInt8(length >> 8), UInt8(length & 0xFF), 0, 0] + payload
    }()

    /// An IPv4 fragment (192.0.2.1 → 198.51.100.2, UDP, id 0x4242) of `datagram[offset..<offset+count]`.
    static func ipv4(offset: Int, count: Int, more: Bool, identification: UInt16 = 0x4242, data: [UInt8]? = nil)
        -> [UInt8]
    {
        let body = data ?? Array(datagram[offset..<min(offset + count, datagram.count)])
        let total = 20 + body.count
        let flagsAndOffset = UInt16(offset / 8) | (more ? 0x2000 : 0)
        return [
            0x45, 0, UInt8(total >> 8), UInt8(total & 0xFF), UInt8(identification >> 8), UInt8(identification & 0xFF),
            UInt8(flagsAndOffset >> 8), UInt8(flagsAndOffset & 0xFF), 64, 17, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2,
        ] + body
    }

    /// An IPv6 fragment (2001:db8::1 → 2001:db8::2, Fragment header, id 0x01020304) of the datagram.
    static func ipv6(offset: Int, count: Int, more: Bool) -> [UInt8] {
        let body = Array(datagram[offset..<min(offset + count, datagram.count)])
        let payloadLength = 8 + body.count
        let offsetAndFlags = UInt16(offset / 8) << 3 | (more ? 1 : 0)
        let header: [UInt8] = [
            0x60, 0, 0, 0, UInt8(payloadLength >> 8), UInt8(payloadLength & 0xFF), 44, 64,
            0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
        ]
        let fragmentHeader: [UInt8] = [17, 0, UInt8(offsetAndFlags >> 8), UInt8(offsetAndFlags & 0xFF), 1, 2, 3, 4]
        return header + fragmentHeader + body
    }

    /// Splits the datagram into `pieces` IPv4 fragments of 8-byte-aligned sizes, in order.
    static func ipv4Pieces(_ pieces: Int) -> [[UInt8]] {
        let size = (datagram.count / pieces + 7) / 8 * 8
        return stride(from: 0, to: datagram.count, by: size).map { offset in
            ipv4(offset: offset, count: size, more: offset + size < datagram.count)
        }
    }
}

@Suite struct IPFragmentReassemblerTests {
    static let start = CaptureTimestamp(seconds: 1_700_000_000, nanoseconds: 0)

    /// Decodes `frame` and hands its fragment to the reassembler.
    func insert(
        _ frame: [UInt8],
        into reassembler: inout IPFragmentReassembler,
        at time: CaptureTimestamp = start,
        linkType: LinkType = .ipv4
    ) throws -> [UInt8]? {
        let decoded = try PacketDecoder.decode(frame.span, linkType: linkType)
        let packet = try #require(decoded)
        let fragment = try #require(packet.fragment)
        return reassembler.insert(fragment, frame: frame.span, at: time)
    }

    @Test func datagramFixtureIsTheRFCInitial() {
        #expect(FragmentedDatagram.datagram.count == 1_208)
        #expect(FragmentedDatagram.datagram[8] == 0xC0)  // long header, Initial
    }

    @Test(arguments: [2, 3, 7, 40])
    func inOrderFragmentsReassemble(pieces: Int) throws {
        var reassembler = IPFragmentReassembler()
        let frames = FragmentedDatagram.ipv4Pieces(pieces)
        var result: [UInt8]?
        for (index, frame) in frames.enumerated() {
            result = try insert(frame, into: &reassembler)
            if index < frames.count - 1 { #expect(result == nil) }
        }
        #expect(result == FragmentedDatagram.datagram)
        #expect(reassembler.counters.reassembled == 1)
        #expect(reassembler.pendingCount == 0)
    }

    @Test func reversedAndShuffledOrdersReassemble() throws {
        let frames = FragmentedDatagram.ipv4Pieces(6)
        var generator = SeededGenerator(seed: 7)
        for order in [Array(frames.indices.reversed()), Array(frames.indices).shuffled(using: &generator)] {
            var reassembler = IPFragmentReassembler()
            var results: [[UInt8]] = []
            for index in order {
                if let datagram = try insert(frames[index], into: &reassembler) { results.append(datagram) }
            }
            #expect(results == [FragmentedDatagram.datagram])
        }
    }

    @Test func overlappingBytesKeepTheFirstCopy() throws {
        var reassembler = IPFragmentReassembler()
        let datagram = FragmentedDatagram.datagram
        _ = try insert(FragmentedDatagram.ipv4(offset: 0, count: 512, more: true), into: &reassembler)
        // Overlaps bytes 256..<512 with different data, then fills the rest.
        let forged = Array(repeating: UInt8(0xEE), count: 256) + Array(datagram[512..<768])
        _ = try insert(FragmentedDatagram.ipv4(offset: 256, count: 512, more: true, data: forged), into: &reassembler)
        let result = try insert(
            FragmentedDatagram.ipv4(offset: 768, count: datagram.count, more: false),
            into: &reassembler
        )
        #expect(result == datagram)
        #expect(reassembler.counters.overlaps == 1)
    }

    @Test func duplicateFragmentsAreHarmless() throws {
        var reassembler = IPFragmentReassembler()
        let frames = FragmentedDatagram.ipv4Pieces(3)
        #expect(try insert(frames[0], into: &reassembler) == nil)
        #expect(try insert(frames[0], into: &reassembler) == nil)
        #expect(try insert(frames[1], into: &reassembler) == nil)
        #expect(try insert(frames[2], into: &reassembler) == FragmentedDatagram.datagram)
        #expect(reassembler.counters.overlaps == 1)
    }

    @Test func tooManyFragmentsDropTheDatagram() throws {
        var configuration = IPFragmentReassembler.Configuration()
        configuration.maximumFragments = 4
        var reassembler = IPFragmentReassembler(configuration: configuration)
        for frame in FragmentedDatagram.ipv4Pieces(10) {
            #expect(try insert(frame, into: &reassembler) == nil)
        }
        #expect(reassembler.counters.oversized >= 1)
        #expect(reassembler.counters.reassembled == 0)
    }

    @Test func fragmentsOlderThanTheTimeoutExpire() throws {
        var reassembler = IPFragmentReassembler()  // 30 s of packet time
        let frames = FragmentedDatagram.ipv4Pieces(2)
        #expect(try insert(frames[0], into: &reassembler) == nil)
        let late = Self.start.adding(seconds: 31)
        #expect(try insert(frames[1], into: &reassembler, at: late) == nil)
        #expect(reassembler.counters.expired == 1)
        #expect(reassembler.pendingCount == 1)  // the late tail waits alone
        reassembler.expire(before: late.adding(seconds: 31))
        #expect(reassembler.pendingCount == 0)
        #expect(reassembler.counters.expired == 2)
    }

    @Test func fragmentPastSixtyFourKibibytesIsDropped() throws {
        var reassembler = IPFragmentReassembler()
        _ = try insert(FragmentedDatagram.ipv4(offset: 0, count: 64, more: true), into: &reassembler)
        let beyond = FragmentedDatagram.ipv4(
            offset: 65_528,
            count: 0,
            more: false,
            data: Array(repeating: 1, count: 16)
        )
        #expect(try insert(beyond, into: &reassembler) == nil)
        #expect(reassembler.counters.oversized == 1)
        #expect(reassembler.pendingCount == 0)
    }

    @Test func capacityEvictsTheOldestDatagram() throws {
        var configuration = IPFragmentReassembler.Configuration()
        configuration.maximumDatagrams = 2
        var reassembler = IPFragmentReassembler(configuration: configuration)
        for identification: UInt16 in [1, 2, 3] {
            _ = try insert(
                FragmentedDatagram.ipv4(offset: 0, count: 64, more: true, identification: identification),
                into: &reassembler
            )
        }
        #expect(reassembler.counters.evictedForCapacity == 1)
        #expect(reassembler.pendingCount == 2)
    }

    @Test func ipv6FragmentsOutOfOrderReassemble() throws {
        var reassembler = IPFragmentReassembler()
        let datagram = FragmentedDatagram.datagram
        let frames = [
            FragmentedDatagram.ipv6(offset: 1_000, count: datagram.count, more: false),
            FragmentedDatagram.ipv6(offset: 0, count: 504, more: true),
            FragmentedDatagram.ipv6(offset: 504, count: 496, more: true),
        ]
        var results: [[UInt8]] = []
        for frame in frames {
            if let result = try insert(frame, into: &reassembler, linkType: .ipv6) { results.append(result) }
        }
        #expect(results == [datagram])
        let head = frames[1]
        let packet = try PacketDecoder.decode(head.span, linkType: .ipv6)
        #expect(packet?.fragment?.identification == 0x0102_0304)
    }
}
