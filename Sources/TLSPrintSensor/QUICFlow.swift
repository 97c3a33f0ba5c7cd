import TLSPrintCore
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintQUIC

/// What the sensor keeps about one QUIC connection while its Initial packets are in view.
struct QUICFlow: FlowTableValue {
    /// The sender of the first client Initial.
    let client: Endpoint
    let server: Endpoint
    /// The DCID that keys the Initial packets: the client's first, replaced after a Retry.
    var keyConnectionID: [UInt8]?
    var clientCrypto: CryptoStreamAssembler
    var serverCrypto: CryptoStreamAssembler
    var clientRecord: ClientRecord?
    var sawClientHello = false
    var sawServerHello = false
    var latency = QUICLatencyObserver()
    /// Bytes both CRYPTO streams hold, as last charged to the sensor's memory budget.
    var chargedBytes = 0

    /// Bytes both CRYPTO streams hold now.
    var bufferedBytes: Int { clientCrypto.bufferedBytes + serverCrypto.bufferedBytes }

    /// A ServerHello whose event waits for JA4L to settle.
    var pendingServerHello: PendingServerHello?

    init(client: Endpoint, server: Endpoint, cryptoBytes: Int) {
        self.client = client
        self.server = server
        clientCrypto = CryptoStreamAssembler(maximumBytes: cryptoBytes)
        serverCrypto = CryptoStreamAssembler(maximumBytes: cryptoBytes)
    }

    /// A placeholder for free table slots.
    static var vacant: QUICFlow {
        let nowhere = Endpoint(address: .v4(0), port: 0)
        return QUICFlow(client: nowhere, server: nowhere, cryptoBytes: 0)
    }

    /// True when JA4L can change no more: complete, or not measured (neither side on UDP 443).
    var latencySettled: Bool { latency.isComplete || (client.port != 443 && server.port != 443) }

    /// True when nothing more is wanted: both hellos seen and JA4L settled.
    var isQuiet: Bool { sawClientHello && sawServerHello && latencySettled && pendingServerHello == nil }
}

/// A ServerHello held back until JA4L settles.
struct PendingServerHello: Sendable {
    var body: [UInt8]
    var timestamp: CaptureTimestamp
}

/// A complete handshake message at the start of a CRYPTO stream, if there is one.
enum CryptoStreamMessage {
    /// The first handshake message of `stream` when all of it has arrived: (type, body).
    static func first(in stream: ArraySlice<UInt8>) -> (type: UInt8, body: [UInt8])? {
        guard stream.count >= 4 else { return nil }
        let start = stream.startIndex
        let length = Int(stream[start + 1]) << 16 | Int(stream[start + 2]) << 8 | Int(stream[start + 3])
        guard stream.count >= 4 + length else { return nil }
        return (stream[start], Array(stream[(start + 4)..<(start + 4 + length)]))
    }
}
