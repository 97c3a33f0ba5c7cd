import TLSPrintCore
import TLSPrintEvent
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintQUIC

/// What the sensor keeps about one QUIC connection while its Initial packets are in view.
struct QUICFlow: SensorFlow {
    /// The handshake rules; the pair's first end is the sender of the first client Initial.
    var tracker: HandshakeTracker
    /// The DCID that keys the Initial packets: the client's first, replaced after a Retry.
    var keyConnectionID: [UInt8]?
    var clientCrypto: CryptoStreamAssembler
    var serverCrypto: CryptoStreamAssembler
    /// True once the first handshake message of that side's CRYPTO stream arrived: the Initials carry
    /// nothing else in clear.
    var clientStreamDone = false
    var serverStreamDone = false
    var latency = QUICLatencyObserver()
    var chargedBytes = 0
    /// See ``SensorFlow/lastSource``.
    var lastSource: Int?
    /// The `tls_session` event, held until JA4L settles (it needs the client's first Handshake packet,
    /// which follows the ServerHello) or the connection leaves.
    var heldSession: TLSSessionEvent?

    init(client: Endpoint, server: Endpoint, cryptoBytes: Int, communityIDSeed: UInt16 = 0) {
        tracker = HandshakeTracker(
            pair: EndpointPair(first: client, second: server, communityIDSeed: communityIDSeed),
            clientDirection: .forward
        )
        clientCrypto = CryptoStreamAssembler(maximumBytes: cryptoBytes)
        serverCrypto = CryptoStreamAssembler(maximumBytes: cryptoBytes)
    }

    static var vacant: QUICFlow {
        QUICFlow(client: EndpointPair.nowhere.first, server: EndpointPair.nowhere.second, cryptoBytes: 0)
    }

    var client: Endpoint { tracker.pair.first }
    var server: Endpoint { tracker.pair.second }

    var bufferedBytes: Int { clientCrypto.bufferedBytes + serverCrypto.bufferedBytes }

    /// True when JA4L can change no more: complete, or not measured (neither side on UDP 443).
    var latencySettled: Bool { latency.isComplete || (client.port != 443 && server.port != 443) }

    /// True when nothing more is wanted: both hellos seen and JA4L settled.
    var isQuiet: Bool { clientStreamDone && serverStreamDone && latencySettled && heldSession == nil }

    /// The held session event with whatever JA4L the connection has now.
    var heldEvent: Event? {
        guard var session = heldSession else { return nil }
        session.latency = LatencyFieldsMaker.make(client: latency.clientLatency, server: latency.serverLatency)
        return .tlsSession(session)
    }

    var heldEvents: [Event] { heldEvent.map { [$0] } ?? [] }
}
