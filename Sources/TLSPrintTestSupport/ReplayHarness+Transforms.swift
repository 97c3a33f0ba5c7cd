import TLSPrintCore
import TLSPrintPacket

extension ReplayHarness {
    /// `frames` without any TCP segment that has SYN set, as if capture began after the handshakes.
    package static func droppingSYNs(_ frames: [ReplayFrame]) -> [ReplayFrame] {
        frames.filter { frame in
            guard let packet = try? PacketDecoder.decode(frame.bytes.span, linkType: frame.info.linkType),
                case .tcp(let tcp) = packet.transport
            else { return true }
            return !tcp.flags.contains(.syn)
        }
    }

    /// `frames` with every TCP sequence and acknowledgment number shifted so that, in each direction, the first
    /// data byte sits `bytesBeforeWrap` bytes below 2^32: the stream crosses the wrap after that many bytes.
    ///
    /// The numbers are patched in place in the original frames (nothing else changes). A direction's origin is
    /// its SYN's sequence number plus one, or the first sequence number seen when it has no SYN.
    package static func wrappingSequences(_ frames: [ReplayFrame], bytesBeforeWrap: UInt32) -> [ReplayFrame] {
        var shifts: [String: UInt32] = [:]
        var output: [ReplayFrame] = []
        output.reserveCapacity(frames.count)
        for var frame in frames {
            guard let packet = try? PacketDecoder.decode(frame.bytes.span, linkType: frame.info.linkType),
                packet.fragment == nil, case .tcp(let tcp) = packet.transport
            else {
                output.append(frame)
                continue
            }
            let forward = "\(packet.source) \(tcp.sourcePort) > \(packet.destination) \(tcp.destinationPort)"
            let reverse = "\(packet.destination) \(tcp.destinationPort) > \(packet.source) \(tcp.sourcePort)"
            if shifts[forward] == nil {
                let origin = tcp.sequenceNumber &+ (tcp.flags.contains(.syn) ? 1 : 0)
                shifts[forward] = (0 &- bytesBeforeWrap) &- origin
            }
            let header = packet.payload.lowerBound - tcp.headerLength
            patch32(&frame.bytes, at: header + 4, adding: shifts[forward] ?? 0)
            if tcp.flags.contains(.ack), let shift = shifts[reverse] {
                patch32(&frame.bytes, at: header + 8, adding: shift)
            }
            output.append(frame)
        }
        return output
    }

    private static func patch32(_ bytes: inout [UInt8], at offset: Int, adding delta: UInt32) {
        var value: UInt32 = 0
        for index in offset..<(offset + 4) { value = value << 8 | UInt32(bytes[index]) }
        value &+= delta
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index)) }
    }
}
