import TLSPrintEvent

/// The fingerprints of one event that label-list cells are compared with, read straight from the typed event.
/// A family that is turned off (`--fingerprints`) leaves its fields empty, which counts as absent.
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
    var ja4xChain: [String] = []

    init?(_ event: Event) {
        switch event {
        case .tlsClientHello(let hello):
            setClient(hello.client)
        case .tlsSession(let session):
            if let client = session.client { setClient(client) }
            ja3s = Self.present(session.server.ja3s)
            ja4s = Self.present(session.server.ja4s)
            ja4ts = session.ja4ts.flatMap(Self.present)
        case .tlsCertificate(let certificate):
            ja3 = certificate.clientJA3.flatMap(Self.present)
            ja4 = certificate.clientJA4.flatMap(Self.present)
            ja4xChain = certificate.chain.map(\.ja4x).filter { !$0.isEmpty }
        case .sshHandshake(let handshake):
            hassh = handshake.hassh.flatMap { Self.present($0.hash) }
            hasshServer = handshake.hasshServer.flatMap { Self.present($0.hash) }
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
        ja4t = client.ja4t.flatMap(Self.present)
    }

    private mutating func setTCP(_ tcp: TCPFacts) {
        ja4t = tcp.ja4t.flatMap(Self.present)
        ja4ts = tcp.ja4ts.flatMap(Self.present)
    }

    private static func present(_ value: String) -> String? { value.isEmpty ? nil : value }

    /// The event's values a cell of `kind` may match: a `ja4t` cell matches `ja4t` or `ja4ts`, a `ja4x` cell
    /// any certificate of the chain.
    func values(of kind: FingerprintKind) -> [String] {
        switch kind {
        case .ja3: ja3.map { [$0] } ?? []
        case .ja3s: ja3s.map { [$0] } ?? []
        case .ja4: ja4.map { [$0] } ?? []
        case .ja4s: ja4s.map { [$0] } ?? []
        case .ja4h: ja4h.map { [$0] } ?? []
        case .ja4x: ja4xChain
        case .ja4t: [ja4t, ja4ts].compactMap { $0 }
        case .hassh: hassh.map { [$0] } ?? []
        case .hasshServer: hasshServer.map { [$0] } ?? []
        }
    }

    /// Whether `pattern` matches one of the event's values of its kind.
    func satisfies(_ pattern: FingerprintPattern) -> Bool {
        values(of: pattern.kind).contains { pattern.matches($0) }
    }
}
