import TLSPrintCore
import TLSPrintEvent

/// ECS documents (`--format ecs`): one JSON object per event, shaped by the Elastic Common Schema.
///
/// Every document starts with `@timestamp`, `ecs.version`, the `event.*` categorization and `observer.*`
/// (tlsprint itself); the event's fields follow where ``ECSFieldMap`` routes them, ECS fields where ECS
/// defines them and the rest under the custom object `tlsprint`. Objects are written nested, each once.
/// Strings follow the JSON encoding's rules (valid UTF-8; control characters and invalid bytes as the text
/// `\xHH`), and `--fingerprints` leaves out the same fields. Pure and deterministic, like ``JSONLineEncoder``.
package struct ECSDocumentEncoder: EventEncoder, Hashable {
    /// The ECS version the documents follow: that of the field definitions they are checked against
    /// (shared/ecs, ECS 9.5.0-dev). Every ECS field written here exists, with the same type, since ECS 8.0.
    package static let ecsVersion = "9.5.0-dev"

    /// `observer.hostname` (the node name) and `tlsprint.app`.
    package var identity: EncoderIdentity

    /// An encoder writing as `identity`.
    package init(identity: EncoderIdentity) {
        self.identity = identity
    }

    /// Appends one JSON document, without a trailing `\n`.
    package func appendRecord(_ event: Event, to out: inout [UInt8]) {
        var router = ECSFieldRouter(eventType: event.type)
        writeHeader(of: event, to: &router.document)
        event.writeFields(to: &router, enabled: identity.fingerprints)
        if let message = event.message { router.document.set("message", json: Self.json { $0.string(message) }) }
        router.document.set(ECSFieldMap.custom("app"), json: Self.json { $0.string(identity.appName) })
        var writer = JSONWriter()
        swap(&writer.bytes, &out)
        router.document.write(to: &writer)
        swap(&writer.bytes, &out)
    }

    private func writeHeader(of event: Event, to document: inout ECSObject) {
        let type = event.type
        let (kind, categories, types) = ECSFieldMap.categorization(of: type)
        document.set(
            "@timestamp",
            json: Self.json { $0.rawString { RFC3339.appendTimestamp(event.timestamp, to: &$0) } }
        )
        document.set("ecs.version", json: Self.json { $0.string(Self.ecsVersion) })
        document.set("event.kind", json: Self.json { $0.string(kind) })
        document.set("event.category", json: Self.json { $0.strings(categories) })
        document.set("event.type", json: Self.json { $0.strings(types) })
        document.set("event.module", json: Self.json { $0.string(ECSFieldMap.customObject) })
        document.set("event.dataset", json: Self.json { $0.string(ECSFieldMap.custom(type.rawValue)) })
        document.set("event.action", json: Self.json { $0.string(type.rawValue) })
        document.set("event.severity", json: Self.json { $0.integer(type.severity.rawValue) })
        document.set("observer.hostname", json: Self.json { $0.string(identity.nodeName) })
        document.set("observer.type", json: Self.json { $0.string("sensor") })
        document.set("observer.product", json: Self.json { $0.string("tlsprint") })
    }

    /// One value as JSON text.
    private static func json(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        write(&writer)
        return writer.bytes
    }
}

extension JSONWriter {
    /// An array of tlsprint's own strings.
    fileprivate mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }
}
