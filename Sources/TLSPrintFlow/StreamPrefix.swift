/// Assembles the first bytes of one direction of a TCP stream, in order, from segments that may arrive
/// out of order, retransmitted, overlapping or across the sequence-number wrap.
///
/// Bounded: at most `capacity` stream bytes are ever delivered, and at most `maxPendingSegments` out-of-order
/// segments (of at most the initial `capacity` bytes together) wait for a gap to fill. A reader that needs the
/// whole stream (HTTP keep-alive) raises the capacity; the bound on held-back bytes stays. Delivered bytes are not kept; the
/// caller consumes them at once (the TLS assembler is incremental).
package struct StreamPrefix: Sendable {
    /// Why the assembler stopped accepting bytes.
    package enum Stop: Hashable, Sendable {
        /// `capacity` bytes were delivered.
        case capacityReached
        /// Too many segments waited behind a gap that never filled.
        case gapNeverFilled
    }

    private struct Pending: Sendable {
        var sequence: TCPSequence
        var bytes: [UInt8]
    }

    /// The sequence number of the next byte to deliver; nil until the stream start is known.
    package private(set) var nextSequence: TCPSequence?
    /// Stream bytes delivered so far.
    package private(set) var delivered = 0
    /// Set once the assembler gave up; later segments are ignored.
    package private(set) var stopped: Stop?
    private var pending: [Pending] = []
    /// Bytes of out-of-order segments held back behind a gap.
    package private(set) var pendingBytes = 0
    private var capacity: Int
    private let maxPendingSegments: Int
    /// Out-of-order bytes held at most; the initial capacity, whatever the capacity becomes.
    private let maxPendingBytes: Int

    /// An assembler delivering at most `capacity` bytes and holding at most `maxPendingSegments` early segments.
    package init(capacity: Int, maxPendingSegments: Int) {
        self.capacity = max(0, capacity)
        self.maxPendingSegments = max(0, maxPendingSegments)
        maxPendingBytes = self.capacity
    }

    /// Lets the stream deliver up to `capacity` bytes in all (never fewer than now): for readers that follow a
    /// whole stream. Held-back bytes stay bounded by the initial capacity.
    package mutating func raiseCapacity(to capacity: Int) {
        self.capacity = max(self.capacity, capacity)
    }

    /// Fixes the stream start: the sequence number of the first data byte (ISN + 1 after a SYN).
    package mutating func start(at sequence: TCPSequence) {
        if nextSequence == nil { nextSequence = sequence }
    }

    /// Offers one segment; calls `deliver` with each newly contiguous run of bytes, in stream order.
    ///
    /// A stream whose start is unknown (no SYN seen) starts at the first segment with data.
    package mutating func receive(
        sequence: TCPSequence,
        payload: borrowing Span<UInt8>,
        deliver: (borrowing Span<UInt8>) -> Void
    ) {
        guard stopped == nil, !payload.isEmpty else { return }
        if nextSequence == nil { nextSequence = sequence }
        guard let next = nextSequence else { return }
        let ahead = next.distance(to: sequence)
        if ahead > 0 {
            holdBack(sequence: sequence, payload: payload)
            return
        }
        // Skip what was already delivered (retransmission or overlap).
        let skip = -ahead
        guard skip < payload.count else { return }
        let take = min(payload.count - skip, capacity - delivered)
        deliver(payload.extracting(skip..<(skip + take)))
        advance(by: take)
        drainPending(deliver: deliver)
    }

    private mutating func advance(by count: Int) {
        delivered += count
        nextSequence = nextSequence?.advanced(by: count)
        if delivered >= capacity {
            stopped = .capacityReached
            pending = []
            pendingBytes = 0
        }
    }

    private mutating func holdBack(sequence: TCPSequence, payload: borrowing Span<UInt8>) {
        guard pending.count < maxPendingSegments, pendingBytes + payload.count <= maxPendingBytes else {
            stopped = .gapNeverFilled
            pending = []
            pendingBytes = 0
            return
        }
        var copy = [UInt8]()
        copy.reserveCapacity(payload.count)
        for index in payload.indices { copy.append(payload[index]) }
        pending.append(Pending(sequence: sequence, bytes: copy))
        pendingBytes += copy.count
    }

    private mutating func drainPending(deliver: (borrowing Span<UInt8>) -> Void) {
        var progressed = true
        while progressed, stopped == nil, let next = nextSequence, !pending.isEmpty {
            progressed = false
            var index = 0
            while index < pending.count {
                let ahead = next.distance(to: pending[index].sequence)
                if ahead > 0 {
                    index += 1
                    continue
                }
                let segment = pending.remove(at: index)
                pendingBytes -= segment.bytes.count
                let skip = -ahead
                if skip < segment.bytes.count {
                    let take = min(segment.bytes.count - skip, capacity - delivered)
                    deliver(segment.bytes.span.extracting(skip..<(skip + take)))
                    advance(by: take)
                }
                progressed = true
                break
            }
        }
    }
}
