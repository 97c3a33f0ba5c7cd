import TLSPrintCore
import TLSPrintFingerprint
import TLSPrintTLS

/// The client-side event fields of shared/spec/events.md, from one ClientHello.
enum ClientHelloFields {
    /// sni, alpn, JA3 and JA4 forms, raw lists and resumption, for `tls_client_hello` and `tls_session`.
    static func make(_ hello: ClientHello, transport: TransportMarker) -> [EventField] {
        let ja3 = JA3(hello)
        let ja4 = JA4(hello, transport: transport)
        var fields = [
            EventField("sni", .text(hello.serverName ?? [])),
        ]
        let alpn = hello.alpnProtocols
        if !alpn.isEmpty { fields.append(EventField("alpn", .list(alpn.map { .text($0) }))) }
        fields += [
            EventField("ja3", .string(ja3.hash)),
            EventField("ja3_full", .string(ja3.fullString)),
            EventField("ja4", .string(ja4.hashed)),
            EventField("ja4_r", .string(ja4.raw)),
            EventField("ja4_o", .string(ja4.hashedOriginalOrder)),
            EventField("ja4_ro", .string(ja4.rawOriginalOrder)),
            EventField("raw_ciphers", .string(RawLists.ciphers(hello))),
            EventField("raw_extensions", .string(RawLists.extensions(hello))),
        ]
        let mechanisms = Resumption.offered(by: hello)
        if !mechanisms.isEmpty {
            fields.append(EventField("resumption", .list(mechanisms.map { .string($0.rawValue) })))
        }
        return fields
    }

    /// `tls_version` of a ClientHello: the highest version offered (DTLS: the newest).
    static func version(_ hello: ClientHello, transport: TransportMarker) -> String {
        hello.highestOfferedVersion.displayName
    }

    /// What the session event needs to remember of the client.
    static func record(_ hello: ClientHello, fields: [EventField]) -> ClientRecord {
        ClientRecord(fields: fields, hello: hello)
    }
}

/// The server-side event fields of shared/spec/events.md, from one ServerHello.
enum ServerHelloFields {
    static func make(_ hello: ServerHello, transport: TransportMarker) -> [EventField] {
        let ja3s = JA3S(hello)
        let ja4s = JA4S(hello, transport: transport)
        var fields: [EventField] = []
        if let selected = hello.selectedALPN { fields.append(EventField("alpn_selected", .text(selected))) }
        fields += [
            EventField("ja3s", .string(ja3s.hash)),
            EventField("ja3s_full", .string(ja3s.fullString)),
            EventField("ja4s", .string(ja4s.hashed)),
            EventField("ja4s_r", .string(ja4s.raw)),
        ]
        return fields
    }
}
