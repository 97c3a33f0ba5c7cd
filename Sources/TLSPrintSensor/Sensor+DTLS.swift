import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

extension Sensor {
    /// Tracks one UDP datagram that may carry a DTLS handshake (any port; content decides).
    mutating func processDTLS(
        _ packet: DecodedPacket,
        sourcePort: UInt16,
        destinationPort: UInt16,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        // RFC 7983 demultiplexing: DTLS records start with a content type in 20...63 (STUN, RTP differ).
        guard !payload.isEmpty, (20...63).contains(payload[0]) else { return }
        let source = Endpoint(address: packet.source, port: sourcePort)
        let destination = Endpoint(address: packet.destination, port: destinationPort)
        let key = FlowKey(source: source, destination: destination, ipProtocol: 17)
        let now = info.timestamp.nanoseconds
        let slot: Int
        if let existing = dtlsFlows.slot(of: key, at: now) {
            slot = existing
            guard !dtlsFlows[slot: slot].isQuiet else { return }
        } else {
            guard DTLSHandshakeReassembler.looksLikeDTLS(payload) else { return }
            let inserted = dtlsFlows.insert(DTLSFlow(first: source, second: destination), for: key, at: now)
            if inserted.evicted != nil { counters.flowsEvicted += 1 }
            counters.flowsCreated += 1
            slot = inserted.slot
        }
        let direction = dtlsFlows[slot: slot].direction(from: source)
        let messages: [DTLSHandshakeMessage]
        do {
            switch direction {
            case .forward: messages = try dtlsFlows[slot: slot].forward.feed(datagram: payload)
            case .reverse: messages = try dtlsFlows[slot: slot].reverse.feed(datagram: payload)
            }
        } catch {
            counters.count(error, in: .dtls)
            return
        }
        for message in messages {
            handleDTLS(message.message, slot: slot, direction: direction, timestamp: info.timestamp, into: &events)
        }
    }

    private mutating func handleDTLS(
        _ message: HandshakeMessage,
        slot: Int,
        direction: Direction,
        timestamp: CaptureTimestamp,
        into events: inout [Event]
    ) {
        switch message.type {
        case .clientHello where !dtlsFlows[slot: slot].sawClientHello:
            // The first ClientHello counts; the one repeated with a cookie after HelloVerifyRequest does not.
            dtlsFlows[slot: slot].sawClientHello = true
            dtlsFlows[slot: slot].clientDirection = direction
            guard
                let built = clientHelloEvent(
                    message.body,
                    endpoints: dtlsEndpointFields(slot: slot),
                    transport: .dtls,
                    extra: [],
                    timestamp: timestamp
                )
            else { return }
            dtlsFlows[slot: slot].clientRecord = built.record
            dtlsFlows[slot: slot].serverName = .text(built.hello.serverName ?? [])
            emit(built.event, source: dtlsClient(slot: slot).address.description, into: &events)
        case .serverHello where !dtlsFlows[slot: slot].sawServerHello:
            dtlsFlows[slot: slot].sawServerHello = true
            if dtlsFlows[slot: slot].clientDirection == nil {
                dtlsFlows[slot: slot].clientDirection = direction.opposite
            }
            guard
                let built = sessionEvent(
                    message.body,
                    endpoints: dtlsEndpointFields(slot: slot),
                    client: dtlsFlows[slot: slot].clientRecord,
                    transport: .dtls,
                    extra: [],
                    timestamp: timestamp
                )
            else {
                dtlsFlows[slot: slot].serverDone = true
                return
            }
            if built.hello.extensions.selectedVersion != nil || built.hello.isHelloRetryRequest {
                dtlsFlows[slot: slot].serverDone = true
            }
            emit(built.event, source: dtlsClient(slot: slot).address.description, into: &events)
        case .certificate:
            let flow = dtlsFlows[slot: slot]
            guard flow.sawServerHello, !flow.sawCertificate, flow.clientDirection == direction.opposite else { return }
            dtlsFlows[slot: slot].sawCertificate = true
            dtlsFlows[slot: slot].serverDone = true
            guard
                let event = certificateEvent(
                    message.body,
                    endpoints: dtlsEndpointFields(slot: slot),
                    serverName: flow.serverName,
                    timestamp: timestamp
                )
            else { return }
            emit(event, source: dtlsClient(slot: slot).address.description, into: &events)
        case .serverHelloDone:
            dtlsFlows[slot: slot].serverDone = true
        default:
            return
        }
    }

    private func dtlsClient(slot: Int) -> Endpoint {
        let flow = dtlsFlows[slot: slot]
        return flow.sender(in: flow.clientDirection ?? .forward)
    }

    private func dtlsEndpointFields(slot: Int) -> [EventField] {
        let flow = dtlsFlows[slot: slot]
        let clientDirection = flow.clientDirection ?? .forward
        return Self.endpointFields(
            client: flow.sender(in: clientDirection),
            server: flow.sender(in: clientDirection.opposite),
            transport: "dtls"
        )
    }
}
