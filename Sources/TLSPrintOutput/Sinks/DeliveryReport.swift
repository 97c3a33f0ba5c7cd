/// When a network output's trouble earns a line on stderr: its first failure at once, then at most one line
/// per ``interval`` saying what happened since the last line (failures, events lost, whether it delivers
/// again). Pure: the caller passes the counters and a monotonic time, and prints what comes back.
package struct DeliveryReport: Sendable {
    /// Shortest time between two lines after the first, in seconds.
    package static let interval: Double = 60

    private var lastLine: Double?
    private var reported = NetworkSinkCounters()

    /// A report that has printed nothing yet.
    package init() {}

    /// The line to print now for an output whose counters are `counters`, or nil.
    package mutating func line(for counters: NetworkSinkCounters, at now: Double) -> String? {
        let failures = counters.failures - reported.failures
        let lost = counters.undelivered - reported.undelivered
        guard let last = lastLine else {
            guard failures > 0, let failure = counters.lastFailure else { return nil }
            lastLine = now
            reported = counters
            return "cannot deliver: \(failure) (retrying; events wait in a queue of bounded size)"
        }
        guard now - last >= Self.interval, failures > 0 || lost > 0 || counters.failing != reported.failing else {
            return nil
        }
        let state =
            counters.failing
            ? "still failing (\(counters.lastFailure.map { "\($0)" } ?? "unknown"))"
            : "delivering again"
        lastLine = now
        reported = counters
        return "\(state); in the last \(Int(now - last)) s: \(failures) failures, \(lost) events lost"
    }
}
