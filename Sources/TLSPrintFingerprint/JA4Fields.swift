import TLSPrintCore
import TLSPrintTLS

/// Pieces shared by the JA4 family (fingerprints.md §0, §1.1, §1.4).
package enum JA4Fields {
    /// The two-character version code: `13`, `12`, `11`, `10`, `s3`, `s2`, `d1`, `d2`, `d3`, else `00`.
    package static func versionCode(_ version: ProtocolVersion) -> String {
        switch version {
        case .tls13: "13"
        case .tls12: "12"
        case .tls11: "11"
        case .tls10: "10"
        case .ssl3: "s3"
        case .ssl2: "s2"
        case .dtls10: "d1"
        case .dtls12: "d2"
        case .dtls13: "d3"
        default: "00"
        }
    }

    /// A count as two decimal digits, zero padded, capped at 99.
    package static func twoDigitCount(_ count: Int) -> String {
        let capped = min(count, 99)
        let digits = [UInt8(ascii: "0") + UInt8(capped / 10), UInt8(ascii: "0") + UInt8(capped % 10)]
        return String(decoding: digits, as: UTF8.self)
    }

    /// The two ALPN characters per the written spec (§1.4, tlsprint's rule): first and last byte when both
    /// are ASCII alphanumeric (a one-byte value doubled), else first and last digit of the value's hex;
    /// `00` when there is no value or it is empty.
    package static func alpnCode(_ value: [UInt8]?) -> String {
        guard let value, let first = value.first, let last = value.last else { return "00" }
        if isAlphanumeric(first) && isAlphanumeric(last) {
            return String(decoding: [first, last], as: UTF8.self)
        }
        let hex = Array(Hex.encode(value).utf8)
        return String(decoding: [hex[0], hex[hex.count - 1]], as: UTF8.self)
    }

    /// 16-bit values as 4-digit lower-case hex, comma-joined.
    package static func hexList(_ values: [UInt16]) -> String {
        // Written straight into one buffer: a String per value and `joined` cost more than the hashing.
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 5)
        for value in values {
            if !out.isEmpty { out.append(UInt8(ascii: ",")) }
            for shift: UInt16 in [12, 8, 4, 0] { out.append(Hex.digits[Int(value >> shift & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a non-negative number in decimal (negative values are written as 0; fingerprints count).
    package static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else { return out.append(UInt8(ascii: "0")) }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// The parts joined with `_`, built in one buffer (chained `+` builds an intermediate string per step).
    package static func underscored(_ parts: String...) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count })
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "_")) }
            out.append(contentsOf: part.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
