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
            EventField("ja3_full", .string(ja3.string)),
            EventField("ja4", .string(ja4.fingerprint)),
            EventField("ja4_r", .string(ja4.raw)),
            EventField("ja4_o", .string(ja4.originalOrder)),
            EventField("ja4_ro", .string(ja4.rawOriginalOrder)),
            EventField("raw_ciphers", .string(RawLists.ciphers(hello))),
            EventField("raw_extensions", .string(RawLists.extensions(hello))),
        ]
        let mechanisms = resumption(hello)
        if !mechanisms.isEmpty { fields.append(EventField("resumption", .list(mechanisms.map { .string($0) }))) }
        return fields
    }

    /// `tls_version` of a ClientHello: the highest version offered (DTLS: the newest).
    static func version(_ hello: ClientHello, transport: TransportMarker) -> String {
        hello.highestOfferedVersion.displayName
    }

    /// The resumption mechanisms the client offered, in the contract's order.
    static func resumption(_ hello: ClientHello) -> [String] {
        var mechanisms: [String] = []
        if offersSessionID(hello) { mechanisms.append("session_id") }
        if let ticket = hello.extensions.sessionTicket, !ticket.isEmpty { mechanisms.append("session_ticket") }
        if hello.extensions.hasPreSharedKey { mechanisms.append("psk") }
        if hello.extensions.hasEarlyData { mechanisms.append("early_data_0rtt") }
        return mechanisms
    }

    /// A non-empty session id counts only from a client that does not offer TLS 1.3 (which sends a random one).
    static func offersSessionID(_ hello: ClientHello) -> Bool {
        !hello.legacySessionID.isEmpty && !hello.supportedVersions.contains(ProtocolVersion(rawValue: 0x0304))
    }

    /// What the session event needs to remember of the client.
    static func record(_ hello: ClientHello, fields: [EventField]) -> ClientRecord {
        let ticket = hello.extensions.sessionTicket.map { !$0.isEmpty } ?? false
        return ClientRecord(
            fields: fields,
            offeredResumption: !resumption(hello).isEmpty,
            sessionID: hello.legacySessionID,
            offeredSessionID: offersSessionID(hello),
            offeredTicket: ticket
        )
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
            EventField("ja3s_full", .string(ja3s.string)),
            EventField("ja4s", .string(ja4s.fingerprint)),
            EventField("ja4s_r", .string(ja4s.raw)),
        ]
        return fields
    }

    /// Whether the server took up the client's resumption offer (events.md `resumption_accepted`).
    static func accepted(_ hello: ServerHello, client: ClientRecord) -> Bool {
        if hello.extensions.selectedVersion != nil { return hello.extensions.hasPreSharedKey }
        if client.offeredSessionID, hello.legacySessionIDEcho == client.sessionID { return true }
        if client.offeredTicket, let ticket = hello.extensions.sessionTicket, ticket.isEmpty { return true }
        return false
    }
}
