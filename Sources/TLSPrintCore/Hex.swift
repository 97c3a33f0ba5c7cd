/// Lower-case hexadecimal encoding, as fingerprints and event fields write it.
public enum Hex {
    /// The sixteen lower-case hex digits, as ASCII.
    public static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The bytes as lower-case hex, two digits each, no separators.
    @inlinable
    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A 16-bit value as exactly four lower-case hex digits (`002f`, `c02b`).
    @inlinable
    public static func fourDigits(_ value: UInt16) -> String {
        let out: [UInt8] = [
            digits[Int(value >> 12)], digits[Int(value >> 8 & 0xF)],
            digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)],
        ]
        return String(decoding: out, as: UTF8.self)
    }
}
