import TLSPrintEvent

/// Reads the fingerprints label-list cells are compared with straight from a typed event, borrowed: no copy of
/// the event (an event costs a switch per kind and the hash lookups). A family turned off with
/// `--fingerprints` leaves its fields empty, which counts as absent.
enum EventFingerprints {
    /// The values of one kind an event carries: at most two strings (a `ja4t` cell is compared with `ja4t` and
    /// `ja4ts`) and, for `ja4x`, the certificate chain.
    struct Values {
        var first: String?
        var second: String?
        var chain: [CertificateChainEntry] = []

        init(_ first: String? = nil, _ second: String? = nil, chain: [CertificateChainEntry] = []) {
            self.first = first.flatMap { $0.isEmpty ? nil : $0 }
            self.second = second.flatMap { $0.isEmpty ? nil : $0 }
            self.chain = chain
        }

        /// Whether `pattern` matches one of the values.
        func contain(_ pattern: FingerprintPattern) -> Bool {
            if let first, pattern.matches(first) { return true }
            if let second, pattern.matches(second) { return true }
            return chain.contains { !$0.ja4x.isEmpty && pattern.matches($0.ja4x) }
        }
    }

    /// The event's values a cell of `kind` may match (empty fields are absent).
    static func values(_ kind: FingerprintKind, in event: borrowing Event) -> Values {
        switch event {
        case .tlsClientHello(let hello):
            return clientHalf(kind, hello.client)
        case .tlsSession(let session):
            switch kind {
            case .ja3s: return Values(session.server.ja3s)
            case .ja4s: return Values(session.server.ja4s)
            case .ja4t: return Values(session.client?.ja4t, session.ja4ts)
            default: return session.client.map { clientHalf(kind, $0) } ?? Values()
            }
        case .tlsCertificate(let certificate):
            switch kind {
            case .ja3: return Values(certificate.clientJA3)
            case .ja4: return Values(certificate.clientJA4)
            case .ja4x: return Values(chain: certificate.chain)
            default: return Values()
            }
        case .sshHandshake(let handshake):
            switch kind {
            case .hassh: return Values(handshake.hassh?.hash)
            case .hasshServer: return Values(handshake.hasshServer?.hash)
            default: return tcp(kind, handshake.tcp)
            }
        case .sshActivity(let activity):
            return tcp(kind, activity.tcp)
        case .httpRequest(let request):
            return kind == .ja4h ? Values(request.ja4h) : tcp(kind, request.tcp)
        case .startup, .sensorStats:
            return Values()
        }
    }

    private static func clientHalf(_ kind: FingerprintKind, _ client: ClientFingerprints) -> Values {
        switch kind {
        case .ja3: Values(client.ja3)
        case .ja4: Values(client.ja4)
        case .ja4t: Values(client.ja4t)
        default: Values()
        }
    }

    private static func tcp(_ kind: FingerprintKind, _ tcp: TCPFacts) -> Values {
        kind == .ja4t ? Values(tcp.ja4t, tcp.ja4ts) : Values()
    }

    /// Whether `pattern` matches one of the event's values of its kind.
    static func satisfies(_ pattern: FingerprintPattern, in event: borrowing Event) -> Bool {
        values(pattern.kind, in: event).contain(pattern)
    }

    /// The kinds an event of `type` can carry, a bit per kind (``FingerprintKind/bit``): an index with rows of
    /// none of them has nothing to look up.
    static func kinds(of type: EventType) -> UInt16 {
        switch type {
        case .tlsClientHello: FingerprintKind.ja3.bit | FingerprintKind.ja4.bit | FingerprintKind.ja4t.bit
        case .tlsSession:
            FingerprintKind.ja3.bit | FingerprintKind.ja4.bit | FingerprintKind.ja4t.bit | FingerprintKind.ja3s.bit
                | FingerprintKind.ja4s.bit
        case .tlsCertificate: FingerprintKind.ja3.bit | FingerprintKind.ja4.bit | FingerprintKind.ja4x.bit
        case .sshHandshake: FingerprintKind.hassh.bit | FingerprintKind.hasshServer.bit | FingerprintKind.ja4t.bit
        case .sshActivity: FingerprintKind.ja4t.bit
        case .httpRequest: FingerprintKind.ja4h.bit | FingerprintKind.ja4t.bit
        case .startup, .sensorStats: 0
        }
    }
}
