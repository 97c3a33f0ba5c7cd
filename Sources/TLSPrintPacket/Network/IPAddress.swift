/// An IPv4 or IPv6 address, held as integers in network bit order (the first wire byte is the most significant).
package enum IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// An IPv4 address.
    case v4(UInt32)
    /// An IPv6 address as its high and low 64 bits.
    case v6(UInt64, UInt64)

    /// Dotted quad for IPv4; RFC 5952 canonical text for IPv6 (lower case, longest zero run as `::`,
    /// IPv4-mapped addresses as `::ffff:a.b.c.d`).
    package var description: String {
        switch self {
        case .v4(let value): return Self.dottedQuad(value)
        case .v6(let high, let low): return Self.ipv6Text(high: high, low: low)
        }
    }

    /// The address as on the wire: 4 bytes for IPv4, 16 for IPv6 (Community ID hashes these).
    package var bytes: [UInt8] {
        switch self {
        case .v4(let value): return (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
        case .v6(let high, let low):
            return (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
                + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        }
    }

    /// Orders IPv4 before IPv6, then numerically (used to normalise flow direction).
    package static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case (.v4(let a), .v4(let b)): return a < b
        case (.v4, .v6): return true
        case (.v6, .v4): return false
        case (.v6(let ah, let al), .v6(let bh, let bl)): return ah < bh || (ah == bh && al < bl)
        }
    }

    private static func dottedQuad(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    // RFC 5952 §4: no leading zeros; "::" replaces the longest run of two or more zero groups (the first run
    // on a tie); lower-case hex. §5: IPv4-mapped addresses keep the dotted quad.
    private static func ipv6Text(high: UInt64, low: UInt64) -> String {
        if high == 0, low >> 32 == 0xFFFF { return "::ffff:" + dottedQuad(UInt32(truncatingIfNeeded: low)) }
        var groups = [UInt16](repeating: 0, count: 8)
        for index in 0..<4 {
            groups[index] = UInt16(truncatingIfNeeded: high >> (48 - 16 * index))
            groups[index + 4] = UInt16(truncatingIfNeeded: low >> (48 - 16 * index))
        }
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > bestLength { (bestStart, bestLength) = (index, end - index) }
            index = end
        }
        var text = ""
        index = 0
        while index < 8 {
            if index == bestStart {
                text += "::"
                index += bestLength
                continue
            }
            if !text.isEmpty, !text.hasSuffix(":") { text += ":" }
            text += String(groups[index], radix: 16)
            index += 1
        }
        return text
    }
}
