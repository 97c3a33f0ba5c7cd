import TLSPrintCore
import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintTLS

/// What a transport measured that hello events carry besides the hellos: TCP's SYN options and JA4L.
struct TransportFacts {
    /// The client's SYN (JA4T) and the server's SYN-ACK (JA4TS).
    var syn: TCPSynSignature?
    var synAck: TCPSynSignature?
    /// JA4L halves, when measured.
    var clientLatency: (microseconds: Int64, ttl: UInt8)?
    var serverLatency: (microseconds: Int64, ttl: UInt8)?

    /// Nothing measured (QUIC until JA4L settles, DTLS, OpenVPN).
    static let none = TransportFacts()

    /// Only what the enabled families use (`--fingerprints`): no JA4T/JA4TS or JA4L is worked out without them.
    func restricted(to families: FingerprintFamilies) -> TransportFacts {
        var facts = self
        if !families.contains(.ja4t) { (facts.syn, facts.synAck) = (nil, nil) }
        if !families.contains(.ja4l) { (facts.clientLatency, facts.serverLatency) = (nil, nil) }
        return facts
    }
}

extension EventTransport {
    /// JA4's first character: `q` for QUIC, `d` for DTLS, `t` otherwise (OpenVPN's control channel is reliable).
    var marker: TransportMarker {
        switch self {
        case .tcp, .udp: .tcp
        case .quic: .quic
        case .dtls: .dtls
        }
    }
}

extension Sensor {
    /// Applies the handshake rules to one complete message of a flow and builds the event it yields, if any.
    /// The one place every transport's handshake messages go through.
    mutating func handshakeEvent(
        _ message: HandshakeMessage,
        from direction: Direction,
        tracker: inout HandshakeTracker,
        transport: EventTransport,
        facts: TransportFacts,
        timestamp: CaptureTimestamp
    ) -> Event? {
        let facts = facts.restricted(to: configuration.fingerprints)
        switch tracker.admit(message.type, from: direction) {
        case .clientHello:
            guard
                let (event, record) = clientHelloEvent(
                    message.body,
                    endpoints: tracker.eventEndpoints(transport: transport),
                    transport: transport,
                    facts: facts,
                    timestamp: timestamp
                )
            else { return nil }
            tracker.clientHelloParsed(record)
            return .tlsClientHello(event)
        case .serverHello:
            let client = tracker.takeClient()
            let built = sessionEvent(
                message.body,
                endpoints: tracker.eventEndpoints(transport: transport),
                client: client,
                transport: transport,
                facts: facts,
                timestamp: timestamp
            )
            tracker.serverHelloParsed(built?.hello, from: direction)
            return built.map { .tlsSession($0.event) }
        case .certificate:
            guard
                var event = certificateEvent(
                    message.body,
                    endpoints: tracker.eventEndpoints(transport: transport),
                    serverName: tracker.serverName,
                    timestamp: timestamp
                )
            else { return nil }
            event.clientJA3 = tracker.clientJA3
            event.clientJA4 = tracker.clientJA4
            return .tlsCertificate(event)
        case .none:
            return nil
        }
    }

    /// Parses a ClientHello body and builds its event and the record the session event reuses; nil when
    /// the body does not parse (counted).
    private mutating func clientHelloEvent(
        _ body: [UInt8],
        endpoints: EventEndpoints,
        transport: EventTransport,
        facts: TransportFacts,
        timestamp: CaptureTimestamp
    ) -> (TLSClientHelloEvent, ClientRecord)? {
        let hello: ClientHello
        do {
            hello = try ClientHello(parsingAll: body)
        } catch {
            counters.count(error, in: .clientHello)
            return nil
        }
        if hello.damage != nil { counters.malformedHellos += 1 }
        counters.clientHellos += 1
        let fingerprints = ClientHelloFields.make(
            hello,
            transport: transport.marker,
            ja4t: facts.syn?.ja4t,
            families: configuration.fingerprints
        )
        let event = TLSClientHelloEvent(
            timestamp: timestamp,
            endpoints: endpoints,
            tlsVersion: hello.highestOfferedVersion.displayName,
            client: fingerprints,
            latency: LatencyFieldsMaker.make(client: facts.clientLatency, server: nil),
            ech: hello.extensions.hasEncryptedClientHello
        )
        return (event, ClientRecord(fingerprints: fingerprints, hello: hello))
    }

    /// Parses a ServerHello body and builds the `tls_session` event (with the client's fields when known).
    private mutating func sessionEvent(
        _ body: [UInt8],
        endpoints: EventEndpoints,
        client: ClientRecord?,
        transport: EventTransport,
        facts: TransportFacts,
        timestamp: CaptureTimestamp
    ) -> (event: TLSSessionEvent, hello: ServerHello)? {
        let hello: ServerHello
        do {
            hello = try ServerHello(parsingAll: body)
        } catch {
            counters.count(error, in: .serverHello)
            return nil
        }
        if hello.damage != nil { counters.malformedHellos += 1 }
        counters.serverHellos += 1
        counters.handshakes += 1
        let event = TLSSessionEvent(
            timestamp: timestamp,
            endpoints: endpoints,
            tlsVersion: hello.selectedVersion.displayName,
            client: client?.fingerprints,
            server: ServerHelloFields.make(hello, transport: transport.marker, families: configuration.fingerprints),
            ja4ts: facts.synAck?.ja4t,
            latency: LatencyFieldsMaker.make(client: facts.clientLatency, server: facts.serverLatency),
            resumptionAccepted: client.flatMap { Resumption.accepted(client: $0.hello, server: hello) },
            hrr: hello.isHelloRetryRequest
        )
        return (event, hello)
    }

    /// Parses a TLS 1.2-style Certificate message and builds the `tls_certificate` event.
    private mutating func certificateEvent(
        _ body: [UInt8],
        endpoints: EventEndpoints,
        serverName: [UInt8],
        timestamp: CaptureTimestamp
    ) -> TLSCertificateEvent? {
        let message: CertificateMessage
        do {
            message = try CertificateMessage(parsingAll: body)
        } catch {
            counters.count(error, in: .certificate)
            return nil
        }
        guard
            let event = CertificateFields.make(
                message,
                endpoints: endpoints,
                serverName: serverName,
                timestamp: timestamp,
                cache: &certificateCache,
                counters: &counters,
                families: configuration.fingerprints
            )
        else { return nil }
        counters.certificates += 1
        return event
    }
}
