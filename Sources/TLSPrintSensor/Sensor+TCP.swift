import TLSPrintCore
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

extension Sensor {
    /// Tracks one TCP segment: handshake timing and options, then stream bytes into the TLS observers.
    mutating func processTCP(
        _ packet: DecodedPacket,
        _ tcp: TCPHeader,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        let source = Endpoint(address: packet.source, port: tcp.sourcePort)
        let destination = Endpoint(address: packet.destination, port: tcp.destinationPort)
        let key = FlowKey(source: source, destination: destination, ipProtocol: 6)
        let now = info.timestamp.nanoseconds
        let isSYN = tcp.flags.contains(.syn)
        let isACK = tcp.flags.contains(.ack)
        let slot: Int
        if let existing = tcpFlows.slot(of: key, at: now) {
            slot = existing
        } else {
            // Only a SYN or a segment with data opens a flow; bare ACKs and RSTs of unknown flows are noise.
            guard isSYN || !payload.isEmpty, !tcp.flags.contains(.rst) else { return }
            let client = isSYN && !isACK
            let flow = TCPFlow(
                first: source,
                second: destination,
                forwardCapacity: client ? configuration.clientStreamBytes : configuration.serverStreamBytes,
                reverseCapacity: configuration.serverStreamBytes,
                pendingSegments: configuration.pendingSegmentsPerDirection
            )
            let inserted = tcpFlows.insert(flow, for: key, at: now)
            if let (_, evicted) = inserted.evicted {
                counters.flowsEvicted += 1
                discharge(evicted.chargedBytes)
            }
            counters.flowsCreated += 1
            slot = inserted.slot
        }
        let direction = tcpFlows[slot: slot].direction(from: source)
        observeHandshake(slot: slot, direction: direction, packet: packet, tcp: tcp, time: info.timestamp)
        guard !payload.isEmpty, !tcpFlows[slot: slot].isFinished(direction) else { return }
        // Data in a SYN (TCP Fast Open) starts one past the SYN's own sequence number.
        let sequence = TCPSequence(tcp.sequenceNumber).advanced(by: isSYN ? 1 : 0)
        let messages = tcpFlows[slot: slot].receive(direction, sequence: sequence, payload: payload)
        noteStreamState(slot: slot, direction: direction)
        let context = HandshakeContext(slot: slot, direction: direction, timestamp: info.timestamp)
        for message in messages {
            handle(message, context: context, into: &events)
        }
        // Last: charging may release this very flow when it is the oldest and the budget is exceeded.
        chargeTCP(slot: slot)
    }

    private mutating func observeHandshake(
        slot: Int,
        direction: Direction,
        packet: DecodedPacket,
        tcp: TCPHeader,
        time: CaptureTimestamp
    ) {
        let isSYN = tcp.flags.contains(.syn)
        let isACK = tcp.flags.contains(.ack)
        guard isSYN || !tcpFlows[slot: slot].handshake.isComplete else { return }
        tcpFlows[slot: slot].handshake.observe(
            syn: isSYN,
            ack: isACK,
            time: time,
            ttl: packet.hopLimit,
            signature: tcp.options.map {
                TCPSynSignature(
                    window: tcp.window,
                    optionKinds: $0.kinds,
                    mss: $0.maximumSegmentSize,
                    windowScale: $0.windowScale
                )
            }
        )
        guard isSYN else { return }
        let start = TCPSequence(tcp.sequenceNumber).advanced(by: 1)
        tcpFlows[slot: slot].start(direction, at: start)
        if tcpFlows[slot: slot].clientDirection == nil {
            tcpFlows[slot: slot].clientDirection = isACK ? direction.opposite : direction
        }
    }

    private mutating func noteStreamState(slot: Int, direction: Direction) {
        guard tcpFlows[slot: slot].isFinished(direction) else { return }
        let (sslv2, state, stop) =
            direction == .forward
            ? (
                tcpFlows[slot: slot].forward.sawSSLv2ClientHello, tcpFlows[slot: slot].forward.state,
                tcpFlows[slot: slot].forward.stop
            )
            : (
                tcpFlows[slot: slot].reverse.sawSSLv2ClientHello, tcpFlows[slot: slot].reverse.state,
                tcpFlows[slot: slot].reverse.stop
            )
        if sslv2 { counters.sslv2ClientHellos += 1 }
        if case .failed(let error) = state { counters.count(error, in: .tls) }
        switch stop {
        case .capacityReached: counters.streamsTruncated += 1
        case .gapNeverFilled: counters.streamGapsAbandoned += 1
        case nil: break
        }
        tcpFlows[slot: slot].finish(direction)
    }
}
