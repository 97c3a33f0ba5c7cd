import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintFlow
import TLSPrintPacket

/// The two ends of a flow: the sender of its first packet seen, and the other.
struct EndpointPair: Sendable {
    let first: Endpoint
    let second: Endpoint
    /// The seed of the flow's Community ID (`--community-id-seed`).
    let communityIDSeed: UInt16

    init(first: Endpoint, second: Endpoint, communityIDSeed: UInt16 = 0) {
        self.first = first
        self.second = second
        self.communityIDSeed = communityIDSeed
    }

    /// The direction of a packet sent by `source`.
    func direction(from source: Endpoint) -> Direction { source == first ? .forward : .reverse }

    /// The sender in `direction`.
    func sender(in direction: Direction) -> Endpoint {
        switch direction {
        case .forward: first
        case .reverse: second
        }
    }

    /// A placeholder for free flow-table slots.
    static let nowhere = EndpointPair(
        first: Endpoint(address: .v4(0), port: 0),
        second: Endpoint(address: .v4(0), port: 0)
    )

    /// `src_*` (the client, whichever way packets travel), `dst_*` and `transport` of an event.
    func eventEndpoints(clientDirection: Direction, transport: EventTransport) -> EventEndpoints {
        let client = sender(in: clientDirection)
        let server = sender(in: clientDirection.opposite)
        return EventEndpoints(
            clientIP: client.address.description,
            clientPort: client.port,
            serverIP: server.address.description,
            serverPort: server.port,
            transport: transport,
            communityID: CommunityID(
                addressA: client.address.bytes,
                portA: client.port,
                addressB: server.address.bytes,
                portB: server.port,
                ipProtocol: transport == .tcp ? 6 : 17,
                seed: communityIDSeed
            ).rendered
        )
    }
}
