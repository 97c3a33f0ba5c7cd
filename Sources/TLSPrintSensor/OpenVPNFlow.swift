import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

/// What the sensor keeps about one OpenVPN-over-UDP flow while the TLS handshake of its control channel is
/// in view. The TLS runs over OpenVPN's reliable channel, so its JA4 says `t` (fingerprints.md §1.1 rule:
/// `q` only for QUIC, `d` only for DTLS); events say `transport="udp"`.
struct OpenVPNFlow: FlowTableValue {
    var handshake: DatagramHandshake
    /// The tls-auth HMAC size read off the client's hard reset (0: none).
    let hmacSize: Int
    var forward = OpenVPNControlChannel()
    var reverse = OpenVPNControlChannel()
    /// Bytes both directions hold, as last charged to the sensor's memory budget.
    var chargedBytes = 0

    init(first: Endpoint, second: Endpoint, hmacSize: Int) {
        handshake = DatagramHandshake(first: first, second: second, transport: "udp", marker: .tcp)
        self.hmacSize = hmacSize
    }

    /// A placeholder for free table slots.
    static var vacant: OpenVPNFlow {
        let nowhere = Endpoint(address: .v4(0), port: 0)
        return OpenVPNFlow(first: nowhere, second: nowhere, hmacSize: 0)
    }

    /// Bytes both directions hold now.
    var bufferedBytes: Int { forward.bufferedBytes + reverse.bufferedBytes }

    /// True when neither direction's channel wants more.
    var isQuiet: Bool { handshake.isQuiet || (forward.isFinished && reverse.isFinished) }
}
