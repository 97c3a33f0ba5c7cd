import TLSPrintCore

// RFC 9112 §7.1
//   chunked-body   = *chunk
//                    last-chunk
//                    trailer-section
//                    CRLF
//   chunk          = chunk-size [ chunk-ext ] CRLF
//                    chunk-data CRLF
//   chunk-size     = 1*HEXDIG
//   last-chunk     = 1*("0") [ chunk-ext ] CRLF
//   chunk-data     = 1*OCTET ; a sequence of chunk-size octets
// RFC 9112 §7.1.1
//   chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
// RFC 9112 §7.1.2
//   trailer-section   = *( field-line CRLF )

/// Skips a chunked request body, fed in pieces of any size, keeping only counters.
///
/// Chunk data is skipped without being copied; chunk extensions and trailer fields are read past, not
/// parsed. Lines end in CR LF or a bare LF, as in the header block.
struct HTTPChunkedBody: Hashable, Sendable {
    /// Where the body stands after the bytes given so far.
    enum Progress: Hashable, Sendable {
        /// Every byte was consumed and the body has not ended.
        case needMoreBytes
        /// The body ended; the reader stands on the first byte after it.
        case finished
        /// The framing is broken; reading stops.
        case failed(HTTPStopReason)
    }

    enum Part: Hashable, Sendable {
        /// Hex digits of a chunk size.
        case size
        /// A chunk extension, read past up to the line end.
        case sizeExtension
        /// Chunk data still to skip.
        case data(remaining: Int)
        /// The line end after chunk data.
        case dataEnd
        /// Trailer lines, up to the empty line.
        case trailer
    }

    /// Significant hex digits of a chunk size: 15 keep it below 2^60.
    static let maximumSizeDigits = 15

    var part = Part.size
    var size = 0
    var sizeDigits = 0
    /// Content bytes of the current line (chunk-size line or trailer line).
    var lineLength = 0
    /// A CR was read; only LF may follow.
    var pendingCarriageReturn = false
    var trailerLines = 0
    var trailerBytes = 0

    /// Consumes body bytes from `reader` until it is empty or the body ends or fails.
    mutating func consume(_ reader: inout ByteReader) -> Progress {
        while !reader.isAtEnd {
            if case .data(let remaining) = part {
                let count = min(remaining, reader.remaining)
                _ = try? reader.skip(count)
                part = count == remaining ? .dataEnd : .data(remaining: remaining - count)
                continue
            }
            guard let byte = try? reader.readUInt8() else { break }
            if let progress = step(byte) { return progress }
        }
        return .needMoreBytes
    }

    /// Takes one byte outside chunk data; returns the outcome when the body ends or fails.
    private mutating func step(_ byte: UInt8) -> Progress? {
        if pendingCarriageReturn {
            guard byte == HTTPSyntax.lineFeed else { return .failed(.malformedChunk) }
            pendingCarriageReturn = false
            return endOfLine()
        }
        if byte == HTTPSyntax.carriageReturn {
            pendingCarriageReturn = true
            return nil
        }
        if byte == HTTPSyntax.lineFeed { return endOfLine() }
        switch part {
        case .size:
            return sizeByte(byte)
        case .sizeExtension, .trailer:
            return countLineByte()
        case .dataEnd, .data:
            return .failed(.malformedChunk)
        }
    }

    private mutating func sizeByte(_ byte: UInt8) -> Progress? {
        if let digit = Self.hexValue(byte) {
            if size > 0 || digit > 0 { sizeDigits += 1 }  // leading zeros are not significant
            guard sizeDigits <= Self.maximumSizeDigits else { return .failed(.malformedChunk) }
            size = size &<< 4 | digit  // at most 15 significant digits: below 2^60
            lineLength += 1
            return lineLength <= Limits.httpLineLength ? nil : .failed(.lineTooLong)
        }
        // BWS before ";" or the ";" itself start the extension; anything else is not a chunk size.
        guard lineLength > 0, byte == UInt8(ascii: ";") || HTTPSyntax.isWhitespace(byte) else {
            return .failed(.malformedChunk)
        }
        part = .sizeExtension
        return countLineByte()
    }

    private mutating func countLineByte() -> Progress? {
        lineLength += 1
        return lineLength <= Limits.httpLineLength ? nil : .failed(.lineTooLong)
    }

    /// A line end in any part outside chunk data.
    private mutating func endOfLine() -> Progress? {
        defer { lineLength = 0 }
        switch part {
        case .size, .sizeExtension:
            // In `.size` only hex digits count towards the line, so a non-empty line has a size.
            guard lineLength > 0 else { return .failed(.malformedChunk) }
            part = size == 0 ? .trailer : .data(remaining: size)
            size = 0
            sizeDigits = 0
            return nil
        case .dataEnd:
            guard lineLength == 0 else { return .failed(.malformedChunk) }
            part = .size
            return nil
        case .trailer:
            if lineLength == 0 { return .finished }
            trailerLines += 1
            trailerBytes += lineLength + 2
            if trailerLines > Limits.httpFieldLines { return .failed(.tooManyHeaders) }
            if trailerBytes > Limits.httpHeaderBlockSize { return .failed(.headerBlockTooLong) }
            return nil
        case .data:
            return .failed(.malformedChunk)
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
