import TLSPrintCore
import TLSPrintSSH
import TLSPrintTestSupport
import Testing

@Suite struct SSHKexInitTests {
    /// The client KEXINIT payload of Tests/Fixtures/ssh/openssh-7.6-8.9.hex (OpenSSH 7.6p1).
    static func realPayload() throws -> [UInt8] {
        let fixture = try #require(SSHWire.fixture("openssh-7.6-8.9"))
        var reader = SSHStreamReader(role: .client)
        _ = reader.feed(fixture.client)
        let kexInit = try #require(reader.kexInit)
        // Rebuild the payload from the packet bytes: the stream after the identification line.
        let start = try #require(fixture.client.firstIndex(of: 0x0A)) + 1
        let packet = try SSHBinaryPacket(parsingAll: Array(fixture.client[start...]))
        #expect(try SSHKexInit(parsingAll: packet.payload) == kexInit)
        return packet.payload
    }

    @Test func parsesRealOpenSSHKexInit() throws {
        let kexInit = try SSHKexInit(parsingAll: try Self.realPayload())
        #expect(kexInit.cookie.count == 16)
        #expect(kexInit.kexAlgorithms.names.first == Array("curve25519-sha256".utf8)[...])
        #expect(kexInit.kexAlgorithms.names.last == Array("ext-info-c".utf8)[...])
        #expect(kexInit.encryptionAlgorithmsClientToServer.bytes == kexInit.encryptionAlgorithmsServerToClient.bytes)
        #expect(kexInit.compressionAlgorithmsClientToServer.bytes == Array("none,zlib@openssh.com,zlib".utf8))
        #expect(kexInit.languagesClientToServer.bytes.isEmpty)
        #expect(!kexInit.firstKexPacketFollows)
        #expect(kexInit.reserved == 0)
    }

    @Test func keepsNULAndNonUTF8NamesAsBytes() throws {
        let odd: [UInt8] = [0x61, 0x00, 0x62, 0x2C, 0xFF, 0xFE, 0x2C, 0xC3, 0x28]
        let kexInit = try SSHKexInit(parsingAll: SSHWire.kexInit([odd, [], odd]))
        #expect(kexInit.kexAlgorithms.bytes == odd)
        #expect(kexInit.kexAlgorithms.names.map { Array($0) } == [[0x61, 0x00, 0x62], [0xFF, 0xFE], [0xC3, 0x28]])
        #expect(kexInit.encryptionAlgorithmsClientToServer.bytes == odd)
    }

    @Test func takesTenThousandNamesWithinThePacketCap() throws {
        let names = Array(Array(repeating: "a", count: 10_000).joined(separator: ",").utf8)
        let shortNames = Array(Array(repeating: "b", count: 7_000).joined(separator: ",").utf8)
        let payload = SSHWire.kexInit([names, [], shortNames])
        let packet = SSHWire.packet(payload)
        #expect(packet.count - 4 <= SSHBinaryPacket.maximumPacketLength)
        let parsed = try SSHBinaryPacket(parsingAll: packet)
        let kexInit = try SSHKexInit(parsingAll: parsed.payload)
        #expect(kexInit.kexAlgorithms.names.count == 10_000)
        #expect(kexInit.encryptionAlgorithmsClientToServer.names.count == 7_000)
        var reader = SSHStreamReader(role: .client)
        _ = reader.feed(SSHWire.line("SSH-2.0-x") + packet)
        #expect(reader.kexInit == kexInit)
    }

    @Test func readsAnyNonZeroByteAsTrue() throws {
        #expect(try SSHKexInit(parsingAll: SSHWire.kexInit([], follows: 7)).firstKexPacketFollows)
    }

    static let malformed: [MalformedSample] = {
        let good = SSHWire.sampleKexInit
        var longList = [UInt8](good)
        longList.replaceSubrange(17..<21, with: SSHWire.uint32(1_000_000))  // kex_algorithms past the end
        var huge = [UInt8](good)
        huge.replaceSubrange(17..<21, with: [0xFF, 0xFF, 0xFF, 0xFF])
        return [
            MalformedSample("not KEXINIT", [21] + good.dropFirst(), .invalidValue),
            MalformedSample("name-list longer than the payload", longList, .truncated),
            MalformedSample("name-list length 2^32-1", huge, .truncated),
            MalformedSample("cookie cut", Array(good.prefix(10)), .truncated),
            MalformedSample("nine lists", Array(good.prefix(good.count - 9)) + [0, 0, 0, 0, 0], .truncated),
            MalformedSample("no reserved field", Array(good.dropLast(4)), .truncated),
            MalformedSample("trailing bytes", good + [0], .trailingBytes),
            MalformedSample("empty", [], .truncated),
        ]
    }()

    @Test(arguments: malformed)
    func rejectsMalformedKexInit(_ sample: MalformedSample) {
        #expect(failure { () throws(ParseError) in _ = try SSHKexInit(parsingAll: sample.bytes) } == sample.reason)
    }

    @Test func everyTruncationOfARealKexInitIsRejected() throws {
        let payload = try Self.realPayload()
        for length in 0..<payload.count {
            #expect(throws: ParseError.self, "prefix \(length)") {
                try SSHKexInit(parsingAll: Array(payload.prefix(length)))
            }
        }
    }
}

@Suite struct SSHBinaryPacketTests {
    @Test func cutsPayloadAndPadding() throws {
        let packet = try SSHBinaryPacket(parsingAll: SSHWire.packet([21], padding: 10))
        #expect(packet.payload == [21])
        #expect(packet.paddingLength == 10)
        #expect(packet.messageNumber == 21)
    }

    static let malformed: [MalformedSample] = [
        MalformedSample("packet_length past the end", SSHWire.uint32(100) + [4, 20, 0, 0, 0, 0], .truncated),
        MalformedSample("packet_length above 35,000", SSHWire.uint32(35_001) + [4, 20], .limitExceeded),
        MalformedSample("packet_length 2^32-1", [0xFF, 0xFF, 0xFF, 0xFF, 4, 20], .limitExceeded),
        MalformedSample("padding longer than the packet", SSHWire.uint32(6) + [9, 20, 0, 0, 0, 0], .invalidValue),
        MalformedSample("padding leaves no message number", SSHWire.uint32(5) + [4, 0, 0, 0, 0], .invalidValue),
        MalformedSample("packet_length 0", SSHWire.uint32(0), .truncated),
        MalformedSample("header cut", [0, 0, 1], .truncated),
        MalformedSample("trailing bytes", SSHWire.packet([20]) + [1], .trailingBytes),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedPacket(_ sample: MalformedSample) {
        #expect(failure { () throws(ParseError) in _ = try SSHBinaryPacket(parsingAll: sample.bytes) } == sample.reason)
    }

    @Test func everyTruncationIsRejected() {
        let packet = SSHWire.packet(SSHWire.sampleKexInit)
        for length in 0..<packet.count {
            #expect(throws: ParseError.self, "prefix \(length)") {
                try SSHBinaryPacket(parsingAll: Array(packet.prefix(length)))
            }
        }
    }
}
