/// What makes two events repeats of each other (docs/events.md, "Deduplication"): type, source and the type's
/// key fields, taken from the typed values.
package enum DedupKey: Hashable, Sendable {
    /// `tls_client_hello`: JA3 and JA4.
    case clientHello(source: String, ja3: String, ja4: String)
    /// `tls_session`: JA3, JA3S, JA4, JA4S (the client's pair is empty when its hello was not seen).
    case session(source: String, ja3: String, ja3s: String, ja4: String, ja4s: String)
    /// `tls_certificate`: the leaf's subject CN (empty when it has none) and issuer.
    case certificate(source: String, subjectCommonName: String, issuer: String)
    /// `ssh_handshake`: HASSH and HASSH-server (empty when not seen).
    case sshHandshake(source: String, hassh: String, hasshServer: String)
    /// `ssh_activity`: JA4SSH.
    case sshActivity(source: String, ja4ssh: String)
    /// `http_request`: JA4H, method, Host and request-target (a new path from one source is always reported).
    case httpRequest(source: String, ja4h: String, method: [UInt8], host: [UInt8], uri: [UInt8])
}

extension Event {
    /// The dedup key; nil for types that are never suppressed (`startup`, `sensor_stats`). The source is the
    /// client's address.
    package var dedupKey: DedupKey? { dedupKey(enabled: .all) }

    /// The dedup key made of the `enabled` families only (`--fingerprints`): a disabled family's value is
    /// left empty, so events that differ only there are repeats.
    package func dedupKey(enabled: FingerprintFamilies) -> DedupKey? {
        func kept(_ value: String, _ family: FingerprintFamilies) -> String { enabled.contains(family) ? value : "" }
        switch self {
        case .tlsClientHello(let event):
            return .clientHello(
                source: event.endpoints.clientIP,
                ja3: kept(event.client.ja3, .ja3),
                ja4: kept(event.client.ja4, .ja4)
            )
        case .tlsSession(let event):
            return .session(
                source: event.endpoints.clientIP,
                ja3: kept(event.client?.ja3 ?? "", .ja3),
                ja3s: kept(event.server.ja3s, .ja3),
                ja4: kept(event.client?.ja4 ?? "", .ja4),
                ja4s: kept(event.server.ja4s, .ja4s)
            )
        case .tlsCertificate(let event):
            return .certificate(
                source: event.endpoints.clientIP,
                subjectCommonName: event.subjectCommonName ?? "",
                issuer: event.leaf.issuer
            )
        case .sshHandshake(let event):
            return .sshHandshake(
                source: event.endpoints.clientIP,
                hassh: kept(event.hassh?.hash ?? "", .hassh),
                hasshServer: kept(event.hasshServer?.hash ?? "", .hassh)
            )
        case .sshActivity(let event):
            return .sshActivity(source: event.endpoints.clientIP, ja4ssh: event.ja4ssh)
        case .httpRequest(let event):
            return .httpRequest(
                source: event.endpoints.clientIP,
                ja4h: kept(event.ja4h, .ja4h),
                method: event.method,
                host: event.host ?? [],
                uri: event.uri
            )
        case .startup, .sensorStats:
            return nil
        }
    }
}
