import TLSPrintCore

/// The server's half of a handshake, from its first ServerHello.
package struct ServerFingerprints: Hashable, Sendable {
    /// The protocol the server selected with ALPN, raw.
    package var alpnSelected: [UInt8]?
    package var ja3s: String
    package var ja3sFull: String
    package var ja4s: String
    package var ja4sRaw: String

    package init(alpnSelected: [UInt8]?, ja3s: String, ja3sFull: String, ja4s: String, ja4sRaw: String) {
        self.alpnSelected = alpnSelected
        self.ja3s = ja3s
        self.ja3sFull = ja3sFull
        self.ja4s = ja4s
        self.ja4sRaw = ja4sRaw
    }
}

/// `tls_session`: the first ServerHello (a HelloRetryRequest included), with the client's fields when its
/// ClientHello was seen.
package struct TLSSessionEvent: Hashable, Sendable {
    package var timestamp: CaptureTimestamp
    package var endpoints: EventEndpoints
    /// The version the server selected.
    package var tlsVersion: String
    /// The client's half; nil when the ClientHello was not seen (then only an empty `sni` is written).
    package var client: ClientFingerprints?
    package var server: ServerFingerprints
    /// JA4TS of the server's SYN-ACK (TCP only).
    package var ja4ts: String?
    package var latency: LatencyFields
    /// Whether the server accepted the resumption the client offered; nil when none was offered or unknown.
    package var resumptionAccepted: Bool?
    /// True for a HelloRetryRequest.
    package var hrr: Bool
    /// Labels and source file, added after the fingerprints.
    package var annotations = EventAnnotations()

    package init(
        timestamp: CaptureTimestamp,
        endpoints: EventEndpoints,
        tlsVersion: String,
        client: ClientFingerprints?,
        server: ServerFingerprints,
        ja4ts: String?,
        latency: LatencyFields,
        resumptionAccepted: Bool?,
        hrr: Bool
    ) {
        self.timestamp = timestamp
        self.endpoints = endpoints
        self.tlsVersion = tlsVersion
        self.client = client
        self.server = server
        self.ja4ts = ja4ts
        self.latency = latency
        self.resumptionAccepted = resumptionAccepted
        self.hrr = hrr
    }

    /// The fields in contract order: client and server fields interleave as the contract lists them.
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        endpoints.write(to: &writer)
        writer.string("tls_version", tlsVersion)
        writer.text("sni", client?.serverName ?? [])
        if let client, !client.alpn.isEmpty { writer.texts("alpn", client.alpn) }
        if let selected = server.alpnSelected { writer.text("alpn_selected", selected) }
        client?.writeJA3AndJA4(to: &writer)
        writer.string("ja3s", server.ja3s)
        writer.string("ja3s_full", server.ja3sFull)
        writer.string("ja4s", server.ja4s)
        writer.string("ja4s_r", server.ja4sRaw)
        client?.writeRawLists(to: &writer)
        if let ja4ts { writer.string("ja4ts", ja4ts) }
        latency.write(to: &writer)
        if let client, !client.resumption.isEmpty { writer.strings("resumption", client.resumption) }
        if let resumptionAccepted { writer.bool("resumption_accepted", resumptionAccepted) }
        writer.bool("hrr", hrr)
        annotations.write(to: &writer)
    }
}
