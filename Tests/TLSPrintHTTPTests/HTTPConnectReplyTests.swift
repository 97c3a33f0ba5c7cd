import TLSPrintCore
import TLSPrintHTTP
import Testing

@Suite struct HTTPConnectReplyTests {
    static let established = Array("HTTP/1.1 200 Connection established\r\nProxy-Agent: test\r\n\r\n".utf8)

    @Test func findsTheEndOfA2xxAnswer() {
        let tunnel: [UInt8] = [0x16, 0x03, 0x03, 0x00, 0x7A, 0x02]
        #expect(HTTPConnectReply.scan((Self.established + tunnel).span) == .established(headLength: 58))
        #expect(HTTPConnectReply.scan(Array("HTTP/1.0 200\n\n".utf8).span) == .established(headLength: 14))
    }

    @Test func skipsInterimAnswers() {
        let bytes =
            Array("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n".utf8) + Self.established
        #expect(HTTPConnectReply.scan(bytes.span) == .established(headLength: bytes.count))
    }

    @Test func refusals() {
        #expect(
            HTTPConnectReply.scan(Array("HTTP/1.1 407 Proxy Authentication Required\r\nX: y\r\n\r\n".utf8).span)
                == .refused(statusCode: 407, headLength: 52)
        )
        #expect(
            HTTPConnectReply.scan(Array("HTTP/1.1 101 Switching Protocols\r\n\r\n".utf8).span)
                == .refused(statusCode: 101, headLength: 36)
        )
    }

    @Test func everyPrefixNeedsMoreBytes() {
        for length in 0..<Self.established.count {
            #expect(HTTPConnectReply.scan(Array(Self.established.prefix(length)).span) == .needMoreBytes)
        }
    }

    @Test(arguments: [
        "SSH-2.0-OpenSSH\r\n", "\u{16}\u{03}\u{03}", "HTTP/2 200\r\n\r\n", "HTTP/1.1 20\r\n\r\n",
        "HTTP/1.1 2000\r\n\r\n",
        "HTTP/1.1 099 Low\r\n\r\n", "HTTP/1.1  200\r\n\r\n", "HTTP/1.1 200 OK\r\nBad Header\r\n\r\n",
        "HTTP/1.1 200 OK\rX\r\n\r\n", "http/1.1 200 OK\r\n\r\n",
    ])
    func rejectsWhatIsNotAStatusLine(_ text: String) {
        #expect(HTTPConnectReply.scan(Array(text.utf8).span) == .notHTTP)
    }

    @Test func givesUpPastTheBlockCap() {
        let endless =
            Array("HTTP/1.1 200 OK\r\n".utf8) + Array(repeating: Array("X: y\r\n".utf8), count: 12_000).flatMap { $0 }
        #expect(HTTPConnectReply.scan(endless.span) == .notHTTP)
        #expect(HTTPConnectReply.scan(Array(endless.prefix(1_000)).span) == .needMoreBytes)
    }
}
