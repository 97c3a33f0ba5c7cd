import TLSPrintCore

// RFC 9112 §4
//   status-line = HTTP-version SP status-code SP [ reason-phrase ]
//   status-code = 3DIGIT
//   reason-phrase  = 1*( HTAB / SP / VCHAR / obs-text )
// RFC 9110 §9.3.6: any 2xx (Successful) response to CONNECT switches the connection to tunnel mode
// immediately after the blank line that concludes the successful response's header section; a client
// ignores Content-Length and Transfer-Encoding in it.
// RFC 9110 §15.2: 1xx (Informational) responses are interim and precede the final response.

/// What a proxy's first bytes say about a `CONNECT` request: where its 2xx answer ends and the tunnel
/// begins.
package enum HTTPConnectReply: Hashable, Sendable {
    /// The answer has not ended yet.
    case needMoreBytes
    /// A 2xx answer whose status line and header block (with any interim 1xx answers before it) take the
    /// first `headLength` bytes; the tunnel starts right after.
    case established(headLength: Int)
    /// A complete final answer that is not 2xx: no tunnel.
    case refused(statusCode: Int, headLength: Int)
    /// Not an HTTP/1.x status line and header block, or not complete within `Limits.httpHeaderBlockSize`
    /// bytes.
    case notHTTP

    /// Interim (1xx) answers accepted before the final one.
    package static let maximumInterimResponses = 8

    /// Reads the server's first bytes after a `CONNECT`.
    package static func scan(_ bytes: Span<UInt8>) -> HTTPConnectReply {
        var reader = ByteReader(bytes)
        for _ in 0...maximumInterimResponses {
            guard statusLinePrefixFits(reader) else { return .notHTTP }
            let statusCode: Int
            do throws(ParseError) {
                let start = reader.offset
                statusCode = try readStatusLine(&reader)
                _ = try HTTPFieldBlock.read(&reader, blockStart: start)
            } catch {
                let hopeless = error.reason != .truncated || bytes.count >= Limits.httpHeaderBlockSize
                return hopeless ? .notHTTP : .needMoreBytes
            }
            switch statusCode {
            case 200...299: return .established(headLength: reader.consumed)
            case 100...199 where statusCode != 101: continue
            default: return .refused(statusCode: statusCode, headLength: reader.consumed)
            }
        }
        return .notHTTP
    }

    /// False as soon as the available bytes cannot start `HTTP/1.x NNN`.
    static func statusLinePrefixFits(_ reader: ByteReader) -> Bool {
        for (index, expected) in "HTTP/1.".utf8.enumerated() {
            guard let byte = reader.byte(at: index) else { return true }
            guard byte == expected else { return false }
        }
        return true
    }

    /// Reads a status line with its terminator and returns the status code.
    static func readStatusLine(_ reader: inout ByteReader) throws(ParseError) -> Int {
        let line = try HTTPSyntax.line(at: reader)
        var content = try reader.readSlice(line.length)
        try reader.skip(line.terminator)
        let start = content.offset
        guard content.remaining >= 12 else { throw ParseError(.invalidValue, at: start) }
        try content.skip(7)  // "HTTP/1.", checked by statusLinePrefixFits
        let minor = try content.readUInt8()
        guard minor >= UInt8(ascii: "0"), minor <= UInt8(ascii: "9"), try content.readUInt8() == HTTPSyntax.space
        else { throw ParseError(.invalidValue, at: start) }
        var code = 0
        for _ in 0..<3 {
            let digit = try content.readUInt8()
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else {
                throw ParseError(.invalidValue, at: start)
            }
            code = code * 10 + Int(digit - UInt8(ascii: "0"))
        }
        guard code >= 100 else { throw ParseError(.invalidValue, at: start) }
        // The SP before an empty reason-phrase is often left out; accept both.
        if !content.isAtEnd {
            guard try content.readUInt8() == HTTPSyntax.space else { throw ParseError(.invalidValue, at: start) }
            let reason = content.readRemainingBytes()
            if reason.contains(0) { throw ParseError(.invalidValue, at: start) }
        }
        return code
    }
}
