/// A minimal streaming JSON writer (RFC 8259) that appends to a byte buffer.
///
/// It tracks only whether the next member or element needs a comma; callers pair `begin…`/`end…`.
struct JSONWriter {
    /// The JSON text written so far (and whatever the buffer held before).
    var bytes: [UInt8]
    private var needsComma = false

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    init() {
        self.init(bytes: [])
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object member name; the next call writes its value. Names are tlsprint's own identifiers
    /// (`[a-z0-9_]`, events.md), so they are copied as they are.
    mutating func key(_ name: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A string from tlsprint itself, escaped like wire text.
    mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// Wire bytes as a string: control characters and invalid UTF-8 become `\xHH` text.
    mutating func text(_ value: [UInt8]) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        TextEscaper.append(value, style: .json, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A pre-encoded timestamp or other ASCII produced by tlsprint, written between quotes as is.
    mutating func rawString(_ ascii: (inout [UInt8]) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        ascii(&bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A value that is JSON text already (written by another `JSONWriter`), copied as it is.
    mutating func rawJSON(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    mutating func integer(_ value: Int) {
        separate()
        DecimalWriter.append(value, to: &bytes)
        needsComma = true
    }

    /// A number with exactly three decimals.
    mutating func thousandths(_ value: Int) {
        separate()
        DecimalWriter.appendThousandths(value, to: &bytes)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        TextEscaper.append(value, style: .json, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
