import TLSPrintCore

// RFC 9112 §2.2: "In the interest of robustness, a server that is expecting to receive and parse a
// request-line SHOULD ignore at least one empty line (CRLF) received prior to the request-line."
// RFC 9112 §9.3: a client may send several requests on one connection (persistence) without waiting for
// each response (pipelining); each request's body is delimited as RFC 9112 §6.3 says.

/// Turns the in-order bytes of one client direction of a TCP stream into complete HTTP/1.x request heads.
///
/// Feed it chunks of any size, down to one byte. It yields every complete head (keep-alive and pipelined
/// requests each count), skips request bodies by Content-Length or chunked coding without copying them,
/// and stops for good with an `HTTPStopReason`. It buffers only the head being read: at most
/// `Limits.httpHeaderBlockSize` bytes.
package struct HTTPRequestStream: Sendable {
    enum Phase: Hashable, Sendable {
        /// Skipping empty lines before a request line.
        case betweenRequests
        /// Reading a request line.
        case requestLine(HTTPRequestLineScanner)
        /// Reading field lines up to the empty line.
        case fields
        /// Skipping a body of known length.
        case body(remaining: Int)
        /// Skipping a chunked body.
        case chunked(HTTPChunkedBody)
        /// Nothing more is read.
        case stopped(HTTPStopReason)
    }

    /// The direction starts with a request line: leading empty lines are skipped only between requests,
    /// so the stream and `looksLikeRequestLine` agree on the first bytes.
    var phase = Phase.requestLine(HTTPRequestLineScanner())
    /// The head being read, from the first byte of its request line.
    var head: [UInt8] = []
    /// Content bytes of the field line being read.
    var fieldLineLength = 0
    /// Field lines of the head being read.
    var fieldLines = 0
    /// A CR was read in a field line; only LF may follow.
    var pendingCarriageReturn = false

    /// True once the direction's first request line was complete and valid.
    var sawRequestLine = false

    /// Complete request heads yielded so far.
    package private(set) var requestCount = 0
    /// Stream bytes fed so far (offsets count from the first byte of the direction).
    package private(set) var offset = 0
    /// After a `CONNECT` head: the stream offset of the first tunnel byte.
    package private(set) var tunnelOffset: Int?

    /// A stream reader at the first byte of a client direction.
    package init() {}

    /// Why reading stopped, or nil while it goes on.
    package var stopReason: HTTPStopReason? {
        if case .stopped(let reason) = phase { return reason }
        return nil
    }

    /// What the bytes fed so far say about HTTP, exactly as `looksLikeRequestLine` would say it of them:
    /// the incremental form for a sensor that feeds the stream from the direction's first byte.
    package var detection: HTTPDetection {
        if sawRequestLine { return .yes }
        return stopReason == nil ? .undecided : .no
    }

    /// Bytes held for the head being read (the sensor's memory budget counts them).
    package var bufferedBytes: Int { head.count }

    /// Decides from the first bytes of a stream whether it opens with an HTTP/1.x request line.
    ///
    /// Reads only as far as it must: `.no` often after one byte, `.yes` at the end of the request line,
    /// `.undecided` while a valid line has not ended (at most `Limits.httpLineLength` bytes).
    package static func looksLikeRequestLine(_ prefix: Span<UInt8>) -> HTTPDetection {
        var detector = HTTPRequestLineDetector()
        return detector.scan(prefix)
    }

    /// Consumes the next bytes of the direction; returns the request heads they completed, in order.
    package mutating func feed(_ bytes: Span<UInt8>) -> [HTTPRequestHead] {
        var reader = ByteReader(bytes, base: offset)
        var heads: [HTTPRequestHead] = []
        defer { offset += bytes.count }
        while !reader.isAtEnd {
            switch phase {
            case .stopped:
                return heads
            case .body(let remaining):
                let count = min(remaining, reader.remaining)
                _ = try? reader.skip(count)
                phase = count == remaining ? .betweenRequests : .body(remaining: remaining - count)
            case .chunked(var body):
                switch body.consume(&reader) {
                case .needMoreBytes: phase = .chunked(body)
                case .finished: phase = .betweenRequests
                case .failed(let reason): stop(reason)
                }
            case .betweenRequests:
                guard let byte = reader.byte(at: 0) else { return heads }
                if byte == HTTPSyntax.carriageReturn || byte == HTTPSyntax.lineFeed {
                    _ = try? reader.skip(1)
                } else {
                    phase = .requestLine(HTTPRequestLineScanner())
                }
            case .requestLine(var scanner):
                guard let byte = try? reader.readUInt8() else { return heads }
                head.append(byte)
                requestLineByte(byte, scanner: &scanner)
            case .fields:
                guard let byte = try? reader.readUInt8() else { return heads }
                if let parsed = fieldByte(byte, endingAt: reader.offset) { heads.append(parsed) }
            }
        }
        return heads
    }

    /// Consumes the next bytes of the direction (array convenience).
    package mutating func feed(_ bytes: [UInt8]) -> [HTTPRequestHead] {
        feed(bytes.span)
    }

    private mutating func requestLineByte(_ byte: UInt8, scanner: inout HTTPRequestLineScanner) {
        switch scanner.consume(byte) {
        case .undecided:
            phase = .requestLine(scanner)
        case .complete:
            sawRequestLine = true
            phase = .fields
            fieldLineLength = 0
            fieldLines = 0
            pendingCarriageReturn = false
        case .notHTTP:
            stop(.notHTTP)
        case .malformed:
            stop(.malformedRequestLine)
        case .tooLong:
            stop(.lineTooLong)
        }
    }

    /// Takes one byte of the field lines; returns the head when this byte completed it.
    private mutating func fieldByte(_ byte: UInt8, endingAt end: Int) -> HTTPRequestHead? {
        head.append(byte)
        guard head.count <= Limits.httpHeaderBlockSize else {
            stop(.headerBlockTooLong)
            return nil
        }
        if pendingCarriageReturn {
            pendingCarriageReturn = false
            guard byte == HTTPSyntax.lineFeed else {
                stop(.malformedHeaderField)
                return nil
            }
            return endOfFieldLine(at: end)
        }
        switch byte {
        case HTTPSyntax.carriageReturn:
            pendingCarriageReturn = true
        case HTTPSyntax.lineFeed:
            return endOfFieldLine(at: end)
        default:
            fieldLineLength += 1
            if fieldLineLength > Limits.httpLineLength { stop(.lineTooLong) }
        }
        return nil
    }

    private mutating func endOfFieldLine(at end: Int) -> HTTPRequestHead? {
        guard fieldLineLength == 0 else {
            fieldLineLength = 0
            fieldLines += 1
            if fieldLines > Limits.httpFieldLines { stop(.tooManyHeaders) }
            return nil
        }
        return finishHead(at: end)
    }

    /// Parses the complete head in `head` and sets up what follows it.
    private mutating func finishHead(at end: Int) -> HTTPRequestHead? {
        let parsed: HTTPRequestHead
        do throws(ParseError) {
            parsed = try HTTPRequestHead(parsingAll: head)
        } catch {
            // The request line, line lengths, line count and block size were checked on the way in.
            stop(error.reason == .limitExceeded ? .headerBlockTooLong : .malformedHeaderField)
            return nil
        }
        head = []
        requestCount += 1
        switch HTTPBodyFraming(parsed) {
        case .none:
            phase = .betweenRequests
        case .length(let length):
            phase = .body(remaining: length)
        case .chunked:
            phase = .chunked(HTTPChunkedBody())
        case .tunnel:
            tunnelOffset = end
            stop(.tunnel)
        case .invalid(let reason):
            stop(reason)
        }
        return parsed
    }

    private mutating func stop(_ reason: HTTPStopReason) {
        phase = .stopped(reason)
        head = []
    }
}
