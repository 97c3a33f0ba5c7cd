import TLSPrintPacket

/// One end of a transport conversation.
package struct Endpoint: Hashable, Sendable {
    package var address: IPAddress
    package var port: UInt16

    package init(address: IPAddress, port: UInt16) {
        self.address = address
        self.port = port
    }
}

/// A direction-normalised flow identity: both directions of a conversation map to the same key.
package struct FlowKey: Hashable, Sendable {
    /// The endpoint that sorts first.
    package var lower: Endpoint
    /// The endpoint that sorts second.
    package var upper: Endpoint
    /// 6 for TCP, 17 for UDP.
    package var ipProtocol: UInt8

    /// The key of a packet from `source` to `destination`.
    package init(source: Endpoint, destination: Endpoint, ipProtocol: UInt8) {
        self.ipProtocol = ipProtocol
        if Self.precedes(source, destination) {
            lower = source
            upper = destination
        } else {
            lower = destination
            upper = source
        }
    }

    private static func precedes(_ lhs: Endpoint, _ rhs: Endpoint) -> Bool {
        switch (lhs.address, rhs.address) {
        case (.v4(let left), .v4(let right)) where left != right: return left < right
        case (.v6(let leftHigh, _), .v6(let rightHigh, _)) where leftHigh != rightHigh:
            return leftHigh < rightHigh
        case (.v6(_, let leftLow), .v6(_, let rightLow)) where leftLow != rightLow: return leftLow < rightLow
        case (.v4, .v6): return true
        case (.v6, .v4): return false
        default: return lhs.port <= rhs.port
        }
    }
}
