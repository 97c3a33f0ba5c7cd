import TLSPrintCore
import TLSPrintQUIC
import Testing

/// Damaged long headers and datagrams: every case throws or yields no decrypted packet, none traps.
@Suite struct MalformedInputTests {
    static let v1: [UInt8] = [0x00, 0x00, 0x00, 0x01]

    static let malformedHeaders: [(String, [UInt8], ParseError.Reason)] = [
        ("empty", [], .truncated),
        ("short header", [0x40, 0x01, 0x02, 0x03], .invalidValue),
        ("version cut", [0xc0, 0x00, 0x00], .truncated),
        (
            "DCID of 21 bytes", [0xc0] + v1 + [21] + Array(repeating: 0x11, count: 21) + [0x00, 0x00, 0x01, 0x00],
            .invalidValue
        ),
        (
            "SCID of 21 bytes", [0xc0] + v1 + [0x00, 21] + Array(repeating: 0x11, count: 21) + [0x00, 0x01, 0x00],
            .invalidValue
        ),
        ("DCID past the end", [0xc0] + v1 + [0x08, 0x01, 0x02], .truncated),
        ("token past the end", [0xc0] + v1 + [0x00, 0x00, 0x44, 0xff, 0x01], .truncated),
        ("length past the end", [0xc0] + v1 + [0x00, 0x00, 0x00, 0x44, 0x00, 0x01], .truncated),
        ("length varint cut", [0xe0] + v1 + [0x00, 0x00, 0x80, 0x00], .truncated),
        ("retry without tag", [0xf0] + v1 + [0x00, 0x00] + Array(repeating: 0x22, count: 15), .truncated),
    ]

    @Test(arguments: malformedHeaders)
    func rejectsMalformedHeader(name: String, bytes: [UInt8], reason: ParseError.Reason) {
        do {
            let header = try LongHeader(parsingAll: bytes)
            Issue.record("\(name): parsed as \(header)")
        } catch {
            #expect(error.reason == reason, "\(name)")
        }
    }

    @Test func unknownVersionAndNegotiationTakeTheRestOfTheDatagram() throws {
        let unknown = try LongHeader(
            parsingAll: [0xc0, 0xde, 0xad, 0xbe, 0xef, 25] + Array(repeating: 1, count: 25) + [0, 9, 9]
        )
        #expect(unknown.packetType == nil)
        #expect(unknown.destinationConnectionID.count == 25)
        #expect(unknown.packetLength == 34)
        let negotiation = try LongHeader(parsingAll: [0x80, 0, 0, 0, 0, 0, 0] + Self.v1)
        #expect(negotiation.version == .negotiation)
        #expect(negotiation.packetType == nil)
        let result = QUICInitialDecryptor.decrypt(datagram: [0x80, 0, 0, 0, 0, 0, 0] + Self.v1)
        #expect(result.packets.first?.outcome == .notInitial)
    }

    @Test(arguments: ["rfc9001-client-initial-protected.hex", "rfc9001-server-initial-protected.hex"])
    func everyHeaderTruncationIsRejected(fixture: String) throws {
        let packet = try QUICFixtures.hexFile(fixture)
        for length in 0..<packet.count {
            #expect(throws: ParseError.self) { try LongHeader(parsingAll: Array(packet.prefix(length))) }
        }
    }

    @Test(arguments: ["arkime-quicietf", "zeek-quicv2-echo-443", "suricata-quic-retry"])
    func everyDatagramPrefixYieldsNoInitial(capture: String) throws {
        let first = try #require(try QUICFixtures.datagrams(capture).first)
        let whole = QUICInitialDecryptor.decrypt(datagram: first.payload)
        let packetLength = try #require(whole.packets.first?.header.packetLength)
        #expect(whole.initials.count == 1)
        for length in 0..<packetLength {
            let result = QUICInitialDecryptor.decrypt(datagram: Array(first.payload.prefix(length)))
            #expect(result.initials.isEmpty, "prefix \(length)")
            #expect(result.packets.isEmpty, "prefix \(length)")
        }
    }

    @Test func damagedBytesFailAuthentication() throws {
        let packet = try QUICFixtures.hexFile("rfc9001-client-initial-protected.hex")
        // A DCID byte (other keys), a protected packet-number byte, then every 7th byte of the payload.
        for position in [9, 18] + Array(stride(from: 22, to: packet.count, by: 7)) {
            var damaged = packet
            damaged[position] ^= 0x01
            let result = QUICInitialDecryptor.decrypt(datagram: damaged)
            #expect(result.initials.isEmpty, "byte \(position)")
            #expect(result.packets.first?.outcome == .authenticationFailed, "byte \(position)")
        }
    }

    @Test func packetTooShortToSampleIsMalformed() throws {
        // RFC 9001 A.2 header with Length 5: packet number at 17, so the 16-byte sample starts at 21.
        let header = QUICFixtures.bytes(hex: "c000000001088394c8f03e515708000005")
        let result = QUICInitialDecryptor.decrypt(datagram: header + [1, 2, 3, 4, 5])
        #expect(result.packets.first?.outcome == .malformed(ParseError(.truncated, at: 21)))
    }

    @Test func trailingBytesAfterThePacketAreCounted() throws {
        let packet = try QUICFixtures.hexFile("rfc9001-client-initial-protected.hex")
        let result = QUICInitialDecryptor.decrypt(datagram: packet + [0x00, 0x00, 0x00])
        #expect(result.initials.count == 1)
        #expect(result.trailingBytes == 3)
        #expect(result.error == nil)
    }

    @Test func coalescedPacketCountIsCapped() {
        // Handshake packets (type bits 0b10) with Length 1.
        let tiny: [UInt8] = [0xe0] + Self.v1 + [0x00, 0x00, 0x01, 0x00]
        let datagram = Array([[UInt8]](repeating: tiny, count: QUICDatagram.maximumPackets + 1).joined())
        let result = QUICInitialDecryptor.decrypt(datagram: datagram)
        #expect(result.packets.count == QUICDatagram.maximumPackets)
        #expect(result.error?.reason == .limitExceeded)
        #expect(result.packetTypes.allSatisfy { $0 == .handshake })
    }

    @Test func damagedSecondPacketKeepsTheFirst() throws {
        let packet = try QUICFixtures.hexFile("rfc9001-client-initial-protected.hex")
        let result = QUICInitialDecryptor.decrypt(datagram: packet + [0xc0, 0x00, 0x00])
        #expect(result.initials.count == 1)
        #expect(result.error?.reason == .truncated)
    }
}

/// Seeded byte mutations of real datagrams: the decryptor must return, never trap.
@Suite struct MutationTests {
    @Test(arguments: ["arkime-quicietfooo", "suricata-quic-v2-ja3", "suricata-quic-retry"])
    func mutatedDatagramsNeverTrap(capture: String) throws {
        var generator = SplitMix64(seed: 0x9001)
        let datagrams = try QUICFixtures.datagrams(capture)
        for _ in 0..<300 {
            let original = datagrams[Int(generator.next() % UInt64(datagrams.count))].payload
            var mutated = original
            for _ in 0..<Int(generator.next() % 4) + 1 {
                // Mostly within the header, where lengths and connection IDs live.
                let span = generator.next() % 4 == 0 ? mutated.count : min(mutated.count, 64)
                let position = Int(generator.next() % UInt64(span))
                mutated[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            let cut = generator.next() % 3 == 0 ? Int(generator.next() % UInt64(mutated.count + 1)) : mutated.count
            let result = QUICInitialDecryptor.decrypt(
                datagram: Array(mutated.prefix(cut)),
                clientDestinationConnectionID: [0x5a, 0xe3, 0xcd]
            )
            #expect(result.packets.count <= QUICDatagram.maximumPackets)
        }
    }
}
