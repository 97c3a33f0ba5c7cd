import TLSPrintCore
import TLSPrintEvent
import Testing

@testable import TLSPrintOutput

@Suite struct RFC3339Tests {
    // Expected values computed with GNU date on 2026-11-29: `date -u -d @N +%Y-%m-%dT%H:%M:%SZ`.
    static let certificateTimes: [(Int64, String)] = [
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (-86_400, "1969-12-31T00:00:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),  // leap year divisible by 400
        (951_868_799, "2000-02-29T23:59:59Z"),
        (1_582_934_400, "2020-02-29T00:00:00Z"),
        (1_709_251_199, "2024-02-29T23:59:59Z"),
        (4_107_456_000, "2100-02-28T00:00:00Z"),  // 2100 is not a leap year
        (4_107_542_399, "2100-02-28T23:59:59Z"),
        (4_107_542_400, "2100-03-01T00:00:00Z"),
        (-2_203_977_600, "1900-02-28T00:00:00Z"),  // neither is 1900
        (-2_203_891_200, "1900-03-01T00:00:00Z"),
        (-2_208_988_800, "1900-01-01T00:00:00Z"),
        (-11_676_096_000, "1600-01-01T00:00:00Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (-62_167_219_200, "0000-01-01T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
        (2_147_483_648, "2038-01-19T03:14:08Z"),  // one past the 32-bit time_t limit
        (68_256_000_000, "4132-12-12T00:00:00Z"),
        (1_234_567_890, "2009-02-13T23:31:30Z"),
        (1_776_466_673, "2026-04-17T22:57:53Z"),
    ]

    @Test(arguments: certificateTimes)
    func certificateValidity(seconds: Int64, expected: String) {
        #expect(RFC3339.dateTime(secondsSinceEpoch: seconds) == expected)
    }

    @Test func clampsOutsideFourDigitYears() {
        // `date` gives 10000-01-01 for 253402300800, which RFC 3339 cannot write: clamp to the last second.
        #expect(RFC3339.dateTime(secondsSinceEpoch: 253_402_300_800) == "9999-12-31T23:59:59Z")
        #expect(RFC3339.dateTime(secondsSinceEpoch: .max) == "9999-12-31T23:59:59Z")
        #expect(RFC3339.dateTime(secondsSinceEpoch: .min) == "0000-01-01T00:00:00Z")
    }

    static let captureTimes: [(Int64, String)] = [
        // 1776466673 s = 2026-04-17T22:57:53Z (date); fraction floored to microseconds.
        (1_776_466_673_482_113_999, "2026-04-17T22:57:53.482113+00:00"),
        (1_776_466_673_000_000_000, "2026-04-17T22:57:53.000000+00:00"),
        (0, "1970-01-01T00:00:00.000000+00:00"),
        (-1, "1969-12-31T23:59:59.999999+00:00"),  // floor, not truncation toward zero
        (-1_000, "1969-12-31T23:59:59.999999+00:00"),
        (-1_001, "1969-12-31T23:59:59.999998+00:00"),
        // Int64 nanosecond limits: date -u -d @-9223372037 / @9223372036.
        (.min, "1677-09-21T00:12:43.145224+00:00"),
        (.max, "2262-04-11T23:47:16.854775+00:00"),
        (2_147_483_648_000_001_000, "2038-01-19T03:14:08.000001+00:00"),
    ]

    @Test(arguments: captureTimes)
    func captureTimestamp(nanoseconds: Int64, expected: String) {
        #expect(RFC3339.timestamp(CaptureTimestamp(nanoseconds: nanoseconds)) == expected)
    }

    @Test func civilFromDaysRoundTripsEveryDayOfFourCenturies() {
        // Walk day by day from 1600-01-01 and check the calendar advances by exactly one day each time.
        var expected = (year: Int64(1600), month: 1, day: 1)
        var firstMismatch: Int64?
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for days in Int64(-135_140)..<Int64(-135_140 + 146_097 * 2) {
            let date = RFC3339.civil(fromDays: days)
            if date != expected {
                firstMismatch = days
                break
            }
            let leap = expected.year % 4 == 0 && (expected.year % 100 != 0 || expected.year % 400 == 0)
            let length = expected.month == 2 && leap ? 29 : monthLengths[expected.month - 1]
            if expected.day < length {
                expected.day += 1
            } else if expected.month < 12 {
                expected = (expected.year, expected.month + 1, 1)
            } else {
                expected = (expected.year + 1, 1, 1)
            }
        }
        #expect(firstMismatch == nil)
    }
}
