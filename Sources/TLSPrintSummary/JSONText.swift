/// Writes one JSON object (RFC 8259) with keys in the order they are written: the summary's stable key order.
package struct JSONText: Sendable {
    package private(set) var text = ""
    /// Whether the container being written still needs no comma before its next member.
    private var first: [Bool] = []

    package init() {}

    package mutating func beginObject(_ key: String? = nil) {
        open(key, "{")
    }

    package mutating func endObject() {
        first.removeLast()
        text += "}"
    }

    package mutating func beginArray(_ key: String? = nil) {
        open(key, "[")
    }

    package mutating func endArray() {
        first.removeLast()
        text += "]"
    }

    package mutating func string(_ key: String?, _ value: String) {
        member(key)
        Self.appendQuoted(value, to: &text)
    }

    /// A string, or `null` when absent.
    package mutating func string(_ key: String?, _ value: String?) {
        guard let value else { return null(key) }
        string(key, value)
    }

    package mutating func integer(_ key: String?, _ value: Int) {
        member(key)
        text += String(value)
    }

    package mutating func bool(_ key: String?, _ value: Bool) {
        member(key)
        text += value ? "true" : "false"
    }

    package mutating func null(_ key: String?) {
        member(key)
        text += "null"
    }

    package mutating func strings(_ key: String?, _ values: [String]) {
        beginArray(key)
        for value in values { string(nil, value) }
        endArray()
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        member(key)
        text += bracket
        first.append(true)
    }

    /// The comma and the key before a member (none at the top level).
    private mutating func member(_ key: String?) {
        if let last = first.indices.last {
            if !first[last] { text += "," }
            first[last] = false
        }
        if let key {
            Self.appendQuoted(key, to: &text)
            text += ":"
        }
    }

    /// `value` in quotes: `"` and `\` escaped, control characters as `\u00XX`.
    static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
