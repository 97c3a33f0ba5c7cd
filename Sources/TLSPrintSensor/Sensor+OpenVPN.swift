import TLSPrintCore
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

extension Sensor {
    /// Tracks one UDP datagram that may belong to OpenVPN's control channel (any port; content decides: a
    /// flow starts with the client's hard reset).
    mutating func processOpenVPN(
        key: FlowKey,
        source: Endpoint,
        destination: Endpoint,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        let now = info.timestamp.nanoseconds
        let slot: Int
        if let existing = openVPNFlows.slot(of: key, at: now) {
            slot = existing
            guard !openVPNFlows[slot: slot].isQuiet else { return }
        } else {
            guard let hmacSize = OpenVPNControlPacket.hmacSizeOfClientHardReset(payload) else { return }
            let flow = OpenVPNFlow(first: source, second: destination, hmacSize: hmacSize)
            let inserted = openVPNFlows.insert(flow, for: key, at: now)
            if let (_, evicted) = inserted.evicted {
                counters.flowsEvicted += 1
                discharge(evicted.chargedBytes)
            }
            counters.flowsCreated += 1
            return  // a hard reset carries no TLS
        }
        let packet: OpenVPNControlPacket
        do {
            packet = try OpenVPNControlPacket(parsing: payload, hmacSize: openVPNFlows[slot: slot].hmacSize)
        } catch {
            counters.count(error, in: .openVPN)
            return
        }
        guard packet.opcode == .controlV1, let packetID = packet.messagePacketID else { return }
        let direction = openVPNFlows[slot: slot].handshake.direction(from: source)
        let messages =
            switch direction {
            case .forward: openVPNFlows[slot: slot].forward.receive(packetID, payload: packet.payload)
            case .reverse: openVPNFlows[slot: slot].reverse.receive(packetID, payload: packet.payload)
            }
        if !messages.isEmpty {
            var handshake = openVPNFlows[slot: slot].handshake
            for message in messages {
                handleDatagramHandshake(
                    message,
                    flow: &handshake,
                    direction: direction,
                    timestamp: info.timestamp,
                    into: &events
                )
            }
            openVPNFlows[slot: slot].handshake = handshake
        }
        // Last: charging may release this very flow when it is the oldest and the budget is exceeded.
        chargeOpenVPN(slot: slot)
    }
}
