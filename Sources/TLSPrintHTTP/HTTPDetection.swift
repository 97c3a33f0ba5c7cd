/// What the first bytes of a stream say about HTTP/1.x.
package enum HTTPDetection: Hashable, Sendable {
    /// The bytes so far fit a request line that has not ended yet.
    case undecided
    /// A complete request line: `method SP request-target SP HTTP/1.0|1.1` and its line terminator.
    case yes
    /// Not an HTTP/1.x request line.
    case no
}

/// Says whether a direction opens with an HTTP/1.x request line, from its first bytes fed in pieces: each byte
/// is looked at once, however the stream is cut (a sensor holds the opening bytes while this is undecided).
package struct HTTPRequestLineDetector: Hashable, Sendable {
    private var scanner = HTTPRequestLineScanner()
    /// The verdict so far; final once it is not `.undecided`.
    package private(set) var detection = HTTPDetection.undecided

    /// A detector at the first byte of a direction.
    package init() {}

    /// Takes the next bytes; returns the verdict on everything taken so far.
    package mutating func scan(_ bytes: Span<UInt8>) -> HTTPDetection {
        var index = 0
        while detection == .undecided, index < bytes.count {
            switch scanner.consume(bytes[index]) {
            case .undecided: break
            case .complete: detection = .yes
            case .notHTTP, .malformed, .tooLong: detection = .no
            }
            index += 1
        }
        return detection
    }
}
