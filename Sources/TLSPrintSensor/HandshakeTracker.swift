import TLSPrintEvent
import TLSPrintFlow
import TLSPrintTLS

/// The TLS handshake rules of one flow, the same whether the TLS travels over TCP, QUIC, DTLS or OpenVPN's
/// control channel.
///
/// The flow's transport hands it every complete handshake message with the direction it came from; the
/// tracker says what the message means (``Step``) and which directions still matter. It does not parse:
/// the sensor parses what it admits, builds the event, and reports a ServerHello back
/// (``serverHelloParsed(_:from:)``). The rules:
/// - the first ClientHello counts (a second follows a HelloRetryRequest or a DTLS HelloVerifyRequest), and
///   nothing more is wanted from its sender;
/// - the first ServerHello counts (a HelloRetryRequest included); after a TLS 1.3 one (a selected
///   `supported_versions`), a HelloRetryRequest, or one that does not parse, nothing more is read in clear;
/// - a TLS ≤ 1.2 Certificate counts once, from the server, after its ServerHello; it ends the server side,
///   as does ServerHelloDone;
/// - the client is the first ClientHello's sender, else the opposite of the first ServerHello's, unless the
///   transport said earlier (TCP: the SYN's sender).
struct HandshakeTracker: Sendable {
    /// What a handshake message means for the flow.
    enum Step: Equatable {
        /// The first ClientHello: a `tls_client_hello` event.
        case clientHello
        /// The first ServerHello: a `tls_session` event, with ``takeClient()``'s record.
        case serverHello
        /// The server's first Certificate: a `tls_certificate` event.
        case certificate
        /// Nothing to report.
        case none
    }

    let pair: EndpointPair
    /// The client's direction, once known.
    var clientDirection: Direction?
    private(set) var sawClientHello = false
    private(set) var sawServerHello = false
    private(set) var sawCertificate = false
    private var finishedForward = false
    private var finishedReverse = false
    /// The client's half, from its ClientHello until the first ServerHello takes it.
    private var clientRecord: ClientRecord?
    /// The client's SNI, JA3 and JA4, repeated on the certificate event.
    private(set) var serverName: [UInt8] = []
    private(set) var clientJA3: String?
    private(set) var clientJA4: String?

    /// Holds a flow's place while its tracker is taken out (``SensorFlow/takeTracker()``).
    static let placeholder = HandshakeTracker(pair: .nowhere)

    init(pair: EndpointPair, clientDirection: Direction? = nil) {
        self.pair = pair
        self.clientDirection = clientDirection
    }

    /// The client (the first packet's sender until the handshake says otherwise).
    var client: Endpoint { pair.sender(in: clientDirection ?? .forward) }

    /// Event endpoints, client first; the addresses are rendered once per flow (and again only if the
    /// client's direction changes).
    mutating func eventEndpoints(transport: EventTransport) -> EventEndpoints {
        let direction = clientDirection ?? .forward
        if let cached = endpoints, cached.direction == direction, cached.fields.transport == transport {
            return cached.fields
        }
        let fields = pair.eventEndpoints(clientDirection: direction, transport: transport)
        endpoints = (direction, fields)
        return fields
    }
    private var endpoints: (direction: Direction, fields: EventEndpoints)?

    /// True when nothing more is wanted from `direction`.
    func isFinished(_ direction: Direction) -> Bool { direction == .forward ? finishedForward : finishedReverse }

    /// True when nothing more is wanted from either direction.
    var isComplete: Bool { finishedForward && finishedReverse }

    /// Decides what a complete handshake message of `type` sent in `direction` means.
    mutating func admit(_ type: HandshakeType, from direction: Direction) -> Step {
        switch type {
        case .clientHello where !sawClientHello:
            sawClientHello = true
            clientDirection = direction
            finish(direction)
            return .clientHello
        case .serverHello where !sawServerHello:
            sawServerHello = true
            if clientDirection == nil { clientDirection = direction.opposite }
            return .serverHello
        case .certificate where sawServerHello && !sawCertificate && clientDirection == direction.opposite:
            sawCertificate = true
            finish(direction)
            return .certificate
        case .serverHelloDone:
            finish(direction)
            return .none
        default:
            return .none
        }
    }

    /// Records the client's half after its ClientHello parsed.
    mutating func clientHelloParsed(_ record: ClientRecord) {
        clientRecord = record
        serverName = record.fingerprints.serverName
        clientJA3 = record.fingerprints.ja3
        clientJA4 = record.fingerprints.ja4
    }

    /// The client's record for the session event; only the first ServerHello uses it, so it is released
    /// (a flow can live long after its handshake).
    mutating func takeClient() -> ClientRecord? {
        defer { clientRecord = nil }
        return clientRecord
    }

    /// Applies the first ServerHello (nil: it did not parse).
    mutating func serverHelloParsed(_ hello: ServerHello?, from direction: Direction) {
        guard let hello else { return finish(direction) }
        // TLS 1.3 encrypts everything after the ServerHello; after a HelloRetryRequest nothing more is wanted.
        if hello.extensions.selectedVersion != nil || hello.isHelloRetryRequest { finish(direction) }
    }

    private mutating func finish(_ direction: Direction) {
        switch direction {
        case .forward: finishedForward = true
        case .reverse: finishedReverse = true
        }
    }
}

/// The client side of a handshake, kept for the `tls_session` and `tls_certificate` events.
struct ClientRecord: Sendable {
    /// The client's event fields.
    var fingerprints: ClientFingerprints
    /// The ClientHello itself, to judge `resumption_accepted` against the ServerHello.
    var hello: ClientHello
}
