import SystemPackage
import TLSPrintEvent

/// Whole encoded lines waiting to be written to a descriptor.
///
/// Lines are appended complete, and the buffer is written when it passes `threshold` or on `flush`, so a
/// reader of a pipe or file never sees half a line unless a write itself is split by the kernel.
struct LineBuffer {
    /// Bytes written out once the buffer holds at least this many.
    static let threshold = 64 * 1_024

    var encoding: EventEncoding
    private(set) var pending: [UInt8] = []

    init(encoding: EventEncoding) {
        self.encoding = encoding
        pending.reserveCapacity(Self.threshold + 4_096)
    }

    /// Appends `event` as one line; true when the buffer should be written out.
    mutating func append(_ event: Event) -> Bool {
        encoding.appendRecord(event, to: &pending)
        pending.append(0x0A)
        return pending.count >= Self.threshold
    }

    /// Writes everything pending to `descriptor` (retrying short writes and EINTR), then empties the buffer.
    /// On failure the pending lines are discarded too, so one bad write is not repeated forever.
    mutating func drain(to descriptor: FileDescriptor, context: String) throws(SinkError) {
        defer { pending.removeAll(keepingCapacity: true) }
        try writePending(to: descriptor, context: context)
    }

    /// Writes everything pending without emptying the buffer (for a `deinit`).
    func writePending(to descriptor: FileDescriptor, context: String) throws(SinkError) {
        guard !pending.isEmpty else { return }
        do {
            _ = try descriptor.writeAll(pending)
        } catch {
            throw SinkError(.write, errno: (error as? Errno)?.rawValue ?? 0, context: context)
        }
    }
}
