import TLSPrintCore

/// One IPv4 or IPv6 fragment, as the reassembler needs it.
package struct IPFragment: Hashable, Sendable {
    /// The datagram identification (16 bits for IPv4, 32 for IPv6).
    package var identification: UInt32
    /// Offset of this fragment's data in the reassembled payload, in bytes.
    package var offset: Int
    /// True when more fragments follow (MF / M flag).
    package var moreFragments: Bool
    /// The protocol of the reassembled payload.
    package var ipProtocol: IPProtocolNumber
    /// Source address of the fragmented datagram.
    package var source: IPAddress
    /// Destination address of the fragmented datagram.
    package var destination: IPAddress
    /// Where this fragment's data sits in the frame.
    package var payload: Range<Int>
}
