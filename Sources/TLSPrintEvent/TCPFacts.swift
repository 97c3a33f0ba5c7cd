/// The TCP handshake fields every SSH and HTTP event carries when the stream's SYN was seen: `ja4t`,
/// `ja4ts` and JA4L, as on TLS events.
package struct TCPFacts: Hashable, Sendable {
    package var ja4t: String?
    package var ja4ts: String?
    package var latency: LatencyFields

    package init(ja4t: String? = nil, ja4ts: String? = nil, latency: LatencyFields = LatencyFields()) {
        self.ja4t = ja4t
        self.ja4ts = ja4ts
        self.latency = latency
    }

    func write<W: EventFieldWriter>(to writer: inout W) {
        if let ja4t { writer.string("ja4t", ja4t) }
        if let ja4ts { writer.string("ja4ts", ja4ts) }
        latency.write(to: &writer)
    }
}
