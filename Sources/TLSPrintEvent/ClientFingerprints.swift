import TLSPrintCore

/// The client's half of a handshake: what `tls_client_hello` reports and `tls_session` repeats.
package struct ClientFingerprints: Hashable, Sendable {
    /// SNI host name bytes (empty when absent).
    package var serverName: [UInt8]
    /// ALPN protocols offered, raw, in wire order.
    package var alpn: [[UInt8]]
    package var ja3: String
    package var ja3Full: String
    package var ja4: String
    package var ja4Raw: String
    package var ja4Original: String
    package var ja4RawOriginal: String
    package var rawCiphers: String
    package var rawExtensions: String
    /// JA4T of the client's SYN (TCP only).
    package var ja4t: String?
    /// Resumption mechanisms offered (`session_id`, `session_ticket`, `psk`, `early_data`).
    package var resumption: [String]

    package init(
        serverName: [UInt8],
        alpn: [[UInt8]],
        ja3: String,
        ja3Full: String,
        ja4: String,
        ja4Raw: String,
        ja4Original: String,
        ja4RawOriginal: String,
        rawCiphers: String,
        rawExtensions: String,
        ja4t: String?,
        resumption: [String]
    ) {
        self.serverName = serverName
        self.alpn = alpn
        self.ja3 = ja3
        self.ja3Full = ja3Full
        self.ja4 = ja4
        self.ja4Raw = ja4Raw
        self.ja4Original = ja4Original
        self.ja4RawOriginal = ja4RawOriginal
        self.rawCiphers = rawCiphers
        self.rawExtensions = rawExtensions
        self.ja4t = ja4t
        self.resumption = resumption
    }

    func writeJA3AndJA4<W: EventFieldWriter>(to writer: inout W) {
        writer.string("ja3", ja3)
        writer.string("ja3_full", ja3Full)
        writer.string("ja4", ja4)
        writer.string("ja4_r", ja4Raw)
        writer.string("ja4_o", ja4Original)
        writer.string("ja4_ro", ja4RawOriginal)
    }

    func writeRawLists<W: EventFieldWriter>(to writer: inout W) {
        writer.string("raw_ciphers", rawCiphers)
        writer.string("raw_extensions", rawExtensions)
        if let ja4t { writer.string("ja4t", ja4t) }
    }
}

/// `tls_client_hello`: the first ClientHello of a TCP stream, QUIC connection or DTLS association.
package struct TLSClientHelloEvent: Hashable, Sendable {
    package var timestamp: CaptureTimestamp
    package var endpoints: EventEndpoints
    /// Labels and source file, added after the fingerprints.
    package var annotations = EventAnnotations()
    /// The highest version offered, e.g. `TLS 1.3`.
    package var tlsVersion: String
    package var client: ClientFingerprints
    /// `ja4l_c` when the TCP handshake timed it before the hello.
    package var latency: LatencyFields
    /// True when the hello carries `encrypted_client_hello`.
    package var ech: Bool

    package init(
        timestamp: CaptureTimestamp,
        endpoints: EventEndpoints,
        tlsVersion: String,
        client: ClientFingerprints,
        latency: LatencyFields,
        ech: Bool
    ) {
        self.timestamp = timestamp
        self.endpoints = endpoints
        self.tlsVersion = tlsVersion
        self.client = client
        self.latency = latency
        self.ech = ech
    }

    /// The fields in contract order.
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        endpoints.write(to: &writer)
        writer.string("tls_version", tlsVersion)
        writer.text("sni", client.serverName)
        if !client.alpn.isEmpty { writer.texts("alpn", client.alpn) }
        client.writeJA3AndJA4(to: &writer)
        client.writeRawLists(to: &writer)
        latency.write(to: &writer)
        if !client.resumption.isEmpty { writer.strings("resumption", client.resumption) }
        writer.bool("ech", ech)
        annotations.write(to: &writer)
    }
}
