import TLSPrintCore
import TLSPrintHTTP
import Testing

@Suite struct HTTPDetectionTests {
    static let lines: [(String, HTTPDetection)] = [
        ("GET / HTTP/1.1\r\n", .yes),
        ("GET / HTTP/1.0\n", .yes),
        ("M-SEARCH * HTTP/1.1\r\n", .yes),
        ("CONNECT example.com:443 HTTP/1.1\r\n", .yes),
        ("get /lower-case-method HTTP/1.1\r\n", .yes),
        ("BREW /pot HTTP/1.1\r\n", .yes),
        ("G", .undecided),
        ("GET", .undecided),
        ("GET /", .undecided),
        ("GET / HTTP/1.", .undecided),
        ("GET / HTTP/1.1", .undecided),
        ("GET / HTTP/1.1\r", .undecided),
        ("\u{16}\u{03}\u{01}\u{02}\u{00}", .no),
        ("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", .no),
        ("\r\nGET / HTTP/1.1\r\n", .no),
        (" GET / HTTP/1.1\r\n", .no),
        ("GET\t/ HTTP/1.1\r\n", .no),
        ("GET /a b HTTP/1.1\r\n", .no),
        ("GET / HTTP/1.2\r\n", .no),
        ("GET / HTTP/1.1 \r\n", .no),
        ("GET / HTTP/1.1\rX", .no),
        ("PRI * HTTP/2.0\r\n", .no),
        ("GET / http/1.1\r\n", .no),
        ("EHLO mail.example.com\r\n", .no),
        ("GET\r\n", .no),
    ]

    @Test(arguments: lines.indices)
    func decides(_ index: Int) {
        let (line, expected) = Self.lines[index]
        #expect(HTTPRequestStream.looksLikeRequestLine(Array(line.utf8).span) == expected, "\(line.debugDescription)")
    }

    /// Detection agrees with the parser: a line it calls HTTP parses as a request head, and one it rejects
    /// does not.
    @Test(arguments: lines.indices)
    func agreesWithTheParser(_ index: Int) {
        let (line, expected) = Self.lines[index]
        guard expected != .undecided else { return }
        let parses = (try? HTTPRequestHead(parsingAll: Array((line + "\r\n").utf8))) != nil
        #expect(parses == (expected == .yes), "\(line.debugDescription)")
    }

    /// A stream fed from the direction's first byte says the same, one byte at a time.
    @Test(arguments: lines.indices)
    func streamDetectsIncrementally(_ index: Int) {
        let (line, expected) = Self.lines[index]
        var stream = HTTPRequestStream()
        var answers: [HTTPDetection] = []
        for byte in line.utf8 {
            _ = stream.feed([byte])
            answers.append(stream.detection)
        }
        #expect(stream.detection == expected, "\(line.debugDescription)")
        // Undecided until the verdict, then the verdict for good.
        #expect(answers.drop { $0 == .undecided }.allSatisfy { $0 == expected }, "\(line.debugDescription)")
    }

    @Test func everyPrefixOfARequestLineIsUndecided() {
        let line = Array("OPTIONS /some/path?x=%C3%A9 HTTP/1.1\r\n".utf8)
        for length in 0..<line.count {
            #expect(HTTPRequestStream.looksLikeRequestLine(Array(line.prefix(length)).span) == .undecided)
        }
        #expect(HTTPRequestStream.looksLikeRequestLine(line.span) == .yes)
    }

    @Test func decidesWithinTheLineCap() {
        let long = Array("GET /".utf8) + [UInt8](repeating: 0x61, count: Limits.httpLineLength - 5)
        #expect(HTTPRequestStream.looksLikeRequestLine(long.span) == .undecided)
        #expect(HTTPRequestStream.looksLikeRequestLine((long + [0x61]).span) == .no)
        #expect(HTTPRequestStream.looksLikeRequestLine(Array(String(repeating: "A", count: 65).utf8).span) == .no)
    }
}
