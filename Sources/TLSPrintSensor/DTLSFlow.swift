import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

/// What the sensor keeps about one DTLS association while its handshake is in view.
struct DTLSFlow: FlowTableValue {
    var handshake: DatagramHandshake
    var forward = DTLSHandshakeReassembler()
    var reverse = DTLSHandshakeReassembler()
    /// Bytes both directions hold, as last charged to the sensor's memory budget.
    var chargedBytes = 0

    init(first: Endpoint, second: Endpoint) {
        handshake = DatagramHandshake(first: first, second: second, transport: "dtls", marker: .dtls)
    }

    /// Bytes both directions hold now.
    var bufferedBytes: Int { forward.bufferedBytes + reverse.bufferedBytes }

    /// A placeholder for free table slots.
    static var vacant: DTLSFlow {
        let nowhere = Endpoint(address: .v4(0), port: 0)
        return DTLSFlow(first: nowhere, second: nowhere)
    }
}
