import TLSPrintCore
import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintHTTP

extension Sensor {
    /// Host, request-target and User-Agent are cut at this many bytes on events (counted).
    static let httpFieldLimit = 2_048

    /// The `http_request` event of one request head: JA4H and its raw forms, and the head's fields.
    mutating func httpRequestEvent(
        _ head: HTTPRequestHead,
        endpoints: EventEndpoints,
        tcp: TCPFacts,
        timestamp: CaptureTimestamp
    ) -> HTTPRequestEvent {
        let ja4h = configuration.fingerprints.contains(.ja4h) ? JA4H(head) : nil
        return HTTPRequestEvent(
            timestamp: timestamp,
            endpoints: endpoints,
            method: head.method,
            version: head.version.rawValue,
            host: head.host.map { cut($0) },
            uri: cut(head.target),
            userAgent: head.userAgent.map { cut($0) },
            ja4h: ja4h?.hashed ?? "",
            ja4hRaw: ja4h?.raw ?? "",
            ja4hRawOriginal: ja4h?.rawOriginalOrder ?? "",
            tcp: tcp
        )
    }

    private mutating func cut(_ value: [UInt8]) -> [UInt8] {
        guard value.count > Self.httpFieldLimit else { return value }
        counters.httpFieldsTruncated += 1
        return Array(value.prefix(Self.httpFieldLimit))
    }
}
