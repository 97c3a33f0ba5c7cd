import TLSPrintCore
import TLSPrintPacket

/// A decoded TCP segment that carries data, with what is needed to rebuild it in pieces.
struct TCPDataSegment {
    var source: IPAddress
    var destination: IPAddress
    var hopLimit: UInt8
    var tcp: TCPHeader
    var payload: [UInt8]
    var timestamp: CaptureTimestamp

    /// The sending endpoint and the receiving one, as a direction key.
    var directionKey: String { "\(source) \(tcp.sourcePort) > \(destination) \(tcp.destinationPort)" }

    /// The data segment in `frame`, or nil for anything else (no data, SYN, RST, fragments, UDP, non-IP).
    init?(_ frame: ReplayFrame) {
        guard let packet = try? PacketDecoder.decode(frame.bytes.span, linkType: frame.info.linkType),
            packet.fragment == nil, case .tcp(let tcp) = packet.transport, !packet.payload.isEmpty,
            !tcp.flags.contains(.syn), !tcp.flags.contains(.rst)
        else { return nil }
        source = packet.source
        destination = packet.destination
        hopLimit = packet.hopLimit
        self.tcp = tcp
        payload = Array(frame.bytes[packet.payload])
        timestamp = frame.info.timestamp
    }

    /// The direction key of the sender of a SYN or SYN-ACK in `frame`, nil for any other frame.
    static func synSender(_ frame: ReplayFrame) -> String? {
        guard let packet = try? PacketDecoder.decode(frame.bytes.span, linkType: frame.info.linkType),
            case .tcp(let tcp) = packet.transport, tcp.flags.contains(.syn)
        else { return nil }
        return "\(packet.source) \(tcp.sourcePort) > \(packet.destination) \(tcp.destinationPort)"
    }

    /// An Ethernet frame carrying the payload bytes `piece`, at the original timestamp; FIN only on the piece
    /// that reaches the end of the payload.
    func frame(_ piece: Range<Int>) -> ReplayFrame {
        let original = tcp.flags.rawValue
        var flags = original & ~PacketBuilder.Flags.fin
        if piece.upperBound == payload.count { flags |= original & PacketBuilder.Flags.fin }
        let segment = PacketBuilder.tcp(
            sourcePort: tcp.sourcePort,
            destinationPort: tcp.destinationPort,
            sequence: tcp.sequenceNumber &+ UInt32(truncatingIfNeeded: piece.lowerBound),
            acknowledgment: tcp.acknowledgmentNumber,
            flags: flags,
            window: tcp.window,
            Array(payload[piece])
        )
        let bytes = PacketBuilder.ipFrame(
            source: source,
            destination: destination,
            protocol: 6,
            ttl: hopLimit,
            segment
        )
        return ReplayFrame(timestamp: timestamp, linkType: .ethernet, bytes: bytes)
    }
}
