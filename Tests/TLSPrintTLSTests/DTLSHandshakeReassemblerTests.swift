import TLSPrintCore
import Testing

@testable import TLSPrintTLS

@Suite struct DTLSHandshakeReassemblerTests {
    static let body = DTLSWire.body(300)

    /// Feeds datagrams in order; returns (message_seq, body) of everything yielded.
    static func run(_ datagrams: [[UInt8]], into reassembler: inout DTLSHandshakeReassembler) throws -> [(
        UInt16, [UInt8]
    )] {
        var out: [(UInt16, [UInt8])] = []
        for datagram in datagrams {
            out += try reassembler.feed(datagram: datagram.span).map { ($0.messageSequence, $0.message.body) }
        }
        return out
    }

    static func run(_ datagrams: [[UInt8]]) throws -> [(UInt16, [UInt8])] {
        var reassembler = DTLSHandshakeReassembler()
        return try run(datagrams, into: &reassembler)
    }

    @Test(arguments: [
        [0..<100, 100..<200, 200..<300], [200..<300, 0..<100, 100..<200], [100..<200, 200..<300, 0..<100],
        [0..<150, 100..<300], [0..<300, 0..<300], [50..<250, 0..<60, 240..<300, 0..<300],
        [0..<1, 1..<2, 2..<300], [150..<300, 0..<10, 0..<150, 10..<20],
    ])
    func reassemblesOutOfOrderDuplicateAndOverlappingFragments(_ ranges: [Range<Int>]) throws {
        let yielded = try Self.run(ranges.map { DTLSWire.datagram(body: Self.body, range: $0) })
        #expect(yielded.count == 1)
        #expect(yielded.first?.0 == 0)
        #expect(yielded.first?.1 == Self.body)
    }

    @Test func incompleteMessageYieldsNothing() throws {
        let yielded = try Self.run([0..<100, 150..<300, 0..<149].map { DTLSWire.datagram(body: Self.body, range: $0) })
        #expect(yielded.isEmpty)
    }

    @Test func retransmittedHelloIsYieldedOnceAndTheCookieHelloSeparately() throws {
        let first = DTLSWire.datagram(sequence: 0, body: Self.body, range: 0..<300)
        let second = DTLSWire.datagram(sequence: 1, body: DTLSWire.body(320, seed: 9), range: 0..<320)
        let yielded = try Self.run([first, first, first, second, first, second])
        #expect(yielded.map(\.0) == [0, 1])
        #expect(yielded.map(\.1.count) == [300, 320])
    }

    @Test func messagesAreYieldedInSequenceOrder() throws {
        let later = DTLSWire.datagram(type: 11, sequence: 2, body: DTLSWire.body(50), range: 0..<50)
        let middle = DTLSWire.datagram(type: 2, sequence: 1, body: DTLSWire.body(40), range: 0..<40)
        let hello = DTLSWire.datagram(sequence: 0, body: Self.body, range: 0..<300)
        var reassembler = DTLSHandshakeReassembler()
        // Message 1 arrives first: handshakes start at message_seq 0, so it waits.
        #expect(try Self.run([middle], into: &reassembler).map(\.0) == [])
        #expect(try Self.run([later], into: &reassembler).map(\.0) == [])
        #expect(try Self.run([hello], into: &reassembler).map(\.0) == [0, 1, 2])
    }

    @Test func captureStartingAfterMessageZeroYieldsOnFlush() throws {
        var reassembler = DTLSHandshakeReassembler()
        let three = DTLSWire.datagram(type: 2, sequence: 3, body: DTLSWire.body(40), range: 0..<40)
        let five = DTLSWire.datagram(type: 11, sequence: 5, body: DTLSWire.body(40), range: 0..<40)
        let sixPart = DTLSWire.datagram(type: 12, sequence: 6, body: DTLSWire.body(40), range: 0..<20)
        #expect(try Self.run([three, five, sixPart], into: &reassembler).isEmpty)
        #expect(reassembler.flush().map(\.messageSequence) == [3, 5])
        // Message 6 is still expected; a retransmitted 3 is not yielded again.
        let sixRest = DTLSWire.datagram(type: 12, sequence: 6, body: DTLSWire.body(40), range: 20..<40)
        #expect(try Self.run([three, sixRest], into: &reassembler).map(\.0) == [6])
    }

    @Test func severalFragmentsInOneRecordAndSeveralRecordsInOneDatagram() throws {
        let a = DTLSWire.fragment(length: 300, offset: 0, Array(Self.body[0..<120]))
        let b = DTLSWire.fragment(length: 300, offset: 120, Array(Self.body[120..<300]))
        let done = DTLSWire.fragment(type: 14, length: 0, sequence: 1, [])
        let datagram = DTLSWire.record(a + b) + DTLSWire.record(type: 20, [1]) + DTLSWire.record(done)
        let yielded = try Self.run([datagram])
        #expect(yielded.map(\.0) == [0, 1])
        #expect(yielded.first?.1 == Self.body)
        #expect(yielded.last?.1 == [])
    }

    @Test func laterEpochsAndOtherContentTypesAreIgnored() throws {
        let fragment = DTLSWire.fragment(length: 4, [1, 2, 3, 4])
        let datagram = DTLSWire.record(epoch: 1, fragment) + DTLSWire.record(type: 23, fragment)
        #expect(try Self.run([datagram]).isEmpty)
    }

    @Test func unifiedHeaderCiphertextIsSkipped() throws {
        let hello = DTLSWire.datagram(body: Self.body, range: 0..<300)
        // 0x24: fixed bits 001, no CID, 8-bit sequence, length present.
        let ciphertext: [UInt8] = [0x24, 0x05, 0x00, 0x03, 0xAA, 0xBB, 0xCC]
        #expect(try Self.run([ciphertext + hello]).map(\.0) == [0])
        // 0x28: 16-bit sequence and no length, so the record runs to the end of the datagram and takes the hello with it.
        #expect(try Self.run([[0x28, 0x05] + hello]).isEmpty)
        #expect(try DTLSDatagram(parsing: ([0x28, 0x05] + hello).span).skippedRecords == 1)
    }

    /// 16 MiB − 1 is the largest length a uint24 can declare.
    @Test func sixteenMebibyteMessageIsAbandonedAtOnce() throws {
        var reassembler = DTLSHandshakeReassembler()
        let huge = DTLSWire.record(DTLSWire.fragment(length: 16 * 1024 * 1024 - 1, offset: 0, DTLSWire.body(100)))
        #expect(try Self.run([huge], into: &reassembler).isEmpty)
        #expect(reassembler.drops.oversizeMessages == 1)
        // Its later fragments are ignored, and the next message is yielded.
        let rest = DTLSWire.record(DTLSWire.fragment(length: 16 * 1024 * 1024 - 1, offset: 100, DTLSWire.body(100)))
        let next = DTLSWire.datagram(sequence: 1, body: DTLSWire.body(10), range: 0..<10)
        #expect(try Self.run([rest, next], into: &reassembler).map(\.0) == [1])
        #expect(reassembler.drops.oversizeMessages == 1)
    }

    @Test func fragmentCapAbandonsTheMessage() throws {
        var reassembler = DTLSHandshakeReassembler(maximumFragmentsPerMessage: 4)
        let pieces = (0..<10).map { DTLSWire.datagram(body: Self.body, range: ($0 * 30)..<($0 * 30 + 30)) }
        #expect(try Self.run(pieces, into: &reassembler).isEmpty)
        #expect(reassembler.drops.capacityExceeded == 1)
    }

    @Test func bufferCapAbandonsTheMessage() throws {
        var reassembler = DTLSHandshakeReassembler(maximumBufferedBytes: 200)
        let pieces = [0..<150, 150..<300].map { DTLSWire.datagram(body: Self.body, range: $0) }
        #expect(try Self.run(pieces, into: &reassembler).isEmpty)
        #expect(reassembler.drops.capacityExceeded == 1)
        // Its space is freed: a small message after it still fits.
        let next = DTLSWire.datagram(sequence: 1, body: DTLSWire.body(100), range: 0..<100)
        #expect(try Self.run([next], into: &reassembler).map(\.0) == [1])
    }

    @Test func inconsistentFragmentIsDropped() throws {
        var reassembler = DTLSHandshakeReassembler()
        let first = DTLSWire.datagram(body: Self.body, range: 0..<100)
        let otherLength = DTLSWire.record(DTLSWire.fragment(length: 400, offset: 100, Array(Self.body[100..<300])))
        #expect(try Self.run([first, otherLength], into: &reassembler).isEmpty)
        #expect(reassembler.drops.inconsistentFragments == 1)
    }

    @Test func sequenceFarAheadIsOutOfWindow() throws {
        var reassembler = DTLSHandshakeReassembler()
        let hello = DTLSWire.datagram(body: Self.body, range: 0..<300)
        let far = DTLSWire.datagram(sequence: 500, body: DTLSWire.body(10), range: 0..<10)
        #expect(try Self.run([hello, far], into: &reassembler).map(\.0) == [0])
        #expect(reassembler.drops.outOfWindow == 1)
    }
}
