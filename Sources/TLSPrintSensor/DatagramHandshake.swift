import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

/// The handshake bookkeeping of a flow whose TLS travels in datagrams (DTLS; OpenVPN's control channel
/// over UDP): which messages were seen, the client's record for the session event, and whether the server
/// side has said all it says in clear.
struct DatagramHandshake: Sendable {
    /// The sender of the flow's first datagram and the other end.
    let first: Endpoint
    let second: Endpoint
    /// `transport` in events and JA4's first character.
    let transport: String
    let marker: TransportMarker
    var clientDirection: Direction?
    var clientRecord: ClientRecord?
    var serverName: EventValue = .text([])
    var sawClientHello = false
    var sawServerHello = false
    var sawCertificate = false
    /// True once the server negotiated (D)TLS 1.3 (the rest is encrypted) or sent its certificate.
    var serverDone = false

    init(first: Endpoint, second: Endpoint, transport: String, marker: TransportMarker) {
        self.first = first
        self.second = second
        self.transport = transport
        self.marker = marker
    }

    func direction(from source: Endpoint) -> Direction { source == first ? .forward : .reverse }

    func sender(in direction: Direction) -> Endpoint { direction == .forward ? first : second }

    /// The client: the first ClientHello's sender, else the first datagram's.
    var client: Endpoint { sender(in: clientDirection ?? .forward) }

    /// True when nothing more is wanted from the flow.
    var isQuiet: Bool { sawClientHello && serverDone }

    /// `src_*`, `dst_*` and `transport`, client first.
    var endpointFields: [EventField] {
        let clientDirection = clientDirection ?? .forward
        return Sensor.endpointFields(
            client: sender(in: clientDirection),
            server: sender(in: clientDirection.opposite),
            transport: transport
        )
    }
}

extension Sensor {
    /// Builds the events of one handshake message of a datagram flow, updating `flow`.
    mutating func handleDatagramHandshake(
        _ message: HandshakeMessage,
        flow: inout DatagramHandshake,
        direction: Direction,
        timestamp: CaptureTimestamp,
        into events: inout [Event]
    ) {
        switch message.type {
        case .clientHello where !flow.sawClientHello:
            // The first ClientHello counts; the one repeated with a cookie after HelloVerifyRequest does not.
            flow.sawClientHello = true
            flow.clientDirection = direction
            guard
                let built = clientHelloEvent(
                    message.body,
                    endpoints: flow.endpointFields,
                    transport: flow.marker,
                    extra: [],
                    timestamp: timestamp
                )
            else { return }
            flow.clientRecord = built.record
            flow.serverName = .text(built.hello.serverName ?? [])
            emit(built.event, source: flow.client.address.description, into: &events)
        case .serverHello where !flow.sawServerHello:
            flow.sawServerHello = true
            if flow.clientDirection == nil { flow.clientDirection = direction.opposite }
            let client = flow.clientRecord
            flow.clientRecord = nil  // only this first ServerHello uses it
            guard
                let built = sessionEvent(
                    message.body,
                    endpoints: flow.endpointFields,
                    client: client,
                    transport: flow.marker,
                    extra: [],
                    timestamp: timestamp
                )
            else {
                flow.serverDone = true
                return
            }
            if built.hello.extensions.selectedVersion != nil || built.hello.isHelloRetryRequest {
                flow.serverDone = true
            }
            emit(built.event, source: flow.client.address.description, into: &events)
        case .certificate:
            guard flow.sawServerHello, !flow.sawCertificate, flow.clientDirection == direction.opposite else { return }
            flow.sawCertificate = true
            flow.serverDone = true
            guard
                let event = certificateEvent(
                    message.body,
                    endpoints: flow.endpointFields,
                    serverName: flow.serverName,
                    timestamp: timestamp
                )
            else { return }
            emit(event, source: flow.client.address.description, into: &events)
        case .serverHelloDone:
            flow.serverDone = true
        default:
            return
        }
    }
}
