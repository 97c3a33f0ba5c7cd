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
        guard !tcpFlows[slot: slot].sawClientHello else { return }
        tcpFlows[slot: slot].sawClientHello = true
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
        // Only this first ServerHello uses the client's record: free it (flows can live long after).
        let client = tcpFlows[slot: slot].client
        tcpFlows[slot: slot].client = nil
        let handshake = tcpFlows[slot: slot].handshake
        var extra = Self.latencyFields(client: handshake.clientLatency, server: handshake.serverLatency)
        if let synAck = handshake.synAck { extra.append(EventField("ja4ts", .string(synAck.ja4t))) }
        guard
            let built = sessionEvent(
                body,
                endpoints: tcpEndpointFields(slot: slot),
                client: client,
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
        // Only the server's first Certificate, and only once its ServerHello was seen in clear.
        guard tcpFlows[slot: slot].sawServerHello, !tcpFlows[slot: slot].sawCertificate,
            tcpFlows[slot: slot].clientDirection == context.direction.opposite
        else { return }
        tcpFlows[slot: slot].sawCertificate = true
        tcpFlows[slot: slot].finish(context.direction)
        guard
            let event = certificateEvent(
                body,
                endpoints: tcpEndpointFields(slot: slot),
                serverName: tcpFlows[slot: slot].serverName,
                timestamp: context.timestamp
            )
        else { return }
        emit(event, source: tcpClient(slot: slot).address.description, into: &events)
    }

    private func tcpClient(slot: Int) -> Endpoint {
        tcpFlows[slot: slot].sender(in: tcpFlows[slot: slot].clientDirection ?? .forward)
    }

    private func tcpEndpointFields(slot: Int) -> [EventField] {
        let clientDirection = tcpFlows[slot: slot].clientDirection ?? .forward
        return Self.endpointFields(
            client: tcpFlows[slot: slot].sender(in: clientDirection),
            server: tcpFlows[slot: slot].sender(in: clientDirection.opposite),
            transport: "tcp"
        )
    }
}
