import TLSPrintEvent

/// `read`'s consumer: every event to every output, unflushed; the outputs flushed before each read of the
/// input and at the end. Keeps the latest output failure, the one read reports.
final class SinkWriter: EventConsumer {
    let sinks: [SinkHandle]
    private(set) var failure: String?

    init(sinks: [SinkHandle]) { self.sinks = sinks }

    func consume(_ events: [Event]) {
        for sink in sinks {
            if let failure = sink.write(events, flush: false) { self.failure = failure }
        }
    }

    func finish(_ events: [Event]) {
        for sink in sinks {
            if let failure = sink.write(events, flush: true) { self.failure = failure }
        }
    }

    func willRead() {
        for sink in sinks {
            if let failure = sink.flush() { self.failure = failure }
            sink.reportProblems()
        }
    }
}
