import TLSPrintCore
import TLSPrintFlow
import TLSPrintTLS

/// What the sensor keeps about one DTLS association while its handshake is in view.
struct DTLSFlow: SensorFlow {
    var tracker: HandshakeTracker
    var forward = DTLSHandshakeReassembler()
    var reverse = DTLSHandshakeReassembler()
    var chargedBytes = 0

    init(pair: EndpointPair) {
        tracker = HandshakeTracker(pair: pair)
    }

    var bufferedBytes: Int { forward.bufferedBytes + reverse.bufferedBytes }

    static var vacant: DTLSFlow { DTLSFlow(pair: .nowhere) }
}
