import TLSPrintCore
import TLSPrintEvent

/// JSON lines: one object per event, `\n`-terminated by ``EventEncoder/line(_:)``.
///
/// Keys: `timestamp`, `node`, `app`, `event`, `severity` (`info`/`warning`), then the fields in the
/// event's order, then `message` when the event has one (`startup`). Integers are numbers, thousandths
/// numbers with three decimals, booleans booleans, lists arrays, `chain` an array of objects. Strings are
/// valid UTF-8: control characters and invalid bytes are written as the text `\xHH` (JSON `\\xHH`).
package struct JSONLineEncoder: EventEncoder, Hashable {
    /// `node` and `app`.
    package var identity: EncoderIdentity

    /// An encoder writing as `identity`.
    package init(identity: EncoderIdentity) {
        self.identity = identity
    }

    /// Appends one JSON object, without the trailing `\n`.
    package func appendRecord(_ event: Event, to out: inout [UInt8]) {
        var writer = JSONWriter()
        swap(&writer.bytes, &out)
        writer.beginObject()
        writer.key("timestamp")
        writer.rawString { RFC3339.appendTimestamp(event.timestamp, to: &$0) }
        writer.key("node")
        writer.string(identity.nodeName)
        writer.key("app")
        writer.string(identity.appName)
        writer.key("event")
        writer.string(event.type.rawValue)
        writer.key("severity")
        writer.string(event.type.severity.name)
        event.writeFields(to: &writer, enabled: identity.fingerprints)
        if let message = event.message {
            writer.key("message")
            writer.string(message)
        }
        writer.endObject()
        swap(&writer.bytes, &out)
    }
}

/// The fields of an event as JSON object members.
extension JSONWriter: EventFieldWriter {
    mutating func string(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    mutating func text(_ name: String, _ value: [UInt8]) {
        key(name)
        text(value)
    }

    mutating func integer(_ name: String, _ value: Int) {
        key(name)
        integer(value)
    }

    mutating func thousandths(_ name: String, _ value: Int) {
        key(name)
        thousandths(value)
    }

    mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func texts(_ name: String, _ values: [[UInt8]]) {
        key(name)
        beginArray()
        for value in values { text(value) }
        endArray()
    }

    mutating func objects<Element>(_ name: String, _ elements: [Element], _ write: (Element, inout JSONWriter) -> Void)
    {
        key(name)
        beginArray()
        for element in elements {
            beginObject()
            write(element, &self)
            endObject()
        }
        endArray()
    }
}
