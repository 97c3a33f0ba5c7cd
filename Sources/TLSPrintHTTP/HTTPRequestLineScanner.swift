import TLSPrintCore

// RFC 9112 §3
//   request-line   = method SP request-target SP HTTP-version
// RFC 9112 §2.3
//   HTTP-version   = HTTP-name "/" DIGIT "." DIGIT

/// Checks a request line one byte at a time, so a stream that is not HTTP is recognised after a few bytes
/// and nothing needs to be buffered to decide.
///
/// It accepts exactly the lines `HTTPRequestHead` accepts: a token method of at most
/// `HTTPRequestHead.maximumMethodLength` bytes, one SP, a request-target of visible bytes, one SP,
/// `HTTP/1.0` or `HTTP/1.1`, then CR LF or a bare LF, within `Limits.httpLineLength` bytes.
struct HTTPRequestLineScanner: Hashable, Sendable {
    /// The scanner's view after one more byte.
    enum Verdict: Hashable, Sendable {
        /// Consistent so far; the line has not ended.
        case undecided
        /// The byte was the line feed that ends a valid request line.
        case complete
        /// The method is not a token followed by SP: not an HTTP request at all.
        case notHTTP
        /// A method was followed by something that is not a valid request line.
        case malformed
        /// The line is longer than `Limits.httpLineLength`.
        case tooLong
    }

    enum Part: Hashable, Sendable {
        case method
        case target
        case version
        case lineFeed
        case finished(Verdict)
    }

    var part = Part.method
    /// Bytes read in the current part.
    var partLength = 0
    /// Bytes of the line read so far, its terminator excluded.
    var lineLength = 0

    /// Takes the next byte of the line and says where the line stands.
    mutating func consume(_ byte: UInt8) -> Verdict {
        let verdict = step(byte)
        if verdict != .undecided { part = .finished(verdict) }
        return verdict
    }

    private mutating func step(_ byte: UInt8) -> Verdict {
        if case .finished(let verdict) = part { return verdict }
        if part != .lineFeed, byte != HTTPSyntax.carriageReturn, byte != HTTPSyntax.lineFeed {
            lineLength += 1
            guard lineLength <= Limits.httpLineLength else { return .tooLong }
        }
        switch part {
        case .method:
            if byte == HTTPSyntax.space, partLength > 0 { return advance(to: .target) }
            partLength += 1
            let fits = HTTPSyntax.isTokenCharacter(byte) && partLength <= HTTPRequestHead.maximumMethodLength
            return fits ? .undecided : .notHTTP
        case .target:
            if byte == HTTPSyntax.space, partLength > 0 { return advance(to: .version) }
            partLength += 1
            return HTTPSyntax.isTargetByte(byte) ? .undecided : .malformed
        case .version:
            return version(byte)
        case .lineFeed:
            return byte == HTTPSyntax.lineFeed ? .complete : .malformed
        case .finished(let verdict):
            return verdict
        }
    }

    /// `HTTP/1.` then `0` or `1`, then CR or LF.
    private mutating func version(_ byte: UInt8) -> Verdict {
        defer { partLength += 1 }
        switch partLength {
        case 0...6:
            return byte == Self.versionPrefixByte(partLength) ? .undecided : .malformed
        case 7:
            return HTTPVersion(minorDigit: byte) == nil ? .malformed : .undecided
        default:
            if byte == HTTPSyntax.lineFeed { return .complete }
            guard byte == HTTPSyntax.carriageReturn else { return .malformed }
            part = .lineFeed
            return .undecided
        }
    }

    private mutating func advance(to next: Part) -> Verdict {
        part = next
        partLength = 0
        return .undecided
    }

    /// Byte `index` (0...6) of `HTTP/1.`.
    private static func versionPrefixByte(_ index: Int) -> UInt8 {
        switch index {
        case 0: UInt8(ascii: "H")
        case 1, 2: UInt8(ascii: "T")
        case 3: UInt8(ascii: "P")
        case 4: UInt8(ascii: "/")
        case 5: UInt8(ascii: "1")
        default: UInt8(ascii: ".")
        }
    }
}
