import TLSPrintCore
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

/// What the sensor keeps about one DTLS association while its handshake is in view.
struct DTLSFlow: FlowTableValue {
    /// The sender of the first datagram seen (the client when that was a ClientHello).
    let first: Endpoint
    let second: Endpoint
    var clientDirection: Direction?
    var forward = DTLSHandshakeReassembler()
    var reverse = DTLSHandshakeReassembler()
    var clientRecord: ClientRecord?
    var serverName: EventValue = .text([])
    var sawClientHello = false
    var sawServerHello = false
    var sawCertificate = false
    /// True once the server negotiated DTLS 1.3 (the rest is encrypted) or sent its certificate.
    var serverDone = false

    init(first: Endpoint, second: Endpoint) {
        self.first = first
        self.second = second
    }

    /// A placeholder for free table slots.
    static var vacant: DTLSFlow {
        let nowhere = Endpoint(address: .v4(0), port: 0)
        return DTLSFlow(first: nowhere, second: nowhere)
    }

    func direction(from source: Endpoint) -> Direction { source == first ? .forward : .reverse }

    func sender(in direction: Direction) -> Endpoint { direction == .forward ? first : second }

    /// True when nothing more is wanted from the association.
    var isQuiet: Bool { sawClientHello && serverDone }
}
