import TLSPrintCore
import Testing

@testable import TLSPrintTLS

@Suite struct DTLSMalformedTests {
    static let hello = DTLSWire.fragment(length: 4, [1, 2, 3, 4])

    /// Datagrams the record or handshake layer must reject, and why.
    static let malformed: [(String, [UInt8], ParseError.Reason)] = [
        ("record header cut", Array(DTLSWire.record(hello).prefix(12)), .truncated),
        ("record longer than datagram", Array(DTLSWire.record(hello).dropLast()), .truncated),
        ("TLS record version", [0x16, 0x03, 0x03] + Array(DTLSWire.record(hello).dropFirst(3)), .invalidValue),
        ("record length over 2^14+2048", [0x16, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0x48, 0x01], .invalidValue),
        ("handshake header cut", DTLSWire.record(Array(hello.prefix(11))), .truncated),
        ("fragment past its record", DTLSWire.record(Array(hello.dropLast())), .truncated),
        ("fragment past message length", DTLSWire.record(DTLSWire.fragment(length: 3, [1, 2, 3, 4])), .invalidValue),
        (
            "offset past message length", DTLSWire.record(DTLSWire.fragment(length: 4, offset: 2, [1, 2, 3])),
            .invalidValue
        ),
        ("unified header length past datagram", [0x24, 0x01, 0x00, 0x09, 0xAA], .truncated),
        ("unified header cut", [0x2C, 0x01], .truncated),
        (
            "too many records", Array(repeating: DTLSWire.record(type: 21, [2, 40]), count: 65).flatMap { $0 },
            .limitExceeded
        ),
    ]

    @Test(arguments: 0..<malformed.count)
    func malformedDatagramIsRejected(_ index: Int) {
        let (_, datagram, reason) = Self.malformed[index]
        var reassembler = DTLSHandshakeReassembler()
        #expect(throws: ParseError.self) { try reassembler.feed(datagram: datagram.span) }
        do {
            _ = try reassembler.feed(datagram: datagram.span)
        } catch {
            #expect(error.reason == reason, "\(Self.malformed[index].0)")
        }
        #expect(!DTLSHandshakeReassembler.looksLikeDTLS(datagram.span) || reason == .limitExceeded)
    }

    @Test func rejectedDatagramContributesNothing() throws {
        // A good fragment followed by a broken record: the datagram is refused whole.
        let body = DTLSWire.body(40)
        let good = DTLSWire.datagram(body: body, range: 0..<40)
        var reassembler = DTLSHandshakeReassembler()
        #expect(throws: ParseError.self) { try reassembler.feed(datagram: (good + [0x16, 0xFE]).span) }
        let yielded = try reassembler.feed(datagram: good.span)
        #expect(yielded.map(\.message.body) == [body])
    }

    /// Every strict prefix of every fixture datagram is refused or yields only messages the whole
    /// datagram yields (a prefix ending exactly at a record boundary is itself a valid datagram).
    @Test(arguments: DTLSFixtures.names)
    func everyPrefixOfEveryDatagramIsSafe(_ name: String) throws {
        for datagram in try DTLSFixtures.datagrams(name) where (20...63).contains(datagram.payload.first ?? 0) {
            let payload = datagram.payload
            var whole = DTLSHandshakeReassembler()
            let full = try whole.feed(datagram: payload.span)
            let boundaries = Self.recordBoundaries(payload)
            for length in 0..<payload.count {
                var fresh = DTLSHandshakeReassembler()
                let prefix = Array(payload.prefix(length))
                let yielded = (try? fresh.feed(datagram: prefix.span)) ?? []
                if boundaries.contains(length) {
                    #expect(yielded.allSatisfy { message in full.contains { $0.message == message.message } })
                } else {
                    #expect(yielded.isEmpty, "\(name) frame \(datagram.frame) prefix \(length)")
                }
            }
        }
    }

    /// The ends of the DTLSPlaintext records of a datagram, from the record length fields.
    static func recordBoundaries(_ payload: [UInt8]) -> Set<Int> {
        var ends: Set<Int> = [0]
        var start = 0
        while start + 13 <= payload.count, payload[start] & 0xE0 != 0x20 {
            start += 13 + Int(payload[start + 11]) << 8 + Int(payload[start + 12])
            ends.insert(start)
        }
        return ends
    }

    @Test func everyPrefixOfAClientHelloBodyIsSafe() throws {
        let datagrams = try DTLSFixtures.datagrams("arkime-wireshark-dtls12")
        var reassembler = DTLSHandshakeReassembler()
        let hellos = try datagrams.filter(\.fromClient).flatMap { try reassembler.feed(datagram: $0.payload.span) }
            .filter { $0.message.type == .clientHello }
        for hello in hellos {
            let body = hello.message.body
            for length in 0..<body.count {
                // The parser refuses, records damage, or (cut right after the compression methods) reads a
                // hello without extensions.
                if let parsed = try? ClientHello(parsingAll: Array(body.prefix(length))) {
                    #expect(parsed.damage != nil || parsed.extensions.isEmpty)
                }
            }
        }
    }
}
