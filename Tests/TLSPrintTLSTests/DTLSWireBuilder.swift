/// Hand-built DTLS wire bytes for the synthetic tests (layouts from RFC 6347 §4.1 and §4.2.2).
enum DTLSWire {
    /// A DTLSPlaintext record.
    static func record(
        type: UInt8 = 22,
        version: UInt16 = 0xFEFD,
        epoch: UInt16 = 0,
        sequence: UInt64 = 0,
        _ body: [UInt8]
    )
        -> [UInt8]
    {
        [type] + be(UInt64(version), 2) + be(UInt64(epoch), 2) + be(sequence, 6) + be(UInt64(body.count), 2) + body
    }

    /// A handshake fragment: header plus `bytes` (fragment_length is `bytes.count`).
    static func fragment(type: UInt8 = 1, length: Int, sequence: UInt16 = 0, offset: Int = 0, _ bytes: [UInt8])
        -> [UInt8]
    {
        [type] + be(UInt64(length), 3) + be(UInt64(sequence), 2) + be(UInt64(offset), 3) + be(UInt64(bytes.count), 3)
            + bytes
    }

    /// One record holding one fragment of a message whose body is `body`.
    static func datagram(type: UInt8 = 1, sequence: UInt16 = 0, body: [UInt8], range: Range<Int>) -> [UInt8] {
        record(
            fragment(type: type, length: body.count, sequence: sequence, offset: range.lowerBound, Array(body[range]))
        )
    }

    static func be(_ value: UInt64, _ width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// A deterministic test body.
    static func body(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7) &+ seed }
    }
}
