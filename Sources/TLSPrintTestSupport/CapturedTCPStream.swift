import TLSPrintCore
import TLSPrintPacket

/// One TCP conversation of a capture, read straight from the decoded frames (no sensor): for tests of the
/// stream parsers against reference captures.
///
/// Conversations are numbered in order of first appearance, as tshark numbers `tcp.stream` when no port pair
/// is reused. The initiator is the sender of the conversation's first captured packet.
package struct CapturedTCPStream: Sendable {
    /// One captured segment.
    package struct Segment: Hashable, Sendable {
        /// True when the conversation's initiator sent it.
        package var fromInitiator: Bool
        /// The TCP flags.
        package var flags: TCPFlags
        /// The raw sequence number.
        package var sequenceNumber: UInt32
        /// The TCP payload.
        package var payload: [UInt8]

        /// Flags exactly ACK and no payload.
        package var isBareACK: Bool { flags == .ack && payload.isEmpty }
    }

    /// Position in order of first appearance, from 0.
    package var index: Int
    /// The initiator's address.
    package var initiatorAddress: IPAddress
    /// The initiator's port.
    package var initiatorPort: UInt16
    /// The responder's address.
    package var responderAddress: IPAddress
    /// The responder's port.
    package var responderPort: UInt16
    /// Every segment in capture order.
    package var segments: [Segment] = []

    /// The TCP conversations of `frames` (innermost IP and TCP headers, tunnels decapsulated); frames that do
    /// not decode, fragments and non-TCP packets are skipped.
    package static func all(in frames: [ReplayFrame]) -> [CapturedTCPStream] {
        var streams: [CapturedTCPStream] = []
        var byEndpoints: [String: Int] = [:]
        for frame in frames {
            guard let packet = try? PacketDecoder.decode(frame.bytes.span, linkType: frame.info.linkType),
                packet.fragment == nil, case .tcp(let tcp) = packet.transport
            else { continue }
            let source = "\(packet.source) \(tcp.sourcePort)"
            let destination = "\(packet.destination) \(tcp.destinationPort)"
            let key = [source, destination].sorted().joined(separator: " <> ")
            let position: Int
            if let known = byEndpoints[key] {
                position = known
            } else {
                position = streams.count
                byEndpoints[key] = position
                streams.append(
                    CapturedTCPStream(
                        index: position,
                        initiatorAddress: packet.source,
                        initiatorPort: tcp.sourcePort,
                        responderAddress: packet.destination,
                        responderPort: tcp.destinationPort
                    )
                )
            }
            let fromInitiator =
                packet.source == streams[position].initiatorAddress && tcp.sourcePort == streams[position].initiatorPort
            streams[position].segments.append(
                Segment(
                    fromInitiator: fromInitiator,
                    flags: tcp.flags,
                    sequenceNumber: tcp.sequenceNumber,
                    payload: Array(frame.bytes[packet.payload])
                )
            )
        }
        return streams
    }

    /// True when the initiator and responder have these textual addresses and ports.
    package func matches(source: String, sourcePort: Int, destination: String, destinationPort: Int) -> Bool {
        initiatorAddress.description == source && Int(initiatorPort) == sourcePort
            && responderAddress.description == destination && Int(responderPort) == destinationPort
    }

    /// The segments without repeats: a data segment whose side, sequence number and length came before is left
    /// out (a retransmission), as the sensor counts SSH packets.
    package var segmentsWithoutRepeats: [Segment] {
        var seen: Set<[UInt32]> = []
        return segments.filter { segment in
            guard !segment.payload.isEmpty else { return true }
            let key = [segment.fromInitiator ? 1 : 0, segment.sequenceNumber, UInt32(segment.payload.count)]
            return seen.insert(key).inserted
        }
    }

    /// One side's payload in sequence order, from its first byte (after the SYN, or the first data segment
    /// without one) to the first gap; retransmitted and overlapping bytes appear once.
    package func bytes(fromInitiator: Bool) -> [UInt8] {
        Array(chunks(fromInitiator: fromInitiator).joined())
    }

    /// `bytes(fromInitiator:)` cut where the captured segments cut it: the new bytes of each segment, in
    /// sequence order.
    package func chunks(fromInitiator: Bool) -> [[UInt8]] {
        let side = segments.filter { $0.fromInitiator == fromInitiator }
        guard
            let start = side.first(where: { $0.flags.contains(.syn) }).map({ $0.sequenceNumber &+ 1 })
                ?? side.first(where: { !$0.payload.isEmpty })?.sequenceNumber
        else { return [] }
        var pieces: [(offset: Int, payload: [UInt8])] = []
        for segment in side where !segment.payload.isEmpty {
            let offset = Int(Int32(bitPattern: segment.sequenceNumber &- start))
            if offset >= 0 { pieces.append((offset, segment.payload)) }
        }
        var chunks: [[UInt8]] = []
        var length = 0
        for piece in pieces.sorted(by: { $0.offset < $1.offset }) {
            guard piece.offset <= length else { break }
            let fresh = piece.offset + piece.payload.count - length
            guard fresh > 0 else { continue }
            chunks.append(Array(piece.payload.suffix(fresh)))
            length += fresh
        }
        return chunks
    }
}
