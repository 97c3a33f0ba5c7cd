/// The records sent on the current stream connection that the peer's TCP has not acknowledged yet.
///
/// The sender notes each record with where it ends in the connection's byte stream
/// (``recordSent(_:endingAt:)``) and, after each send, how many bytes the peer acknowledged
/// (``acknowledged(_:)``). When the connection breaks, the records past the last acknowledged byte may have
/// been lost in flight: they reached our kernel, but nothing confirms the collector's host received them.
/// The sender resends them first on the next connection (so a collector may see one twice when only the
/// acknowledgement was lost) and counts them. TCP acknowledgement is the only confirmation syslog over
/// TCP/TLS has (RFC 6587 and RFC 5425 define no application acknowledgement): a collector that exits with
/// data unread in its own receive buffer loses records this tracker cannot see.
struct InFlightTracker {
    /// Most records remembered; past that the oldest are forgotten and only counted.
    static let capacity = 16_384

    private var records: BoundedQueue<(end: Int, bytes: [UInt8])>
    private var forgotten = 0

    init(capacity: Int = InFlightTracker.capacity) {
        records = BoundedQueue(capacity: capacity)
    }

    /// Records sent and not acknowledged (including forgotten ones).
    var unacknowledged: Int { records.count + forgotten }

    /// `record` was handed to the kernel and ends at stream offset `end` (exclusive).
    mutating func recordSent(_ record: [UInt8], endingAt end: Int) {
        if records.append((end, record)) { forgotten += 1 }
    }

    /// The peer acknowledged the first `bytes` bytes of the stream.
    mutating func acknowledged(_ bytes: Int) {
        var popped = false
        while let first = records.first, first.end <= bytes {
            _ = records.popFirst()
            popped = true
        }
        if popped { forgotten = 0 }  // forgotten records ended before any popped one
    }

    /// The connection broke or closed: returns the unacknowledged records (oldest first) and how many
    /// more were forgotten, and starts afresh.
    mutating func reset() -> (records: [[UInt8]], forgotten: Int) {
        var pending: [[UInt8]] = []
        pending.reserveCapacity(records.count)
        while let record = records.popFirst() { pending.append(record.bytes) }
        defer { forgotten = 0 }
        return (pending, forgotten)
    }
}
