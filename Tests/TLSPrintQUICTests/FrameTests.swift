import TLSPrintCore
import Testing

@testable import TLSPrintQUIC

/// Hand-encoded frames (RFC 9000 §19), one per type an Initial may carry.
@Suite struct FrameTests {
    // ACK with ECN (0x03): largest 10, delay 1, 2 ranges, first range 1, (gap 0, len 1), (gap 2, len 0), ECN 5/6/7.
    static let ackECN: [UInt8] = [0x03, 0x0a, 0x01, 0x02, 0x01, 0x00, 0x01, 0x02, 0x00, 0x05, 0x06, 0x07]
    // CONNECTION_CLOSE (0x1c): error 0x0a as a 2-byte varint, frame type CRYPTO, reason "bad".
    static let close: [UInt8] = [0x1c, 0x40, 0x0a, 0x06, 0x03] + Array("bad".utf8)
    // CRYPTO at offset 0x1234 (2-byte varint), 3 bytes.
    static let crypto: [UInt8] = [0x06, 0x52, 0x34, 0x03, 0xaa, 0xbb, 0xcc]

    static func parse(_ bytes: [UInt8]) throws(ParseError) -> Frame {
        var reader = ByteReader(bytes.span)
        let frame = try Frame(parsing: &reader)
        try reader.expectEnd()
        return frame
    }

    @Test func parsesEachFrameType() throws {
        let ack = ACKFrame(
            largestAcknowledged: 10,
            ackDelay: 1,
            firstRange: 1,
            ranges: [ACKFrame.Range(gap: 0, length: 1), ACKFrame.Range(gap: 2, length: 0)],
            ecnCounts: ACKFrame.ECNCounts(ect0: 5, ect1: 6, ce: 7)
        )
        #expect(try Self.parse(Self.ackECN) == .ack(ack))
        let close = ConnectionCloseFrame(errorCode: 10, frameType: 6, reasonPhrase: Array("bad".utf8))
        #expect(try Self.parse(Self.close) == .connectionClose(close))
        #expect(try Self.parse(Self.crypto) == .crypto(CryptoFrame(offset: 0x1234, data: [0xaa, 0xbb, 0xcc])))
        #expect(try Self.parse([0x01]) == .ping)
        #expect(try Self.parse([0x00, 0x00, 0x00]) == .padding(count: 3))
        #expect(
            try Self.parse([0x02, 0x00, 0x00, 0x00, 0x00])
                == .ack(ACKFrame(largestAcknowledged: 0, ackDelay: 0, firstRange: 0))
        )
    }

    static let malformed: [(String, [UInt8], ParseError.Reason)] = [
        ("STREAM is not allowed in Initial", [0x08, 0x00, 0x00], .unsupported),
        ("NEW_TOKEN is not allowed in Initial", [0x07, 0x01, 0xaa], .unsupported),
        ("application CONNECTION_CLOSE", [0x1d, 0x00, 0x00], .unsupported),
        ("HANDSHAKE_DONE", [0x1e], .unsupported),
        ("ACK with 257 ranges", [0x02, 0x00, 0x00, 0x41, 0x01, 0x00], .limitExceeded),
        ("CRYPTO past 2^62", [0x06, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0xaa], .invalidValue),
        ("CRYPTO length past payload", [0x06, 0x00, 0x05, 0xaa], .truncated),
        ("reason phrase past payload", [0x1c, 0x00, 0x00, 0x09, 0x41], .truncated),
        ("type varint cut", [0x40], .truncated),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedFrame(name: String, bytes: [UInt8], reason: ParseError.Reason) {
        #expect(throws: ParseError.self, "\(name)") { try Self.parse(bytes) }
        do {
            _ = try Self.parse(bytes)
        } catch {
            #expect(error.reason == reason, "\(name)")
        }
    }

    @Test(arguments: [ackECN, close, crypto])
    func everyTruncationIsRejected(frame: [UInt8]) {
        for length in 0..<frame.count {
            #expect(throws: ParseError.self) { try Self.parse(Array(frame.prefix(length))) }
        }
    }

    @Test func walkKeepsFramesBeforeAnUnsupportedOne() {
        let payload: [UInt8] = Self.crypto + [0x01, 0x08, 0x00] + [0x00, 0x00]
        let (frames, error) = Frame.walk(payload)
        #expect(frames == [.crypto(CryptoFrame(offset: 0x1234, data: [0xaa, 0xbb, 0xcc])), .ping])
        #expect(error == ParseError(.unsupported, at: 8))
    }

    @Test func walkCapsFrameCount() {
        let (frames, error) = Frame.walk([UInt8](repeating: 0x01, count: Frame.maximumFramesPerPacket + 1))
        #expect(frames.count == Frame.maximumFramesPerPacket)
        #expect(error?.reason == .limitExceeded)
    }

    @Test func packetNumberDecodingMatchesRFC9000AppendixA3() {
        #expect(PacketNumber.decode(truncated: 0x9b32, length: 2, largestReceived: 0xa82f_30ea) == 0xa82f_9b32)
        #expect(PacketNumber.decode(truncated: 0x02, length: 4, largestReceived: nil) == 2)
        #expect(PacketNumber.decode(truncated: 0x00, length: 1, largestReceived: 0xff) == 0x100)
    }
}
