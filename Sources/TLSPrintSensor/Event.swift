import TLSPrintCore

/// What tlsprint reports: one line in either encoding (shared/spec/events.md).
///
/// Fields are kept in the contract's order; the encoders write them as they come and never reorder.
package struct Event: Hashable, Sendable {
    /// The event type: the syslog MSGID and the JSON `event` key.
    package var type: EventType
    /// Packet time for TLS events; the current time for `startup` and `sensor_stats`.
    package var timestamp: CaptureTimestamp
    /// The structured fields, in contract order.
    package var fields: [EventField]
    /// Free text, only on `startup`.
    package var message: String?

    package init(type: EventType, timestamp: CaptureTimestamp, fields: [EventField] = [], message: String? = nil) {
        self.type = type
        self.timestamp = timestamp
        self.fields = fields
        self.message = message
    }

    /// The value of the first field called `name`, if present.
    package subscript(name: String) -> EventValue? {
        fields.first { $0.name == name }?.value
    }
}

/// The event types of shared/spec/events.md.
package enum EventType: String, Hashable, Sendable, CaseIterable {
    case startup
    case tlsClientHello = "tls_client_hello"
    case tlsSession = "tls_session"
    case tlsCertificate = "tls_certificate"
    case sensorStats = "sensor_stats"

    /// RFC 5424 severity: warning (4) for sessions, info (6) otherwise.
    package var severity: Severity { self == .tlsSession ? .warning : .info }
}

/// Syslog severities tlsprint uses.
package enum Severity: Int, Hashable, Sendable {
    case warning = 4
    case info = 6

    /// The JSON spelling.
    package var name: String { self == .warning ? "warning" : "info" }
}

/// One named field of an event.
package struct EventField: Hashable, Sendable {
    package var name: String
    package var value: EventValue

    package init(_ name: String, _ value: EventValue) {
        self.name = name
        self.value = value
    }
}

/// A field value. Text that came off the wire stays raw bytes until an encoder escapes it.
package indirect enum EventValue: Hashable, Sendable {
    /// Text tlsprint wrote itself (fingerprints, addresses): always printable ASCII.
    case string(String)
    /// Text from the wire (SNI, ALPN, certificate names): may hold any byte; encoders escape it.
    case text([UInt8])
    /// A whole number: a JSON number, a decimal syslog param.
    case integer(Int)
    /// A fixed-point number with three decimals, stored in thousandths (`ja4l_rtt_ms`).
    case thousandths(Int)
    /// `true` / `false`.
    case bool(Bool)
    /// A list: a JSON array, comma-joined in syslog.
    case list([EventValue])
    /// A list of objects (the certificate chain), JSON only; syslog leaves it out.
    case objects([[EventField]])
}
