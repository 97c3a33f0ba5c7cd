import TLSPrintCore

/// JA4L for QUIC (fingerprints.md §4.1): A = client Initial, B = server Initial, C = the latest server
/// Handshake packet before D, D = the first client Handshake packet.
struct QUICLatencyObserver: Hashable, Sendable {
    private var clientInitial: CaptureTimestamp?
    private var serverInitial: CaptureTimestamp?
    private var serverHandshake: CaptureTimestamp?
    private var clientHandshake: CaptureTimestamp?
    private var clientTTL: UInt8 = 0
    private var serverTTL: UInt8 = 0

    /// True once D was seen; nothing changes after it.
    var isComplete: Bool { clientHandshake != nil }

    /// Observes the long-header packet types of one datagram.
    mutating func observe(fromClient: Bool, initial: Bool, handshake: Bool, time: CaptureTimestamp, ttl: UInt8) {
        guard !isComplete else { return }
        if fromClient {
            if initial, clientInitial == nil {
                clientInitial = time
                clientTTL = ttl
            }
            if handshake, serverHandshake != nil { clientHandshake = time }
        } else {
            if initial, clientInitial != nil, serverInitial == nil {
                serverInitial = time
                serverTTL = ttl
            }
            if handshake, serverInitial != nil { serverHandshake = time }
        }
    }

    /// `ja4l_c`: half of C → D in µs, and the client's TTL.
    var clientLatency: (microseconds: Int64, ttl: UInt8)? {
        guard let serverHandshake, let clientHandshake else { return nil }
        return ((clientHandshake.microseconds - serverHandshake.microseconds) / 2, clientTTL)
    }

    /// `ja4l_s`: half of A → B in µs, and the server's TTL.
    var serverLatency: (microseconds: Int64, ttl: UInt8)? {
        guard let clientInitial, let serverInitial else { return nil }
        return ((serverInitial.microseconds - clientInitial.microseconds) / 2, serverTTL)
    }
}
