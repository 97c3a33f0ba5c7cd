import TLSPrintEvent

/// Reads the fingerprints label-list cells are compared with straight from a typed event, borrowed: no copy of
/// the event and no strings kept (an event costs a switch and the hash lookups). A family turned off with
/// `--fingerprints` leaves its fields empty, which counts as absent.
enum EventFingerprints {
    /// Whether `body` returns true for one of the event's values a cell of `kind` may match: a `ja4t` cell
    /// matches `ja4t` or `ja4ts`, a `ja4x` cell any certificate of the chain. Stops at the first true.
    static func contains(_ kind: FingerprintKind, in event: borrowing Event, where body: (String) -> Bool) -> Bool {
        switch event {
        case .tlsClientHello(let hello):
            return clientHalf(kind, hello.client, body)
        case .tlsSession(let session):
            switch kind {
            case .ja3s: return test(session.server.ja3s, body)
            case .ja4s: return test(session.server.ja4s, body)
            case .ja4t:
                if let client = session.client, test(client.ja4t, body) { return true }
                return test(session.ja4ts, body)
            default:
                guard let client = session.client else { return false }
                return clientHalf(kind, client, body)
            }
        case .tlsCertificate(let certificate):
            switch kind {
            case .ja3: return test(certificate.clientJA3, body)
            case .ja4: return test(certificate.clientJA4, body)
            case .ja4x: return certificate.chain.contains { test($0.ja4x, body) }
            default: return false
            }
        case .sshHandshake(let handshake):
            switch kind {
            case .hassh: return test(handshake.hassh?.hash, body)
            case .hasshServer: return test(handshake.hasshServer?.hash, body)
            default: return tcp(kind, handshake.tcp, body)
            }
        case .sshActivity(let activity):
            return tcp(kind, activity.tcp, body)
        case .httpRequest(let request):
            if kind == .ja4h { return test(request.ja4h, body) }
            return tcp(kind, request.tcp, body)
        case .startup, .sensorStats:
            return false
        }
    }

    private static func clientHalf(_ kind: FingerprintKind, _ client: ClientFingerprints, _ body: (String) -> Bool)
        -> Bool
    {
        switch kind {
        case .ja3: test(client.ja3, body)
        case .ja4: test(client.ja4, body)
        case .ja4t: test(client.ja4t, body)
        default: false
        }
    }

    private static func tcp(_ kind: FingerprintKind, _ tcp: TCPFacts, _ body: (String) -> Bool) -> Bool {
        guard kind == .ja4t else { return false }
        return test(tcp.ja4t, body) || test(tcp.ja4ts, body)
    }

    /// An absent or empty value matches nothing.
    private static func test(_ value: String?, _ body: (String) -> Bool) -> Bool {
        guard let value, !value.isEmpty else { return false }
        return body(value)
    }

    /// Whether `pattern` matches one of the event's values of its kind.
    static func satisfies(_ pattern: FingerprintPattern, in event: borrowing Event) -> Bool {
        contains(pattern.kind, in: event) { pattern.matches($0) }
    }

    /// The kinds an event of `type` can carry: an index with rows of none of them has nothing to look up.
    static func kinds(of type: EventType) -> Set<FingerprintKind> {
        switch type {
        case .tlsClientHello: [.ja3, .ja4, .ja4t]
        case .tlsSession: [.ja3, .ja4, .ja4t, .ja3s, .ja4s]
        case .tlsCertificate: [.ja3, .ja4, .ja4x]
        case .sshHandshake: [.hassh, .hasshServer, .ja4t]
        case .sshActivity: [.ja4t]
        case .httpRequest: [.ja4h, .ja4t]
        case .startup, .sensorStats: []
        }
    }
}
