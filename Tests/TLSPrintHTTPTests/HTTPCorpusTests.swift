import Foundation
import TLSPrintHTTP
import TLSPrintTestSupport
import Testing

/// The client streams of the FoxIO captures with plain HTTP, read in place from shared/corpus.
@Suite struct HTTPCorpusTests {
    static func streams() throws -> [FoxIOHTTPStream]? {
        let streams = try FoxIOHTTPCorpus.plainStreams()
        if streams == nil {
            if SharedCorpus.isCI { Issue.record("shared/ corpus not found: set TLSPRINT_SHARED") }
            print("skipped: shared/ corpus not found (set TLSPRINT_SHARED)")
        }
        return streams
    }

    /// Every request the reference saw in the clear is a complete head here, and no other: 73 of 73.
    @Test func everyPlainRequestIsFound() throws {
        guard let streams = try Self.streams() else { return }
        var found = 0
        var expected = 0
        for stream in streams {
            expected += stream.ja4h.count
            let conversation = try #require(stream.conversation, "\(stream.location): connection not found")
            let outcome = HTTPTestInput.whole(conversation.clientBytes)
            #expect(outcome.heads.count == stream.ja4h.count, "\(stream.location): \(outcome)")
            #expect(outcome.stopReason == nil || outcome.stopReason == .tunnel, "\(stream.location): \(outcome)")
            found += min(outcome.heads.count, stream.ja4h.count)
        }
        print("FoxIO plain HTTP requests found: \(found) of \(expected) in \(streams.count) streams")
        #expect(expected == 73)
        #expect(found == expected)
    }

    @Test func corpusStreamsDoNotDependOnSegmentation() throws {
        guard let streams = try Self.streams() else { return }
        for (index, stream) in streams.enumerated() {
            let bytes = try #require(stream.conversation).clientBytes
            let whole = HTTPTestInput.whole(bytes)
            #expect(HTTPTestInput.drip(bytes) == whole, "\(stream.location)")
            #expect(HTTPTestInput.randomSplits(bytes, seed: UInt64(index + 1)) == whole, "\(stream.location)")
        }
    }

    /// https-connect.pcap: a CONNECT, the proxy's `200`, then TLS in both directions.
    @Test func connectOpensATunnelAfterTheProxyAnswers() throws {
        guard let streams = try Self.streams() else { return }
        let conversation = try #require(streams.first { $0.capture == "https-connect.pcap" }?.conversation)
        var client = HTTPRequestStream()
        let heads = client.feed(conversation.clientBytes)
        #expect(heads.map(\.isConnect) == [true])
        #expect(client.stopReason == .tunnel)
        #expect(client.tunnelOffset == 84)
        #expect(conversation.clientBytes.dropFirst(84).prefix(3) == [0x16, 0x03, 0x01])
        #expect(HTTPConnectReply.scan(conversation.serverBytes.span) == .established(headLength: 134))
        #expect(conversation.serverBytes.dropFirst(134).first == 0x16)
    }

    /// gre-erspan-vxlan.pcap carries `GET /Hello Arkime HTTP/1.0`: a space inside the request-target. The Rust
    /// reference reports no JA4H for it (tshark reads the version as `Arkime HTTP/1.0`); FoxIO's Wireshark
    /// plugin reports `ge10nn000000_…`. RFC 9112 §3 has no space in a request-target, so tlsprint agrees
    /// with the Rust reference.
    @Test func requestTargetWithASpaceIsNotARequest() throws {
        guard let root = SharedCorpus.root else { return }
        let frames = try ReplayFrame.read(root.appendingPathComponent("corpus/foxio/pcap/gre-erspan-vxlan.pcap").path)
        let conversation = try #require(TCPConversation.extract(from: frames).first)
        #expect(conversation.clientBytes.starts(with: Array("GET /Hello Arkime HTTP/1.0\r\n".utf8)))
        #expect(HTTPRequestStream.looksLikeRequestLine(conversation.clientBytes.span) == .no)
        let outcome = HTTPTestInput.whole(conversation.clientBytes)
        #expect(outcome.heads.isEmpty)
        #expect(outcome.stopReason == .malformedRequestLine)
    }
}
