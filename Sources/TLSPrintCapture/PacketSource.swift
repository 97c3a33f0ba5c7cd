import TLSPrintCore

/// A producer of captured packets whose bytes are lent to the caller one packet at a time.
package protocol PacketSource: ~Copyable {
    /// Calls `body` with the next packet; `bytes` is valid only during the call.
    /// - Returns: false at the end of the capture (`body` not called).
    mutating func nextPacket(_ body: (CaptureInfo, Span<UInt8>) -> Void) throws(CaptureError) -> Bool
}
