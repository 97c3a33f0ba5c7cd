import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A bounded queue of framed records and the thread that sends them, shared by a network sink.
///
/// The capture thread only appends under the lock; the sender thread connects, sends and reconnects
/// with exponential backoff (0.1 s doubling to 30 s; at most ``drainBackoff`` once `finish` is waiting, so a
/// collector that comes up late is found quickly). A full queue drops its oldest record and counts it,
/// so capture never waits for the collector. A UDP datagram refused by the collector's host (ECONNREFUSED)
/// is treated like a failed connection: it is queued again and sent after the backoff.
///
/// At exit a stream connection is half-closed and the sender waits, until the `finish` deadline, for the
/// peer to acknowledge every byte (``NetworkConnection/closeGracefully(until:)``); records it did not
/// acknowledge count as ``NetworkSinkCounters/unconfirmedAtExit``. A UDP socket is asked for a refusal
/// that arrived after its last datagram.
final class NetworkSender: @unchecked Sendable {  // all mutable state is guarded by `condition`
    /// First and largest pause between connection attempts.
    static let initialBackoff: TimeInterval = 0.1
    static let maximumBackoff: TimeInterval = 30
    /// Largest pause between attempts while `finish` waits.
    static let drainBackoff: TimeInterval = 0.25
    /// How long, at most, a UDP sender waits at exit for the ICMP answer to its last datagram.
    static let refusalWait: TimeInterval = 0.05

    private let condition = NSCondition()
    private var queue: BoundedQueue<[UInt8]>
    private var counters = NetworkSinkCounters()
    private var stopping = false
    private var abandoned = false
    private var finished = false
    private var sending = false
    private var deadline = Date.distantFuture
    private let connection: any NetworkConnection
    private var inFlight = InFlightTracker()  // used by the sender thread only

    init(connection: any NetworkConnection, capacity: Int) {
        self.connection = connection
        self.queue = BoundedQueue(capacity: capacity)
        let thread = Thread { [self] in run() }
        thread.name = "tlsprint-sink"
        thread.start()
    }

    /// A copy of the counters.
    var snapshot: NetworkSinkCounters {
        condition.lock()
        defer { condition.unlock() }
        var copy = counters
        copy.queueDepth = queue.count
        return copy
    }

    /// Queues one framed record (dropping the oldest when full) and wakes the sender.
    func enqueue(_ record: [UInt8], truncated: Bool) {
        condition.lock()
        counters.queued += 1
        if truncated { counters.truncated += 1 }
        if stopping {
            counters.droppedAtExit += 1  // written after `finish`: the thread is gone or going
        } else if queue.append(record) {
            counters.droppedOverflow += 1
        }
        condition.signal()
        condition.unlock()
    }

    /// Waits until every queued record is sent and the connection closed cleanly, or `timeout` passes, then
    /// stops the thread. Records still queued then are counted in `droppedAtExit`. Safe to call more than
    /// once.
    func finish(timeout: TimeInterval) -> NetworkSinkCounters {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        if !stopping { self.deadline = deadline }
        stopping = true
        condition.broadcast()
        while !finished && condition.wait(until: deadline) {}
        if !finished {
            abandoned = true
            counters.droppedAtExit += queue.removeAll() + (sending ? 1 : 0)
            sending = false
            condition.broadcast()
            // The thread now stops at its next step; its closing accounting takes at most a moment more
            // (the TLS close waits up to a second for the collector's close_notify).
            let grace = Date(timeIntervalSinceNow: 1.5)
            while !finished && condition.wait(until: grace) {}
        }
        return counters
    }

    /// Waits (up to `timeout`) until the queue is empty and nothing is being sent.
    func waitUntilIdle(timeout: TimeInterval) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !(queue.isEmpty && !sending) && !finished {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }

    private func run() {
        var backoff = Self.initialBackoff
        while let record = next() {
            if !connection.isOpen && inFlight.unacknowledged > 0 {
                disconnected(failed: record, error: SinkError(.send, context: "the collector closed the connection"))
                continue
            }
            if !connection.isOpen {
                do {
                    try connection.open()
                    backoff = Self.initialBackoff
                    update {
                        $0.connections += 1
                        $0.connected = true
                    }
                } catch {
                    update {
                        $0.connectFailures += 1
                        $0.connected = false
                        $0.noteFailure(error)
                    }
                    requeue(record)
                    backoff = pauseAfterFailure(backoff)
                    continue
                }
            }
            do {
                try connection.send(record)
                if !connection.datagram { noteSent(record) }
                update {
                    $0.sent += 1
                    $0.failing = false
                }
            } catch {
                if connection.datagram && error.errno == ECONNREFUSED {
                    // An earlier datagram was refused; this one was not sent: the collector is not listening.
                    update {
                        $0.refused += 1
                        $0.noteFailure(SinkError(.refused, errno: ECONNREFUSED, context: ""))
                    }
                    requeue(record)
                    backoff = pauseAfterFailure(backoff)
                } else if connection.datagram {
                    update {
                        $0.droppedSendFailure += 1
                        $0.noteFailure(error)
                    }
                } else {
                    disconnected(failed: record, error: error)
                }
            }
        }
        closeAtExit()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Pauses after a failure (shorter once `finish` waits) and returns the next backoff.
    private func pauseAfterFailure(_ backoff: TimeInterval) -> TimeInterval {
        condition.lock()
        let draining = stopping
        condition.unlock()
        pause(draining ? min(backoff, Self.drainBackoff) : backoff)
        return min(backoff * 2, Self.maximumBackoff)
    }

    /// The exit close: a clean stream close confirms what was sent on it; a UDP socket reports a refusal
    /// of its last datagram.
    private func closeAtExit() {
        condition.lock()
        let deadline = self.deadline
        condition.unlock()
        if connection.datagram {
            if connection.isOpen {
                usleep(useconds_t(max(0, min(Self.refusalWait, deadline.timeIntervalSinceNow)) * 1_000_000))
                if connection.takePendingError() == ECONNREFUSED {
                    update {
                        $0.refused += 1
                        $0.noteFailure(SinkError(.refused, errno: ECONNREFUSED, context: ""))
                    }
                }
            }
            connection.close()
            update { $0.connected = false }
            return
        }
        if connection.isOpen, let acknowledged = connection.closeGracefully(until: deadline) {
            inFlight.acknowledged(acknowledged)
        }
        connection.close()
        let unconfirmed = inFlight.reset()
        update {
            $0.unconfirmedAtExit = unconfirmed.records.count + unconfirmed.forgotten
            $0.connected = false
        }
    }

    /// Notes where the record just sent ends in the stream, and what the peer has acknowledged so far.
    private func noteSent(_ record: [UInt8]) {
        inFlight.recordSent(record, endingAt: connection.wireBytesSent)
        if let acknowledged = connection.wireBytesAcknowledged() { inFlight.acknowledged(acknowledged) }
    }

    /// The stream broke: counts the records sent on it that the peer never acknowledged, puts them back at
    /// the head of the queue (oldest first, after the record that failed), and closes the connection.
    private func disconnected(failed record: [UInt8], error: SinkError) {
        if let acknowledged = connection.wireBytesAcknowledged() { inFlight.acknowledged(acknowledged) }
        let unconfirmed = inFlight.reset()
        connection.close()
        condition.lock()
        defer { condition.unlock() }
        counters.disconnects += 1
        counters.connected = false
        counters.noteFailure(error)
        counters.inFlightAtDisconnect += unconfirmed.records.count + unconfirmed.forgotten
        counters.droppedSendFailure += unconfirmed.forgotten
        for resend in (unconfirmed.records + [record]).reversed() where !abandoned {
            if !queue.prepend(resend) { counters.droppedSendFailure += 1 }
        }
        sending = false
        condition.broadcast()
    }

    /// The next record to send, or nil when stopping with an empty queue (or abandoned).
    private func next() -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        sending = false
        condition.broadcast()
        while queue.isEmpty && !stopping { condition.wait() }
        guard !abandoned, let record = queue.popFirst() else { return nil }
        sending = true
        return record
    }

    private func requeue(_ record: [UInt8]) {
        condition.lock()
        defer { condition.unlock() }
        if !abandoned && !queue.prepend(record) {  // when abandoned, `finish` already counted it
            counters.droppedSendFailure += 1
        }
        sending = false
        condition.broadcast()
    }

    /// Sleeps `seconds`, waking early when `finish` gives up; a `finish` that starts waiting meanwhile cuts
    /// the pause to ``drainBackoff``.
    private func pause(_ seconds: TimeInterval) {
        let start = Date()
        condition.lock()
        defer { condition.unlock() }
        while !abandoned {
            let limit = stopping ? min(seconds, Self.drainBackoff) : seconds
            if !condition.wait(until: start.addingTimeInterval(limit)) { break }
        }
    }

    private func update(_ change: (inout NetworkSinkCounters) -> Void) {
        condition.lock()
        change(&counters)
        condition.unlock()
    }
}
