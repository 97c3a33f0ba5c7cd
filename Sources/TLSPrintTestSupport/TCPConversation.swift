import TLSPrintCore
import TLSPrintPacket

/// The two byte streams of one TCP connection, taken from a real capture, that tests replay as synthetic
/// connections (other addresses, IPv6, sequence numbers near the wrap, data in the SYN, odd cut points).
package struct TCPConversation: Hashable, Sendable {
    /// The side that sent the SYN (or, without one, the first data).
    package var client: IPAddress
    package var clientPort: UInt16
    package var server: IPAddress
    package var serverPort: UInt16
    /// The client's stream from its first byte, up to the first gap.
    package var clientBytes: [UInt8] = []
    /// The server's stream from its first byte, up to the first gap.
    package var serverBytes: [UInt8] = []

    /// A conversation between the given endpoints with the given streams.
    package init(
        client: IPAddress,
        clientPort: UInt16,
        server: IPAddress,
        serverPort: UInt16,
        clientBytes: [UInt8],
        serverBytes: [UInt8]
    ) {
        self.client = client
        self.clientPort = clientPort
        self.server = server
        self.serverPort = serverPort
        self.clientBytes = clientBytes
        self.serverBytes = serverBytes
    }

    /// The TCP connections of `frames` that opened with a SYN, in the order of their SYNs, each stream
    /// reassembled up to `limit` bytes or its first gap (retransmitted and overlapping bytes are assumed equal).
    /// With `requiringSYN` false, a connection whose SYN was not captured counts too: its client is the sender
    /// of its first data segment (as tshark assumes) and each direction starts at its lowest sequence number.
    package static func extract(
        from frames: [ReplayFrame],
        limit: Int = 65_536,
        requiringSYN: Bool = true
    ) -> [TCPConversation] {
        var order: [String] = []
        var builders: [String: ConversationBuilder] = [:]
        for frame in frames {
            guard let packet = try? PacketDecoder.decode(frame.bytes.span, linkType: frame.info.linkType),
                packet.fragment == nil, case .tcp(let tcp) = packet.transport
            else { continue }
            let forward = "\(packet.source) \(tcp.sourcePort) \(packet.destination) \(tcp.destinationPort)"
            let reverse = "\(packet.destination) \(tcp.destinationPort) \(packet.source) \(tcp.sourcePort)"
            let isClient: Bool
            let key: String
            if builders[forward] != nil {
                (key, isClient) = (forward, true)
            } else if builders[reverse] != nil {
                (key, isClient) = (reverse, false)
            } else {
                let opens = tcp.flags.contains(.syn) && !tcp.flags.contains(.ack)
                let picksUp = !requiringSYN && !packet.payload.isEmpty && !tcp.flags.contains(.syn)
                guard opens || picksUp else { continue }
                (key, isClient) = (forward, true)
                order.append(forward)
                builders[forward] = ConversationBuilder(
                    conversation: TCPConversation(
                        client: packet.source,
                        clientPort: tcp.sourcePort,
                        server: packet.destination,
                        serverPort: tcp.destinationPort,
                        clientBytes: [],
                        serverBytes: []
                    )
                )
            }
            let payload = Array(frame.bytes[packet.payload])
            builders[key]?.add(tcp, payload: payload, fromClient: isClient)
        }
        return order.compactMap { builders[$0]?.finished(limit: limit) }
    }
}

/// Reassembles the two directions of one conversation for `TCPConversation.extract`.
private struct ConversationBuilder {
    var conversation: TCPConversation
    var clientOrigin: UInt32?
    var serverOrigin: UInt32?
    var clientSegments: [UInt32: [UInt8]] = [:]
    var serverSegments: [UInt32: [UInt8]] = [:]
    /// The first data segment's sequence number in each direction, for a direction without a SYN.
    var clientFirstSeen: UInt32?
    var serverFirstSeen: UInt32?

    mutating func add(_ tcp: TCPHeader, payload: [UInt8], fromClient: Bool) {
        let isSYN = tcp.flags.contains(.syn)
        if isSYN {
            if fromClient, clientOrigin == nil { clientOrigin = tcp.sequenceNumber &+ 1 }
            if !fromClient, serverOrigin == nil { serverOrigin = tcp.sequenceNumber &+ 1 }
        }
        guard !payload.isEmpty else { return }
        let start = tcp.sequenceNumber &+ (isSYN ? 1 : 0)
        if fromClient, clientFirstSeen == nil { clientFirstSeen = start }
        if !fromClient, serverFirstSeen == nil { serverFirstSeen = start }
        // Keep the longest segment starting at each sequence number; overlaps are resolved when assembling.
        if fromClient {
            if clientSegments[start]?.count ?? 0 < payload.count { clientSegments[start] = payload }
        } else if serverSegments[start]?.count ?? 0 < payload.count {
            serverSegments[start] = payload
        }
    }

    func finished(limit: Int) -> TCPConversation {
        var result = conversation
        let clientStart = clientOrigin ?? Self.lowest(clientSegments, near: clientFirstSeen)
        let serverStart = serverOrigin ?? Self.lowest(serverSegments, near: serverFirstSeen)
        result.clientBytes = Array(Self.assemble(clientSegments, origin: clientStart).prefix(limit))
        result.serverBytes = Array(Self.assemble(serverSegments, origin: serverStart).prefix(limit))
        return result
    }

    /// The segment start lowest in sequence space around `reference` (signed 32-bit distance), or nil.
    static func lowest(_ segments: [UInt32: [UInt8]], near reference: UInt32?) -> UInt32? {
        guard let reference else { return nil }
        return segments.keys.min { Int32(bitPattern: $0 &- reference) < Int32(bitPattern: $1 &- reference) }
    }

    /// The stream from `origin` up to its first gap; overlapping segments contribute only their new bytes.
    static func assemble(_ segments: [UInt32: [UInt8]], origin: UInt32?) -> [UInt8] {
        guard let origin else { return [] }
        var stream: [UInt8] = []
        var progressed = true
        while progressed {
            progressed = false
            for (start, bytes) in segments {
                let offset = Int(start &- origin)  // distance from the origin, modulo 2^32
                guard offset <= stream.count, offset + bytes.count > stream.count else { continue }
                stream += bytes[(stream.count - offset)...]
                progressed = true
            }
        }
        return stream
    }
}
