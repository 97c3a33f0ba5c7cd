import Foundation

/// Hex fixtures in Tests/Fixtures/quic (see SOURCES.md there).
enum QUICFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/quic")

    /// Bytes from lower-case or upper-case hex; whitespace ignored.
    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8).filter { !$0.isWhitespace }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index + 1 < digits.count {
            out.append(UInt8(nibble(digits[index]) << 4 | nibble(digits[index + 1])))
            index += 2
        }
        return out
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: 0
        }
    }

    /// The bytes of a `.hex` file (lines of hex, `#` comments).
    static func hexFile(_ name: String) throws -> [UInt8] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        return bytes(hex: lines.joined())
    }

    /// One captured UDP payload and who sent it.
    struct Datagram {
        var fromClient: Bool
        var payload: [UInt8]
    }

    /// The datagrams of a `NAME.datagrams.hex` file: lines `c HEX` or `s HEX`, `#` comments.
    static func datagrams(_ name: String) throws -> [Datagram] {
        let text = try String(
            contentsOf: directory.appendingPathComponent("\(name).datagrams.hex"),
            encoding: .utf8
        )
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { return nil }
            return Datagram(fromClient: parts[0] == "c", payload: bytes(hex: String(parts[1])))
        }
    }
}

extension UInt8 {
    fileprivate var isWhitespace: Bool { self == 0x20 || self == 0x0a || self == 0x0d || self == 0x09 }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs as a contiguous run.
    func contains(run needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
