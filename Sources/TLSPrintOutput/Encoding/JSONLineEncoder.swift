import TLSPrintCore
import TLSPrintSensor

/// JSON lines: one object per event, `\n`-terminated by ``EventEncoder/line(_:)``.
///
/// Keys: `timestamp`, `node`, `app`, `event`, `severity` (`info`/`warning`), then the fields in the
/// event's order, then `message` when the event has one (`startup`). Integers are numbers, thousandths
/// numbers with three decimals, booleans booleans, lists arrays, `.objects` arrays of objects. Strings are
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
        Self.writeMembers(event.fields, to: &writer)
        if let message = event.message {
            writer.key("message")
            writer.string(message)
        }
        writer.endObject()
        swap(&writer.bytes, &out)
    }

    private static func writeMembers(_ fields: [EventField], to writer: inout JSONWriter) {
        for field in fields {
            writer.key(field.name)
            writeValue(field.value, to: &writer)
        }
    }

    private static func writeValue(_ value: EventValue, to writer: inout JSONWriter) {
        switch value {
        case .string(let text): writer.string(text)
        case .text(let bytes): writer.text(bytes)
        case .integer(let number): writer.integer(number)
        case .thousandths(let number): writer.thousandths(number)
        case .bool(let flag): writer.bool(flag)
        case .list(let elements):
            writer.beginArray()
            for element in elements { writeValue(element, to: &writer) }
            writer.endArray()
        case .objects(let objects):
            writer.beginArray()
            for object in objects {
                writer.beginObject()
                writeMembers(object, to: &writer)
                writer.endObject()
            }
            writer.endArray()
        }
    }
}
