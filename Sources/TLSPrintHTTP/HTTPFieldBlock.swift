import TLSPrintCore

// RFC 9112 §2.1
//   HTTP-message   = start-line CRLF
//                    *( field-line CRLF )
//                    CRLF
//                    [ message-body ]
// RFC 9112 §5.2
//   obs-fold       = OWS CRLF RWS
//                  ; obsolete line folding

/// Reads the field lines after a start line, up to and including the empty line that ends them.
enum HTTPFieldBlock {
    /// Reads field lines until the empty line, which is consumed too.
    ///
    /// An obs-fold continuation line is joined to the field before it with one SP (RFC 9112 §5.2 lets a
    /// recipient replace the fold with SP); one before any field is invalid (RFC 9112 §2.2).
    /// - Parameter blockStart: the reader offset where the header block began, for the block-size cap.
    /// - Throws: `.limitExceeded` past `Limits.httpFieldLines` lines or `Limits.httpHeaderBlockSize` bytes
    ///   since `blockStart`, `.truncated` when the bytes end first, `.invalidValue` for a bad line.
    static func read(_ reader: inout ByteReader, blockStart: Int) throws(ParseError) -> [HTTPField] {
        var fields: [HTTPField] = []
        var lines = 0
        while true {
            let line = try HTTPSyntax.line(at: reader)
            guard reader.offset + line.length + line.terminator - blockStart <= Limits.httpHeaderBlockSize else {
                throw ParseError(.limitExceeded, at: reader.offset)
            }
            if line.length == 0 {
                try reader.skip(line.terminator)
                return fields
            }
            guard lines < Limits.httpFieldLines else { throw ParseError(.limitExceeded, at: reader.offset) }
            lines += 1
            let lineStart = reader.offset
            var content = try reader.readSlice(line.length)
            try reader.skip(line.terminator)
            guard let first = content.byte(at: 0), HTTPSyntax.isWhitespace(first) else {
                fields.append(try HTTPField(parsing: &content))
                continue
            }
            let continuation = content.readRemainingBytes()
            guard var previous = fields.popLast() else { throw ParseError(.invalidValue, at: lineStart) }
            if let nul = continuation.firstIndex(of: 0) { throw ParseError(.invalidValue, at: lineStart + nul) }
            let folded = HTTPSyntax.trimmingWhitespace(continuation[...])
            if !folded.isEmpty {
                if !previous.value.isEmpty { previous.value.append(HTTPSyntax.space) }
                previous.value.append(contentsOf: folded)
            }
            fields.append(previous)
        }
    }
}
