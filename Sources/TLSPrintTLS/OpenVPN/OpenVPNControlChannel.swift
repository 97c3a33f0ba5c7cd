import TLSPrintCore

/// One direction of OpenVPN's reliable control channel over UDP: puts control packets back in message
/// packet id order (UDP reorders and OpenVPN retransmits) and cuts the TLS bytes they carry into handshake
/// messages.
///
/// The channel's TLS starts in the first packet whose payload opens a TLS handshake record; packets before
/// it (the hard resets) carry none. Out-of-order packets wait, at most ``maximumPending`` of them and
/// ``maximumPendingBytes`` together; a gap that outlives that bound ends the direction.
package struct OpenVPNControlChannel: Sendable {
    /// Packets held ahead of a missing one.
    package static let maximumPending = 16
    /// Bytes held ahead of a missing packet.
    package static let maximumPendingBytes = 65_536

    private var assembler = TLSHandshakeAssembler()
    private var nextID: UInt32?
    private var pending: [UInt32: [UInt8]] = [:]
    private var pendingBytes = 0
    /// True once a gap could not be filled within the bound.
    package private(set) var gaveUp = false

    package init() {}

    /// True when the direction wants no more packets.
    package var isFinished: Bool {
        switch assembler.state {
        case .searching, .handshake: gaveUp
        case .done, .notTLS, .failed: true
        }
    }

    /// The assembler's state (for the counters).
    package var state: TLSHandshakeAssembler.State { assembler.state }

    /// Bytes held: packets waiting for a gap and partial records or messages.
    package var bufferedBytes: Int { pendingBytes + assembler.bufferedBytes }

    /// Takes one control packet's payload; returns the handshake messages that became complete, in order.
    package mutating func receive(_ packetID: UInt32, payload: [UInt8]) -> [HandshakeMessage] {
        guard !isFinished, !payload.isEmpty else { return [] }
        guard let expected = nextID else {
            // TLS begins with a handshake record (RFC 8446 §5.1): content type 22, version 3.x.
            guard payload.count >= 3, payload[0] == 22, payload[1] == 3 else { return [] }
            nextID = packetID
            return receive(packetID, payload: payload)
        }
        if packetID != expected {
            // Later packets wait; earlier ones are retransmissions already read.
            if packetID &- expected < 0x8000_0000, pending[packetID] == nil {
                pending[packetID] = payload
                pendingBytes += payload.count
                if pending.count > Self.maximumPending || pendingBytes > Self.maximumPendingBytes {
                    gaveUp = true
                    (pending, pendingBytes) = ([:], 0)
                }
            }
            return []
        }
        var messages = assembler.feed(payload)
        var next = expected &+ 1
        while let waiting = pending.removeValue(forKey: next) {
            pendingBytes -= waiting.count
            messages += assembler.feed(waiting)
            next &+= 1
        }
        nextID = next
        if isFinished { (pending, pendingBytes) = ([:], 0) }
        return messages
    }
}
