import TLSPrintCore

/// What two KEXINITs negotiate (RFC 4253 §7.1): the client's first algorithm the server also offers; the
/// client-to-server direction for cipher, MAC and compression. Names are wire bytes.
package struct SSHNegotiated: Hashable, Sendable {
    package var kex: [UInt8]?
    package var hostKey: [UInt8]?
    package var cipher: [UInt8]?
    package var mac: [UInt8]?
    package var compression: [UInt8]?

    package init(kex: [UInt8]?, hostKey: [UInt8]?, cipher: [UInt8]?, mac: [UInt8]?, compression: [UInt8]?) {
        self.kex = kex
        self.hostKey = hostKey
        self.cipher = cipher
        self.mac = mac
        self.compression = compression
    }
}

/// HASSH (or HASSH-server) and the algorithm string it hashes (wire bytes: name-lists come from the peer).
package struct HASSHValue: Hashable, Sendable {
    package var hash: String
    package var algorithms: [UInt8]

    package init(hash: String, algorithms: [UInt8]) {
        self.hash = hash
        self.algorithms = algorithms
    }
}

/// `ssh_handshake`: both KEXINITs of an SSH stream, or what was seen of them when the stream ended first.
package struct SSHHandshakeEvent: Hashable, Sendable {
    package var timestamp: CaptureTimestamp
    package var endpoints: EventEndpoints
    /// The identification lines without CR LF.
    package var clientIdentification: [UInt8]?
    package var serverIdentification: [UInt8]?
    package var hassh: HASSHValue?
    package var hasshServer: HASSHValue?
    /// Absent without both KEXINITs.
    package var negotiated: SSHNegotiated?
    package var tcp: TCPFacts
    /// Labels and source file, added after the fingerprints.
    package var annotations = EventAnnotations()

    package init(
        timestamp: CaptureTimestamp,
        endpoints: EventEndpoints,
        clientIdentification: [UInt8]?,
        serverIdentification: [UInt8]?,
        hassh: HASSHValue?,
        hasshServer: HASSHValue?,
        negotiated: SSHNegotiated?,
        tcp: TCPFacts
    ) {
        self.timestamp = timestamp
        self.endpoints = endpoints
        self.clientIdentification = clientIdentification
        self.serverIdentification = serverIdentification
        self.hassh = hassh
        self.hasshServer = hasshServer
        self.negotiated = negotiated
        self.tcp = tcp
    }

    /// The fields in contract order.
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        endpoints.write(to: &writer)
        if let clientIdentification { writer.text("ssh_client", clientIdentification) }
        if let serverIdentification { writer.text("ssh_server", serverIdentification) }
        if let hassh {
            writer.string("hassh", hassh.hash)
            writer.text("hassh_algorithms", hassh.algorithms)
        }
        if let hasshServer {
            writer.string("hassh_server", hasshServer.hash)
            writer.text("hassh_server_algorithms", hasshServer.algorithms)
        }
        if let negotiated {
            if let kex = negotiated.kex { writer.text("ssh_kex", kex) }
            if let hostKey = negotiated.hostKey { writer.text("ssh_host_key", hostKey) }
            if let cipher = negotiated.cipher { writer.text("ssh_cipher", cipher) }
            if let mac = negotiated.mac { writer.text("ssh_mac", mac) }
            if let compression = negotiated.compression { writer.text("ssh_compression", compression) }
        }
        tcp.write(to: &writer)
        annotations.write(to: &writer)
    }
}

/// `ssh_activity`: one closed JA4SSH window of an SSH stream.
package struct SSHActivityEvent: Hashable, Sendable {
    package var timestamp: CaptureTimestamp
    package var endpoints: EventEndpoints
    package var ja4ssh: String
    /// 1-based window number on the stream.
    package var window: Int
    package var tcp: TCPFacts
    /// Labels and source file, added after the fingerprints.
    package var annotations = EventAnnotations()

    package init(timestamp: CaptureTimestamp, endpoints: EventEndpoints, ja4ssh: String, window: Int, tcp: TCPFacts) {
        self.timestamp = timestamp
        self.endpoints = endpoints
        self.ja4ssh = ja4ssh
        self.window = window
        self.tcp = tcp
    }

    /// The fields in contract order.
    package func writeFields<W: EventFieldWriter>(to writer: inout W) {
        endpoints.write(to: &writer)
        writer.string("ja4ssh", ja4ssh)
        writer.integer("ssh_window", window)
        tcp.write(to: &writer)
        annotations.write(to: &writer)
    }
}
