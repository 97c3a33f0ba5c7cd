/// Base64 (RFC 4648 §4, with padding): Community IDs are the base64 of a SHA-1 digest.
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The base64 text of `bytes`.
    package static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = 0
            for offset in 0..<3 { group = group << 8 | (offset < count ? Int(bytes[index + offset]) : 0) }
            for position in 0..<4 {
                // Three bytes give four six-bit digits; a short group pads the digits it did not fill.
                let digit = group >> (18 - 6 * position) & 0x3F
                out.append(position <= count ? alphabet[digit] : UInt8(ascii: "="))
            }
            index += count
        }
        return String(decoding: out, as: UTF8.self)
    }
}
