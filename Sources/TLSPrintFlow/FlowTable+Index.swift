// The key index: open addressing with linear probing over `buckets`, a power of two at most half used
// (entries plus tombstones; a quarter after each rebuild). A bucket holds the upper 32 bits of the key's hash
// (its tag, which also picks the home bucket) above the slot plus one; 0 is empty, and a zero slot part under a
// non-zero tag is a tombstone. Every probe sequence stops after `maximumProbe` buckets: a key that finds no free
// bucket within it goes to `overflow`, so keys chosen to collide cost at most one bounded probe plus one
// `Dictionary` lookup, never a long scan. Removal shifts the entries after it back (bounded by the same limit).

extension FlowTable {
    /// Most buckets one lookup, insertion or removal examines.
    @inlinable static var maximumProbe: Int { 32 }
    /// Marks a bucket whose entry was removed, so probe sequences pass it.
    @inlinable static var tombstone: UInt64 { 1 &<< 32 }

    /// The slot holding `key`, if any.
    @inlinable func find(_ key: Key) -> Int? {
        if bucketsUsed > 0 {
            let tag = key.flowTableHash(seed: seed) >> 32
            let mask = buckets.count &- 1
            var bucket = Int(truncatingIfNeeded: tag) & mask
            for _ in 0..<Self.maximumProbe {
                let entry = buckets[bucket]
                if entry == 0 { break }
                let position = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
                if entry >> 32 == tag, position >= 0, links[position].key == key { return position }
                bucket = (bucket &+ 1) & mask
            }
        }
        return overflow.isEmpty ? nil : overflow[key]
    }

    /// Indexes `key` at `position`; `links[position]` must already hold `key`.
    @inlinable mutating func addToIndex(_ key: Key, slot position: Int) {
        if (bucketsUsed &+ tombstones &+ 1) &* 2 > buckets.count {
            rebuildIndex()  // indexes every key in `links`, this one included
            return
        }
        let entry = entry(for: key, slot: position)
        if !place(entry) { overflow[key] = position }
    }

    /// Removes the index entry of `key` at `position`.
    @inlinable mutating func removeFromIndex(_ key: Key, slot position: Int) {
        if bucketsUsed > 0 {
            let entry = entry(for: key, slot: position)
            let mask = buckets.count &- 1
            var bucket = Int(truncatingIfNeeded: entry >> 32) & mask
            for _ in 0..<Self.maximumProbe {
                let existing = buckets[bucket]
                if existing == 0 { break }
                if existing == entry {
                    bucketsUsed &-= 1
                    closeGap(at: bucket)
                    return
                }
                bucket = (bucket &+ 1) & mask
            }
        }
        overflow[key] = nil
    }

    /// The bucket entry of `key` at `position`: its tag above the slot plus one.
    @inlinable func entry(for key: Key, slot position: Int) -> UInt64 {
        key.flowTableHash(seed: seed) & 0xFFFF_FFFF_0000_0000 | UInt64(position &+ 1)
    }

    /// Empties the bucket at `start` by moving later entries of its cluster back onto their probe paths
    /// (backward-shift deletion, so lookups do not slow down as flows come and go). The scan is bounded: when
    /// the cluster goes on past `maximumProbe` buckets, the last hole becomes a tombstone instead.
    @inlinable mutating func closeGap(at start: Int) {
        let mask = buckets.count &- 1
        var hole = start
        var bucket = start
        for _ in 0..<Self.maximumProbe {
            bucket = (bucket &+ 1) & mask
            let entry = buckets[bucket]
            if entry == 0 {
                buckets[hole] = 0
                return
            }
            guard entry & 0xFFFF_FFFF != 0 else { continue }  // a tombstone stays where it is
            let home = Int(truncatingIfNeeded: entry >> 32) & mask
            // The hole is on this entry's probe path when it lies between the entry's home and the entry.
            if (bucket &- home) & mask >= (bucket &- hole) & mask {
                buckets[hole] = entry
                hole = bucket
            }
        }
        buckets[hole] = Self.tombstone
        tombstones &+= 1
    }

    /// Puts `entry` in the first free bucket of its probe sequence; false when there is none.
    @inlinable mutating func place(_ entry: UInt64) -> Bool {
        let mask = buckets.count &- 1
        var bucket = Int(truncatingIfNeeded: entry >> 32) & mask
        for _ in 0..<Self.maximumProbe {
            let existing = buckets[bucket]
            if existing & 0xFFFF_FFFF == 0 {
                if existing != 0 { tombstones &-= 1 }
                buckets[bucket] = entry
                bucketsUsed &+= 1
                return true
            }
            bucket = (bucket &+ 1) & mask
        }
        return false
    }

    /// Rebuilds the index from `links` (in slot order), dropping tombstones and growing it so that at most a
    /// quarter of its buckets are used.
    @inlinable mutating func rebuildIndex() {
        var size = max(16, buckets.count)
        while size < (entries &+ 1) &* 4 { size &*= 2 }
        buckets = [UInt64](repeating: 0, count: size)
        bucketsUsed = 0
        tombstones = 0
        overflow.removeAll()
        for position in links.indices {
            guard let key = links[position].key else { continue }
            let entry = entry(for: key, slot: position)
            if !place(entry) { overflow[key] = position }
        }
    }
}
