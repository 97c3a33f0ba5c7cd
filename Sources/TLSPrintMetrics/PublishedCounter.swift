import Prometheus

/// A registry counter fed from a cumulative total: each publish adds what the total grew by since the last.
struct PublishedCounter {
    let counter: Counter
    private var published = 0

    init(_ counter: Counter) {
        self.counter = counter
    }

    /// Adds `total - published`. A total below the last one (a source that started over) is taken as the new
    /// base: a Prometheus counter never goes down.
    mutating func publish(_ total: Int) {
        if total > published { counter.increment(by: Int64(total - published)) }
        published = total
    }
}
