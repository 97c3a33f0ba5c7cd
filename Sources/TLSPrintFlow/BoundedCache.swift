/// A small memo of values by key with first-in-first-out eviction: at most `capacity` entries, ever.
///
/// Used where the same input recurs across flows (a server's certificate chain), so the sensor parses it once.
/// Inlinable and public (Swift does not inline `@inlinable package` code across modules), so the sensor's use
/// is specialised: unspecialised, each lookup costs generic metadata.
public struct BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline var entries: [Key: Value] = [:]
    @usableFromInline var order: [Key?]
    @usableFromInline var next = 0
    /// Lookups answered from the cache.
    public var hits: Int { hitCount }
    @usableFromInline var hitCount = 0

    /// An empty cache holding at most `capacity` entries (at least one).
    @inlinable public init(capacity: Int) {
        order = Array(repeating: nil, count: max(1, capacity))
    }

    /// The cached value for `key`, or `make()`'s result, which is then remembered (evicting the oldest).
    @inlinable public mutating func value(for key: Key, make: () -> Value) -> Value {
        if let cached = entries[key] {
            hitCount += 1
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
