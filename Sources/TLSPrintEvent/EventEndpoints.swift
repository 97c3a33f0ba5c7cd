/// How the handshake travelled: the `transport` field.
package enum EventTransport: String, Hashable, Sendable {
    case tcp
    case quic
    case dtls
    /// TLS in OpenVPN's control channel over UDP.
    case udp
}

/// `src_*` (always the client), `dst_*` (the server) and `transport`: the first fields of every traffic event.
package struct EventEndpoints: Hashable, Sendable {
    package var clientIP: String
    package var clientPort: UInt16
    package var serverIP: String
    package var serverPort: UInt16
    package var transport: EventTransport
    /// The connection's Community ID (`1:…`), right after `transport`.
    package var communityID: String?

    package init(
        clientIP: String,
        clientPort: UInt16,
        serverIP: String,
        serverPort: UInt16,
        transport: EventTransport,
        communityID: String? = nil
    ) {
        self.clientIP = clientIP
        self.clientPort = clientPort
        self.serverIP = serverIP
        self.serverPort = serverPort
        self.transport = transport
        self.communityID = communityID
    }

    func write<W: EventFieldWriter>(to writer: inout W) {
        writer.string("src_ip", clientIP)
        writer.integer("src_port", Int(clientPort))
        writer.string("dst_ip", serverIP)
        writer.integer("dst_port", Int(serverPort))
        writer.string("transport", transport.rawValue)
        if let communityID { writer.string("community_id", communityID) }
    }
}

/// JA4L fields (`ja4l_c` with its companions `ja4l_rtt_ms` and `ja4l_client_ttl`; `ja4l_s`), when measured.
package struct LatencyFields: Hashable, Sendable {
    /// The client half: `ja4l_c`, half the round trip in microseconds, and the client's TTL.
    package struct ClientHalf: Hashable, Sendable {
        package var ja4l: String
        package var microseconds: Int
        package var ttl: Int

        package init(ja4l: String, microseconds: Int, ttl: Int) {
            self.ja4l = ja4l
            self.microseconds = microseconds
            self.ttl = ttl
        }
    }

    package var client: ClientHalf?
    /// `ja4l_s`.
    package var server: String?

    package init(client: ClientHalf? = nil, server: String? = nil) {
        self.client = client
        self.server = server
    }

    func write<W: EventFieldWriter>(to writer: inout W) {
        if let client { writer.string("ja4l_c", client.ja4l) }
        if let server { writer.string("ja4l_s", server) }
        if let client {
            // The legacy pair: the full round trip in milliseconds, and the client's TTL.
            writer.thousandths("ja4l_rtt_ms", client.microseconds * 2)
            writer.integer("ja4l_client_ttl", client.ttl)
        }
    }
}
