/// A field value as tests and tools inspect it (``Event/fields``); encoders never build these.
package indirect enum EventValue: Hashable, Sendable {
    /// Text tlsprint wrote itself (fingerprints, addresses): always printable ASCII.
    case string(String)
    /// Text from the wire (SNI, ALPN, certificate names): may hold any byte.
    case text([UInt8])
    /// A whole number.
    case integer(Int)
    /// A fixed-point number with three decimals, stored in thousandths (`ja4l_rtt_ms`).
    case thousandths(Int)
    /// `true` / `false`.
    case bool(Bool)
    /// A list.
    case list([EventValue])
    /// A list of objects (the certificate chain), JSON only.
    case objects([[EventField]])
}

/// One named field of an event, as inspected.
package struct EventField: Hashable, Sendable {
    package var name: String
    package var value: EventValue

    package init(_ name: String, _ value: EventValue) {
        self.name = name
        self.value = value
    }
}

/// An ``EventFieldWriter`` that collects the fields as values, in order (for tests and inspection).
package struct EventFieldCollector: EventFieldWriter {
    /// The fields written so far.
    package var fields: [EventField] = []

    package init() {}

    package mutating func string(_ name: String, _ value: String) { fields.append(EventField(name, .string(value))) }
    package mutating func text(_ name: String, _ value: [UInt8]) { fields.append(EventField(name, .text(value))) }
    package mutating func integer(_ name: String, _ value: Int) { fields.append(EventField(name, .integer(value))) }
    package mutating func thousandths(_ name: String, _ value: Int) {
        fields.append(EventField(name, .thousandths(value)))
    }
    package mutating func bool(_ name: String, _ value: Bool) { fields.append(EventField(name, .bool(value))) }
    package mutating func strings(_ name: String, _ values: [String]) {
        fields.append(EventField(name, .list(values.map { .string($0) })))
    }
    package mutating func texts(_ name: String, _ values: [[UInt8]]) {
        fields.append(EventField(name, .list(values.map { .text($0) })))
    }
    package mutating func objects<Element>(
        _ name: String,
        _ elements: [Element],
        _ write: (Element, inout EventFieldCollector) -> Void
    ) {
        let objects = elements.map { element in
            var inner = EventFieldCollector()
            write(element, &inner)
            return inner.fields
        }
        fields.append(EventField(name, .objects(objects)))
    }
}
