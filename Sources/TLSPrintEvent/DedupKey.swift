/// What makes two events repeats of each other (docs/events.md, "Deduplication"): type, source and the type's
/// key fields, taken from the typed values.
package enum DedupKey: Hashable, Sendable {
    /// `tls_client_hello`: JA3 and JA4.
    case clientHello(source: String, ja3: String, ja4: String)
    /// `tls_session`: JA3, JA3S, JA4, JA4S (the client's pair is empty when its hello was not seen).
    case session(source: String, ja3: String, ja3s: String, ja4: String, ja4s: String)
    /// `tls_certificate`: the leaf's subject CN (empty when it has none) and issuer.
    case certificate(source: String, subjectCommonName: String, issuer: String)
}

extension Event {
    /// The dedup key; nil for types that are never suppressed (`startup`, `sensor_stats`). The source is the
    /// client's address.
    package var dedupKey: DedupKey? {
        switch self {
        case .tlsClientHello(let event):
            return .clientHello(source: event.endpoints.clientIP, ja3: event.client.ja3, ja4: event.client.ja4)
        case .tlsSession(let event):
            return .session(
                source: event.endpoints.clientIP,
                ja3: event.client?.ja3 ?? "",
                ja3s: event.server.ja3s,
                ja4: event.client?.ja4 ?? "",
                ja4s: event.server.ja4s
            )
        case .tlsCertificate(let event):
            return .certificate(
                source: event.endpoints.clientIP,
                subjectCommonName: event.subjectCommonName ?? "",
                issuer: event.leaf.issuer
            )
        case .startup, .sensorStats:
            return nil
        }
    }
}
