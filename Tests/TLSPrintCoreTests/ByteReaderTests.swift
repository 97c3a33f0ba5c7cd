import TLSPrintCore
import Testing

private struct Pair: WireParseable, Equatable {
    var first: UInt16
    var second: [UInt8]
    init(parsing reader: inout ByteReader) throws(ParseError) {
        first = try reader.readUInt16()
        var vector = try reader.readVector8()
        second = vector.readRemainingBytes()
    }
}

@Suite struct ByteReaderTests {
    static let sample: [UInt8] = [0x12, 0x34, 0x03, 0xAA, 0xBB, 0xCC]

    @Test func readsBigEndianFieldsAndVectors() throws {
        let pair = try Pair(parsingAll: Self.sample)
        #expect(pair.first == 0x1234)
        #expect(pair.second == [0xAA, 0xBB, 0xCC])
    }

    @Test(arguments: 0..<sample.count)
    func everyTruncationIsRejected(length: Int) {
        #expect(throws: ParseError.self) { try Pair(parsingAll: Array(Self.sample.prefix(length))) }
    }

    @Test func trailingBytesAreRejected() {
        #expect(throws: ParseError(.trailingBytes, at: 6)) { try Pair(parsingAll: Self.sample + [0]) }
    }

    @Test func subReaderOffsetsPointIntoTheOuterBuffer() throws {
        let bytes: [UInt8] = [0, 0, 1, 9]
        var reader = ByteReader(bytes.span)
        try reader.skip(2)
        var vector = try reader.readVector8()
        _ = try vector.readUInt8()
        #expect(throws: ParseError(.truncated, at: 4)) { try vector.readUInt8() }
    }

    static let varints: [([UInt8], UInt64)] = [
        ([0x25], 37),
        ([0x7B, 0xBD], 15_293),
        ([0x9D, 0x7F, 0x3E, 0x7D], 494_878_333),
        ([0xC2, 0x19, 0x7C, 0x5E, 0xFF, 0x14, 0xE8, 0x8C], 151_288_809_941_952_652),
    ]

    @Test(arguments: varints)
    func quicVarintsFromRFC9000AppendixA(bytes: [UInt8], value: UInt64) throws {
        var reader = ByteReader(bytes.span)
        let decoded = try reader.readQUICVarint()
        let atEnd = reader.isAtEnd
        #expect(decoded == value)
        #expect(atEnd)
    }

    @Test func littleEndianReads() throws {
        let bytes: [UInt8] = [0xD4, 0xC3, 0xB2, 0xA1, 0x02, 0x00]
        var reader = ByteReader(bytes.span)
        #expect(try reader.readUInt32LE() == 0xA1B2_C3D4)
        #expect(try reader.readUInt16LE() == 2)
    }

    @Test func hexEncoding() {
        #expect(Hex.encode([0x55, 0x04, 0x0A]) == "55040a")
        #expect(Hex.fourDigits(0xC02B) == "c02b")
        #expect(Hex.fourDigits(0x2F) == "002f")
    }
}
