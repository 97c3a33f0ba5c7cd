import TLSPrintEvent

/// The encodings of shared/spec/events.md (`--format syslog|json|ecs`).
package enum OutputFormat: String, Hashable, Sendable, CaseIterable {
    /// RFC 5424 syslog, the default.
    case syslog
    /// JSON lines.
    case json
    /// JSON lines shaped by the Elastic Common Schema.
    case ecs

    /// The encoder for this format.
    package func encoder(identity: EncoderIdentity) -> EventEncoding {
        switch self {
        case .syslog: .syslog(SyslogFormatter(identity: identity))
        case .json: .json(JSONLineEncoder(identity: identity))
        case .ecs: .ecs(ECSDocumentEncoder(identity: identity))
        }
    }

    /// True for the encodings that write one JSON object per event (`json`, `ecs`).
    package var isJSON: Bool { self != .syslog }
}

/// One of the concrete encoders, chosen at run time without an existential.
package enum EventEncoding: EventEncoder, Hashable {
    /// RFC 5424.
    case syslog(SyslogFormatter)
    /// JSON lines.
    case json(JSONLineEncoder)
    /// ECS documents.
    case ecs(ECSDocumentEncoder)

    /// The format this encoder writes.
    package var format: OutputFormat {
        switch self {
        case .syslog: .syslog
        case .json: .json
        case .ecs: .ecs
        }
    }

    /// Appends one record of the chosen encoding.
    package func appendRecord(_ event: Event, to out: inout [UInt8]) {
        switch self {
        case .syslog(let formatter): formatter.appendRecord(event, to: &out)
        case .json(let encoder): encoder.appendRecord(event, to: &out)
        case .ecs(let encoder): encoder.appendRecord(event, to: &out)
        }
    }
}
