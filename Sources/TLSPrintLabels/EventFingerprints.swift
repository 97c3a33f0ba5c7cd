import TLSPrintEvent

/// The fingerprints of one event that label-list cells are compared with, read straight from the typed event
/// (no field writer, no copies of the strings). A family that is turned off (`--fingerprints`) leaves its
/// fields empty, which counts as absent.
struct EventFingerprints {
    var ja3: String?
    var ja3s: String?
    var ja4: String?
    var ja4s: String?
    var ja4h: String?
    var ja4t: String?
    var ja4ts: String?
    var hassh: String?
    var hasshServer: String?
    var chain: [CertificateChainEntry] = []

    init?(_ event: Event) {
        switch event {
        case .tlsClientHello(let hello):
            setClient(hello.client)
        case .tlsSession(let session):
            if let client = session.client { setClient(client) }
            ja3s = Self.present(session.server.ja3s)
            ja4s = Self.present(session.server.ja4s)
            ja4ts = Self.present(session.ja4ts)
        case .tlsCertificate(let certificate):
            ja3 = Self.present(certificate.clientJA3)
            ja4 = Self.present(certificate.clientJA4)
            chain = certificate.chain
        case .sshHandshake(let handshake):
            hassh = Self.present(handshake.hassh?.hash)
            hasshServer = Self.present(handshake.hasshServer?.hash)
            setTCP(handshake.tcp)
        case .sshActivity(let activity):
            setTCP(activity.tcp)
        case .httpRequest(let request):
            ja4h = Self.present(request.ja4h)
            setTCP(request.tcp)
        case .startup, .sensorStats:
            return nil
        }
    }

    private mutating func setClient(_ client: ClientFingerprints) {
        ja3 = Self.present(client.ja3)
        ja4 = Self.present(client.ja4)
        ja4t = Self.present(client.ja4t)
    }

    private mutating func setTCP(_ tcp: TCPFacts) {
        ja4t = Self.present(tcp.ja4t)
        ja4ts = Self.present(tcp.ja4ts)
    }

    private static func present(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// Calls `body` with each of the event's values a cell of `kind` may match: a `ja4t` cell matches `ja4t`
    /// or `ja4ts`, a `ja4x` cell any certificate of the chain. Stops when `body` returns true; returns whether
    /// it did.
    @discardableResult
    func contains(_ kind: FingerprintKind, where body: (String) -> Bool) -> Bool {
        switch kind {
        case .ja3: return ja3.map(body) ?? false
        case .ja3s: return ja3s.map(body) ?? false
        case .ja4: return ja4.map(body) ?? false
        case .ja4s: return ja4s.map(body) ?? false
        case .ja4h: return ja4h.map(body) ?? false
        case .ja4x: return chain.contains { !$0.ja4x.isEmpty && body($0.ja4x) }
        case .ja4t: return (ja4t.map(body) ?? false) || (ja4ts.map(body) ?? false)
        case .hassh: return hassh.map(body) ?? false
        case .hasshServer: return hasshServer.map(body) ?? false
        }
    }

    /// Whether `pattern` matches one of the event's values of its kind.
    func satisfies(_ pattern: FingerprintPattern) -> Bool {
        contains(pattern.kind) { pattern.matches($0) }
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
