import TLSPrintCore
import TLSPrintEvent
import TLSPrintFlow
import TLSPrintPacket

extension Sensor {
    /// Holds an IP fragment until its datagram is whole, then decodes and dispatches the datagram's transport.
    mutating func processFragment(
        _ packet: DecodedPacket,
        frame: Span<UInt8>,
        info: CaptureInfo,
        into events: inout [Event]
    ) {
        guard let fragment = packet.fragment else { return }
        fragments.expire(before: info.timestamp)
        guard let datagram = fragments.insert(fragment, frame: frame, at: info.timestamp) else { return }
        do {
            let (transport, payload) = try PacketDecoder.decodeTransport(
                protocol: fragment.ipProtocol,
                payload: datagram.span
            )
            var whole = packet
            whole.transport = transport
            whole.fragment = nil
            whole.payload = payload
            dispatch(whole, payload: datagram.span.extracting(payload), info: info, into: &events)
        } catch {
            counters.count(error, in: .fragment)
        }
    }
}
