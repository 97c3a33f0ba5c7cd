/// A small memo of values by key with first-in-first-out eviction: at most `capacity` entries, ever.
///
/// Used where the same input recurs across flows (a server's certificate chain), so the sensor parses it once.
package struct BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var entries: [Key: Value] = [:]
    private var order: [Key?]
    private var next = 0
    /// Lookups answered from the cache.
    package private(set) var hits = 0

    /// An empty cache holding at most `capacity` entries (at least one).
    package init(capacity: Int) {
        order = Array(repeating: nil, count: max(1, capacity))
    }

    /// The cached value for `key`, or `make()`'s result, which is then remembered (evicting the oldest).
    package mutating func value(for key: Key, make: () -> Value) -> Value {
        if let cached = entries[key] {
            hits += 1
            return cached
        }
        let value = make()
        if let evicted = order[next] { entries[evicted] = nil }
        order[next] = key
        next = (next + 1) % order.count
        entries[key] = value
        return value
    }
}
