extension Array where Element == UInt8 {
    /// Appends every byte of `bytes` in one copy (a loop over a span's indices checks bounds per byte).
    @inlinable
    public mutating func append(span bytes: Span<UInt8>) {
        unsafe bytes.withUnsafeBufferPointer { unsafe append(contentsOf: $0) }
    }
}
