/// Counts distinct values in bounded memory: exactly up to `exactLimit` values, then with a HyperLogLog sketch
/// (Flajolet et al. 2007) of 2^`precision` one-byte registers over ``StableHash`` values.
///
/// Exact below the limit (up to 64-bit hash collisions); above it the relative standard error is about
/// 1.04 / sqrt(2^precision): 3.3% at precision 10 (1 KiB), 1.6% at precision 12 (4 KiB).
package struct DistinctCounter: Sendable {
    /// Values kept exactly before the sketch takes over.
    package let exactLimit: Int
    /// Register index bits of the sketch.
    package let precision: Int
    private var exact: Set<UInt64> = []
    private var registers: [UInt8] = []

    package init(exactLimit: Int = 64, precision: Int = 10) {
        precondition((4...16).contains(precision), "HyperLogLog precision must be 4...16")
        self.exactLimit = max(0, exactLimit)
        self.precision = precision
    }

    /// True while the count is exact (the sketch has not been needed).
    package var isExact: Bool { registers.isEmpty }

    /// Adds the value whose ``StableHash`` is `hash`.
    package mutating func insert(hash: UInt64) {
        guard registers.isEmpty else { return record(hash) }
        exact.insert(hash)
        guard exact.count > exactLimit else { return }
        registers = [UInt8](repeating: 0, count: 1 << precision)
        for value in exact { record(value) }
        exact = []
    }

    /// Forgets every value (back to exact counting), keeping the storage.
    package mutating func removeAll() {
        exact.removeAll(keepingCapacity: true)
        registers.removeAll(keepingCapacity: true)
    }

    /// Adds a string value.
    package mutating func insert(_ text: String) { insert(hash: StableHash.of(text)) }

    /// The number of distinct values: exact while ``isExact``, else the sketch's estimate.
    package var count: Int {
        guard !registers.isEmpty else { return exact.count }
        let registerCount = Double(registers.count)
        var sum = 0.0
        var zeros = 0
        for register in registers {
            sum += 1.0 / Double(UInt64(1) << UInt64(register))
            if register == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / registerCount)
        let raw = alpha * registerCount * registerCount / sum
        // Small range: linear counting while registers are still empty (Flajolet et al., §4).
        if raw <= 2.5 * registerCount, zeros > 0 {
            return Int((registerCount * log(registerCount / Double(zeros))).rounded())
        }
        return Int(raw.rounded())
    }

    /// Bytes held, for the memory-bound tests: 8 per exact value, or one per register.
    package var storedValues: Int { registers.isEmpty ? exact.count : registers.count }

    private mutating func record(_ hash: UInt64) {
        let index = Int(hash >> UInt64(64 - precision))
        let rest = hash << UInt64(precision)
        let rank = UInt8(min(rest.leadingZeroBitCount, 64 - precision) + 1)
        if rank > registers[index] { registers[index] = rank }
    }
}

/// The natural logarithm without Foundation (for linear counting): ln(x) = 2 atanh((x - 1) / (x + 1)),
/// after scaling `x` into [0.5, 1) by powers of two.
private func log(_ value: Double) -> Double {
    guard value > 0 else { return -.infinity }
    let ln2 = 0.693_147_180_559_945_3
    let exponent = Double(value.exponent + 1)
    let mantissa = value.significand / 2  // in [0.5, 1)
    let ratio = (mantissa - 1) / (mantissa + 1)
    let square = ratio * ratio
    var term = ratio
    var sum = 0.0
    var denominator = 1.0
    for _ in 0..<40 {
        sum += term / denominator
        term *= square
        denominator += 2
    }
    return 2 * sum + exponent * ln2
}
