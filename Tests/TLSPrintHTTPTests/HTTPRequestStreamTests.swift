import TLSPrintCore
import TLSPrintHTTP
import Testing

@Suite struct HTTPRequestStreamTests {
    typealias Input = HTTPTestInput

    /// Keep-alive traffic: a POST whose body looks like a request, a chunked PUT with an extension and a
    /// trailer, empty lines between requests, a pipelined HEAD, then a CONNECT and the tunnel's first bytes.
    static let keepAlive: [UInt8] =
        Input.head(["POST /form HTTP/1.1", "Host: a", "Content-Length: 18"]) + Input.bytes("GET / HTTP/1.1\r\n\r\n")
        + Input.head(["PUT /up HTTP/1.1", "Host: a", "Transfer-Encoding: gzip, Chunked"])
        + Input.bytes("5;name=\"x\"\r\nhello\r\n0A\r\n0123456789\r\n000\r\nX-Checksum: 1\r\n\r\n")
        + Input.bytes("\r\n\n") + Input.head(["HEAD /h HTTP/1.0"]) + Input.head(["GET /next HTTP/1.1", "Host: b"])
        + Input.head(["CONNECT b:443 HTTP/1.1", "Host: b:443"]) + [0x16, 0x03, 0x01, 0x02, 0x00, 0x01]

    @Test func yieldsEveryRequestAndSkipsBodies() {
        let outcome = Input.whole(Self.keepAlive)
        #expect(
            outcome.heads.map { String(decoding: $0.target, as: UTF8.self) } == [
                "/form", "/up", "/h", "/next", "b:443",
            ]
        )
        #expect(outcome.stopReason == .tunnel)
        #expect(outcome.tunnelOffset == Self.keepAlive.count - 6)
    }

    @Test func transferEncodingWinsOverContentLength() {
        let bytes =
            Input.head(["POST / HTTP/1.1", "Content-Length: 3", "Transfer-Encoding: chunked"])
            + Input.bytes("3\r\nabc\r\n0\r\n\r\n") + Input.head(["GET /second HTTP/1.1"])
        let outcome = Input.whole(bytes)
        #expect(outcome.heads.count == 2)
        #expect(outcome.stopReason == nil)
    }

    @Test func identicalContentLengthsCountAsOne() {
        let bytes =
            Input.head(["POST / HTTP/1.1", "Content-Length: 2, 2", "content-length: 02"]) + Input.bytes("ab")
            + Input.head(["GET /second HTTP/1.1"])
        #expect(Input.whole(bytes).heads.count == 2)
    }

    @Test func hugeButValidContentLengthIsSkippedNotBuffered() {
        var stream = HTTPRequestStream()
        let heads = stream.feed(Input.head(["POST / HTTP/1.1", "Content-Length: 999999999999999999"]))
        #expect(heads.count == 1)
        for _ in 0..<64 { #expect(stream.feed([UInt8](repeating: 0x41, count: 16_384)).isEmpty) }
        #expect(stream.stopReason == nil)
        #expect(stream.bufferedBytes == 0)
    }

    /// A stream input and what it must end in.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var heads: Int
        var stop: HTTPStopReason?
        var testDescription: String { name }

        init(_ name: String, _ bytes: [UInt8], heads: Int, _ stop: HTTPStopReason?) {
            (self.name, self.bytes, self.heads, self.stop) = (name, bytes, heads, stop)
        }
    }

    static let get = Input.head(["GET / HTTP/1.1", "Host: a"])

    static func text(_ text: String) -> [UInt8] { Input.bytes(text) }

    /// A POST with `fields` and `body`, then a GET.
    static func post(_ fields: [String], _ body: String) -> [UInt8] {
        Input.head(["POST /p HTTP/1.1"] + fields) + Input.bytes(body) + get
    }

    static func chunked(_ body: String) -> [UInt8] { post(["Transfer-Encoding: chunked"], body) }

    static let malformed: [Case] = [
        Case("TLS ClientHello", [0x16, 0x03, 0x01, 0x00, 0xA5, 0x01], heads: 0, .notHTTP),
        Case("SSH banner", text("SSH-2.0-OpenSSH_9.2p1 Debian\r\n"), heads: 0, .malformedRequestLine),
        Case("space in target", text("GET /Hello Arkime HTTP/1.0\r\n\r\n"), heads: 0, .malformedRequestLine),
        Case("HTTP/2 preface", text("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), heads: 0, .malformedRequestLine),
        Case("garbage after a request", get + [0x00, 0x01], heads: 1, .notHTTP),
        Case("endless request line", text("GET /") + [UInt8](repeating: 0x61, count: 70_000), heads: 0, .lineTooLong),
        Case(
            "endless header line",
            text("GET / HTTP/1.1\r\nX: ") + Array(repeating: 0x61, count: 70_000),
            heads: 0,
            .lineTooLong
        ),
        Case(
            "10,000 headers",
            Input.head(["GET / HTTP/1.1"] + (0..<10_000).map { "X-\($0): v" }),
            heads: 0,
            .tooManyHeaders
        ),
        Case(
            "header block over 64 KiB",
            Input.head(["GET / HTTP/1.1"] + Array(repeating: "X: " + String(repeating: "v", count: 400), count: 200)),
            heads: 0,
            .headerBlockTooLong
        ),
        Case("NUL in a value", text("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n"), heads: 0, .malformedHeaderField),
        Case("bare CR in a field", text("GET / HTTP/1.1\r\nX: a\rb\r\n\r\n"), heads: 0, .malformedHeaderField),
        Case(
            "non-UTF-8 name",
            text("GET / HTTP/1.1\r\n") + [0xC3, 0x28] + text(": a\r\n\r\n"),
            heads: 0,
            .malformedHeaderField
        ),
        Case("non-UTF-8 value", text("GET / HTTP/1.1\r\nX: ") + [0xC3, 0x28, 0xFF] + text("\r\n\r\n"), heads: 1, nil),
        Case(
            "Content-Length over 18 digits",
            post(["Content-Length: 9999999999999999999"], ""),
            heads: 1,
            .invalidContentLength
        ),
        Case(
            "Content-Length 2^64",
            post(["Content-Length: 18446744073709551616"], ""),
            heads: 1,
            .invalidContentLength
        ),
        Case("negative Content-Length", post(["Content-Length: -1"], ""), heads: 1, .invalidContentLength),
        Case("Content-Length with a sign", post(["Content-Length: +1"], "a"), heads: 1, .invalidContentLength),
        Case("hex Content-Length", post(["Content-Length: 0x10"], ""), heads: 1, .invalidContentLength),
        Case("empty Content-Length", post(["Content-Length:"], ""), heads: 1, .invalidContentLength),
        Case(
            "conflicting Content-Lengths",
            post(["Content-Length: 1", "Content-Length: 2"], "ab"),
            heads: 1,
            .invalidContentLength
        ),
        Case("conflicting Content-Length list", post(["Content-Length: 1, 2"], "ab"), heads: 1, .invalidContentLength),
        Case("leading zeros", post(["Content-Length: 0000000000000000000000001"], "a"), heads: 2, nil),
        Case("Transfer-Encoding gzip", post(["Transfer-Encoding: gzip"], ""), heads: 1, .invalidTransferEncoding),
        Case("chunked not last", post(["Transfer-Encoding: chunked, gzip"], ""), heads: 1, .invalidTransferEncoding),
        Case(
            "chunked twice",
            post(["Transfer-Encoding: chunked", "Transfer-Encoding: chunked"], "0\r\n\r\n"),
            heads: 1,
            .invalidTransferEncoding
        ),
        Case(
            "chunked with HTTP/1.0",
            Input.head(["POST / HTTP/1.0", "Transfer-Encoding: chunked"]) + text("0\r\n\r\n"),
            heads: 1,
            .invalidTransferEncoding
        ),
        Case("chunk size not hex", chunked("zz\r\n"), heads: 1, .malformedChunk),
        Case("negative chunk size", chunked("-1\r\n"), heads: 1, .malformedChunk),
        Case("0x chunk size", chunked("0x10\r\n"), heads: 1, .malformedChunk),
        Case("empty chunk size", chunked("\r\n"), heads: 1, .malformedChunk),
        Case("chunk size of 16 hex digits", chunked("1000000000000000\r\n"), heads: 1, .malformedChunk),
        Case("chunk size of 15 hex digits, leading zeros", chunked("000FFFFFFFFFFFFFFF\r\n"), heads: 1, nil),
        Case("chunk longer than its size", chunked("2\r\nabc\r\n0\r\n\r\n"), heads: 1, .malformedChunk),
        Case("bare CR after chunk data", chunked("2\r\nab\rX"), heads: 1, .malformedChunk),
        Case("endless chunk extension", chunked("1;" + String(repeating: "e", count: 20_000)), heads: 1, .lineTooLong),
        Case("trailer flood", chunked("0\r\n" + String(repeating: "T: 1\r\n", count: 300)), heads: 1, .tooManyHeaders),
        Case("chunked with trailers", chunked("1\r\na\r\n0;x=1\r\nT: 1\r\n\r\n"), heads: 2, nil),
    ]

    @Test(arguments: malformed)
    func endsAsExpected(_ input: Case) {
        let outcome = Input.whole(input.bytes)
        #expect(outcome.heads.count == input.heads)
        #expect(outcome.stopReason == input.stop)
        let fed = Input.run(
            stride(from: 0, to: input.bytes.count, by: 1_024).map {
                input.bytes[$0..<min($0 + 1_024, input.bytes.count)]
            }
        )
        #expect(fed == outcome)
        #expect(fed.peakBuffer <= Limits.httpHeaderBlockSize)
    }

    /// Every prefix of a request is an unfinished request: no head, no stop.
    @Test func everyTruncationWaits() {
        let bytes = HTTPRequestHeadTests.browser
        for length in 0..<bytes.count {
            var stream = HTTPRequestStream()
            #expect(stream.feed(Array(bytes.prefix(length))).isEmpty, "prefix \(length)")
            #expect(stream.stopReason == nil, "prefix \(length)")
        }
        var stream = HTTPRequestStream()
        #expect(stream.feed(bytes).count == 1)
    }

    static let segmentationInputs: [[UInt8]] = [keepAlive, HTTPRequestHeadTests.browser] + malformed.map(\.bytes)

    @Test(arguments: segmentationInputs.indices)
    func segmentationDoesNotChangeTheRequests(_ index: Int) {
        let bytes = Self.segmentationInputs[index]
        let whole = Input.whole(bytes)
        #expect(Input.drip(bytes) == whole)
        for seed: UInt64 in [1, 2, 3, 0xC0FFEE] { #expect(Input.randomSplits(bytes, seed: seed) == whole) }
    }
}
