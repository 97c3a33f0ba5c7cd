import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintHTTP

extension FuzzHarness {
    /// Byte 0 seeds the segmentation (`chunks`), the rest is the client direction of an HTTP/1.x stream.
    ///
    /// Every request head gets its JA4H in all three forms. The same bytes in one piece must give the same
    /// heads and the same stop, the head buffer stays within its cap, and the detector agrees with the stream
    /// about the first request line. The input is also read as a proxy's answer to CONNECT.
    @discardableResult
    package static func http(_ bytes: [UInt8]) -> [HTTPRequestHead] {
        guard let seed = bytes.first else { return [] }
        let input = Array(bytes.dropFirst())
        var stream = HTTPRequestStream()
        var heads: [HTTPRequestHead] = []
        for chunk in chunks(input, seed: seed) {
            heads += stream.feed(Array(chunk))
            precondition(stream.bufferedBytes <= Limits.httpHeaderBlockSize, "head buffer above its cap")
        }
        var whole = HTTPRequestStream()
        let once = whole.feed(input)
        precondition(once == heads, "segmentation changed the requests")
        precondition(whole.stopReason == stream.stopReason, "segmentation changed the stop reason")
        precondition(whole.tunnelOffset == stream.tunnelOffset, "segmentation changed the tunnel offset")
        for head in heads {
            precondition(head.fields.count <= Limits.httpFieldLines, "field cap")
            let ja4h = JA4H(head)
            precondition(ja4h.sectionA.utf8.count == 12, "JA4H section a is not 12 bytes")
            _ = (ja4h.hashed, ja4h.raw, ja4h.rawOriginalOrder)
        }
        let detection = HTTPRequestStream.looksLikeRequestLine(input.span)
        precondition(stream.detection == detection && whole.detection == detection, "detector and stream disagree")
        precondition(detection == .yes || heads.isEmpty, "a request on a stream the detector did not accept")
        if case .established(let length) = HTTPConnectReply.scan(input.span) {
            precondition(length > 0 && length <= input.count, "tunnel start outside the input")
        }
        return heads
    }
}
