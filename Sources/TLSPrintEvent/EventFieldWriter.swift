/// What an encoder implements to receive an event's fields, in the order the event's type fixes.
///
/// Each typed event calls these once per field it has; absent optional fields are simply not written. Text
/// that came off the wire arrives as raw bytes (`text`), text tlsprint wrote itself as `String`.
package protocol EventFieldWriter {
    /// An empty writer (a placeholder while a filter holds the real one).
    init()
    /// Text tlsprint wrote itself (fingerprints, addresses, times): printable ASCII.
    mutating func string(_ name: String, _ value: String)
    /// Text from the wire (SNI, ALPN, certificate names): any bytes; the encoder escapes them.
    mutating func text(_ name: String, _ value: [UInt8])
    /// A whole number.
    mutating func integer(_ name: String, _ value: Int)
    /// A fixed-point number with three decimals, given in thousandths.
    mutating func thousandths(_ name: String, _ value: Int)
    /// `true` / `false`.
    mutating func bool(_ name: String, _ value: Bool)
    /// A list of tlsprint's own strings.
    mutating func strings(_ name: String, _ values: [String])
    /// A list of wire texts.
    mutating func texts(_ name: String, _ values: [[UInt8]])
    /// The `labels` list: label texts may hold commas, so syslog joins them with `; ` (a list elsewhere).
    mutating func labels(_ name: String, _ values: [String])
    /// A list of objects (JSON only; syslog leaves it out): `write` is called once per element, between
    /// `beginObject` and `endObject` of the writer's own bookkeeping.
    mutating func objects<Element>(_ name: String, _ elements: [Element], _ write: (Element, inout Self) -> Void)
}

extension EventFieldWriter {
    /// By default a label list is a list of strings.
    package mutating func labels(_ name: String, _ values: [String]) { strings(name, values) }
}
