import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket
import TLSPrintTLS

/// Where a handshake message was seen on a TCP flow.
struct HandshakeContext {
    var slot: Int
    var direction: Direction
    var timestamp: CaptureTimestamp
}

extension Sensor {
    /// Turns one complete handshake message of a TCP flow into events: the first ClientHello, the first
    /// ServerHello and, for TLS 1.2 and older, the server's Certificate.
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
        tcpFlows[slot: slot].finish(context.direction)
        tcpFlows[slot: slot].clientDirection = context.direction
        let handshake = tcpFlows[slot: slot].handshake
        var extra = Self.latencyFields(client: handshake.clientLatency, server: nil)
        if let syn = handshake.syn { extra.append(EventField("ja4t", .string(syn.ja4t))) }
        guard
            let built = clientHelloEvent(
                body,
                endpoints: tcpEndpointFields(slot: slot),
                transport: .tcp,
                extra: extra,
                timestamp: context.timestamp
            )
        else { return }
        tcpFlows[slot: slot].client = built.record
        tcpFlows[slot: slot].serverName = .text(built.hello.serverName ?? [])
        emit(built.event, source: tcpClient(slot: slot).address.description, into: &events)
    }

    private mutating func handleServerHello(_ body: [UInt8], context: HandshakeContext, into events: inout [Event]) {
        let slot = context.slot
        guard !tcpFlows[slot: slot].sawServerHello else { return }
        tcpFlows[slot: slot].sawServerHello = true
        if tcpFlows[slot: slot].clientDirection == nil {
            tcpFlows[slot: slot].clientDirection = context.direction.opposite
        }
        let handshake = tcpFlows[slot: slot].handshake
        var extra = Self.latencyFields(client: handshake.clientLatency, server: handshake.serverLatency)
        if let synAck = handshake.synAck { extra.append(EventField("ja4ts", .string(synAck.ja4t))) }
        guard
            let built = sessionEvent(
                body,
                endpoints: tcpEndpointFields(slot: slot),
                client: tcpFlows[slot: slot].client,
                transport: .tcp,
                extra: extra,
                timestamp: context.timestamp
            )
        else {
            tcpFlows[slot: slot].finish(context.direction)
            return
        }
        // TLS 1.3 (a selected supported_version) encrypts everything after the ServerHello; after a
        // HelloRetryRequest nothing more is wanted either.
        if built.hello.extensions.selectedVersion != nil || built.hello.isHelloRetryRequest {
            tcpFlows[slot: slot].finish(context.direction)
        }
        emit(built.event, source: tcpClient(slot: slot).address.description, into: &events)
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
        var fields = tcpEndpointFields(slot: slot)
        fields.append(EventField("sni", flow.serverName))
        fields += built
        let event = Event(type: .tlsCertificate, timestamp: context.timestamp, fields: EventLayout.arrange(fields))
        emit(event, source: tcpClient(slot: slot).address.description, into: &events)
    }

    private func tcpClient(slot: Int) -> Endpoint {
        let flow = tcpFlows[slot: slot]
        return flow.sender(in: flow.clientDirection ?? .forward)
    }

    private func tcpEndpointFields(slot: Int) -> [EventField] {
        let flow = tcpFlows[slot: slot]
        let clientDirection = flow.clientDirection ?? .forward
        return Self.endpointFields(
            client: flow.sender(in: clientDirection),
            server: flow.sender(in: clientDirection.opposite),
            transport: "tcp"
        )
    }
}
