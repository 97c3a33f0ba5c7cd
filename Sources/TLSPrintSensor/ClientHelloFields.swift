import TLSPrintCore
import TLSPrintEvent
import TLSPrintFingerprint
import TLSPrintTLS

/// The client-side event fields of docs/events.md, from one ClientHello.
enum ClientHelloFields {
    /// sni, alpn, JA3 and JA4 forms, raw lists and resumption, for `tls_client_hello` and `tls_session`.
    /// Only the enabled families are worked out (`--fingerprints`); the others stay empty and are never written.
    static func make(
        _ hello: ClientHello,
        transport: TransportMarker,
        ja4t: String?,
        families: FingerprintFamilies = .all
    ) -> ClientFingerprints {
        let ja3 = families.contains(.ja3) ? JA3(hello) : nil
        let ja4 = families.contains(.ja4) ? JA4(hello, transport: transport) : nil
        return ClientFingerprints(
            serverName: hello.serverName ?? [],
            alpn: hello.alpnProtocols,
            ja3: ja3?.hash ?? "",
            ja3Full: ja3?.fullString ?? "",
            ja4: ja4?.hashed ?? "",
            ja4Raw: ja4?.raw ?? "",
            ja4Original: ja4?.hashedOriginalOrder ?? "",
            ja4RawOriginal: ja4?.rawOriginalOrder ?? "",
            rawCiphers: RawLists.ciphers(hello),
            rawExtensions: RawLists.extensions(hello),
            ja4t: ja4t,
            resumption: Resumption.offered(by: hello).map(\.rawValue)
        )
    }
}

/// The server-side event fields of docs/events.md, from one ServerHello.
enum ServerHelloFields {
    /// Only the enabled families are worked out (`--fingerprints`); the others stay empty and are never written.
    static func make(
        _ hello: ServerHello,
        transport: TransportMarker,
        families: FingerprintFamilies = .all
    ) -> ServerFingerprints {
        let ja3s = families.contains(.ja3) ? JA3S(hello) : nil
        let ja4s = families.contains(.ja4s) ? JA4S(hello, transport: transport) : nil
        return ServerFingerprints(
            alpnSelected: hello.selectedALPN,
            ja3s: ja3s?.hash ?? "",
            ja3sFull: ja3s?.fullString ?? "",
            ja4s: ja4s?.hashed ?? "",
            ja4sRaw: ja4s?.raw ?? ""
        )
    }
}

/// JA4L's event fields from the halves a transport measured.
enum LatencyFieldsMaker {
    static func make(
        client: (microseconds: Int64, ttl: UInt8)?,
        server: (microseconds: Int64, ttl: UInt8)?
    ) -> LatencyFields {
        var fields = LatencyFields()
        if let client {
            fields.client = LatencyFields.ClientHalf(
                ja4l: JA4L(microseconds: client.microseconds, ttl: client.ttl).rendered,
                microseconds: Int(client.microseconds),
                ttl: Int(client.ttl)
            )
        }
        if let server { fields.server = JA4L(microseconds: server.microseconds, ttl: server.ttl).rendered }
        return fields
    }
}
