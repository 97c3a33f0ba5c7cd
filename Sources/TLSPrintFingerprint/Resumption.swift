import TLSPrintTLS

/// The resumption mechanisms a client offers (`resumption` in shared/spec/events.md), in event order.
package enum ResumptionMechanism: String, Hashable, Sendable, CaseIterable {
    /// A non-empty legacy session id, counted only when the client does not offer TLS 1.3 (TLS 1.3
    /// clients send a random one for middlebox compatibility).
    case sessionID = "session_id"
    /// A non-empty session_ticket extension.
    case sessionTicket = "session_ticket"
    /// pre_shared_key present.
    case psk = "psk"
    /// early_data present.
    case earlyData = "early_data_0rtt"
}

/// The `resumption` and `resumption_accepted` event fields.
package enum Resumption {
    /// The mechanisms `hello` offers, in the order of `ResumptionMechanism.allCases`; empty when none.
    package static func offered(by hello: ClientHello) -> [ResumptionMechanism] {
        var mechanisms: [ResumptionMechanism] = []
        let offersTLS13 = hello.supportedVersions.contains(.tls13)
        if !hello.legacySessionID.isEmpty && !offersTLS13 { mechanisms.append(.sessionID) }
        if let ticket = hello.extensions.sessionTicket, !ticket.isEmpty { mechanisms.append(.sessionTicket) }
        if hello.extensions.hasPreSharedKey { mechanisms.append(.psk) }
        if hello.extensions.hasEarlyData { mechanisms.append(.earlyData) }
        return mechanisms
    }

    /// Whether the server accepted resumption, or nil when the client offered none.
    ///
    /// TLS 1.3: the ServerHello carries pre_shared_key. TLS ≤ 1.2: the server echoed the client's
    /// non-empty session id, or answered a ticket with an empty session_ticket extension.
    package static func accepted(client: ClientHello, server: ServerHello) -> Bool? {
        let offered = offered(by: client)
        guard !offered.isEmpty else { return nil }
        if server.selectedVersion == .tls13 { return server.extensions.hasPreSharedKey }
        let echoed = !client.legacySessionID.isEmpty && server.legacySessionIDEcho == client.legacySessionID
        let ticketAccepted = offered.contains(.sessionTicket) && server.extensions.sessionTicket?.isEmpty == true
        return echoed || ticketAccepted
    }
}
