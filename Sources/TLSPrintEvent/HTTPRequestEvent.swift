import TLSPrintCore

/// `http_request`: one complete HTTP/1.x request header block.
package struct HTTPRequestEvent: Hashable, Sendable {
    package var timestamp: CaptureTimestamp
    package var endpoints: EventEndpoints
    /// Wire bytes: any token method.
    package var method: [UInt8]
    /// `1.0` or `1.1`.
    package var version: String
    /// Host, request-target and User-Agent as sent, each cut at 2,048 bytes.
    package var host: [UInt8]?
    package var uri: [UInt8]
    package var userAgent: [UInt8]?
    package var ja4h: String
    package var ja4hRaw: String
    package var ja4hRawOriginal: String
    package var tcp: TCPFacts
    /// Labels and source file, added after the fingerprints.
    package var annotations = EventAnnotations()

    package init(
        timestamp: CaptureTimestamp,
        endpoints: EventEndpoints,
        method: [UInt8],
        version: String,
        host: [UInt8]?,
        uri: [UInt8],
        userAgent: [UInt8]?,
        ja4h: String,
        ja4hRaw: String,
        ja4hRawOriginal: String,
        tcp: TCPFacts
    ) {
        self.timestamp = timestamp
        self.endpoints = endpoints
        self.method = method
        self.version = version
        self.host = host
        self.uri = uri
        self.userAgent = userAgent
        self.ja4h = ja4h
        self.ja4hRaw = ja4hRaw
        self.ja4hRawOriginal = ja4hRawOriginal
        self.tcp = tcp
    }

    /// The fields in contract order.
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        endpoints.write(to: &writer)
        writer.text("http_method", method)
        writer.string("http_version", version)
        if let host { writer.text("http_host", host) }
        writer.text("http_uri", uri)
        if let userAgent { writer.text("http_user_agent", userAgent) }
        writer.string("ja4h", ja4h)
        writer.string("ja4h_r", ja4hRaw)
        writer.string("ja4h_ro", ja4hRawOriginal)
        tcp.write(to: &writer)
        annotations.write(to: &writer)
    }
}
