import TLSPrintEvent
import TLSPrintOutput

/// Owns one non-copyable sink so several can sit in an array, with the rate-limited report of its
/// delivery problems.
final class SinkHandle {
    /// The destination in `--output` syntax, for messages.
    let destination: String
    private var sink: OutputSink
    private var report = DeliveryReport()

    init(_ sink: consuming OutputSink, destination: String) {
        self.sink = sink
        self.destination = destination
    }

    /// Writes `events` in order, then flushes if asked; returns the first failure as text.
    func write(_ events: [Event], flush: Bool) -> String? {
        var failure: SinkError?
        for event in events {
            do { try sink.write(event) } catch { failure = failure ?? error }
        }
        if flush {
            do { try sink.flush() } catch { failure = failure ?? error }
        }
        return failure.map { "\(destination): \($0)" }
    }

    /// Flushes buffered records; the failure as text.
    func flush() -> String? {
        do { try sink.flush() } catch { return "\(destination): \(error)" }
        return nil
    }

    /// Writes a line on stderr when a network output's report calls for one (the first failure, then at
    /// most one a minute).
    func reportProblems() {
        guard let counters = sink.networkCounters else { return }
        let now = Double(WallClock.monotonicNanoseconds) / 1e9
        if let line = report.line(for: counters, at: now) { StandardError.line("tlsprint: \(destination): \(line)") }
    }

    /// Drains a network output for at most `timeout` seconds; its counters (nil for local outputs).
    func finish(timeout: Double) -> NetworkSinkCounters? {
        let network = sink.networkCounters != nil
        let counters = try? sink.finish(timeout: timeout)
        return network ? counters : nil
    }

    /// "3 of 10 events not delivered (cannot connect: connection refused)", or nil when all were.
    static func undeliveredLine(_ counters: NetworkSinkCounters) -> String? {
        guard counters.undelivered > 0 else { return nil }
        let cause =
            counters.lastFailure.map { "\($0)" }
            ?? "the collector did not acknowledge them before the connection closed"
        return "\(counters.undelivered) of \(counters.queued) events not delivered (\(cause))"
    }
}
