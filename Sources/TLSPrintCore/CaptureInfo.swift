/// What the capture layer knows about one packet besides its bytes.
public struct CaptureInfo: Hashable, Sendable {
    /// When the packet was captured.
    public var timestamp: CaptureTimestamp
    /// Bytes present in the record (may be less than `originalLength` when the snap length cut it).
    public var capturedLength: Int
    /// Bytes the packet had on the wire.
    public var originalLength: Int
    /// How to decode the first header.
    public var linkType: LinkType
    /// The pcapng interface, 0 for classic pcap and live capture.
    public var interfaceIndex: Int

    public init(
        timestamp: CaptureTimestamp,
        capturedLength: Int,
        originalLength: Int,
        linkType: LinkType,
        interfaceIndex: Int = 0
    ) {
        self.timestamp = timestamp
        self.capturedLength = capturedLength
        self.originalLength = originalLength
        self.linkType = linkType
        self.interfaceIndex = interfaceIndex
    }
}
