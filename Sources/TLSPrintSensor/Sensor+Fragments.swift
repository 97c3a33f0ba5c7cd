import TLSPrintCore
import TLSPrintPacket

extension Sensor {
    /// Holds an IP fragment until its datagram is whole, then decodes and dispatches the datagram's transport.
    mutating func processFragment(_ packet: DecodedPacket, frame: Span<UInt8>, info: CaptureInfo, into events: inout [Event]) {
        // TODO(#2): reassembly lands with IPFragmentReassembler.
        counters.fragmentsEvicted += 1
    }
}
