/// Why an `HTTPRequestStream` stopped reading a direction; the raw value is the sensor's counter label.
package enum HTTPStopReason: String, Hashable, Sendable, CaseIterable {
    /// Where a request line must start, the bytes are not a method token followed by SP.
    case notHTTP
    /// A method was followed by something that is not `SP request-target SP HTTP/1.0|1.1` and a line end.
    case malformedRequestLine
    /// A field line is not `token ":" value`, holds a NUL or a bare CR, or folds before the first field.
    case malformedHeaderField
    /// A request line, field line, chunk-size line or trailer line is longer than `Limits.httpLineLength`.
    case lineTooLong
    /// A header block or trailer section is longer than `Limits.httpHeaderBlockSize`.
    case headerBlockTooLong
    /// A header block or trailer section has more than `Limits.httpFieldLines` lines.
    case tooManyHeaders
    /// Content-Length is not a decimal number below 10^18, or its values disagree (RFC 9112 §6.3 item 5).
    case invalidContentLength
    /// Transfer-Encoding does not end in `chunked`, or comes with HTTP/1.0 (RFC 9112 §6.1, §6.3 item 4).
    case invalidTransferEncoding
    /// The chunked framing is broken: a chunk size that is not hex or above 2^60, or chunk data not
    /// followed by its line end (RFC 9112 §7.1).
    case malformedChunk
    /// A `CONNECT` request: what follows belongs to the tunnel a 2xx answer opens. Not a failure.
    case tunnel
}
