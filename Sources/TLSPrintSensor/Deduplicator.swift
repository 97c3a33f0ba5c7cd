import TLSPrintCore
import TLSPrintEvent

/// Suppresses an event when one with the same ``DedupKey`` (type, source, key fields) was emitted within the
/// window.
///
/// Window and clock are packet time. Bounded: beyond `capacity` remembered keys the oldest are forgotten
/// (counted), which can only let a duplicate through, never suppress a new event.
package struct Deduplicator: Sendable {
    private struct Entry: Sendable {
        var key: DedupKey
        var emitted: CaptureTimestamp
    }

    private var lastEmitted: [DedupKey: CaptureTimestamp] = [:]
    private var order: [Entry] = []
    private var orderStart = 0
    private let windowSeconds: Int64
    private let capacity: Int
    /// The families dedup keys are made of (`--fingerprints`).
    private let families: FingerprintFamilies
    /// Keys forgotten early because the cache was full.
    package private(set) var evicted = 0

    /// A deduplicator with a window of `windowSeconds` (0 disables it) remembering at most `capacity` keys made
    /// of the `families` enabled.
    package init(windowSeconds: Int64, capacity: Int, families: FingerprintFamilies = .all) {
        self.windowSeconds = max(0, windowSeconds)
        self.capacity = max(1, capacity)
        self.families = families
    }

    /// True if the event must be emitted; false if it repeats one emitted less than the window ago.
    package mutating func shouldEmit(_ event: Event) -> Bool {
        guard windowSeconds > 0, let key = event.dedupKey(enabled: families) else { return true }
        expire(before: event.timestamp.adding(seconds: -windowSeconds))
        if let previous = lastEmitted[key], event.timestamp < previous.adding(seconds: windowSeconds) {
            return false
        }
        while lastEmitted.count >= capacity, let oldest = popOldest() {
            guard lastEmitted[oldest.key] == oldest.emitted else { continue }  // a stale, refreshed entry
            lastEmitted[oldest.key] = nil
            evicted += 1
        }
        lastEmitted[key] = event.timestamp
        order.append(Entry(key: key, emitted: event.timestamp))
        return true
    }

    private mutating func expire(before deadline: CaptureTimestamp) {
        while orderStart < order.count, order[orderStart].emitted < deadline {
            let entry = order[orderStart]
            orderStart += 1
            if lastEmitted[entry.key] == entry.emitted { lastEmitted[entry.key] = nil }
        }
        compactOrder()
    }

    private mutating func popOldest() -> Entry? {
        guard orderStart < order.count else { return nil }
        let entry = order[orderStart]
        orderStart += 1
        compactOrder()
        return entry
    }

    private mutating func compactOrder() {
        if orderStart > 1_024, orderStart * 2 > order.count {
            order.removeFirst(orderStart)
            orderStart = 0
        }
    }
}
