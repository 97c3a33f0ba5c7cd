/// Writes untrusted text so that it can never break a line or an encoding (shared/spec/events.md).
///
/// Control characters (U+0000–U+001F, U+007F) and every byte that is not part of a well-formed UTF-8
/// sequence (RFC 3629 §4: no overlongs, surrogates or code points above U+10FFFF) become the four
/// characters `\xHH` (lower-case hex). The result then goes through the encoding's own escaping, so a
/// syslog PARAM-VALUE and a JSON string both read `\\xHH`. Well-formed non-ASCII UTF-8 is kept, except
/// in ``Style/syslogMessage``, which stays US-ASCII (see ``SyslogFormatter``).
enum TextEscaper {
    /// The escaping applied after the `\xHH` step.
    enum Style {
        /// RFC 5424 §6.3.3 PARAM-VALUE: `\`, `"` and `]` get a backslash.
        case syslogParamValue
        /// RFC 8259 §7 string contents: `\` and `"` get a backslash (control characters are already gone).
        case json
        /// RFC 5424 MSG, kept US-ASCII (MSG-ANY without a BOM): non-ASCII bytes also become `\xHH`.
        case syslogMessage
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `bytes`, escaped for `style`, to `out`.
    ///
    /// Runs of bytes that stay as they are (almost everything tlsprint writes) are copied in one append.
    static func append(_ bytes: Span<UInt8>, style: Style, to out: inout [UInt8]) {
        var index = 0
        var runStart = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time while none of them needs a look (fingerprints, names, hex: nearly all).
            if index &+ 8 <= count, !needsAttention(eightBytes(bytes, at: index), style: style) {
                index &+= 8
                continue
            }
            let byte = bytes[index]
            if isVerbatim(byte, style: style) {
                index += 1
                continue
            }
            let length = byte < 0x80 ? 0 : validSequenceLength(bytes, at: index)
            if length > 0 && style != .syslogMessage {
                index += length  // well-formed UTF-8 stays in the run
                continue
            }
            appendRun(bytes, from: runStart, to: index, to: &out)
            if byte >= 0x20 && byte < 0x7F {
                out.append(UInt8(ascii: "\\"))  // `\`, `"` or `]` that the style escapes
                out.append(byte)
            } else {
                appendHexEscape(byte, style: style, to: &out)
            }
            index += 1
            runStart = index
        }
        appendRun(bytes, from: runStart, to: index, to: &out)
    }

    /// Appends a `String`'s UTF-8, escaped for `style`.
    static func append(_ text: String, style: Style, to out: inout [UInt8]) {
        // Native strings expose their UTF-8 in place; only a bridged one needs the mutable copy.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0.span, style: style, to: &out) }
        guard done == nil else { return }
        var text = text
        text.withUTF8 { buffer in append(buffer.span, style: style, to: &out) }
    }

    /// Appends `bytes`, escaped for `style`.
    static func append(_ bytes: [UInt8], style: Style, to out: inout [UInt8]) {
        append(bytes.span, style: style, to: &out)
    }

    /// Eight bytes from `index` as one integer (any alignment).
    @inline(__always)
    private static func eightBytes(_ bytes: Span<UInt8>, at index: Int) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when some byte of `word` equals `byte` (the classic zero-byte test on `word ^ byte×8`).
    @inline(__always)
    private static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let spread = word ^ (ones &* UInt64(byte))
        return (spread &- ones) & ~spread & highBits != 0
    }

    /// True when some byte of `word` is not verbatim for `style`: a control byte (< 0x20, 0x7F), a non-ASCII
    /// byte, or one the style escapes. Exact for "is there one"; the byte loop then handles the word.
    @inline(__always)
    private static func needsAttention(_ word: UInt64, style: Style) -> Bool {
        if word & highBits != 0 { return true }
        if (word &- ones &* 0x20) & ~word & highBits != 0 { return true }  // a byte below 0x20
        if contains(word, 0x7F) { return true }
        switch style {
        case .json: return contains(word, UInt8(ascii: "\\")) || contains(word, UInt8(ascii: "\""))
        case .syslogParamValue:
            return contains(word, UInt8(ascii: "\\")) || contains(word, UInt8(ascii: "\""))
                || contains(word, UInt8(ascii: "]"))
        case .syslogMessage: return false
        }
    }

    /// True for a printable ASCII byte that `style` writes unchanged.
    @inline(__always)
    private static func isVerbatim(_ byte: UInt8, style: Style) -> Bool {
        guard byte >= 0x20 && byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "\""): return style == .syslogMessage
        case UInt8(ascii: "]"): return style != .syslogParamValue
        default: return true
        }
    }

    private static func appendRun(_ bytes: Span<UInt8>, from start: Int, to end: Int, to out: inout [UInt8]) {
        guard start < end else { return }
        bytes.extracting(start..<end).withUnsafeBufferPointer { out.append(contentsOf: $0) }
    }

    private static func appendHexEscape(_ byte: UInt8, style: Style, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        if style != .syslogMessage { out.append(UInt8(ascii: "\\")) }
        out.append(UInt8(ascii: "x"))
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
    }

    /// The length (2–4) of the well-formed UTF-8 sequence starting at `index`, or 0 (RFC 3629 §4 table).
    static func validSequenceLength(_ bytes: Span<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}
