import TLSPrintCore
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

@testable import TLSPrintOutput

/// Attacker-controlled text (shared/spec/events.md: "Attacker bytes never break a line").
@Suite struct EscapingTests {
    let syslog = SyslogFormatter(identity: SampleEvents.identity)
    let json = JSONLineEncoder(identity: SampleEvents.identity)

    /// The SD or JSON value the encoders write for `sni` (the text between the quotes).
    func syslogSNI(_ bytes: [UInt8]) -> String {
        var writer = SyslogParameterWriter()
        writer.text("sni", bytes)
        return String(decoding: writer.out.dropFirst(#" sni=""#.utf8.count).dropLast(), as: UTF8.self)
    }

    func jsonSNI(_ bytes: [UInt8]) -> String {
        var writer = JSONWriter()
        writer.text(bytes)
        return String(decoding: writer.bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    // (input, syslog PARAM-VALUE, JSON string body), worked by hand from RFC 5424 §6.3.3 and RFC 8259 §7.
    static let cases: [([UInt8], String, String)] = [
        (Array(#"a"b"#.utf8), #"a\"b"#, #"a\"b"#),
        (Array(#"a\b"#.utf8), #"a\\b"#, #"a\\b"#),
        (Array("a]b".utf8), #"a\]b"#, "a]b"),
        (Array("a\nb".utf8), #"a\\x0ab"#, #"a\\x0ab"#),
        ([0x61, 0x00, 0x62], #"a\\x00b"#, #"a\\x00b"#),
        ([0x1F, 0x7F], #"\\x1f\\x7f"#, #"\\x1f\\x7f"#),
        ([0x61, 0xFF, 0x62], #"a\\xffb"#, #"a\\xffb"#),
        (Array("bücher.de".utf8), "bücher.de", "bücher.de"),
        ([0xF0, 0x9F, 0x98, 0x80], "\u{1F600}", "\u{1F600}"),  // a valid 4-byte sequence stays
        ([0xC2, 0x85], "\u{85}", "\u{85}"),  // C1 controls are valid UTF-8 and outside the spec's range
        ([0xC0, 0xAF], #"\\xc0\\xaf"#, #"\\xc0\\xaf"#),  // overlong '/'
        ([0xED, 0xA0, 0x80], #"\\xed\\xa0\\x80"#, #"\\xed\\xa0\\x80"#),  // UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], #"\\xf4\\x90\\x80\\x80"#, #"\\xf4\\x90\\x80\\x80"#),  // above U+10FFFF
        ([0x61, 0xE2, 0x82], #"a\\xe2\\x82"#, #"a\\xe2\\x82"#),  // truncated at the end
        ([0xE2, 0x82, 0x41], #"\\xe2\\x82A"#, #"\\xe2\\x82A"#),  // truncated in the middle
        ([0x80], #"\\x80"#, #"\\x80"#),  // lone continuation byte
        (Array(#"\x41"#.utf8), #"\\x41"#, #"\\x41"#),  // a literal backslash-x reads like an escape
    ]

    @Test(arguments: cases)
    func escapes(input: [UInt8], syslogValue: String, jsonValue: String) {
        #expect(syslogSNI(input) == syslogValue)
        #expect(jsonSNI(input) == jsonValue)
    }

    /// The syslog MSG stays US-ASCII: quotes, backslashes and brackets pass, every control and non-ASCII
    /// byte (valid UTF-8 too) becomes `\xHH` with one backslash, and the verbatim runs around them survive.
    @Test func syslogMessageStaysASCII() {
        var out: [UInt8] = []
        TextEscaper.append(Array("a\"b\\]c".utf8) + [0x00] + Array("ü.de".utf8), style: .syslogMessage, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"a"b\]c\x00\xc3\xbc.de"#)
    }

    @Test func hostileSNIInWholeLines() throws {
        let sni: [UInt8] = Array(#"x"y\z]"#.utf8) + [0x0A, 0x00, 0xFF] + Array("bücher.de".utf8)
        let event = SampleEvents.hello(sni: sni)
        let syslogLine = syslog.lineString(event)
        #expect(syslogLine.hasPrefix("<134>1 2026-04-17T22:57:53.482113+00:00 sensor-1 sniffer - tls_client_hello "))
        #expect(syslogLine.contains(#" tls_version="TLS 1.3" sni="x\"y\\z\]\\x0a\\x00\\xffbücher.de" alpn="h2,"#))
        #expect(syslogLine.firstIndex(of: "\n") == syslogLine.index(before: syslogLine.endIndex))
        let jsonLine = json.lineString(event)
        #expect(jsonLine.contains(#","tls_version":"TLS 1.3","sni":"x\"y\\z]\\x0a\\x00\\xffbücher.de","alpn":["#))
        #expect(jsonLine.firstIndex(of: "\n") == jsonLine.index(before: jsonLine.endIndex))
        if let result = try PythonJSON.parses(json.line(event)) { #expect(result.ok, Comment(rawValue: result.errors)) }
    }

    @Test func longestDNSNameIsKeptWhole() {
        let name = [UInt8](repeating: UInt8(ascii: "a"), count: 255)
        #expect(syslogSNI(name) == String(repeating: "a", count: 255))
        #expect(jsonSNI(name) == String(repeating: "a", count: 255))
    }

    @Test func randomBytesNeverBreakALineAndJSONAlwaysParses() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        var jsonLines: [UInt8] = []
        for round in 0..<2_000 {
            let length = Int(generator.next() % 64)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if round % 3 == 0 { bytes += [0xE2, 0x82] }  // bias toward truncated sequences
            let event = SampleEvents.hello(sni: bytes)
            for record in [syslog.record(event), json.record(event)] {
                #expect(!record.contains(0x0A) && !record.contains(0x0D) && !record.contains(0x00))
                #expect(String(validating: record, as: UTF8.self) != nil)
            }
            jsonLines += json.line(event)
        }
        guard let result = try PythonJSON.parses(jsonLines) else {
            print("skipped: python3 not found on PATH")
            return
        }
        #expect(result.ok, Comment(rawValue: result.errors))
    }

    /// The escaper reads eight bytes at a time while none needs a look; a byte-at-a-time reference written
    /// from the rules above (RFC 3629 §4 well-formedness, `\xHH` for the rest, then the style's backslashes)
    /// must agree on random text biased toward every special byte at every position of a word.
    @Test(arguments: [TextEscaper.Style.json, .syslogParamValue, .syslogMessage])
    func wordAtATimeAgreesWithByteAtATime(style: TextEscaper.Style) {
        let specials: [UInt8] = [0x00, 0x1F, 0x20, 0x22, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC3, 0xBC, 0xE2, 0xF0, 0xFF]
        var generator = SeededGenerator(seed: 0xE5C)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 40)
            let bytes = (0..<length).map { _ -> UInt8 in
                generator.next() % 4 == 0
                    ? specials[Int(generator.next() % UInt64(specials.count))]
                    : UInt8(0x21 + generator.next() % 0x5A)
            }
            var fast: [UInt8] = []
            TextEscaper.append(bytes, style: style, to: &fast)
            #expect(fast == Self.referenceEscape(bytes, style: style), "\(bytes)")
        }
    }

    static func referenceEscape(_ bytes: [UInt8], style: TextEscaper.Style) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte >= 0x80 ? TextEscaper.validSequenceLength(bytes.span, at: index) : 0
            if length > 0, style != .syslogMessage {
                out += bytes[index..<(index + length)]
                index += length
                continue
            }
            if byte < 0x20 || byte >= 0x7F {
                let hex = Array("0123456789abcdef".utf8)
                out += Array((style == .syslogMessage ? "\\x" : "\\\\x").utf8)
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else if (byte == 0x22 || byte == 0x5C) && style != .syslogMessage {
                out += [0x5C, byte]
            } else if byte == 0x5D && style == .syslogParamValue {
                out += [0x5C, byte]
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
