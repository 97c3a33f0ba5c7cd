import TLSPrintCore
import TLSPrintPacket

/// A bounded reassembler of IPv4 and IPv6 fragments, driven by packet time. Pure and deterministic.
///
/// Overlapping bytes keep the first copy received (counted in `overlaps`). Datagrams are evicted oldest first
/// when `maximumDatagrams` are pending, and dropped when older than `timeoutSeconds` of packet time, when they
/// would exceed 65,535 bytes or `maximumFragments` fragments; every drop is counted.
package struct IPFragmentReassembler: Sendable {
    /// Caps and timeout.
    package struct Configuration: Hashable, Sendable {
        /// Datagrams being reassembled at once.
        package var maximumDatagrams = 256
        /// Fragments accepted per datagram.
        package var maximumFragments = 64
        /// Packet-time seconds a datagram may wait for its missing fragments.
        package var timeoutSeconds: Int64 = 30
        /// Creates the default configuration.
        package init() {}
    }

    /// What the reassembler did, for the sensor's counters.
    package struct Counters: Hashable, Sendable {
        /// Datagrams completed.
        package var reassembled = 0
        /// Datagrams evicted because `maximumDatagrams` were pending.
        package var evictedForCapacity = 0
        /// Datagrams that timed out.
        package var expired = 0
        /// Datagrams dropped for exceeding 65,535 bytes or `maximumFragments`.
        package var oversized = 0
        /// Fragments that overlapped bytes already held.
        package var overlaps = 0
    }

    struct Key: Hashable, Sendable {
        var source: IPAddress
        var destination: IPAddress
        var identification: UInt32
        var ipProtocol: UInt8
    }

    struct Pending: Sendable {
        var key: Key
        var firstSeen: CaptureTimestamp
        var bytes: [UInt8] = []
        var received: [Range<Int>] = []
        var totalLength: Int?
    }

    /// Largest reassembled payload (IPv4 total length minus nothing: a safe upper bound for both versions).
    static let maximumPayload = 65_535

    /// The caps in force.
    package let configuration: Configuration
    /// Outcome counts.
    package private(set) var counters = Counters()
    /// Pending datagrams in arrival order, so expiry and eviction are deterministic.
    private var pending: [Pending] = []

    /// Number of datagrams waiting for fragments.
    package var pendingCount: Int { pending.count }

    /// Creates an empty reassembler.
    package init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Adds one fragment whose data (`fragment.payload` of `frame`) arrived at `time`.
    /// - Returns: the reassembled IP payload (the transport header first) when this fragment completes it.
    package mutating func insert(_ fragment: IPFragment, frame: Span<UInt8>, at time: CaptureTimestamp) -> [UInt8]? {
        expire(before: time)
        let key = Key(
            source: fragment.source,
            destination: fragment.destination,
            identification: fragment.identification,
            ipProtocol: fragment.ipProtocol.rawValue
        )
        let start = fragment.offset
        let end = start + fragment.payload.count
        guard fragment.payload.upperBound <= frame.count, end <= Self.maximumPayload else {
            drop(key)
            counters.oversized += 1
            return nil
        }
        var index = pending.firstIndex { $0.key == key }
        if index == nil {
            if pending.count >= configuration.maximumDatagrams {
                pending.removeFirst()
                counters.evictedForCapacity += 1
            }
            pending.append(Pending(key: key, firstSeen: time))
            index = pending.count - 1
        }
        guard let slot = index else { return nil }
        guard pending[slot].received.count < configuration.maximumFragments else {
            pending.remove(at: slot)
            counters.oversized += 1
            return nil
        }
        if !fragment.moreFragments { pending[slot].totalLength = end }
        if Self.add(frame.extracting(fragment.payload), at: start, to: &pending[slot]) { counters.overlaps += 1 }
        guard let total = pending[slot].totalLength, covers(pending[slot].received, total) else { return nil }
        let datagram = Array(pending[slot].bytes.prefix(total))
        pending.remove(at: slot)
        counters.reassembled += 1
        return datagram
    }

    /// Copies `data` in at `start`, keeping bytes already held; returns true if any overlapped.
    private static func add(_ data: Span<UInt8>, at start: Int, to datagram: inout Pending) -> Bool {
        let end = start + data.count
        if datagram.bytes.count < end {
            datagram.bytes.append(contentsOf: repeatElement(0, count: end - datagram.bytes.count))
        }
        var overlapped = false
        for index in 0..<data.count {
            let position = start + index
            if datagram.received.contains(where: { $0.contains(position) }) {
                overlapped = true
            } else {
                datagram.bytes[position] = data[index]
            }
        }
        datagram.received.append(start..<end)
        return overlapped
    }

    /// True when the received ranges cover `0..<total` without a gap.
    private func covers(_ ranges: [Range<Int>], _ total: Int) -> Bool {
        var reached = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if range.lowerBound > reached { return false }
            reached = max(reached, range.upperBound)
        }
        return reached >= total
    }

    private mutating func drop(_ key: Key) {
        pending.removeAll { $0.key == key }
    }

    /// Drops datagrams that have waited longer than the timeout at packet time `now`.
    package mutating func expire(before now: CaptureTimestamp) {
        let limit = now.adding(seconds: -configuration.timeoutSeconds)
        let before = pending.count
        pending.removeAll { $0.firstSeen < limit }
        counters.expired += before - pending.count
    }
}
