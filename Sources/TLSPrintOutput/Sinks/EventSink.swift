import TLSPrintEvent

/// Where encoded events go. Each sink is used from one thread.
///
/// `write` may buffer; `flush` pushes what is buffered out (call it after each batch of events, and at exit).
package protocol EventSink: ~Copyable {
    /// Encodes and writes (or queues) one event.
    mutating func write(_ event: Event) throws(SinkError)
    /// Pushes buffered bytes out. For network sinks this hands them to the sender thread and returns.
    mutating func flush() throws(SinkError)
}

extension EventSink where Self: ~Copyable {
    /// Writes every event in order, then flushes.
    package mutating func write(batch events: [Event]) throws(SinkError) {
        for event in events { try write(event) }
        try flush()
    }
}
