import TLSPrintCore
import TLSPrintTestSupport
import Testing

/// Builders for hand-made SSH bytes, for the malformed tables (real traffic comes from Tests/Fixtures/ssh).
enum SSHWire {
    /// A uint32, big-endian.
    static func uint32(_ value: Int) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
            UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
        ]
    }

    /// A name-list: uint32 length and the bytes.
    static func nameList(_ bytes: [UInt8]) -> [UInt8] { uint32(bytes.count) + bytes }

    /// A name-list from text.
    static func nameList(_ text: String) -> [UInt8] { nameList(Array(text.utf8)) }

    /// A KEXINIT payload with ten lists (`lists` padded with empty ones).
    static func kexInit(_ lists: [[UInt8]], follows: UInt8 = 0, reserved: Int = 0) -> [UInt8] {
        var payload: [UInt8] = [20] + [UInt8](repeating: 0xAB, count: 16)
        for index in 0..<10 { payload += nameList(index < lists.count ? lists[index] : []) }
        return payload + [follows] + uint32(reserved)
    }

    /// A typical KEXINIT payload.
    static let sampleKexInit = kexInit(
        [
            Array("curve25519-sha256,diffie-hellman-group14-sha256".utf8), Array("ssh-ed25519,rsa-sha2-512".utf8),
            Array("aes128-ctr,aes256-gcm@openssh.com".utf8), Array("aes128-ctr,aes256-gcm@openssh.com".utf8),
            Array("hmac-sha2-256".utf8), Array("hmac-sha2-256".utf8), Array("none".utf8), Array("none".utf8),
        ]
    )

    /// A binary packet around `payload` with `padding` bytes of padding.
    static func packet(_ payload: [UInt8], padding: Int = 4) -> [UInt8] {
        uint32(1 + payload.count + padding) + [UInt8(padding)] + payload + [UInt8](repeating: 0, count: padding)
    }

    /// An identification line with CR LF.
    static func line(_ text: String) -> [UInt8] { Array(text.utf8) + [0x0D, 0x0A] }

    /// The real SSH fixtures (Tests/Fixtures/ssh), by name.
    static func fixture(_ name: String) -> StreamFixture? { StreamFixture.ssh.first { $0.name == name } }

    /// `bytes` cut into pieces whose lengths come from a seeded generator, 1...`widest` bytes each.
    static func randomSplits(_ bytes: [UInt8], seed: UInt64, widest: Int = 97) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        var pieces: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Int.random(in: 1...widest, using: &generator))
            pieces.append(Array(bytes[start..<end]))
            start = end
        }
        return pieces
    }
}

/// One malformed input and the reason it must be rejected with.
struct MalformedSample: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var reason: ParseError.Reason
    var testDescription: String { name }

    init(_ name: String, _ bytes: [UInt8], _ reason: ParseError.Reason) {
        self.name = name
        self.bytes = bytes
        self.reason = reason
    }
}

/// The reason `body` threw, or nil when it did not throw.
func failure(of body: () throws(ParseError) -> Void) -> ParseError.Reason? {
    do {
        try body()
        return nil
    } catch {
        return error.reason
    }
}
