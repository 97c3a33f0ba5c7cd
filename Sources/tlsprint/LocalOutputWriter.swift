import Foundation
import TLSPrintEvent
import TLSPrintOutput
import TLSPrintSensor

/// Writes one local output (stdout or a file) on its own thread behind a bounded queue, so a slow reader
/// of stdout or a slow disk never stalls capture: when the queue is full the oldest events are dropped and
/// counted (`dropped_output`). Used by `live`; `read` writes synchronously (nothing is lost by waiting).
final class LocalOutputWriter: @unchecked Sendable {  // mutable state is guarded by `condition`
    private let condition = NSCondition()
    private var queue: BoundedQueue<Event>
    private var sink: OutputSink  // touched only by the writer thread once it runs
    private var reopenRequested = false
    private var stopping = false
    private var finished = false
    private var writing = false
    private(set) var droppedOverflow = 0
    private var written = 0
    private(set) var lastFailure: String?

    init(sink: consuming OutputSink, capacity: Int) {
        self.sink = sink
        queue = BoundedQueue(capacity: capacity)
        let thread = Thread { [self] in run() }
        thread.name = "tlsprint-output"
        thread.start()
    }

    /// Queues `events` (dropping the oldest when full) and wakes the writer.
    func enqueue(_ events: [Event]) {
        condition.lock()
        for event in events where queue.append(event) { droppedOverflow += 1 }
        condition.signal()
        condition.unlock()
    }

    /// Asks the writer to reopen the output (SIGHUP) before its next write.
    func requestReopen() {
        condition.lock()
        reopenRequested = true
        condition.signal()
        condition.unlock()
    }

    /// Events dropped so far because the output could not keep up.
    var dropped: Int {
        condition.lock()
        defer { condition.unlock() }
        return droppedOverflow
    }

    /// Events written so far, dropped so far and waiting now, read together (for `--metrics-listen`).
    var sample: (written: Int, dropped: Int, queued: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (written, droppedOverflow, queue.count)
    }

    /// Writes what is queued (waiting at most `timeout` seconds), stops the thread; returns the events left
    /// unwritten, which are counted as dropped.
    func finish(timeout: TimeInterval) -> Int {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        condition.broadcast()
        while !finished && condition.wait(until: deadline) {}
        let left = queue.removeAll()
        droppedOverflow += left
        return left
    }

    private func run() {
        while let (batch, reopen) = nextBatch() {
            if reopen {
                do throws(SinkError) { try sink.reopen() } catch { note(error) }
            }
            var done = 0
            do throws(SinkError) {
                for event in batch {
                    try sink.write(event)
                    done += 1
                }
                try sink.flush()
            } catch {
                note(error)
            }
            condition.lock()
            written += done
            writing = false
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for work; nil once stopping and drained.
    private func nextBatch() -> (events: [Event], reopen: Bool)? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !reopenRequested && !stopping { condition.wait() }
        if queue.isEmpty && !reopenRequested && stopping { return nil }
        var batch: [Event] = []
        batch.reserveCapacity(min(queue.count, 256))
        while batch.count < 256, let event = queue.popFirst() { batch.append(event) }
        let reopen = reopenRequested
        reopenRequested = false
        writing = true
        return (batch, reopen)
    }

    private func note(_ error: SinkError) {
        let text = "\(error)"
        condition.lock()
        let repeated = text == lastFailure
        lastFailure = text
        condition.unlock()
        if !repeated { StandardError.line("tlsprint: output failed: \(text)") }
    }
}
