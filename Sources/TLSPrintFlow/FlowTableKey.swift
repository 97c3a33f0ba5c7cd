/// A key a `FlowTable` can index: hashable, plus a cheap seeded hash for the table's own open-addressing index.
public protocol FlowTableKey: Hashable, Sendable {
    /// A well-mixed 64-bit hash of the key under `seed` (its upper 32 bits pick the bucket).
    ///
    /// It need not resist chosen collisions: the table bounds every probe sequence and keeps the keys that do
    /// not fit in a `Dictionary`, whose hash is seeded per process.
    func flowTableHash(seed: UInt64) -> UInt64
}

extension FlowTableKey {
    /// The standard library's hash of the key and `seed` (SipHash, seeded per process): correct for any key,
    /// slower than a key-specific mix such as `FlowKey`'s.
    @inlinable public func flowTableHash(seed: UInt64) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(seed)
        hasher.combine(self)
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }
}
