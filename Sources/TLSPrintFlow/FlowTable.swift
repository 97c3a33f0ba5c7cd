/// A bounded table of per-flow state with least-recently-used eviction and idle expiry on packet time.
///
/// Entries live in a slab addressed by index; a doubly linked list over the slab keeps recency order, so
/// lookup, touch, insert and evict are all O(1). Nothing is ever emitted in dictionary order.
package struct FlowTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: Key
        var value: Value
        var lastSeen: Int64
        var older: Int
        var newer: Int
    }

    private var index: [Key: Int] = [:]
    private var slots: [Slot?] = []
    private var freeSlots: [Int] = []
    private var newest = -1
    private var oldest = -1
    /// Most entries held at once; inserting past it evicts the least recently used entry.
    package let capacity: Int

    /// An empty table holding at most `capacity` entries (at least one).
    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Entries currently held.
    package var count: Int { index.count }

    /// The slot of `key`, touching it as most recently used at `time` (nanoseconds of packet time).
    package mutating func slot(of key: Key, at time: Int64) -> Int? {
        guard let position = index[key] else { return nil }
        touch(position, at: time)
        return position
    }

    /// Reads or writes the value in `slot` in place.
    package subscript(slot position: Int) -> Value {
        get {
            guard let slot = slots[position] else { preconditionFailure("FlowTable: empty slot read") }
            return slot.value
        }
        _modify {
            guard var slot = slots[position] else { preconditionFailure("FlowTable: empty slot written") }
            slots[position] = nil  // move the value out so the write does not copy it
            defer { slots[position] = slot }
            yield &slot.value
        }
    }

    /// Inserts `value` for a new `key`; returns its slot and the entry evicted to make room, if any.
    package mutating func insert(_ value: Value, for key: Key, at time: Int64) -> (slot: Int, evicted: (Key, Value)?) {
        var evicted: (Key, Value)?
        if index.count >= capacity { evicted = removeOldest() }
        let slot = Slot(key: key, value: value, lastSeen: time, older: newest, newer: -1)
        let position: Int
        if let free = freeSlots.popLast() {
            position = free
            slots[position] = slot
        } else {
            position = slots.count
            slots.append(slot)
        }
        if newest >= 0 { slots[newest]?.newer = position }
        newest = position
        if oldest < 0 { oldest = position }
        index[key] = position
        return (position, evicted)
    }

    /// Removes and returns the least recently used entry if it was last seen before `deadline`.
    package mutating func removeOldest(idleBefore deadline: Int64) -> (Key, Value)? {
        guard oldest >= 0, let slot = slots[oldest], slot.lastSeen < deadline else { return nil }
        return removeOldest()
    }

    /// Removes the entry for `key`, returning its value.
    @discardableResult
    package mutating func remove(_ key: Key) -> Value? {
        guard let position = index[key] else { return nil }
        return unlink(position).1
    }

    /// Removes every entry, returning the values oldest first (a deterministic order).
    package mutating func removeAll() -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(index.count)
        while let (_, value) = removeOldest() { values.append(value) }
        return values
    }

    private mutating func removeOldest() -> (Key, Value)? {
        guard oldest >= 0 else { return nil }
        return unlink(oldest)
    }

    private mutating func touch(_ position: Int, at time: Int64) {
        slots[position]?.lastSeen = time
        guard position != newest, let slot = slots[position] else { return }
        detach(slot, at: position)
        slots[position]?.older = newest
        slots[position]?.newer = -1
        if newest >= 0 { slots[newest]?.newer = position }
        newest = position
        if oldest < 0 { oldest = position }
    }

    private mutating func detach(_ slot: Slot, at position: Int) {
        if slot.older >= 0 { slots[slot.older]?.newer = slot.newer } else { oldest = slot.newer }
        if slot.newer >= 0 { slots[slot.newer]?.older = slot.older } else { newest = slot.older }
    }

    private mutating func unlink(_ position: Int) -> (Key, Value) {
        guard let slot = slots[position] else { preconditionFailure("FlowTable: unlinking an empty slot") }
        detach(slot, at: position)
        slots[position] = nil
        freeSlots.append(position)
        index[slot.key] = nil
        return (slot.key, slot.value)
    }
}
