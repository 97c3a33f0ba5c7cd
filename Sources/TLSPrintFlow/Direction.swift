/// Which way a packet travels relative to the endpoint that opened the flow (the sender of its first packet).
package enum Direction: Hashable, Sendable {
    /// From the flow's first sender.
    case forward
    /// Towards the flow's first sender.
    case reverse

    /// The other direction.
    package var opposite: Direction { self == .forward ? .reverse : .forward }
}
