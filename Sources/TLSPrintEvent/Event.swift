import TLSPrintCore

/// What tlsprint reports: one record in either encoding (docs/events.md). Each kind is a typed value whose
/// field order its type fixes; encoders write straight from it.
package enum Event: Hashable, Sendable {
    case startup(StartupEvent)
    case tlsClientHello(TLSClientHelloEvent)
    case tlsSession(TLSSessionEvent)
    case tlsCertificate(TLSCertificateEvent)
    case sensorStats(SensorStatsEvent)
    case sshHandshake(SSHHandshakeEvent)
    case sshActivity(SSHActivityEvent)
    case httpRequest(HTTPRequestEvent)

    /// The event type: the syslog MSGID and the JSON `event` key.
    package var type: EventType {
        switch self {
        case .startup: .startup
        case .tlsClientHello: .tlsClientHello
        case .tlsSession: .tlsSession
        case .tlsCertificate: .tlsCertificate
        case .sensorStats: .sensorStats
        case .sshHandshake: .sshHandshake
        case .sshActivity: .sshActivity
        case .httpRequest: .httpRequest
        }
    }

    /// Packet time for traffic events; wall-clock time for `startup` and `sensor_stats`.
    package var timestamp: CaptureTimestamp {
        get {
            switch self {
            case .startup(let event): event.timestamp
            case .tlsClientHello(let event): event.timestamp
            case .tlsSession(let event): event.timestamp
            case .tlsCertificate(let event): event.timestamp
            case .sensorStats(let event): event.timestamp
            case .sshHandshake(let event): event.timestamp
            case .sshActivity(let event): event.timestamp
            case .httpRequest(let event): event.timestamp
            }
        }
        set {
            switch self {
            case .startup(var event):
                event.timestamp = newValue
                self = .startup(event)
            case .tlsClientHello(var event):
                event.timestamp = newValue
                self = .tlsClientHello(event)
            case .tlsSession(var event):
                event.timestamp = newValue
                self = .tlsSession(event)
            case .tlsCertificate(var event):
                event.timestamp = newValue
                self = .tlsCertificate(event)
            case .sensorStats(var event):
                event.timestamp = newValue
                self = .sensorStats(event)
            case .sshHandshake(var event):
                event.timestamp = newValue
                self = .sshHandshake(event)
            case .sshActivity(var event):
                event.timestamp = newValue
                self = .sshActivity(event)
            case .httpRequest(var event):
                event.timestamp = newValue
                self = .httpRequest(event)
            }
        }
    }

    /// Labels and source file of a traffic event; `startup` and `sensor_stats` have none (setting is ignored).
    package var annotations: EventAnnotations {
        get {
            switch self {
            case .tlsClientHello(let event): event.annotations
            case .tlsSession(let event): event.annotations
            case .tlsCertificate(let event): event.annotations
            case .sshHandshake(let event): event.annotations
            case .sshActivity(let event): event.annotations
            case .httpRequest(let event): event.annotations
            case .startup, .sensorStats: EventAnnotations()
            }
        }
        set {
            switch self {
            case .tlsClientHello(var event):
                event.annotations = newValue
                self = .tlsClientHello(event)
            case .tlsSession(var event):
                event.annotations = newValue
                self = .tlsSession(event)
            case .tlsCertificate(var event):
                event.annotations = newValue
                self = .tlsCertificate(event)
            case .sshHandshake(var event):
                event.annotations = newValue
                self = .sshHandshake(event)
            case .sshActivity(var event):
                event.annotations = newValue
                self = .sshActivity(event)
            case .httpRequest(var event):
                event.annotations = newValue
                self = .httpRequest(event)
            case .startup, .sensorStats: break
            }
        }
    }

    /// Free text, only on `startup`.
    package var message: String? {
        if case .startup(let event) = self { return event.message }
        return nil
    }

    /// The endpoints of a traffic event.
    package var endpoints: EventEndpoints? {
        switch self {
        case .tlsClientHello(let event): event.endpoints
        case .tlsSession(let event): event.endpoints
        case .tlsCertificate(let event): event.endpoints
        case .sshHandshake(let event): event.endpoints
        case .sshActivity(let event): event.endpoints
        case .httpRequest(let event): event.endpoints
        case .startup, .sensorStats: nil
        }
    }

    /// Writes the structured fields in the order the event's type fixes.
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        switch self {
        case .startup(let event): event.writeFields(to: &writer)
        case .tlsClientHello(let event): event.writeFields(to: &writer)
        case .tlsSession(let event): event.writeFields(to: &writer)
        case .tlsCertificate(let event): event.writeFields(to: &writer)
        case .sensorStats(let event): event.writeFields(to: &writer)
        case .sshHandshake(let event): event.writeFields(to: &writer)
        case .sshActivity(let event): event.writeFields(to: &writer)
        case .httpRequest(let event): event.writeFields(to: &writer)
        }
    }

    /// The structured fields as values, in order (for tests and inspection; encoders use ``writeFields(to:)``).
    package var fields: [EventField] {
        var collector = EventFieldCollector()
        writeFields(to: &collector)
        return collector.fields
    }

    /// The value of the field called `name`, if present.
    package subscript(name: String) -> EventValue? {
        fields.first { $0.name == name }?.value
    }
}
