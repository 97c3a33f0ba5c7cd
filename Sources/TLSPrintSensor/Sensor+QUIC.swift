import TLSPrintCore
import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintQUIC
import TLSPrintTLS

extension Sensor {
    /// Tracks one UDP datagram of a known QUIC version's long-header packet: Initials carry the hellos,
    /// Handshake packets time JA4L.
    mutating func processQUIC(
        _ packet: DecodedPacket,
        source: Endpoint,
        destination: Endpoint,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        let key = FlowKey(source: source, destination: destination, ipProtocol: 17)
        let now = info.timestamp.nanoseconds
        var datagram = [UInt8]()
        datagram.reserveCapacity(payload.count)
        datagram.append(span: payload)

        let slot: Int
        let decrypted: QUICDatagram
        if let existing = flows.quic.slot(of: key, at: now) {
            slot = existing
            guard !flows.quic[slot: slot].isQuiet else { return }
            decrypted = QUICInitialDecryptor.decrypt(
                datagram: datagram,
                clientDestinationConnectionID: flows.quic[slot: slot].keyConnectionID
            )
        } else {
            // A connection starts with a client Initial that opens with keys from its own DCID.
            decrypted = QUICInitialDecryptor.decrypt(datagram: datagram, direction: .client)
            guard decrypted.initials.contains(where: { $0.direction == .client }) else { return }
            let flow = QUICFlow(
                client: source,
                server: destination,
                cryptoBytes: configuration.quicCryptoBytes,
                communityIDSeed: configuration.communityIDSeed
            )
            let inserted = flows.quic.insert(flow, for: key, at: now)
            if let (_, evicted) = inserted.evicted { retire(evicted, reason: .evicted, into: &events) }
            counters.flowsCreated += 1
            slot = inserted.slot
        }
        if currentSource != nil { flows.quic[slot: slot].lastSource = currentSource }
        if let error = decrypted.error { counters.count(error, in: .quic) }
        let direction = flows.quic[slot: slot].tracker.pair.direction(from: source)
        observeQUICTiming(slot: slot, decrypted: decrypted, direction: direction, packet: packet, info: info)
        for initial in decrypted.initials {
            if let error = initial.frameError { counters.count(error, in: .quic) }
            absorb(initial, slot: slot)
        }
        takeQUICHellos(slot: slot, timestamp: info.timestamp, into: &events)
        account(flows.quic[slot: slot].recharge(), into: &events)
    }

    private mutating func observeQUICTiming(
        slot: Int,
        decrypted: QUICDatagram,
        direction: Direction,
        packet: DecodedPacket,
        info: CaptureInfo
    ) {
        let flow = flows.quic[slot: slot]
        guard flow.client.port == 443 || flow.server.port == 443 else { return }
        let types = decrypted.packetTypes
        flows.quic[slot: slot].latency.observe(
            fromClient: direction == .forward,
            initial: types.first == .initial,
            handshake: types.first == .handshake,
            time: info.timestamp,
            ttl: packet.hopLimit
        )
    }

    /// Files an Initial's CRYPTO frames into its direction's stream; a new client key DCID means a Retry.
    private mutating func absorb(_ initial: InitialPacket, slot: Int) {
        switch initial.direction {
        case .client:
            if flows.quic[slot: slot].keyConnectionID != initial.keyConnectionID {
                if flows.quic[slot: slot].keyConnectionID != nil, !flows.quic[slot: slot].clientStreamDone {
                    flows.quic[slot: slot].clientCrypto = CryptoStreamAssembler(
                        maximumBytes: configuration.quicCryptoBytes
                    )
                }
                flows.quic[slot: slot].keyConnectionID = initial.keyConnectionID
            }
            guard !flows.quic[slot: slot].clientStreamDone else { return }
            for frame in initial.cryptoFrames { flows.quic[slot: slot].clientCrypto.insert(frame) }
        case .server:
            guard !flows.quic[slot: slot].serverStreamDone else { return }
            for frame in initial.cryptoFrames { flows.quic[slot: slot].serverCrypto.insert(frame) }
        }
    }

    /// Hands the first complete message of each CRYPTO stream to the handshake rules: the ClientHello's event
    /// goes out at once, the ServerHello's is held until JA4L settles.
    private mutating func takeQUICHellos(slot: Int, timestamp: CaptureTimestamp, into events: inout [Event]) {
        if !flows.quic[slot: slot].clientStreamDone,
            let message = HandshakeMessage.first(in: flows.quic[slot: slot].clientCrypto.contiguousPrefix.span)
        {
            flows.quic[slot: slot].clientStreamDone = true
            flows.quic[slot: slot].clientCrypto = CryptoStreamAssembler(maximumBytes: 0)
            // A client's Initials open with its ClientHello, a server's with its ServerHello; anything else
            // ends that side.
            if message.type == .clientHello,
                let event = quicHandshakeEvent(message, from: .forward, slot: slot, timestamp: timestamp)
            {
                emit(event, into: &events)
            }
        }
        if !flows.quic[slot: slot].serverStreamDone,
            let message = HandshakeMessage.first(in: flows.quic[slot: slot].serverCrypto.contiguousPrefix.span)
        {
            flows.quic[slot: slot].serverStreamDone = true
            flows.quic[slot: slot].serverCrypto = CryptoStreamAssembler(maximumBytes: 0)
            if message.type == .serverHello,
                case .tlsSession(let session) = quicHandshakeEvent(
                    message,
                    from: .reverse,
                    slot: slot,
                    timestamp: timestamp
                )
            {
                flows.quic[slot: slot].heldSession = session
            }
        }
        if flows.quic[slot: slot].latencySettled, let held = flows.quic[slot: slot].heldEvent {
            flows.quic[slot: slot].heldSession = nil
            emit(held, into: &events)
        }
    }

    private mutating func quicHandshakeEvent(
        _ message: HandshakeMessage,
        from direction: Direction,
        slot: Int,
        timestamp: CaptureTimestamp
    ) -> Event? {
        var tracker = flows.quic[slot: slot].takeTracker()
        let event = handshakeEvent(
            message,
            from: direction,
            tracker: &tracker,
            transport: .quic,
            facts: .none,
            timestamp: timestamp
        )
        flows.quic[slot: slot].tracker = consume tracker
        return event
    }
}
