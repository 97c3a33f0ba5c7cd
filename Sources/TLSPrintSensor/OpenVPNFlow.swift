import TLSPrintCore
import TLSPrintFlow
import TLSPrintTLS

/// What the sensor keeps about one OpenVPN-over-UDP flow while the TLS handshake of its control channel is
/// in view. The TLS runs over OpenVPN's reliable channel, so its JA4 says `t` (fingerprints.md §1.1 rule:
/// `q` only for QUIC, `d` only for DTLS); events say `transport="udp"`.
struct OpenVPNFlow: SensorFlow {
    var tracker: HandshakeTracker
    /// The tls-auth HMAC size read off the client's hard reset (0: none).
    let hmacSize: Int
    var forward = OpenVPNControlChannel()
    var reverse = OpenVPNControlChannel()
    var chargedBytes = 0

    init(pair: EndpointPair, hmacSize: Int) {
        tracker = HandshakeTracker(pair: pair)
        self.hmacSize = hmacSize
    }

    static var vacant: OpenVPNFlow { OpenVPNFlow(pair: .nowhere, hmacSize: 0) }

    var bufferedBytes: Int { forward.bufferedBytes + reverse.bufferedBytes }

    /// True when neither the handshake rules nor the control channels want more.
    var isQuiet: Bool { tracker.isComplete || (forward.isFinished && reverse.isFinished) }
}
