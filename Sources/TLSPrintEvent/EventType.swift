/// The event types of docs/events.md: the syslog MSGID and the JSON `event` key.
package enum EventType: String, Hashable, Sendable, CaseIterable {
    case startup
    case tlsClientHello = "tls_client_hello"
    case tlsSession = "tls_session"
    case tlsCertificate = "tls_certificate"
    case sensorStats = "sensor_stats"
    case sshHandshake = "ssh_handshake"
    case sshActivity = "ssh_activity"
    case httpRequest = "http_request"

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
