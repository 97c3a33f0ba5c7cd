/// A value a `FlowTable` can hold: it needs a cheap placeholder for free slots, so the table can hand out
/// its values in place (no optional to unwrap, no copy on access).
public protocol FlowTableValue: Sendable {
    /// A value that holds no resources, stored in free slots.
    static var vacant: Self { get }
}

/// A bounded table of per-flow state with least-recently-used eviction and idle expiry on packet time.
///
/// Values live in a slab addressed by slot; each slot's key, last-seen time and place in the recency list (a
/// doubly linked list over slots) share one record, so lookup, touch, insert, evict and expiry are O(1) and
/// never copy a value. Keys are found through the table's own open-addressing index (`FlowTable+Index.swift`).
/// Nothing is ever emitted in hash order. Inlinable, so the sensor's uses are specialised (an unspecialised
/// generic table costs a metadata lookup and a value-witness copy per call); `public`, not `package`, because
/// Swift 6.3 does not inline `@inlinable package` declarations into other modules.
public struct FlowTable<Key: FlowTableKey, Value: FlowTableValue>: Sendable {
    /// A slot's key (nil when free), when it was last seen, and its neighbours in the recency list (-1: none).
    @usableFromInline struct Link: Sendable {
        @usableFromInline var key: Key?
        @usableFromInline var lastSeen: Int64
        @usableFromInline var older: Int32 = -1
        @usableFromInline var newer: Int32 = -1

        @inlinable init(key: Key, lastSeen: Int64) {
            self.key = key
            self.lastSeen = lastSeen
        }
    }

    @usableFromInline var links: [Link] = []
    @usableFromInline var values: [Value] = []
    @usableFromInline var freeSlots: [Int] = []
    @usableFromInline var newest = -1
    @usableFromInline var oldest = -1
    @usableFromInline var entries = 0
    /// The index: each bucket holds a key's 32-bit tag over its slot plus one; 0 is empty (see `+Index`).
    @usableFromInline var buckets: [UInt64] = []
    /// Buckets holding an entry, and buckets holding a tombstone.
    @usableFromInline var bucketsUsed = 0
    @usableFromInline var tombstones = 0
    /// Keys whose probe sequence was full: rare unless keys are chosen to collide.
    @usableFromInline var overflow: [Key: Int] = [:]
    @usableFromInline let seed: UInt64
    /// Most entries held at once; inserting past it evicts the least recently used entry.
    public let capacity: Int

    /// An empty table holding at most `capacity` entries (at least one, at most `Int32.max - 1`).
    /// - Parameter seed: keys the index hash; pass a random value where senders may choose keys that collide
    ///   (probes are bounded either way, so a fixed seed costs speed under attack, never correctness).
    @inlinable public init(capacity: Int, seed: UInt64 = 0x243F_6A88_85A3_08D3) {
        self.capacity = min(max(1, capacity), Int(Int32.max) &- 1)
        self.seed = seed
    }

    /// Entries currently held.
    @inlinable public var count: Int { entries }

    /// The slot of `key`, touching it as most recently used at `time` (nanoseconds of packet time).
    @inlinable public mutating func slot(of key: Key, at time: Int64) -> Int? {
        guard let position = find(key) else { return nil }
        touch(position, at: time)
        return position
    }

    /// The value in `slot`, read and written in place. `slot` must come from `slot(of:at:)` or `insert`.
    @inlinable public subscript(slot position: Int) -> Value {
        _read { yield values.span[position] }  // Array's own getter would copy the value
        _modify { yield &values[position] }
    }

    /// Inserts `value` for `key`, which must not be in the table; returns its slot and the entry evicted to
    /// make room, if any.
    @inlinable public mutating func insert(_ value: Value, for key: Key, at time: Int64) -> (
        slot: Int, evicted: (Key, Value)?
    ) {
        var evicted: (Key, Value)?
        if entries >= capacity { evicted = removeOldest() }
        let position: Int
        if let free = freeSlots.popLast() {
            position = free
            links[position] = Link(key: key, lastSeen: time)
            values[position] = value
        } else {
            position = values.count
            links.append(Link(key: key, lastSeen: time))
            values.append(value)
        }
        linkAsNewest(position)
        addToIndex(key, slot: position)
        entries &+= 1
        return (position, evicted)
    }

    /// True when the least recently used entry was last seen before `deadline`: the one comparison the
    /// per-packet expiry check costs when nothing is idle.
    @inlinable public func hasEntry(idleBefore deadline: Int64) -> Bool {
        oldest >= 0 && links[oldest].lastSeen < deadline
    }

    /// Removes and returns the least recently used entry if it was last seen before `deadline`.
    @inlinable public mutating func removeOldest(idleBefore deadline: Int64) -> (Key, Value)? {
        guard hasEntry(idleBefore: deadline) else { return nil }
        return removeOldest()
    }

    /// Removes the entry for `key`, returning its value.
    @inlinable @discardableResult
    public mutating func remove(_ key: Key) -> Value? {
        guard let position = find(key) else { return nil }
        return unlink(position)?.1
    }

    /// Removes every entry, returning the values oldest first (a deterministic order).
    @inlinable public mutating func removeAll() -> [Value] {
        var removed: [Value] = []
        removed.reserveCapacity(entries)
        while let (_, value) = removeOldest() { removed.append(value) }
        return removed
    }

    @inlinable mutating func removeOldest() -> (Key, Value)? {
        guard oldest >= 0 else { return nil }
        return unlink(oldest)
    }

    @inlinable mutating func touch(_ position: Int, at time: Int64) {
        links[position].lastSeen = time
        guard position != newest else { return }
        detach(position)
        linkAsNewest(position)
    }

    @inlinable mutating func linkAsNewest(_ position: Int) {
        links[position].older = Int32(truncatingIfNeeded: newest)
        links[position].newer = -1
        if newest >= 0 { links[newest].newer = Int32(truncatingIfNeeded: position) }
        newest = position
        if oldest < 0 { oldest = position }
    }

    @inlinable mutating func detach(_ position: Int) {
        let before = Int(links[position].older)
        let after = Int(links[position].newer)
        if before >= 0 { links[before].newer = Int32(truncatingIfNeeded: after) } else { oldest = after }
        if after >= 0 { links[after].older = Int32(truncatingIfNeeded: before) } else { newest = before }
    }

    @inlinable mutating func unlink(_ position: Int) -> (Key, Value)? {
        guard let key = links[position].key else { return nil }
        detach(position)
        links[position].key = nil
        var value = Value.vacant
        swap(&value, &values[position])  // moves the value out: no copy, no retain
        freeSlots.append(position)
        removeFromIndex(key, slot: position)
        entries &-= 1
        return (key, value)
    }
}
