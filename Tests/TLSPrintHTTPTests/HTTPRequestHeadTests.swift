import TLSPrintCore
import TLSPrintHTTP
import Testing

@Suite struct HTTPRequestHeadTests {
    /// A Firefox-style request: mixed-case names, a Cookie, an Accept-Language list, an absolute path with a
    /// query.
    static let browser = HTTPTestInput.head([
        "GET /search?q=tls%20print&lang=en HTTP/1.1",
        "Host: www.example.org",
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language: en-US,en;q=0.5",
        "Accept-Encoding: gzip, deflate",
        "Connection: keep-alive",
        "Cookie: session=abc123; theme=dark",
        "Upgrade-Insecure-Requests: 1",
    ])

    @Test func parsesBrowserRequest() throws {
        let head = try HTTPRequestHead(parsingAll: Self.browser)
        #expect(head.method == HTTPTestInput.bytes("GET"))
        #expect(head.target == HTTPTestInput.bytes("/search?q=tls%20print&lang=en"))
        #expect(head.version == .http11)
        #expect(head.fields.count == 8)
        #expect(
            head.fields.map(\.name)
                == [
                    "Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding",
                    "Connection", "Cookie", "Upgrade-Insecure-Requests",
                ].map(HTTPTestInput.bytes)
        )
        #expect(head.host == HTTPTestInput.bytes("www.example.org"))
        #expect(head.userAgent?.starts(with: HTTPTestInput.bytes("Mozilla/5.0 (X11;")) == true)
        #expect(head.firstValue(named: "accept-encoding") == HTTPTestInput.bytes("gzip, deflate"))
        #expect(!head.isConnect)
    }

    @Test func consumesExactlyTheHeadAndLeavesTheBody() throws {
        let bytes = HTTPTestInput.head(["POST /upload HTTP/1.0", "Content-Length: 4"]) + HTTPTestInput.bytes("body")
        var reader = ByteReader(bytes.span)
        let head = try HTTPRequestHead(parsing: &reader)
        #expect(head.version == .http10)
        #expect(reader.remaining == 4)
        #expect(throws: ParseError.self) { try HTTPRequestHead(parsingAll: bytes) }
    }

    @Test func acceptsBareLineFeedsAndJoinsObsoleteFolds() throws {
        let bytes = HTTPTestInput.bytes("GET / HTTP/1.1\nHost: a\nX-Folded: one\r\n  two\r\n\ttwo-b\nX-Empty:\n\n")
        let head = try HTTPRequestHead(parsingAll: bytes)
        #expect(
            head.fields == [
                HTTPField(name: HTTPTestInput.bytes("Host"), value: HTTPTestInput.bytes("a")),
                HTTPField(name: HTTPTestInput.bytes("X-Folded"), value: HTTPTestInput.bytes("one two two-b")),
                HTTPField(name: HTTPTestInput.bytes("X-Empty"), value: []),
            ]
        )
    }

    @Test func keepsDuplicatesCaseAndWhitespaceInsideValues() throws {
        let bytes = HTTPTestInput.head(["OPTIONS * HTTP/1.1", "x-a:  1  2 \t", "X-A: 3", "HOST:h"])
        let head = try HTTPRequestHead(parsingAll: bytes)
        #expect(head.values(named: "x-a") == [HTTPTestInput.bytes("1  2"), HTTPTestInput.bytes("3")])
        #expect(head.fields.first?.name == HTTPTestInput.bytes("x-a"))
        #expect(head.host == HTTPTestInput.bytes("h"))
        #expect(head.target == HTTPTestInput.bytes("*"))
    }

    @Test func acceptsAnyTokenMethodAndConnect() throws {
        let search = try HTTPRequestHead(parsingAll: HTTPTestInput.head(["M-SEARCH * HTTP/1.1", "MAN: x"]))
        #expect(search.method == HTTPTestInput.bytes("M-SEARCH"))
        let connect = try HTTPRequestHead(parsingAll: HTTPTestInput.head(["CONNECT example.com:443 HTTP/1.1"]))
        #expect(connect.isConnect)
        #expect(connect.fields.isEmpty)
    }

    @Test(arguments: 0..<browser.count)
    func everyTruncationIsRejected(length: Int) {
        #expect(throws: ParseError.self) { try HTTPRequestHead(parsingAll: Array(Self.browser.prefix(length))) }
    }

    @Test func capsHoldAtTheirEdges() throws {
        let most = ["GET / HTTP/1.1"] + (0..<Limits.httpFieldLines).map { "X-\($0): v" }
        #expect(try HTTPRequestHead(parsingAll: HTTPTestInput.head(most)).fields.count == Limits.httpFieldLines)
        #expect {
            try HTTPRequestHead(parsingAll: HTTPTestInput.head(most + ["X-Last: v"]))
        } throws: { ($0 as? ParseError)?.reason == .limitExceeded }
        let longest = "X: " + String(repeating: "v", count: Limits.httpLineLength - 3)
        #expect(try HTTPRequestHead(parsingAll: HTTPTestInput.head(["GET / HTTP/1.1", longest])).fields.count == 1)
        #expect {
            try HTTPRequestHead(parsingAll: HTTPTestInput.head(["GET / HTTP/1.1", longest + "v"]))
        } throws: { ($0 as? ParseError)?.reason == .limitExceeded }
        // Five lines of 16,000 bytes pass every line cap but not the 64 KiB block cap.
        let wide = (0..<5).map { "X-\($0): " + String(repeating: "w", count: 16_000) }
        #expect {
            try HTTPRequestHead(parsingAll: HTTPTestInput.head(["GET / HTTP/1.1"] + wide))
        } throws: { ($0 as? ParseError)?.reason == .limitExceeded }
    }

    /// One malformed head and the reason it is rejected with.
    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var reason: ParseError.Reason
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ reason: ParseError.Reason = .invalidValue) {
            self.name = name
            self.bytes = HTTPTestInput.bytes(text)
            self.reason = reason
        }
    }

    static let malformed: [Malformed] = [
        Malformed("empty method", " / HTTP/1.1\r\n\r\n"),
        Malformed("method with a slash", "GE/T / HTTP/1.1\r\n\r\n"),
        Malformed("method too long", String(repeating: "G", count: 65) + " / HTTP/1.1\r\n\r\n", .limitExceeded),
        Malformed("two spaces", "GET  / HTTP/1.1\r\n\r\n"),
        Malformed("space in target", "GET /Hello Arkime HTTP/1.0\r\n\r\n"),
        Malformed("tab separator", "GET\t/ HTTP/1.1\r\n\r\n"),
        Malformed("no version", "GET /\r\n\r\n"),
        Malformed("HTTP/0.9 line", "GET / HTTP/0.9\r\n\r\n"),
        Malformed("HTTP/1.2", "GET / HTTP/1.2\r\n\r\n"),
        Malformed("HTTP/2.0 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
        Malformed("lower-case version", "GET / http/1.1\r\n\r\n"),
        Malformed("trailing space", "GET / HTTP/1.1 \r\n\r\n"),
        Malformed("bare CR in request line", "GET /\r HTTP/1.1\r\n\r\n"),
        Malformed("bare CR ending a field", "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n"),
        Malformed("space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n"),
        Malformed("no colon", "GET / HTTP/1.1\r\nHost a\r\n\r\n"),
        Malformed("empty name", "GET / HTTP/1.1\r\n: a\r\n\r\n"),
        Malformed("name with a slash", "GET / HTTP/1.1\r\nX/Y: a\r\n\r\n"),
        Malformed("fold before the first field", "GET / HTTP/1.1\r\n folded\r\nHost: a\r\n\r\n"),
        Malformed("line after the end", "GET / HTTP/1.1\r\n\r\nHost: a\r\n", .trailingBytes),
        Malformed("no empty line", "GET / HTTP/1.1\r\nHost: a\r\n", .truncated),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedHead(_ input: Malformed) {
        #expect {
            _ = try HTTPRequestHead(parsingAll: input.bytes)
        } throws: { error in
            (error as? ParseError)?.reason == input.reason
        }
    }

    /// A hostile byte in one place of a request, and whether the head must still parse.
    struct HostileByte: Sendable, CustomTestStringConvertible {
        var place: String
        var byte: UInt8
        var parses: Bool
        var bytes: [UInt8]
        var testDescription: String { "\(place) 0x\(String(byte, radix: 16))" }
    }

    /// NUL, a C1 control, an invalid UTF-8 lead and continuation byte, and 0xFF in every field of a request.
    static let hostileBytes: [HostileByte] = {
        let places: [(String, String, String, Bool)] = [
            // (place, text before the byte, text after it, whether a byte above 0x7F is allowed there)
            ("method", "GE", "T /a HTTP/1.1\r\nHost: h\r\n\r\n", false),
            ("target", "GET /a", "b HTTP/1.1\r\nHost: h\r\n\r\n", true),
            ("version", "GET /a HTTP/1", ".1\r\nHost: h\r\n\r\n", false),
            ("field name", "GET /a HTTP/1.1\r\nHo", "st: h\r\n\r\n", false),
            ("field value", "GET /a HTTP/1.1\r\nHost: h", "h\r\n\r\n", true),
            ("cookie value", "GET /a HTTP/1.1\r\nCookie: a=", "1; b=2\r\n\r\n", true),
            ("folded value", "GET /a HTTP/1.1\r\nX: a\r\n b", "c\r\n\r\n", true),
        ]
        return places.flatMap { place, before, after, allowsHigh in
            [0x00, 0x85, 0xC3, 0x80, 0xFF].map { (byte: UInt8) in
                HostileByte(
                    place: place,
                    byte: byte,
                    parses: byte >= 0x80 && allowsHigh,
                    bytes: HTTPTestInput.bytes(before) + [byte] + HTTPTestInput.bytes(after)
                )
            }
        }
    }()

    @Test(arguments: hostileBytes)
    func hostileByteIsKeptOrRejected(_ input: HostileByte) throws {
        guard input.parses else {
            #expect(throws: ParseError.self) { try HTTPRequestHead(parsingAll: input.bytes) }
            return
        }
        // Kept as sent, never decoded: the byte is in the target or in some value.
        let head = try HTTPRequestHead(parsingAll: input.bytes)
        #expect(head.target.contains(input.byte) || head.fields.contains { $0.value.contains(input.byte) })
    }
}
