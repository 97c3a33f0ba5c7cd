import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintQUIC
import TLSPrintTLS

extension Sensor {
    /// Tracks one UDP datagram that may belong to a QUIC connection's Initial exchange.
    mutating func processQUIC(
        _ packet: DecodedPacket,
        sourcePort: UInt16,
        destinationPort: UInt16,
        payload: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        // Only long-header packets of a version with Initial keys matter: Initials carry the hellos,
        // Handshake packets time JA4L. Checked before anything is copied, so other UDP costs nothing.
        guard payload.count >= 7, payload[0] & 0x80 != 0 else { return }
        let version = UInt32(payload[1]) << 24 | UInt32(payload[2]) << 16 | UInt32(payload[3]) << 8 | UInt32(payload[4])
        guard QUICVersion(rawValue: version).isKnown else { return }
        let source = Endpoint(address: packet.source, port: sourcePort)
        let destination = Endpoint(address: packet.destination, port: destinationPort)
        let key = FlowKey(source: source, destination: destination, ipProtocol: 17)
        let now = info.timestamp.nanoseconds
        var datagram = [UInt8]()
        datagram.reserveCapacity(payload.count)
        for index in payload.indices { datagram.append(payload[index]) }

        let slot: Int
        let decrypted: QUICDatagram
        if let existing = quicFlows.slot(of: key, at: now) {
            slot = existing
            guard !quicFlows[slot: slot].isQuiet else { return }
            decrypted = QUICInitialDecryptor.decrypt(
                datagram: datagram,
                clientDestinationConnectionID: quicFlows[slot: slot].keyConnectionID
            )
        } else {
            // A connection starts with a client Initial that opens with keys from its own DCID.
            decrypted = QUICInitialDecryptor.decrypt(datagram: datagram, direction: .client)
            guard decrypted.initials.contains(where: { $0.direction == .client }) else { return }
            let flow = QUICFlow(client: source, server: destination, cryptoBytes: configuration.quicCryptoBytes)
            let inserted = quicFlows.insert(flow, for: key, at: now)
            if let (_, evicted) = inserted.evicted {
                counters.flowsEvicted += 1
                discharge(evicted.chargedBytes)
                emitQUICSession(evicted, into: &events)
            }
            counters.flowsCreated += 1
            slot = inserted.slot
        }
        if let error = decrypted.error { counters.count(error, in: .quic) }
        let fromClient = quicFlows[slot: slot].client == source
        observeQUICTiming(slot: slot, decrypted: decrypted, fromClient: fromClient, packet: packet, info: info)
        for initial in decrypted.initials {
            if let error = initial.frameError { counters.count(error, in: .quic) }
            absorb(initial, slot: slot)
        }
        emitQUICHellos(slot: slot, timestamp: info.timestamp, into: &events)
        chargeQUIC(slot: slot)
    }

    private mutating func observeQUICTiming(
        slot: Int,
        decrypted: QUICDatagram,
        fromClient: Bool,
        packet: DecodedPacket,
        info: CaptureInfo
    ) {
        let flow = quicFlows[slot: slot]
        guard flow.client.port == 443 || flow.server.port == 443 else { return }
        let types = decrypted.packetTypes
        quicFlows[slot: slot].latency.observe(
            fromClient: fromClient,
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
            if quicFlows[slot: slot].keyConnectionID != initial.keyConnectionID {
                if quicFlows[slot: slot].keyConnectionID != nil, !quicFlows[slot: slot].sawClientHello {
                    quicFlows[slot: slot].clientCrypto = CryptoStreamAssembler(
                        maximumBytes: configuration.quicCryptoBytes
                    )
                }
                quicFlows[slot: slot].keyConnectionID = initial.keyConnectionID
            }
            guard !quicFlows[slot: slot].sawClientHello else { return }
            for frame in initial.cryptoFrames { quicFlows[slot: slot].clientCrypto.insert(frame) }
        case .server:
            guard !quicFlows[slot: slot].sawServerHello else { return }
            for frame in initial.cryptoFrames { quicFlows[slot: slot].serverCrypto.insert(frame) }
        }
    }

    private mutating func emitQUICHellos(slot: Int, timestamp: CaptureTimestamp, into events: inout [Event]) {
        if !quicFlows[slot: slot].sawClientHello,
            let message = CryptoStreamMessage.first(in: quicFlows[slot: slot].clientCrypto.contiguousPrefix)
        {
            quicFlows[slot: slot].sawClientHello = true
            quicFlows[slot: slot].clientCrypto = CryptoStreamAssembler(maximumBytes: 0)
            if message.type == HandshakeType.clientHello.rawValue {
                let endpoints = Self.endpointFields(
                    client: quicFlows[slot: slot].client,
                    server: quicFlows[slot: slot].server,
                    transport: "quic"
                )
                if let built = clientHelloEvent(
                    message.body,
                    endpoints: endpoints,
                    transport: .quic,
                    extra: [],
                    timestamp: timestamp
                ) {
                    quicFlows[slot: slot].clientRecord = built.record
                    emit(built.event, source: quicFlows[slot: slot].client.address.description, into: &events)
                }
            }
        }
        if !quicFlows[slot: slot].sawServerHello,
            let message = CryptoStreamMessage.first(in: quicFlows[slot: slot].serverCrypto.contiguousPrefix)
        {
            quicFlows[slot: slot].sawServerHello = true
            quicFlows[slot: slot].serverCrypto = CryptoStreamAssembler(maximumBytes: 0)
            guard message.type == HandshakeType.serverHello.rawValue else { return }
            // JA4L needs the client's first Handshake packet, which follows the ServerHello: hold the
            // session event until then (or until the flow ends).
            quicFlows[slot: slot].pendingServerHello = PendingServerHello(body: message.body, timestamp: timestamp)
        }
        if quicFlows[slot: slot].pendingServerHello != nil, quicFlows[slot: slot].latencySettled {
            emitQUICSession(quicFlows[slot: slot], into: &events)
            quicFlows[slot: slot].pendingServerHello = nil
        }
    }

    /// Emits the held `tls_session` event of a QUIC connection, with whatever JA4L it has.
    mutating func emitQUICSession(_ flow: QUICFlow, into events: inout [Event]) {
        guard let pending = flow.pendingServerHello else { return }
        let endpoints = Self.endpointFields(client: flow.client, server: flow.server, transport: "quic")
        guard
            let built = sessionEvent(
                pending.body,
                endpoints: endpoints,
                client: flow.clientRecord,
                transport: .quic,
                extra: Self.latencyFields(client: flow.latency.clientLatency, server: flow.latency.serverLatency),
                timestamp: pending.timestamp
            )
        else { return }
        emit(built.event, source: flow.client.address.description, into: &events)
    }
}
