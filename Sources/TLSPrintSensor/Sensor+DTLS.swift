import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

extension Sensor {
    /// Tracks one UDP datagram that may carry a DTLS handshake or OpenVPN's control channel (any port;
    /// content decides).
    mutating func processDTLS(
        _ packet: DecodedPacket,
        sourcePort: UInt16,
        destinationPort: UInt16,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        guard !payload.isEmpty else { return }
        let source = Endpoint(address: packet.source, port: sourcePort)
        let destination = Endpoint(address: packet.destination, port: destinationPort)
        let key = FlowKey(source: source, destination: destination, ipProtocol: 17)
        // RFC 7983 demultiplexing: DTLS records start with a content type in 20...63 (STUN, RTP differ).
        let isDTLSContentType = (20...63).contains(payload[0])
        let now = info.timestamp.nanoseconds
        let slot: Int
        if isDTLSContentType, let existing = dtlsFlows.slot(of: key, at: now) {
            slot = existing
            guard !dtlsFlows[slot: slot].handshake.isQuiet else { return }
        } else if isDTLSContentType, DTLSHandshakeReassembler.looksLikeDTLS(payload) {
            let inserted = dtlsFlows.insert(DTLSFlow(first: source, second: destination), for: key, at: now)
            if let (_, evicted) = inserted.evicted {
                counters.flowsEvicted += 1
                discharge(evicted.chargedBytes)
            }
            counters.flowsCreated += 1
            slot = inserted.slot
        } else {
            // Not DTLS; perhaps OpenVPN's control channel (most of its opcodes fall in the same range).
            processOpenVPN(
                key: key,
                source: source,
                destination: destination,
                payload: payload,
                info: info,
                into: &events
            )
            return
        }
        let direction = dtlsFlows[slot: slot].handshake.direction(from: source)
        let messages: [DTLSHandshakeMessage]
        do {
            switch direction {
            case .forward: messages = try dtlsFlows[slot: slot].forward.feed(datagram: payload)
            case .reverse: messages = try dtlsFlows[slot: slot].reverse.feed(datagram: payload)
            }
        } catch {
            counters.count(error, in: .dtls)
            messages = []
        }
        if !messages.isEmpty {
            var handshake = dtlsFlows[slot: slot].handshake
            for message in messages {
                handleDatagramHandshake(
                    message.message,
                    flow: &handshake,
                    direction: direction,
                    timestamp: info.timestamp,
                    into: &events
                )
            }
            dtlsFlows[slot: slot].handshake = handshake
        }
        // Last: charging may release this very flow when it is the oldest and the budget is exceeded.
        chargeDTLS(slot: slot)
    }
}
