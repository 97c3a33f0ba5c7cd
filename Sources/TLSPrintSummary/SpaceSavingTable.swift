/// The most frequent keys of a stream in a fixed number of entries: the Space-Saving algorithm (Metwally,
/// Agrawal and El Abbadi, 2005), with an indexed min-heap so that each update costs O(log capacity).
///
/// While no key has been evicted, every count is exact. Once the table is full, a new key takes the place of
/// the entry with the smallest count and starts from that count plus its weight; the inherited part is the
/// entry's `error`. A key's true count then lies in `count - error ... count`, and every key whose true count
/// exceeds the smallest count in the table is in the table. Eviction order depends only on the input order
/// (ties are broken by heap position, never by hash order), so the same input gives the same table.
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
    /// Keys pushed out so far.
    package private(set) var evictions = 0
    private var entries: [Entry] = []
    private var slotOfKey: [Key: Int] = [:]
    /// Slots ordered as a binary min-heap on `count`.
    private var heap: [Int] = []
    /// Each slot's position in `heap`.
    private var heapPosition: [Int] = []

    package init(capacity: Int) {
        precondition(capacity >= 1, "a Space-Saving table needs at least one entry")
        self.capacity = capacity
    }

    /// Entries tracked now (at most ``capacity``).
    package var count: Int { entries.count }

    /// True once a key has been evicted: counts may then be upper bounds.
    package var isApproximate: Bool { evictions > 0 }

    /// Counts `key` `weight` times; `start` makes the payload of a key entering the table, then `update` is
    /// applied to the key's payload.
    package mutating func record(
        _ key: Key,
        weight: Int = 1,
        start: () -> Payload,
        update: (inout Payload) -> Void
    ) {
        if let slot = slotOfKey[key] {
            entries[slot].count += weight
            update(&entries[slot].payload)
            siftDown(heapPosition[slot])
            return
        }
        if entries.count < capacity {
            var payload = start()
            update(&payload)
            let slot = entries.count
            entries.append(Entry(key: key, count: weight, error: 0, payload: payload))
            slotOfKey[key] = slot
            heap.append(slot)
            heapPosition.append(heap.count - 1)
            siftUp(heap.count - 1)
            return
        }
        let slot = heap[0]
        let floor = entries[slot].count
        slotOfKey[entries[slot].key] = nil
        evictions += 1
        var payload = start()
        update(&payload)
        entries[slot] = Entry(key: key, count: floor + weight, error: floor, payload: payload)
        slotOfKey[key] = slot
        siftDown(0)
    }

    /// The entry of `key`, if tracked.
    package subscript(key: Key) -> Entry? {
        slotOfKey[key].map { entries[$0] }
    }

    /// The `limit` entries with the highest counts, highest first; equal counts by key.
    package func top(_ limit: Int) -> [Entry] {
        let ordered = entries.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        return Array(ordered.prefix(max(0, limit)))
    }

    private mutating func siftUp(_ start: Int) {
        var position = start
        while position > 0 {
            let parent = (position - 1) / 2
            guard entries[heap[position]].count < entries[heap[parent]].count else { return }
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
            if right < heap.count, entries[heap[right]].count < entries[heap[left]].count { smallest = right }
            guard entries[heap[smallest]].count < entries[heap[position]].count else { return }
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
