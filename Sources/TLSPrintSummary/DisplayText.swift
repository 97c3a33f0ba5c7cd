/// Turns bytes a remote peer chose (SNI, Host, identification lines, certificate names) into text that is safe
/// on a terminal and in JSON, cut to a bounded length so that a table entry's memory stays bounded.
///
/// The rule of docs/events.md ("Text from the wire"), stricter for the terminal: C0 controls, DEL, C1 controls
/// (U+0080–U+009F, which some terminals obey) and every byte that is not well-formed UTF-8 become `\xHH`.
package enum DisplayText {
    /// Bytes kept of one value; longer ones are cut and end in `...`.
    package static let maximumBytes = 256

    /// The display form of `bytes`.
    package static func make<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return bytes.count <= maximumBytes
                ? String(decoding: bytes, as: UTF8.self)
                : String(decoding: bytes.prefix(maximumBytes - 3), as: UTF8.self) + "..."
        }
        var out = ""
        let kept = Array(bytes.prefix(maximumBytes))
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = kept.makeIterator()
        var offset = 0  // bytes the parser has accounted for, valid or not
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    for byte in encoded { appendEscaped(byte, to: &out) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
                offset += encoded.count
            case .error(let length):
                for byte in kept.dropFirst(offset).prefix(length) { appendEscaped(byte, to: &out) }
                offset += length
            case .emptyInput:
                break loop
            }
        }
        return bytes.count > maximumBytes ? out + "..." : out
    }

    /// The display form of a string tlsprint decoded already (certificate names): the same rule.
    package static func make(_ text: String) -> String {
        make(Array(text.utf8))
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout String) {
        let digits: [Character] = Array("0123456789abcdef")
        out += "\\x"
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
}
