import TLSPrintCore
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

/// What the sensor keeps about one TCP conversation while its handshake is in view.
struct TCPFlow: FlowTableValue {
    /// The sender of the flow's first packet seen.
    let first: Endpoint
    /// The other end.
    let second: Endpoint
    /// The client's direction: the SYN sender's until a ClientHello says otherwise.
    var clientDirection: Direction?
    var handshake = TCPHandshakeObserver()
    var forward: TLSStreamObserver
    var reverse: TLSStreamObserver
    /// The client's half of the `tls_session` fields, from its ClientHello until the first ServerHello.
    var client: ClientRecord?
    var sawClientHello = false
    var sawServerHello = false
    var sawCertificate = false
    /// The SNI, repeated on the certificate event.
    var serverName: EventValue = .text([])

    init(first: Endpoint, second: Endpoint, forwardCapacity: Int, reverseCapacity: Int, pendingSegments: Int) {
        self.first = first
        self.second = second
        forward = TLSStreamObserver(capacity: forwardCapacity, pendingSegments: pendingSegments)
        reverse = TLSStreamObserver(capacity: reverseCapacity, pendingSegments: pendingSegments)
    }

    /// A placeholder for free table slots.
    static var vacant: TCPFlow {
        let nowhere = Endpoint(address: .v4(0), port: 0)
        return TCPFlow(first: nowhere, second: nowhere, forwardCapacity: 0, reverseCapacity: 0, pendingSegments: 0)
    }

    /// The direction of a packet sent by `source`.
    func direction(from source: Endpoint) -> Direction { source == first ? .forward : .reverse }

    /// The sender in `direction`.
    func sender(in direction: Direction) -> Endpoint { direction == .forward ? first : second }

    /// Offers a segment to the observer of `direction`.
    mutating func receive(_ direction: Direction, sequence: TCPSequence, payload: borrowing Span<UInt8>)
        -> [HandshakeMessage]
    {
        switch direction {
        case .forward: return forward.receive(sequence: sequence, payload: payload)
        case .reverse: return reverse.receive(sequence: sequence, payload: payload)
        }
    }

    /// Fixes the stream start of `direction`.
    mutating func start(_ direction: Direction, at sequence: TCPSequence) {
        switch direction {
        case .forward: forward.start(at: sequence)
        case .reverse: reverse.start(at: sequence)
        }
    }

    /// Stops reading `direction`.
    mutating func finish(_ direction: Direction) {
        switch direction {
        case .forward: forward.finish()
        case .reverse: reverse.finish()
        }
    }

    /// Bytes both directions hold, as last charged to the sensor's memory budget.
    var chargedBytes = 0

    /// Bytes both directions hold now.
    var bufferedBytes: Int { forward.bufferedBytes + reverse.bufferedBytes }

    /// True when `direction` wants no more bytes.
    func isFinished(_ direction: Direction) -> Bool {
        direction == .forward ? forward.isFinished : reverse.isFinished
    }

    /// True when neither direction wants more bytes.
    var isQuiet: Bool { forward.isFinished && reverse.isFinished }
}

/// The client side of a handshake, kept for the `tls_session` and `tls_certificate` events.
struct ClientRecord: Sendable {
    /// Client-side event fields (any order; events are arranged on output).
    var fields: [EventField]
    /// The ClientHello itself, to judge `resumption_accepted` against the ServerHello.
    var hello: ClientHello
}
