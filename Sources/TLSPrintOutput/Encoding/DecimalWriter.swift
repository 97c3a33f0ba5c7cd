/// Decimal numbers written straight into a byte buffer (no `String` formatting in the hot path).
enum DecimalWriter {
    /// Appends `value` in decimal, with a leading `-` when negative.
    static func append(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendMagnitude(value.magnitude, minimumDigits: 1, to: &out)
    }

    /// Appends a count of thousandths as `12.345` (`-0.005` for -5).
    static func appendThousandths(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        appendMagnitude(magnitude / 1_000, minimumDigits: 1, to: &out)
        out.append(UInt8(ascii: "."))
        appendMagnitude(magnitude % 1_000, minimumDigits: 3, to: &out)
    }

    private static func appendMagnitude(_ value: UInt, minimumDigits: Int, to out: inout [UInt8]) {
        var divisor: UInt = 1
        var digitCount = 1
        while digitCount < minimumDigits || value / divisor >= 10 {
            divisor *= 10
            digitCount += 1
        }
        var remaining = value
        while divisor > 0 {
            out.append(0x30 + UInt8(truncatingIfNeeded: remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }
}
