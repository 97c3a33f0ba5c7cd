import TLSPrintCore
import TLSPrintTLS
import Testing

/// OpenVPN's control channel over UDP, with packets laid out by hand from openvpn's ssl_pkt.h / reliable.c.
@Suite struct OpenVPNControlTests {
    /// `opcode << 3 | key`, session id, [HMAC of `hmac` bytes (0xAB), packet id, net time], acks
    /// [+ remote session id], [message packet id], payload.
    static func datagram(
        opcode: UInt8,
        key: UInt8 = 0,
        hmac: Int = 0,
        acks: [UInt32] = [],
        packetID: UInt32? = nil,
        payload: [UInt8] = []
    ) -> [UInt8] {
        var out: [UInt8] = [opcode << 3 | key] + Array(repeating: 0x11, count: 8)
        if hmac > 0 { out += Array(repeating: 0xAB, count: hmac) + [0, 0, 0, 7, 0x65, 0x4F, 0x12, 0x34] }
        out.append(UInt8(acks.count))
        for ack in acks { out += bigEndian(ack) }
        if !acks.isEmpty { out += Array(repeating: 0x22, count: 8) }
        if let packetID { out += bigEndian(packetID) }
        return out + payload
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// A TLS handshake record holding one handshake message of `type` with a `bodyLength`-byte body.
    static func handshakeRecord(type: UInt8 = 1, bodyLength: Int) -> (record: [UInt8], body: [UInt8]) {
        let body = (0..<bodyLength).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let message = [type, 0, UInt8(bodyLength >> 8), UInt8(bodyLength & 0xFF)] + body
        return ([22, 3, 1, UInt8(message.count >> 8), UInt8(message.count & 0xFF)] + message, body)
    }

    @Test(arguments: [0, 20, 32, 64])
    func clientHardResetRevealsTheHMACSize(hmac: Int) {
        for opcode: UInt8 in [7, 10] {
            let reset = Self.datagram(opcode: opcode, hmac: hmac, packetID: 0)
            #expect(OpenVPNControlPacket.hmacSizeOfClientHardReset(reset.span) == hmac)
        }
    }

    @Test func onlyAFirstClientHardResetOpensAFlow() {
        let notFirst = [
            Self.datagram(opcode: 4, packetID: 0),  // control
            Self.datagram(opcode: 8, packetID: 0),  // server's reset
            Self.datagram(opcode: 7, key: 1, packetID: 0),  // not key 0
            Self.datagram(opcode: 7, packetID: 3),  // not the first packet
            Self.datagram(opcode: 7, packetID: 0, payload: Array(repeating: 0x5A, count: 65)),  // too long for a reset
            [0x38, 0x11],
        ]
        for datagram in notFirst { #expect(OpenVPNControlPacket.hmacSizeOfClientHardReset(datagram.span) == nil) }
    }

    @Test func controlPacketWithAcknowledgements() throws {
        let bytes = Self.datagram(opcode: 4, key: 2, hmac: 32, acks: [5, 6], packetID: 9, payload: [22, 3, 3])
        let packet = try OpenVPNControlPacket(parsing: bytes.span, hmacSize: 32)
        #expect(packet.opcode == .controlV1 && packet.keyID == 2)
        #expect(packet.messagePacketID == 9 && packet.payload == [22, 3, 3])
        let ack = try OpenVPNControlPacket(parsing: Self.datagram(opcode: 5, acks: [1]).span, hmacSize: 0)
        #expect(ack.opcode == .ackV1 && ack.messagePacketID == nil && ack.payload.isEmpty)
    }

    @Test func malformedPacketsThrow() {
        let valid = Self.datagram(opcode: 4, hmac: 20, acks: [1], packetID: 2)
        for end in 0..<valid.count {
            #expect(throws: ParseError.self) {
                try OpenVPNControlPacket(parsing: Array(valid[..<end]).span, hmacSize: 20)
            }
        }
        let manyAcks = Self.datagram(opcode: 4, acks: Array(1...9), packetID: 2)
        #expect(throws: ParseError(.invalidValue, at: 9)) {
            try OpenVPNControlPacket(parsing: manyAcks.span, hmacSize: 0)
        }
        let data = Self.datagram(opcode: 9, packetID: 0)  // P_DATA_V2
        #expect(throws: ParseError.self) { try OpenVPNControlPacket(parsing: data.span, hmacSize: 0) }
    }

    @Test func channelReordersDropsRetransmissionsAndCutsMessages() {
        let (record, body) = Self.handshakeRecord(bodyLength: 600)
        let parts = [Array(record[0..<100]), Array(record[100..<350]), Array(record[350...])]
        var channel = OpenVPNControlChannel()
        #expect(channel.receive(0, payload: [0x0F, 0xA2]).isEmpty)  // before TLS: ignored
        #expect(channel.receive(1, payload: parts[0]).isEmpty)
        #expect(channel.receive(3, payload: parts[2]).isEmpty)  // ahead of a gap: waits
        #expect(channel.receive(1, payload: parts[0]).isEmpty)  // retransmission
        let messages = channel.receive(2, payload: parts[1])
        #expect(messages == [HandshakeMessage(type: .clientHello, body: body)])
        #expect(channel.bufferedBytes == 0)
    }

    @Test func channelGivesUpOnAGapThatOutlivesTheBound() {
        var channel = OpenVPNControlChannel()
        _ = channel.receive(1, payload: Self.handshakeRecord(bodyLength: 10_000).record.prefix(50).map { $0 })
        for id in 3...UInt32(3 + OpenVPNControlChannel.maximumPending) {
            _ = channel.receive(id, payload: [0x42])
        }
        #expect(channel.gaveUp && channel.isFinished && channel.bufferedBytes < 100)
    }
}

/// OpenVPN over TCP: length-prefixed packets (openvpn socket.h), the TLS spread over control packets.
@Suite struct OpenVPNStreamDeframerTests {
    static func framed(_ packet: [UInt8]) -> [UInt8] {
        [UInt8(packet.count >> 8), UInt8(packet.count & 0xFF)] + packet
    }

    /// A client's side: hard reset, then a ClientHello record cut across three control packets, one of them
    /// carrying an acknowledgement.
    static func clientStream(hmac: Int) -> (stream: [UInt8], body: [UInt8]) {
        let (record, body) = OpenVPNControlTests.handshakeRecord(bodyLength: 900)
        let reset = OpenVPNControlTests.datagram(opcode: 7, hmac: hmac, packetID: 0)
        let parts = [Array(record[0..<300]), Array(record[300..<700]), Array(record[700...])]
        var stream = framed(reset)
        stream += framed(OpenVPNControlTests.datagram(opcode: 5, hmac: hmac, acks: [0]))
        stream += framed(OpenVPNControlTests.datagram(opcode: 4, hmac: hmac, packetID: 1, payload: parts[0]))
        stream += framed(OpenVPNControlTests.datagram(opcode: 4, hmac: hmac, acks: [0], packetID: 2, payload: parts[1]))
        stream += framed(OpenVPNControlTests.datagram(opcode: 4, hmac: hmac, packetID: 3, payload: parts[2]))
        return (stream, body)
    }

    @Test(arguments: [0, 20, 64])
    func detectsAHardResetAndReadsTheHelloAcrossControlPackets(hmac: Int) {
        let (stream, body) = Self.clientStream(hmac: hmac)
        #expect(OpenVPNStreamDeframer.opening(stream.span) == .openVPN(hmacSize: hmac))
        #expect(OpenVPNStreamDeframer.opening(Array(stream[..<1]).span) == .undecided)
        #expect(OpenVPNStreamDeframer.opening(Array(stream[..<10]).span) == .undecided)
        for chunk in [1, 7, 100, stream.count] {
            var deframer = OpenVPNStreamDeframer(hmacSize: hmac)
            var messages: [HandshakeMessage] = []
            var start = 0
            while start < stream.count {
                let end = min(stream.count, start + chunk)
                messages += deframer.feed(Array(stream[start..<end]).span)
                start = end
            }
            #expect(messages == [HandshakeMessage(type: .clientHello, body: body)], "chunks of \(chunk)")
        }
        // What a search for TLS records in the raw stream would read: the OpenVPN header inside the record.
        var plain = TLSHandshakeAssembler()
        #expect(plain.feed(stream) != [HandshakeMessage(type: .clientHello, body: body)])
    }

    @Test func tlsAndPlaintextAreNotOpenVPN() {
        let starts: [[UInt8]] = [
            [22, 3, 1, 0, 100, 1, 0, 0, 96] + Array(repeating: 0, count: 96),  // a TLS record
            Array("EHLO mail.example\r\n".utf8),
            Self.framed(OpenVPNControlTests.datagram(opcode: 4, packetID: 0)),  // not a reset
        ]
        for start in starts { #expect(OpenVPNStreamDeframer.opening(start.span) == .tls) }
        #expect(OpenVPNStreamDeframer.opening([22].span) == .undecided)
    }

    @Test func brokenFramingEndsTheDirection() {
        for bad: [UInt8] in [[0, 0, 0x38], [0x7F, 0xFF, 0x38]] {
            var deframer = OpenVPNStreamDeframer(hmacSize: 0)
            #expect(deframer.feed(bad.span).isEmpty)
            #expect(deframer.isFinished && deframer.bufferedBytes == 0)
            guard case .failed = deframer.state else {
                Issue.record("expected a failure for \(bad)")
                continue
            }
        }
    }
}
