
/// RFC 3339 UTC date-times, written without Foundation.
///
/// The calendar is the proleptic Gregorian one (RFC 3339 §5.6). Days are converted with the
/// civil-from-days algorithm (era of 400 years = 146,097 days, March-based years), done here in integers.
public enum RFC3339 {
    /// First second RFC 3339's four-digit year can write: 0000-01-01T00:00:00Z.
    public static let earliestSecond: Int64 = -62_167_219_200
    /// Last second RFC 3339's four-digit year can write: 9999-12-31T23:59:59Z.
    public static let latestSecond: Int64 = 253_402_300_799

    /// A capture time as `2026-04-17T22:57:53.482113+00:00`: UTC, six fraction digits (floor), `+00:00`.
    public static func timestamp(_ time: CaptureTimestamp) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        appendTimestamp(time, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``timestamp(_:)``'s text to `out`.
    public static func appendTimestamp(_ time: CaptureTimestamp, to out: inout [UInt8]) {
        let micros = time.microseconds
        let seconds = floorDivide(micros, 1_000_000)
        appendDateTime(seconds: seconds, to: &out)
        out.append(UInt8(ascii: "."))
        appendDigits(Int(micros - seconds * 1_000_000), count: 6, to: &out)
        out.append(contentsOf: [UInt8(ascii: "+"), 0x30, 0x30, UInt8(ascii: ":"), 0x30, 0x30])
    }

    /// Seconds since the epoch as `2026-01-31T00:00:00Z` (certificate validity).
    ///
    /// Values outside years 0000–9999 are clamped to the first or last second RFC 3339 can write.
    public static func dateTime(secondsSinceEpoch seconds: Int64) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(20)
        appendDateTime(seconds: seconds, to: &out)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The proleptic Gregorian date of a day number (days since 1970-01-01).
    public static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097  // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // 0...399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0...365, from March 1
        let monthIndex = (5 * dayOfYear + 2) / 153  // 0 = March ... 11 = February
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `YYYY-MM-DDTHH:MM:SS` for clamped `seconds`.
    private static func appendDateTime(seconds: Int64, to out: inout [UInt8]) {
        let clamped = min(max(seconds, earliestSecond), latestSecond)
        let days = floorDivide(clamped, 86_400)
        let secondOfDay = Int(clamped - days * 86_400)
        let date = civil(fromDays: days)
        appendDigits(Int(date.year), count: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(date.month, count: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(date.day, count: 2, to: &out)
        out.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3_600, count: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, count: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, count: 2, to: &out)
    }

    /// Exactly `count` decimal digits of a non-negative `value` (zero-padded; higher digits dropped).
    private static func appendDigits(_ value: Int, count: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            out.append(0x30 + UInt8(truncatingIfNeeded: remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }

    private static func floorDivide(_ lhs: Int64, _ rhs: Int64) -> Int64 {
        let quotient = lhs / rhs
        return (lhs % rhs != 0 && (lhs < 0) != (rhs < 0)) ? quotient - 1 : quotient
    }
}
