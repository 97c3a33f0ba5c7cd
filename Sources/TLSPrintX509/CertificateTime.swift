import SwiftASN1
import TLSPrintCore

// RFC 5280 §4.1.2.5
//   Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }

/// Converts a certificate Time to whole seconds since the Unix epoch (UTC), tlsprint's own time value.
enum CertificateTime {
    static func seconds(_ node: ASN1Node) throws(ParseError) -> Int64 {
        do {
            if node.identifier == .utcTime {
                let time = try UTCTime(derEncoded: node)
                return epochSeconds(time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
            }
            let time = try GeneralizedTime(derEncoded: node)
            return epochSeconds(time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
        } catch {
            throw ParseError(.invalidValue, at: DERNode.offset(of: node))
        }
    }

    /// Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), then seconds.
    static func epochSeconds(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int)
        -> Int64
    {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }
}
