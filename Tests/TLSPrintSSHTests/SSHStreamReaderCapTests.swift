import TLSPrintCore
import TLSPrintSSH
import Testing

/// A byte stream one side sends, and how the reader must stop on it.
struct StreamCase: Sendable, CustomTestStringConvertible {
    var name: String
    var role: SSHStreamReader.Role
    var bytes: [UInt8]
    var reason: SSHStreamReader.StopReason
    var testDescription: String { name }
}

@Suite struct SSHStreamReaderCapTests {
    static let identification = SSHWire.line("SSH-2.0-x")
    static let kexInitPacket = SSHWire.packet(SSHWire.sampleKexInit)

    static let cases: [StreamCase] = {
        let line = identification
        let endless = [UInt8](repeating: 0x41, count: 100_000)
        let manyLines = Array(String(repeating: "hello\r\n", count: 65).utf8) + line
        var badKexInit = SSHWire.sampleKexInit
        badKexInit.replaceSubrange(17..<21, with: SSHWire.uint32(60_000))
        return [
            StreamCase(name: "client not SSH", role: .client, bytes: Array("GET / HTTP/1.1\r\n".utf8), reason: .notSSH),
            StreamCase(name: "client prelude line", role: .client, bytes: Array("hi\r\n".utf8) + line, reason: .notSSH),
            StreamCase(
                name: "banner without CR LF",
                role: .client,
                bytes: Array("SSH-2.0-".utf8) + endless,
                reason: .identificationTooLong
            ),
            StreamCase(
                name: "server banner without CR LF",
                role: .server,
                bytes: Array("SSH-".utf8) + endless,
                reason: .identificationTooLong
            ),
            StreamCase(name: "endless prelude line", role: .server, bytes: endless, reason: .preludeTooLong),
            StreamCase(name: "65 prelude lines", role: .server, bytes: manyLines, reason: .tooManyPreludeLines),
            StreamCase(
                name: "endless empty lines",
                role: .server,
                bytes: [UInt8](repeating: 0x0A, count: 10_000),
                reason: .tooManyPreludeLines
            ),
            StreamCase(
                name: "8 KiB of prelude in few lines",
                role: .server,
                bytes: Array((String(repeating: "x", count: 4_000) + "\n").utf8)
                    + Array(String(repeating: "y", count: 4_200).utf8) + [0x0A],
                reason: .preludeTooLong
            ),
            StreamCase(
                name: "packet too long",
                role: .client,
                bytes: line + SSHWire.uint32(35_001),
                reason: .packetTooLong
            ),
            StreamCase(
                name: "packet_length 2^32-1",
                role: .server,
                bytes: line + [0xFF, 0xFF, 0xFF, 0xFF],
                reason: .packetTooLong
            ),
            StreamCase(
                name: "packet_length 0",
                role: .client,
                bytes: line + SSHWire.uint32(0),
                reason: .malformedPacket
            ),
            StreamCase(
                name: "padding past the packet",
                role: .client,
                bytes: line + SSHWire.uint32(8) + [200, 20, 0, 0, 0, 0, 0, 0],
                reason: .malformedPacket
            ),
            StreamCase(
                name: "KEXINIT list past its end",
                role: .client,
                bytes: line + SSHWire.packet(badKexInit),
                reason: .malformedKexInit
            ),
            StreamCase(
                name: "KEXINIT cut short",
                role: .client,
                bytes: line + SSHWire.packet([20, 1, 2, 3]),
                reason: .malformedKexInit
            ),
            StreamCase(
                name: "disconnect first",
                role: .server,
                bytes: line + SSHWire.packet([1, 0, 0, 0, 2]),
                reason: .disconnected
            ),
            StreamCase(
                name: "NEWKEYS first",
                role: .client,
                bytes: line + SSHWire.packet([21]),
                reason: .unexpectedMessage
            ),
            StreamCase(
                name: "endless IGNORE",
                role: .client,
                bytes: line + Array([[UInt8]](repeating: SSHWire.packet([2]), count: 100).joined()),
                reason: .tooManyPacketsBeforeKexInit
            ),
        ]
    }()

    @Test(arguments: cases)
    func stopsWithItsReason(_ sample: StreamCase) {
        let whole = ReaderOutcome([sample.bytes], role: sample.role)
        #expect(whole.isFinished)
        #expect(whole.stopReason == sample.reason)
        #expect(ReaderOutcome(sample.bytes.map { [$0] }, role: sample.role) == whole)
        #expect(ReaderOutcome(SSHWire.randomSplits(sample.bytes, seed: 3), role: sample.role) == whole)
    }

    @Test func stopsAsSoonAsTheBannerIsTooLong() {
        var reader = SSHStreamReader(role: .client)
        _ = reader.feed(Array("SSH-2.0-".utf8) + [UInt8](repeating: 0x41, count: 246))
        #expect(!reader.isFinished)
        _ = reader.feed([0x41])
        #expect(reader.stopReason == .identificationTooLong)
        #expect(reader.bufferedBytes == 0)
    }

    @Test func takesExactly64PreludeLinesAnd8KiB() {
        let lines = String(repeating: String(repeating: "z", count: 127) + "\n", count: 64)
        var reader = SSHStreamReader(role: .server)
        _ = reader.feed(Array(lines.utf8) + Self.identification + Self.kexInitPacket)
        #expect(reader.precedingLines == 64)
        #expect(reader.kexInit != nil && reader.stopReason == nil)
    }

    @Test func takesAPacketOfExactly35000Bytes() {
        let empty = SSHWire.kexInit([])
        let list = [UInt8](repeating: 0x61, count: SSHBinaryPacket.maximumPacketLength - 5 - empty.count)
        let packet = SSHWire.packet(SSHWire.kexInit([list]), padding: 4)
        #expect(packet.count == 4 + SSHBinaryPacket.maximumPacketLength)
        var reader = SSHStreamReader(role: .client)
        _ = reader.feed(Self.identification + packet)
        #expect(reader.kexInit?.kexAlgorithms.bytes.count == list.count)
    }

    @Test func anSSH1PeerFinishesAfterItsLine() {
        var reader = SSHStreamReader(role: .server)
        let yields = reader.feed(Array("SSH-1.5-1.2.26\n".utf8) + [0, 0, 1, 4, 0, 0])
        #expect(reader.isFinished && reader.stopReason == nil && reader.kexInit == nil)
        #expect(yields.count == 1)
    }
}
