import TLSPrintCore

// RFC 9110 §5.6.2
//   token          = 1*tchar
//   tchar          = "!" / "#" / "$" / "%" / "&" / "'" / "*"
//                  / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
//                  / DIGIT / ALPHA
// RFC 9110 §5.6.3
//   OWS            = *( SP / HTAB )
// RFC 9112 §2.2: a recipient MAY recognise a single LF as a line terminator and ignore any preceding CR;
// a bare CR elsewhere is invalid.

/// Byte classes and line cutting shared by the HTTP/1.x parsers. Every byte is an attacker's: nothing here
/// assumes UTF-8.
enum HTTPSyntax {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A
    static let colon: UInt8 = 0x3A

    /// True for a `tchar` (RFC 9110 §5.6.2).
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "a")...UInt8(ascii: "z"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// True for SP and HTAB (`OWS`).
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// True for a byte allowed in a request-target: any visible byte. Bytes above 0x7F are not URI
    /// characters, but clients send them unescaped and servers accept them, so they are kept as sent.
    static func isTargetByte(_ byte: UInt8) -> Bool { byte > space && byte != 0x7F }

    /// The byte with ASCII upper-case letters lower-cased; every other byte unchanged.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// True when `bytes` equal `lowercaseName` ignoring ASCII case (`lowercaseName` must be lower case).
    static func equalsIgnoringCase(_ bytes: [UInt8], _ lowercaseName: String) -> Bool {
        bytes.count == lowercaseName.utf8.count
            && zip(bytes, lowercaseName.utf8).allSatisfy { lowercased($0) == $1 }
    }

    /// `bytes` without leading and trailing SP and HTAB.
    static func trimmingWhitespace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes.drop(while: isWhitespace)
        while let last = slice.last, isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }

    /// The line at the reader's cursor: the length of its content and of its terminator (2 for CR LF, 1 for
    /// a bare LF). Consumes nothing.
    /// - Throws: `.truncated` when the bytes end before the line does, `.limitExceeded` when the content is
    ///   longer than `Limits.httpLineLength`, `.invalidValue` at a CR that is not followed by LF.
    static func line(at reader: ByteReader) throws(ParseError) -> (length: Int, terminator: Int) {
        var distance = 0
        while let byte = reader.byte(at: distance) {
            if byte == lineFeed { return (distance, 1) }
            if byte == carriageReturn {
                guard let next = reader.byte(at: distance + 1) else { break }
                guard next == lineFeed else { throw ParseError(.invalidValue, at: reader.offset + distance) }
                return (distance, 2)
            }
            guard distance < Limits.httpLineLength else {
                throw ParseError(.limitExceeded, at: reader.offset + distance)
            }
            distance += 1
        }
        throw ParseError(.truncated, at: reader.offset + distance)
    }

    /// Number of leading bytes of the reader (at most `limit + 1`) that satisfy `accepts`. Consumes nothing.
    static func prefixLength(of reader: ByteReader, limit: Int, where accepts: (UInt8) -> Bool) -> Int {
        var length = 0
        while length <= limit, let byte = reader.byte(at: length), accepts(byte) { length += 1 }
        return length
    }
}
