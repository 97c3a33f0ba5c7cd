/// The most frequent keys of a stream in a fixed number of entries: the Space-Saving algorithm (Metwally,
/// Agrawal and El Abbadi, 2005), with an indexed min-heap so that each update costs O(log capacity).
///
/// While no key has been evicted, every count is exact. Once the table is full, a new key takes the place of
/// the entry with the smallest count and starts from that count plus its weight; the inherited part is the
/// entry's `error`. A key's true count then lies in `count - error ... count`, and every key whose true count
/// exceeds the smallest count in the table is in the table. Eviction order depends only on the input order
/// (ties are broken by heap position, never by hash order), so the same input gives the same table.
///
/// A small table (at most ``linearCapacity`` entries, as for the names inside each summary entry) needs no
/// index: it finds keys and the smallest count by a scan, and allocates four arrays instead of seven.
package struct SpaceSavingTable<Key: Hashable & Comparable & Sendable, Payload: Sendable>: Sendable {
    /// One tracked key.
    package struct Entry: Sendable {
        package var key: Key
        /// An upper bound of the key's occurrences (exact when `error` is 0).
        package var count: Int
        /// How much of `count` was inherited from an evicted key.
        package var error: Int
        /// What the caller keeps per key, since the key last entered the table.
        package var payload: Payload
    }

    /// Entries kept at most.
    package let capacity: Int
    /// Tables up to this capacity scan instead of keeping a dictionary and a heap.
    package static var linearCapacity: Int { 32 }
    private let linear: Bool
    /// Keys pushed out so far.
    package private(set) var evictions = 0
    // One slot per entry, in parallel arrays: the heap compares counts without touching keys or payloads.
    private var keys: [Key] = []
    private var counts: [Int] = []
    private var errors: [Int] = []
    private var payloads: [Payload] = []
    private var slotOfKey: [Key: Int] = [:]
    /// Slots ordered as a binary min-heap on `counts`.
    private var heap: [Int] = []
    /// Each slot's position in `heap`.
    private var heapPosition: [Int] = []

    package init(capacity: Int) {
        precondition(capacity >= 1, "a Space-Saving table needs at least one entry")
        self.capacity = capacity
        linear = capacity <= Self.linearCapacity
    }

    /// Entries tracked now (at most ``capacity``).
    package var count: Int { keys.count }

    /// True once a key has been evicted: counts may then be upper bounds.
    package var isApproximate: Bool { evictions > 0 }

    /// Counts `key` `weight` times; `start` makes the payload of a key entering the table, then `update` is
    /// applied to the key's payload. With `reuse`, a key taking an evicted entry's place gets that entry's
    /// payload cleared by `reuse` instead of a new one, so its storage is kept rather than freed and made again.
    package mutating func record(
        _ key: Key,
        weight: Int = 1,
        start: () -> Payload,
        reuse: ((inout Payload) -> Void)? = nil,
        update: (inout Payload) -> Void
    ) {
        if linear { return recordScanning(key, weight: weight, start: start, update: update) }
        if let slot = slotOfKey[key] {
            counts[slot] += weight
            update(&payloads[slot])
            siftDown(heapPosition[slot])
            return
        }
        if keys.count >= capacity, let reuse {
            let slot = heap[0]
            let floor = counts[slot]
            slotOfKey[keys[slot]] = nil
            evictions += 1
            keys[slot] = key
            counts[slot] = floor + weight
            errors[slot] = floor
            reuse(&payloads[slot])
            update(&payloads[slot])
            slotOfKey[key] = slot
            siftDown(0)
            return
        }
        var payload = start()
        update(&payload)
        if keys.count < capacity {
            let slot = keys.count
            keys.append(key)
            counts.append(weight)
            errors.append(0)
            payloads.append(payload)
            slotOfKey[key] = slot
            heap.append(slot)
            heapPosition.append(heap.count - 1)
            siftUp(heap.count - 1)
            return
        }
        let slot = heap[0]
        let floor = counts[slot]
        slotOfKey[keys[slot]] = nil
        evictions += 1
        keys[slot] = key
        counts[slot] = floor + weight
        errors[slot] = floor
        payloads[slot] = payload
        slotOfKey[key] = slot
        siftDown(0)
    }

    /// ``record(_:weight:start:update:)`` for a small table: the first slot of the smallest count is replaced.
    private mutating func recordScanning(
        _ key: Key,
        weight: Int,
        start: () -> Payload,
        update: (inout Payload) -> Void
    ) {
        if let slot = keys.firstIndex(of: key) {
            counts[slot] += weight
            update(&payloads[slot])
            return
        }
        var payload = start()
        update(&payload)
        if keys.count < capacity {
            keys.append(key)
            counts.append(weight)
            errors.append(0)
            payloads.append(payload)
            return
        }
        var slot = 0
        for index in counts.indices where counts[index] < counts[slot] { slot = index }
        let floor = counts[slot]
        evictions += 1
        keys[slot] = key
        counts[slot] = floor + weight
        errors[slot] = floor
        payloads[slot] = payload
    }

    /// Forgets every entry and eviction, keeping the storage.
    package mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        errors.removeAll(keepingCapacity: true)
        payloads.removeAll(keepingCapacity: true)
        slotOfKey.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        heapPosition.removeAll(keepingCapacity: true)
        evictions = 0
    }

    /// The entry of `key`, if tracked.
    package subscript(key: Key) -> Entry? {
        (linear ? keys.firstIndex(of: key) : slotOfKey[key]).map(entry)
    }

    /// The `limit` entries with the highest counts, highest first; equal counts by key.
    package func top(_ limit: Int) -> [Entry] {
        let ordered = keys.indices.sorted {
            counts[$0] != counts[$1] ? counts[$0] > counts[$1] : keys[$0] < keys[$1]
        }
        return ordered.prefix(max(0, limit)).map(entry)
    }

    private func entry(_ slot: Int) -> Entry {
        Entry(key: keys[slot], count: counts[slot], error: errors[slot], payload: payloads[slot])
    }

    private mutating func siftUp(_ start: Int) {
        var position = start
        while position > 0 {
            let parent = (position - 1) / 2
            guard counts[heap[position]] < counts[heap[parent]] else { return }
            swapHeap(position, parent)
            position = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var position = start
        while true {
            let left = 2 * position + 1
            guard left < heap.count else { return }
            let right = left + 1
            var smallest = left
            if right < heap.count, counts[heap[right]] < counts[heap[left]] { smallest = right }
            guard counts[heap[smallest]] < counts[heap[position]] else { return }
            swapHeap(position, smallest)
            position = smallest
        }
    }

    private mutating func swapHeap(_ first: Int, _ second: Int) {
        heap.swapAt(first, second)
        heapPosition[heap[first]] = first
        heapPosition[heap[second]] = second
    }
}

/// The payload of a table that needs nothing beyond counts.
package struct Empty: Sendable {
    package init() {}
}
