import TLSPrintEvent

/// Receives an event's fields and puts each where ``ECSFieldMap`` routes it, in an ``ECSObject``.
///
/// Values are written as the JSON encoding writes them (same numbers, booleans, arrays, and the same `\xHH`
/// text for wire bytes that are not UTF-8 or are control characters); only the routes that ECS asks to
/// reshape change them (upper-case hex, a one-element array, a split version or Host).
struct ECSFieldRouter: EventFieldWriter {
    /// The document built so far.
    var document = ECSObject()
    /// The event whose fields arrive; nil inside an element of `chain`, whose fields keep their own names.
    let eventType: EventType?
    private var hasNetworkType = false

    init() {
        self.init(eventType: nil)
    }

    init(eventType: EventType?) {
        self.eventType = eventType
    }

    /// One field's value, as the writer received it.
    private enum Value {
        case string(String)
        case text([UInt8])
        case integer(Int)
        case thousandths(Int)
        case bool(Bool)
        case strings([String])
        case texts([[UInt8]])

        /// The value as JSON text.
        var json: [UInt8] {
            var writer = JSONWriter()
            append(to: &writer)
            return writer.bytes
        }

        /// The value as a JSON array: itself when it is a list, else an array of one.
        var jsonArray: [UInt8] {
            var writer = JSONWriter()
            switch self {
            case .strings, .texts:
                append(to: &writer)
            default:
                writer.beginArray()
                append(to: &writer)
                writer.endArray()
            }
            return writer.bytes
        }

        /// The bytes of a single text value.
        var bytes: [UInt8]? {
            switch self {
            case .string(let value): Array(value.utf8)
            case .text(let value): value
            default: nil
            }
        }

        private func append(to writer: inout JSONWriter) {
            switch self {
            case .string(let value): writer.string(value)
            case .text(let value): writer.text(value)
            case .integer(let value): writer.integer(value)
            case .thousandths(let value): writer.thousandths(value)
            case .bool(let value): writer.bool(value)
            case .strings(let values):
                writer.beginArray()
                for value in values { writer.string(value) }
                writer.endArray()
            case .texts(let values):
                writer.beginArray()
                for value in values { writer.text(value) }
                writer.endArray()
            }
        }
    }

    mutating func string(_ name: String, _ value: String) { place(name, .string(value)) }
    mutating func text(_ name: String, _ value: [UInt8]) { place(name, .text(value)) }
    mutating func integer(_ name: String, _ value: Int) { place(name, .integer(value)) }
    mutating func thousandths(_ name: String, _ value: Int) { place(name, .thousandths(value)) }
    mutating func bool(_ name: String, _ value: Bool) { place(name, .bool(value)) }
    mutating func strings(_ name: String, _ values: [String]) { place(name, .strings(values)) }
    mutating func texts(_ name: String, _ values: [[UInt8]]) { place(name, .texts(values)) }

    /// An array of objects (`chain`), each element's fields under their own names.
    mutating func objects<Element>(
        _ name: String,
        _ elements: [Element],
        _ write: (Element, inout ECSFieldRouter) -> Void
    ) {
        var array = JSONWriter()
        array.beginArray()
        for element in elements {
            var inner = ECSFieldRouter(eventType: nil)
            write(element, &inner)
            inner.document.write(to: &array)
        }
        array.endArray()
        if let eventType, case .field(let path) = ECSFieldMap.route(name, in: eventType) {
            document.set(path, json: array.bytes)
        } else {
            document.set(name: name, json: array.bytes)
        }
    }

    private mutating func place(_ name: String, _ value: Value) {
        guard let eventType else { return document.set(name: name, json: value.json) }
        switch ECSFieldMap.route(name, in: eventType) {
        case .field(let path):
            document.set(path, json: value.json)
        case .array(let path):
            document.set(path, json: value.jsonArray)
        case .upperHex(let path):
            guard case .string(let text) = value else { return document.set(path, json: value.json) }
            document.set(path, json: Value.string(text.uppercased()).json)
        case .nonEmpty(let path):
            if value.bytes?.isEmpty != true { document.set(path, json: value.json) }
        case .negotiatedVersion:
            placeVersion(name, value)
        case .transport:
            placeTransport(name, value, eventType: eventType)
        case .address(let path):
            document.set(path, json: value.json)
            if !hasNetworkType, case .string(let address) = value {
                document.set("network.type", json: Value.string(ECSFieldMap.networkType(ofAddress: address)).json)
                hasNetworkType = true
            }
        case .httpHost:
            guard let bytes = value.bytes, let (host, port) = ECSFieldMap.splitHost(bytes) else {
                return document.set(ECSFieldMap.custom(name), json: value.json)
            }
            document.set("url.domain", json: Value.text(host).json)
            if let port { document.set("url.port", json: Value.integer(port).json) }
        }
    }

    private mutating func placeVersion(_ name: String, _ value: Value) {
        guard case .string(let text) = value, let (versionProtocol, version) = ECSFieldMap.tlsVersion(text) else {
            return document.set(ECSFieldMap.custom(name), json: value.json)
        }
        document.set("tls.version_protocol", json: Value.string(versionProtocol).json)
        document.set("tls.version", json: Value.string(version).json)
    }

    private mutating func placeTransport(_ name: String, _ value: Value, eventType: EventType) {
        guard case .string(let transport) = value, let layer = ECSFieldMap.transportLayer(transport),
            let application = ECSFieldMap.applicationProtocol(eventType, transport: transport)
        else {
            return document.set(ECSFieldMap.custom(name), json: value.json)
        }
        document.set("network.transport", json: Value.string(layer.name).json)
        document.set("network.iana_number", json: Value.string(layer.ianaNumber).json)
        document.set("network.protocol", json: Value.string(application).json)
    }
}
