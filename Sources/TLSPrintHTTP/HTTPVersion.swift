// RFC 9112 §2.3
//   HTTP-version  = HTTP-name "/" DIGIT "." DIGIT
//   HTTP-name     = %s"HTTP"

/// The HTTP/1.x versions a request line may carry. The raw value is the event's `http_version` text.
package enum HTTPVersion: String, Hashable, Sendable, CaseIterable {
    /// `HTTP/1.0`.
    case http10 = "1.0"
    /// `HTTP/1.1`.
    case http11 = "1.1"

    /// The version for the minor digit after `HTTP/1.`, or nil for one tlsprint does not accept.
    init?(minorDigit: UInt8) {
        switch minorDigit {
        case UInt8(ascii: "0"): self = .http10
        case UInt8(ascii: "1"): self = .http11
        default: return nil
        }
    }
}
