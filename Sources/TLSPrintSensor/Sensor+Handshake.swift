import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintTLS
import TLSPrintX509

/// Where a handshake message was seen.
struct HandshakeContext {
    var slot: Int
    var direction: Direction
    var timestamp: CaptureTimestamp
}

extension Sensor {
    /// Turns one complete handshake message into events: the first ClientHello, the first ServerHello and,
    /// for TLS 1.2 and older, the server's Certificate.
    mutating func handle(_ message: HandshakeMessage, context: HandshakeContext, into events: inout [Event]) {
        switch message.type {
        case .clientHello: handleClientHello(message.body, context: context, into: &events)
        case .serverHello: handleServerHello(message.body, context: context, into: &events)
        case .certificate: handleCertificate(message.body, context: context, into: &events)
        case .serverHelloDone: tcpFlows[slot: context.slot].finish(context.direction)
        default: return
        }
    }

    private mutating func handleClientHello(_ body: [UInt8], context: HandshakeContext, into events: inout [Event]) {
        let slot = context.slot
        // Only the first ClientHello of a stream counts (a second one follows a HelloRetryRequest).
        guard tcpFlows[slot: slot].client == nil else { return }
        let hello: ClientHello
        do {
            hello = try ClientHello(parsingAll: body)
        } catch {
            counters.count(error, in: .clientHello)
            return
        }
        if hello.damage != nil { counters.malformedHellos += 1 }
        counters.clientHellos += 1
        tcpFlows[slot: slot].clientDirection = context.direction
        let flow = tcpFlows[slot: slot]
        var clientFields = ClientHelloFields.make(hello, transport: .tcp)
        if let syn = flow.handshake.syn { clientFields.append(EventField("ja4t", .string(JA4T.format(syn)))) }
        let record = ClientHelloFields.record(hello, fields: clientFields)
        tcpFlows[slot: slot].client = record
        tcpFlows[slot: slot].serverName = .text(hello.serverName ?? [])
        tcpFlows[slot: slot].finish(context.direction)

        var fields = endpointFields(slot: slot, transport: "tcp")
        fields.append(EventField("tls_version", .string(hello.highestOfferedVersion.displayName)))
        fields += clientFields
        fields += latencyFields(flow.handshake, includeServer: false)
        fields.append(EventField("ech", .bool(hello.extensions.hasEncryptedClientHello)))
        let event = Event(type: .tlsClientHello, timestamp: context.timestamp, fields: EventLayout.arrange(fields))
        emit(event, source: sourceName(slot: slot), into: &events)
    }

    private mutating func handleServerHello(_ body: [UInt8], context: HandshakeContext, into events: inout [Event]) {
        let slot = context.slot
        guard !tcpFlows[slot: slot].sawServerHello else { return }
        let hello: ServerHello
        do {
            hello = try ServerHello(parsingAll: body)
        } catch {
            counters.count(error, in: .serverHello)
            return
        }
        if hello.damage != nil { counters.malformedHellos += 1 }
        counters.serverHellos += 1
        counters.handshakes += 1
        tcpFlows[slot: slot].sawServerHello = true
        if tcpFlows[slot: slot].clientDirection == nil {
            tcpFlows[slot: slot].clientDirection = context.direction.opposite
        }
        // TLS 1.3 (supported_versions selected) encrypts the rest; so does a HelloRetryRequest's sequel.
        let negotiatedTLS13 = hello.extensions.selectedVersion != nil
        if negotiatedTLS13 || hello.isHelloRetryRequest { tcpFlows[slot: slot].finish(context.direction) }
        let flow = tcpFlows[slot: slot]

        var fields = endpointFields(slot: slot, transport: "tcp")
        fields.append(EventField("tls_version", .string(hello.selectedVersion.displayName)))
        fields += flow.client?.fields ?? [EventField("sni", .text([]))]
        fields += ServerHelloFields.make(hello, transport: .tcp)
        if let synAck = flow.handshake.synAck { fields.append(EventField("ja4ts", .string(JA4T.format(synAck)))) }
        fields += latencyFields(flow.handshake, includeServer: true)
        if let client = flow.client, client.offeredResumption {
            fields.append(EventField("resumption_accepted", .bool(ServerHelloFields.accepted(hello, client: client))))
        }
        fields.append(EventField("hrr", .bool(hello.isHelloRetryRequest)))
        let event = Event(type: .tlsSession, timestamp: context.timestamp, fields: EventLayout.arrange(fields))
        emit(event, source: sourceName(slot: slot), into: &events)
    }

    private mutating func handleCertificate(_ body: [UInt8], context: HandshakeContext, into events: inout [Event]) {
        let slot = context.slot
        let flow = tcpFlows[slot: slot]
        // Only the server's first Certificate, and only once its ServerHello was seen in clear.
        guard flow.sawServerHello, !flow.sawCertificate, flow.clientDirection == context.direction.opposite else {
            return
        }
        tcpFlows[slot: slot].sawCertificate = true
        tcpFlows[slot: slot].finish(context.direction)
        let message: CertificateMessage
        do {
            message = try CertificateMessage(parsingAll: body)
        } catch {
            counters.count(error, in: .certificate)
            return
        }
        let built = CertificateFields.make(message, counters: &counters)
        guard !built.isEmpty else { return }
        counters.certificates += 1
        var fields = endpointFields(slot: slot, transport: "tcp")
        fields.append(EventField("sni", flow.serverName))
        fields += built
        let event = Event(type: .tlsCertificate, timestamp: context.timestamp, fields: EventLayout.arrange(fields))
        emit(event, source: sourceName(slot: slot), into: &events)
    }

    /// `src_*` is the client, `dst_*` the server, whichever way the packet travelled.
    private func endpointFields(slot: Int, transport: String) -> [EventField] {
        let flow = tcpFlows[slot: slot]
        let clientDirection = flow.clientDirection ?? .forward
        let client = flow.sender(in: clientDirection)
        let server = flow.sender(in: clientDirection.opposite)
        return [
            EventField("src_ip", .string(client.address.description)),
            EventField("src_port", .integer(Int(client.port))),
            EventField("dst_ip", .string(server.address.description)),
            EventField("dst_port", .integer(Int(server.port))),
            EventField("transport", .string(transport)),
        ]
    }

    private func sourceName(slot: Int) -> String {
        let flow = tcpFlows[slot: slot]
        return flow.sender(in: flow.clientDirection ?? .forward).address.description
    }

    private func latencyFields(_ handshake: TCPHandshakeObserver, includeServer: Bool) -> [EventField] {
        var fields: [EventField] = []
        if let client = handshake.clientLatency {
            fields.append(EventField("ja4l_c", .string(JA4L.format(microseconds: client.microseconds, ttl: client.ttl))))
            fields.append(EventField("ja4l_rtt_ms", .thousandths(Int(client.microseconds) * 2)))
            fields.append(EventField("ja4l_client_ttl", .integer(Int(client.ttl))))
        }
        if includeServer, let server = handshake.serverLatency {
            fields.append(EventField("ja4l_s", .string(JA4L.format(microseconds: server.microseconds, ttl: server.ttl))))
        }
        return fields
    }
}
