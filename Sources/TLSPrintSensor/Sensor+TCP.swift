import TLSPrintCore
import TLSPrintEvent
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

extension Sensor {
    /// Tracks one TCP segment: handshake timing and options, then stream bytes into the TLS observers, whose
    /// handshake messages go through the flow's ``HandshakeTracker``.
    mutating func processTCP(
        _ packet: borrowing DecodedPacket,
        _ tcp: borrowing TCPHeader,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        let source = Endpoint(address: packet.source, port: tcp.sourcePort)
        let destination = Endpoint(address: packet.destination, port: tcp.destinationPort)
        let key = FlowKey(source: source, destination: destination, ipProtocol: 6)
        let now = info.timestamp.nanoseconds
        let isSYN = tcp.flags.hasSYN
        let isACK = tcp.flags.hasACK
        let isRST = tcp.flags.hasRST
        let slot: Int
        if let existing = flows.tcp.slot(of: key, at: now) {
            slot = existing
        } else {
            // Only a SYN or a segment with data opens a flow; bare ACKs and RSTs of unknown flows are noise.
            guard isSYN || !payload.isEmpty, !isRST else { return }
            let client = isSYN && !isACK
            let flow = TCPFlow(
                pair: EndpointPair(first: source, second: destination),
                forwardCapacity: client ? configuration.clientStreamBytes : configuration.serverStreamBytes,
                reverseCapacity: configuration.serverStreamBytes,
                pendingSegments: configuration.pendingSegmentsPerDirection
            )
            let inserted = flows.tcp.insert(flow, for: key, at: now)
            if let (_, evicted) = inserted.evicted { retire(evicted, reason: .evicted, into: &events) }
            counters.flowsCreated += 1
            slot = inserted.slot
        }
        let direction = flows.tcp[slot: slot].tracker.pair.direction(from: source)
        observeHandshake(slot: slot, direction: direction, packet: packet, tcp: tcp, time: info.timestamp)
        guard !payload.isEmpty, !flows.tcp[slot: slot].isFinished(direction) else { return }
        // Data in a SYN (TCP Fast Open) starts one past the SYN's own sequence number.
        let sequence = TCPSequence(tcp.sequenceNumber).advanced(by: isSYN ? 1 : 0)
        let messages = flows.tcp[slot: slot].receive(direction, sequence: sequence, payload: payload)
        noteStreamState(slot: slot, direction: direction)
        if !messages.isEmpty {
            handleTCP(messages, from: direction, slot: slot, timestamp: info.timestamp, into: &events)
        }
        // Last: charging may release this very flow when it is the oldest and the budget is exceeded.
        account(flows.tcp[slot: slot].recharge(), into: &events)
    }

    /// Hands a segment's complete handshake messages to the flow's tracker, with TCP's JA4T/JA4TS and JA4L.
    private mutating func handleTCP(
        _ messages: [HandshakeMessage],
        from direction: Direction,
        slot: Int,
        timestamp: CaptureTimestamp,
        into events: inout [Event]
    ) {
        let facts = TransportFacts(
            syn: flows.tcp[slot: slot].handshake.syn,
            synAck: flows.tcp[slot: slot].handshake.synAck,
            clientLatency: flows.tcp[slot: slot].handshake.clientLatency,
            serverLatency: flows.tcp[slot: slot].handshake.serverLatency
        )
        var tracker = flows.tcp[slot: slot].takeTracker()
        for message in messages {
            guard
                let event = handshakeEvent(
                    message,
                    from: direction,
                    tracker: &tracker,
                    transport: .tcp,
                    facts: facts,
                    timestamp: timestamp
                )
            else { continue }
            emit(event, into: &events)
        }
        flows.tcp[slot: slot].tracker = consume tracker
        flows.tcp[slot: slot].finishWhatTheTrackerEnded()
    }

    private mutating func observeHandshake(
        slot: Int,
        direction: Direction,
        packet: borrowing DecodedPacket,
        tcp: borrowing TCPHeader,
        time: CaptureTimestamp
    ) {
        let isSYN = tcp.flags.hasSYN
        let isACK = tcp.flags.hasACK
        guard isSYN || !flows.tcp[slot: slot].handshake.isComplete else { return }
        // Only a SYN's options are read (JA4T/JA4TS).
        let signature: TCPSynSignature? =
            if isSYN, let options = tcp.options {
                TCPSynSignature(
                    window: tcp.window,
                    optionKinds: options.kinds,
                    mss: options.maximumSegmentSize,
                    windowScale: options.windowScale
                )
            } else {
                nil
            }
        flows.tcp[slot: slot].handshake.observe(
            syn: isSYN,
            ack: isACK,
            time: time,
            ttl: packet.hopLimit,
            signature: signature
        )
        guard isSYN else { return }
        let start = TCPSequence(tcp.sequenceNumber).advanced(by: 1)
        flows.tcp[slot: slot].start(direction, at: start)
        if flows.tcp[slot: slot].tracker.clientDirection == nil {
            flows.tcp[slot: slot].tracker.clientDirection = isACK ? direction.opposite : direction
        }
    }

    /// Counts why a direction stopped on its own (not TLS, a failed parse, a full buffer, a gap never
    /// filled) and releases its buffers.
    private mutating func noteStreamState(slot: Int, direction: Direction) {
        guard flows.tcp[slot: slot].isFinished(direction) else { return }
        let observer = flows.tcp[slot: slot].observer(direction)
        if observer.sawSSLv2ClientHello { counters.sslv2ClientHellos += 1 }
        if case .failed(let error) = observer.state { counters.count(error, in: .tls) }
        switch observer.stop {
        case .capacityReached: counters.streamsTruncated += 1
        case .gapNeverFilled: counters.streamGapsAbandoned += 1
        case nil: break
        }
        flows.tcp[slot: slot].finish(direction)
    }
}
