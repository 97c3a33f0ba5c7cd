import TLSPrintCore
import TLSPrintEvent
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

extension Sensor {
    /// Sorts one UDP datagram (``UDPPayloadKind``) to QUIC, DTLS or OpenVPN's control channel.
    mutating func processUDP(
        _ packet: borrowing DecodedPacket,
        _ udp: borrowing UDPHeader,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        // Everything the sensor reads over UDP is TLS (QUIC, DTLS, OpenVPN's control channel).
        guard configuration.protocols.contains(.tls) else { return }
        let kind = UDPPayloadKind(classifying: payload)
        guard kind != .other else { return }
        let source = Endpoint(address: packet.source, port: udp.sourcePort)
        let destination = Endpoint(address: packet.destination, port: udp.destinationPort)
        let key = FlowKey(source: source, destination: destination, ipProtocol: 17)
        switch kind {
        case .quic:
            processQUIC(packet, source: source, destination: destination, payload: payload, info: info, into: &events)
        case .dtlsOrOpenVPN, .openVPN:
            let taken =
                kind == .dtlsOrOpenVPN
                && processDTLS(
                    key: key,
                    source: source,
                    destination: destination,
                    payload: payload,
                    info: info,
                    into: &events
                )
            guard !taken else { return }
            processOpenVPN(
                key: key,
                source: source,
                destination: destination,
                payload: payload,
                info: info,
                into: &events
            )
        case .other:
            return
        }
    }

    /// Tracks a datagram of a DTLS association, or opens one for a datagram that looks like a DTLS
    /// handshake; false when the datagram is neither (it may be OpenVPN's).
    private mutating func processDTLS(
        key: FlowKey,
        source: Endpoint,
        destination: Endpoint,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) -> Bool {
        let now = info.timestamp.nanoseconds
        let slot: Int
        if let existing = flows.dtls.slot(of: key, at: now) {
            slot = existing
            guard !flows.dtls[slot: slot].tracker.isComplete else { return true }
        } else if DTLSHandshakeReassembler.looksLikeDTLS(payload) {
            let pair = EndpointPair(first: source, second: destination, communityIDSeed: configuration.communityIDSeed)
            let inserted = flows.dtls.insert(DTLSFlow(pair: pair), for: key, at: now)
            if let (_, evicted) = inserted.evicted { retire(evicted, reason: .evicted, into: &events) }
            counters.flowsCreated += 1
            slot = inserted.slot
        } else {
            return false
        }
        let direction = flows.dtls[slot: slot].tracker.pair.direction(from: source)
        guard !flows.dtls[slot: slot].tracker.isFinished(direction) else { return true }
        var messages: [DTLSHandshakeMessage] = []
        do {
            switch direction {
            case .forward: messages = try flows.dtls[slot: slot].forward.feed(datagram: payload)
            case .reverse: messages = try flows.dtls[slot: slot].reverse.feed(datagram: payload)
            }
        } catch {
            counters.count(error, in: .dtls)
        }
        if !messages.isEmpty {
            var tracker = flows.dtls[slot: slot].takeTracker()
            for message in messages {
                handleDatagram(
                    message.message,
                    from: direction,
                    tracker: &tracker,
                    transport: .dtls,
                    info: info,
                    into: &events
                )
            }
            flows.dtls[slot: slot].tracker = consume tracker
        }
        // Last: charging may release this very flow when it is the oldest and the budget is exceeded.
        account(flows.dtls[slot: slot].recharge(), into: &events)
        return true
    }

    /// Tracks a datagram that may belong to OpenVPN's control channel: a flow starts with the client's hard
    /// reset (which carries no TLS).
    private mutating func processOpenVPN(
        key: FlowKey,
        source: Endpoint,
        destination: Endpoint,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        let now = info.timestamp.nanoseconds
        guard let slot = flows.openVPN.slot(of: key, at: now) else {
            guard let hmacSize = OpenVPNControlPacket.hmacSizeOfClientHardReset(payload) else { return }
            let flow = OpenVPNFlow(
                pair: EndpointPair(first: source, second: destination, communityIDSeed: configuration.communityIDSeed),
                hmacSize: hmacSize
            )
            let inserted = flows.openVPN.insert(flow, for: key, at: now)
            if let (_, evicted) = inserted.evicted { retire(evicted, reason: .evicted, into: &events) }
            counters.flowsCreated += 1
            return
        }
        guard !flows.openVPN[slot: slot].isQuiet else { return }
        let packet: OpenVPNControlPacket
        do {
            packet = try OpenVPNControlPacket(parsing: payload, hmacSize: flows.openVPN[slot: slot].hmacSize)
        } catch {
            counters.count(error, in: .openVPN)
            return
        }
        guard packet.opcode == .controlV1, let packetID = packet.messagePacketID else { return }
        let direction = flows.openVPN[slot: slot].tracker.pair.direction(from: source)
        guard !flows.openVPN[slot: slot].tracker.isFinished(direction) else { return }
        let messages =
            switch direction {
            case .forward: flows.openVPN[slot: slot].forward.receive(packetID, payload: packet.payload)
            case .reverse: flows.openVPN[slot: slot].reverse.receive(packetID, payload: packet.payload)
            }
        if !messages.isEmpty {
            var tracker = flows.openVPN[slot: slot].takeTracker()
            for message in messages {
                handleDatagram(message, from: direction, tracker: &tracker, transport: .udp, info: info, into: &events)
            }
            flows.openVPN[slot: slot].tracker = consume tracker
        }
        // Last: charging may release this very flow when it is the oldest and the budget is exceeded.
        account(flows.openVPN[slot: slot].recharge(), into: &events)
    }

    private mutating func handleDatagram(
        _ message: HandshakeMessage,
        from direction: Direction,
        tracker: inout HandshakeTracker,
        transport: EventTransport,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        guard
            let event = handshakeEvent(
                message,
                from: direction,
                tracker: &tracker,
                transport: transport,
                facts: .none,
                timestamp: info.timestamp
            )
        else { return }
        emit(event, into: &events)
    }
}
