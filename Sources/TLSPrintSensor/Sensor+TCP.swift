import TLSPrintCore
import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintHTTP
import TLSPrintPacket
import TLSPrintSSH
import TLSPrintTLS

extension Sensor {
    /// Tracks one TCP segment: handshake timing and options, then stream bytes into the observers, whose TLS
    /// handshake messages go through the flow's ``HandshakeTracker``, SSH lines and KEXINITs into its
    /// ``SSHSession`` and HTTP request heads into `http_request` events. An SSH stream's segments are counted
    /// for JA4SSH to its end.
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
        let flags = tcp.flags
        let slot: Int
        if let existing = flows.tcp.slot(of: key, at: now) {
            slot = existing
        } else {
            // Only a SYN or a segment with data opens a flow; bare ACKs and RSTs of unknown flows are noise.
            guard isSYN || !payload.isEmpty, !isRST else { return }
            let client = isSYN && !isACK
            let flow = TCPFlow(
                pair: EndpointPair(first: source, second: destination, communityIDSeed: configuration.communityIDSeed),
                forwardCapacity: client ? configuration.clientStreamBytes : configuration.serverStreamBytes,
                reverseCapacity: configuration.serverStreamBytes,
                pendingSegments: configuration.pendingSegmentsPerDirection
            )
            let inserted = flows.tcp.insert(flow, for: key, at: now)
            if let (_, evicted) = inserted.evicted { retire(evicted, reason: .evicted, into: &events) }
            counters.flowsCreated += 1
            slot = inserted.slot
        }
        if currentSource != nil { flows.tcp[slot: slot].lastSource = currentSource }
        let direction = flows.tcp[slot: slot].tracker.pair.direction(from: source)
        observeHandshake(slot: slot, direction: direction, packet: packet, tcp: tcp, time: info.timestamp)
        // Data in a SYN (TCP Fast Open) starts one past the SYN's own sequence number.
        let sequence = TCPSequence(tcp.sequenceNumber).advanced(by: isSYN ? 1 : 0)
        let isBareACK = flags == .ack && payload.isEmpty
        let isSSH = flows.tcp[slot: slot].isSSH
        if !payload.isEmpty, !flows.tcp[slot: slot].isFinished(direction) {
            readStream(
                slot: slot,
                direction: direction,
                sequence: sequence,
                payload: payload,
                info: info,
                into: &events
            )
        } else if !isSSH {
            if isBareACK { flows.tcp[slot: slot].countBareACKBeforeSSH(from: direction) }
            return
        }
        if flows.tcp[slot: slot].isSSH {
            countSSHSegment(
                slot: slot,
                direction: direction,
                sequence: sequence,
                payloadLength: payload.count,
                isBareACK: isBareACK,
                time: info.timestamp,
                into: &events
            )
        }
        // Last: charging may release this very flow when it is the oldest and the budget is exceeded.
        account(flows.tcp[slot: slot].recharge(), into: &events)
    }

    /// Offers a segment's payload to the observer of `direction` and handles what it completes.
    private mutating func readStream(
        slot: Int,
        direction: Direction,
        sequence: TCPSequence,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        let wasUndecided = flows.tcp[slot: slot].content(direction) == .undecided
        let context = StreamContext(
            protocols: configuration.protocols,
            role: (flows.tcp[slot: slot].tracker.clientDirection ?? .forward) == direction ? .client : .server,
            flowIsSSH: flows.tcp[slot: slot].isSSH
        )
        let yields = flows.tcp[slot: slot].receive(direction, sequence: sequence, payload: payload, context: context)
        if wasUndecided { noteRecognition(slot: slot, direction: direction, time: info.timestamp, into: &events) }
        noteStreamState(slot: slot, direction: direction)
        if !yields.isEmpty {
            handleTCP(yields, from: direction, slot: slot, timestamp: info.timestamp, into: &events)
        }
    }

    /// Counts a direction recognised just now; when it is SSH, opens the flow's ``SSHSession`` and reads the
    /// other direction as SSH too.
    private mutating func noteRecognition(
        slot: Int,
        direction: Direction,
        time: CaptureTimestamp,
        into events: inout [Event]
    ) {
        switch flows.tcp[slot: slot].content(direction) {
        case .http: counters.httpStreams += 1
        case .ssh where !flows.tcp[slot: slot].isSSH:
            counters.sshStreams += 1
            let before = flows.tcp[slot: slot].bareACKsBeforeSSH
            let session = SSHSession(
                clientDirection: flows.tcp[slot: slot].tracker.clientDirection ?? .forward,
                time: time,
                bareACKsBefore: (Int(before.forward), Int(before.reverse)),
                families: configuration.fingerprints
            )
            flows.tcp[slot: slot].openSSH(session)
            let other = direction.opposite
            let yields = flows.tcp[slot: slot].becomeSSH(
                other,
                role: session.role(other),
                protocols: configuration.protocols
            )
            noteStreamState(slot: slot, direction: other)
            if !yields.isEmpty { handleTCP(yields, from: other, slot: slot, timestamp: time, into: &events) }
        case .undecided, .tls, .openVPN, .ssh, .unknown: break
        }
    }

    /// Hands what a segment completed to the flow's tracker (TLS, with TCP's JA4T/JA4TS and JA4L), its SSH
    /// session, or the `http_request` events.
    private mutating func handleTCP(
        _ yields: [StreamYield],
        from direction: Direction,
        slot: Int,
        timestamp: CaptureTimestamp,
        into events: inout [Event]
    ) {
        let facts = flows.tcp[slot: slot].transportFacts
        var tracker = flows.tcp[slot: slot].takeTracker()
        for yield in yields {
            switch yield {
            case .handshake(let message):
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
            case .ssh(let yield):
                guard flows.tcp[slot: slot].isSSH else { continue }
                let pair = tracker.pair
                let tcp = flows.tcp[slot: slot].tcpFacts(configuration.fingerprints)
                let handshake = flows.tcp[slot: slot].withSSH { session -> SSHHandshakeEvent? in
                    guard session.take(yield, from: direction, at: timestamp) else { return nil }
                    let endpoints = pair.eventEndpoints(clientDirection: session.clientDirection, transport: .tcp)
                    return session.handshakeEvent(endpoints: endpoints, tcp: tcp)
                }
                if let handshake { emit(.sshHandshake(handshake), into: &events) }
            case .http(let head):
                // Without a SYN, the client is the side that sent the request line.
                if tracker.clientDirection == nil { tracker.clientDirection = direction }
                let event = httpRequestEvent(
                    head,
                    endpoints: tracker.eventEndpoints(transport: .tcp),
                    tcp: flows.tcp[slot: slot].tcpFacts(configuration.fingerprints),
                    timestamp: timestamp
                )
                emit(.httpRequest(event), into: &events)
            }
        }
        flows.tcp[slot: slot].tracker = consume tracker
        flows.tcp[slot: slot].finishWhatTheTrackerEnded()
    }

    /// Counts one segment of an SSH stream into its JA4SSH window; emits `ssh_activity` when it closes one.
    private mutating func countSSHSegment(
        slot: Int,
        direction: Direction,
        sequence: TCPSequence,
        payloadLength: Int,
        isBareACK: Bool,
        time: CaptureTimestamp,
        into events: inout [Event]
    ) {
        let closed = flows.tcp[slot: slot].withSSH { session -> (JA4SSH, SSHSession)? in
            guard
                let value = session.count(
                    from: direction,
                    sequence: sequence,
                    payloadLength: payloadLength,
                    isBareACK: isBareACK,
                    at: time
                )
            else { return nil }
            return (value, session)  // a copy once per window, for the event
        }
        guard let (value, session) = closed else { return }
        let endpoints = flows.tcp[slot: slot].tracker.pair.eventEndpoints(
            clientDirection: session.clientDirection,
            transport: .tcp
        )
        let event = session.activityEvent(
            value,
            endpoints: endpoints,
            tcp: flows.tcp[slot: slot].tcpFacts(configuration.fingerprints)
        )
        emit(.sshActivity(event), into: &events)
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

    /// Counts why a direction stopped on its own (not TLS, a failed parse, an SSH or HTTP reader that gave up,
    /// a full buffer, a gap never filled) and releases its buffers.
    private mutating func noteStreamState(slot: Int, direction: Direction) {
        guard flows.tcp[slot: slot].isFinished(direction) else { return }
        let observer = flows.tcp[slot: slot].observer(direction)
        if observer.sawSSLv2ClientHello { counters.sslv2ClientHellos += 1 }
        switch observer.content {
        case .tls, .openVPN:
            if case .failed(let error) = observer.tlsState { counters.count(error, in: .tls) }
        case .ssh:
            if let reason = observer.sshStopReason { counters.sshStreamsStopped[reason, default: 0] += 1 }
        case .http:
            if let reason = observer.httpStopReason, reason != .tunnel {
                counters.httpStreamsStopped[reason, default: 0] += 1
            }
        case .undecided, .unknown: break
        }
        switch observer.stop {
        case .capacityReached: counters.streamsTruncated += 1
        case .gapNeverFilled: counters.streamGapsAbandoned += 1
        case nil: break
        }
        flows.tcp[slot: slot].finish(direction)
    }
}
