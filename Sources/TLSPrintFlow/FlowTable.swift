/// A value a `FlowTable` can hold: it needs a cheap placeholder for free slots, so the table can hand out
/// its values in place (no optional to unwrap, no copy on access).
public protocol FlowTableValue: Sendable {
    /// A value that holds no resources, stored in free slots.
    static var vacant: Self { get }
}

/// A bounded table of per-flow state with least-recently-used eviction and idle expiry on packet time.
///
/// Values live in a slab addressed by slot; the recency list (a doubly linked list over slots) and the
/// last-seen times live in parallel arrays, so lookup, touch, insert, evict and expiry are O(1) and never
/// copy a value. Nothing is ever emitted in dictionary order. Inlinable, so the sensor's uses are specialised
/// (an unspecialised generic table costs a metadata lookup and a value-witness copy per call); `public`, not
/// `package`, because Swift 6.3 does not inline `@inlinable package` declarations into other modules.
public struct FlowTable<Key: Hashable & Sendable, Value: FlowTableValue>: Sendable {
    @usableFromInline var index: [Key: Int] = [:]
    @usableFromInline var keys: [Key?] = []
    @usableFromInline var values: [Value] = []
    @usableFromInline var lastSeen: [Int64] = []
    @usableFromInline var older: [Int] = []
    @usableFromInline var newer: [Int] = []
    @usableFromInline var freeSlots: [Int] = []
    @usableFromInline var newest = -1
    @usableFromInline var oldest = -1
    /// Most entries held at once; inserting past it evicts the least recently used entry.
    public let capacity: Int

    /// An empty table holding at most `capacity` entries (at least one).
    @inlinable public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Entries currently held.
    @inlinable public var count: Int { index.count }

    /// The slot of `key`, touching it as most recently used at `time` (nanoseconds of packet time).
    @inlinable public mutating func slot(of key: Key, at time: Int64) -> Int? {
        guard let position = index[key] else { return nil }
        touch(position, at: time)
        return position
    }

    /// The value in `slot`, read and written in place. `slot` must come from `slot(of:at:)` or `insert`.
    @inlinable public subscript(slot position: Int) -> Value {
        _read { yield values.span[position] }  // Array's own getter would copy the value
        _modify { yield &values[position] }
    }

    /// Inserts `value` for a new `key`; returns its slot and the entry evicted to make room, if any.
    @inlinable public mutating func insert(_ value: Value, for key: Key, at time: Int64) -> (
        slot: Int, evicted: (Key, Value)?
    ) {
        var evicted: (Key, Value)?
        if index.count >= capacity { evicted = removeOldest() }
        let position: Int
        if let free = freeSlots.popLast() {
            position = free
            keys[position] = key
            values[position] = value
            lastSeen[position] = time
        } else {
            position = values.count
            keys.append(key)
            values.append(value)
            lastSeen.append(time)
            older.append(-1)
            newer.append(-1)
        }
        linkAsNewest(position)
        index[key] = position
        return (position, evicted)
    }

    /// True when the least recently used entry was last seen before `deadline`: the one comparison the
    /// per-packet expiry check costs when nothing is idle.
    @inlinable public func hasEntry(idleBefore deadline: Int64) -> Bool {
        oldest >= 0 && lastSeen[oldest] < deadline
    }

    /// Removes and returns the least recently used entry if it was last seen before `deadline`.
    @inlinable public mutating func removeOldest(idleBefore deadline: Int64) -> (Key, Value)? {
        guard oldest >= 0, lastSeen[oldest] < deadline else { return nil }
        return removeOldest()
    }

    /// Removes the entry for `key`, returning its value.
    @inlinable @discardableResult
    public mutating func remove(_ key: Key) -> Value? {
        guard let position = index[key] else { return nil }
        return unlink(position)?.1
    }

    /// Removes every entry, returning the values oldest first (a deterministic order).
    @inlinable public mutating func removeAll() -> [Value] {
        var removed: [Value] = []
        removed.reserveCapacity(index.count)
        while let (_, value) = removeOldest() { removed.append(value) }
        return removed
    }

    @inlinable mutating func removeOldest() -> (Key, Value)? {
        guard oldest >= 0 else { return nil }
        return unlink(oldest)
    }

    @inlinable mutating func touch(_ position: Int, at time: Int64) {
        lastSeen[position] = time
        guard position != newest else { return }
        detach(position)
        linkAsNewest(position)
    }

    @inlinable mutating func linkAsNewest(_ position: Int) {
        older[position] = newest
        newer[position] = -1
        if newest >= 0 { newer[newest] = position }
        newest = position
        if oldest < 0 { oldest = position }
    }

    @inlinable mutating func detach(_ position: Int) {
        let before = older[position]
        let after = newer[position]
        if before >= 0 { newer[before] = after } else { oldest = after }
        if after >= 0 { older[after] = before } else { newest = before }
    }

    @inlinable mutating func unlink(_ position: Int) -> (Key, Value)? {
        guard let key = keys[position] else { return nil }
        detach(position)
        keys[position] = nil
        let value = values[position]
        values[position] = .vacant
        freeSlots.append(position)
        index[key] = nil
        return (key, value)
    }
}
