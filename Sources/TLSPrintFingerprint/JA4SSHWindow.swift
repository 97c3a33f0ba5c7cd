/// Collects the TCP segments of one SSH stream into JA4SSH windows (shared/spec/events.md, "SSH and HTTP
/// events"): a window closes after 200 SSH packets in total, client and server together, and `finish()` gives
/// the remainder when the stream ends.
///
/// The sensor decides what a segment is: an SSH packet is a segment with payload on an SSH stream
/// (identification lines and KEXINITs included) that is not a retransmission; a bare ACK has flags exactly
/// ACK and no payload; other segments (SYN, FIN, RST, ...) are passed in and ignored. Memory is two arrays of
/// at most 200 lengths.
package struct JA4SSHWindow: Sendable {
    /// Which side sent a segment.
    package enum Side: Hashable, Sendable {
        /// The stream's client.
        case client
        /// The stream's server.
        case server
    }

    /// SSH packets per window (FoxIO's sample size).
    package static let packetsPerWindow = 200

    private var clientLengths: [UInt32] = []
    private var serverLengths: [UInt32] = []
    private var clientBareACKs = 0
    private var serverBareACKs = 0
    /// Windows returned so far (by `add` and `finish`); the next window's number is this plus one.
    package private(set) var closedWindows = 0

    /// An empty first window.
    package init() {}

    /// Bytes held for the open window (the sensor's memory budget may count them).
    package var bufferedBytes: Int { (clientLengths.count + serverLengths.count) * MemoryLayout<UInt32>.size }

    /// Counts one segment: payload makes it an SSH packet; without payload, `isBareACK` makes it a bare ACK.
    /// Returns the window's JA4SSH when this packet is its 200th, and starts the next window.
    package mutating func add(from side: Side, payloadLength: Int, isBareACK: Bool) -> JA4SSH? {
        if payloadLength > 0 {
            let length = UInt32(clamping: payloadLength)
            switch side {
            case .client: clientLengths.append(length)
            case .server: serverLengths.append(length)
            }
            guard clientLengths.count + serverLengths.count >= Self.packetsPerWindow else { return nil }
            return close()
        }
        if isBareACK {
            switch side {
            case .client: clientBareACKs += 1
            case .server: serverBareACKs += 1
            }
        }
        return nil
    }

    /// Counts `count` bare ACKs of `side` at once: those a sensor saw before it knew the stream was SSH.
    package mutating func addBareACKs(from side: Side, count: Int) {
        switch side {
        case .client: clientBareACKs += max(0, count)
        case .server: serverBareACKs += max(0, count)
        }
    }

    /// The JA4SSH of the open window, or nil when it holds no SSH packet (bare ACKs alone make no window, as
    /// in the reference); the window is emptied either way.
    package mutating func finish() -> JA4SSH? {
        guard clientLengths.count + serverLengths.count > 0 else {
            clientBareACKs = 0
            serverBareACKs = 0
            return nil
        }
        return close()
    }

    private mutating func close() -> JA4SSH {
        let value = JA4SSH(
            clientPayloadLengths: clientLengths.map { Int($0) },
            serverPayloadLengths: serverLengths.map { Int($0) },
            clientBareACKs: clientBareACKs,
            serverBareACKs: serverBareACKs
        )
        clientLengths.removeAll(keepingCapacity: true)
        serverLengths.removeAll(keepingCapacity: true)
        clientBareACKs = 0
        serverBareACKs = 0
        closedWindows += 1
        return value
    }
}
