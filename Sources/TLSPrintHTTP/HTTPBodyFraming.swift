import TLSPrintCore

// RFC 9112 §6.3 (the length of a request's message body)
//   3. If a message is received with both a Transfer-Encoding and a Content-Length header field, the
//      Transfer-Encoding overrides the Content-Length.
//   4. If a Transfer-Encoding header field is present in a request and the chunked transfer coding is
//      not the final encoding, the message body length cannot be determined reliably (400, close).
//   5. If a message is received without Transfer-Encoding and with an invalid Content-Length header
//      field, the message framing is invalid (400, close).
//   6. If a valid Content-Length header field is present without Transfer-Encoding, its decimal value
//      defines the expected message body length in octets.
//   7. If this is a request message and none of the above are true, the message body length is zero.
// RFC 9110 §8.6
//   Content-Length = 1*DIGIT
//   (a list of identical values, "42, 42", may be accepted as one value)
// RFC 9110 §9.3.6: a CONNECT request has no content; after a 2xx answer the connection is a tunnel.

/// How the body that follows a request head is delimited.
enum HTTPBodyFraming: Hashable, Sendable {
    /// No body: the next request follows at once.
    case none
    /// A body of exactly this many bytes.
    case length(Int)
    /// A chunked body (RFC 9112 §7.1).
    case chunked
    /// CONNECT: the rest of the direction is the tunnel's.
    case tunnel
    /// The framing cannot be determined; reading stops.
    case invalid(HTTPStopReason)

    /// Content-Length digits accepted (significant digits; 10^18 - 1 fits an `Int` on every platform
    /// tlsprint builds for).
    static let maximumLengthDigits = 18

    /// The framing `head` announces.
    init(_ head: HTTPRequestHead) {
        if head.isConnect {
            self = .tunnel
            return
        }
        let encodings = head.values(named: "transfer-encoding")
        if !encodings.isEmpty {
            // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 message means faulty framing.
            guard head.version == .http11, Self.endsInChunked(encodings) else {
                self = .invalid(.invalidTransferEncoding)
                return
            }
            self = .chunked
            return
        }
        let lengths = head.values(named: "content-length")
        guard !lengths.isEmpty else {
            self = .none
            return
        }
        guard let length = Self.contentLength(lengths) else {
            self = .invalid(.invalidContentLength)
            return
        }
        self = length == 0 ? .none : .length(length)
    }

    /// True when the combined Transfer-Encoding list has `chunked` as its last coding, and only there.
    static func endsInChunked(_ values: [[UInt8]]) -> Bool {
        let codings = elements(values)
        guard let last = codings.last, HTTPSyntax.equalsIgnoringCase(Array(last), "chunked") else { return false }
        return codings.dropLast().allSatisfy { !HTTPSyntax.equalsIgnoringCase(Array($0), "chunked") }
    }

    /// The value of every Content-Length element when they are all the same valid number, else nil.
    static func contentLength(_ values: [[UInt8]]) -> Int? {
        var result: Int?
        for element in elements(values) {
            guard let value = decimal(element), result == nil || result == value else { return nil }
            result = value
        }
        return result
    }

    /// The non-empty, whitespace-trimmed elements of comma-separated list values (RFC 9110 §5.6.1).
    static func elements(_ values: [[UInt8]]) -> [ArraySlice<UInt8>] {
        values.flatMap { value in
            value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                .map { HTTPSyntax.trimmingWhitespace($0) }
                .filter { !$0.isEmpty }
        }
    }

    /// `1*DIGIT` with at most `maximumLengthDigits` significant digits, else nil.
    static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        var significant = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            if value > 0 || digit != UInt8(ascii: "0") { significant += 1 }
            guard significant <= maximumLengthDigits else { return nil }
            value = value &* 10 &+ Int(digit &- UInt8(ascii: "0"))  // below 10^18: cannot overflow
        }
        return value
    }
}
