import TLSPrintCore
import TLSPrintEvent
import TLSPrintLabels

extension FuzzHarness {
    /// The input is a label list (any of the three CSV formats). It loads or fails with an error that names a
    /// line inside the input; every usable row then labels an event that carries a fingerprint its cell matches
    /// (one-cell rows: the event is built from the cell, `*` sections filled in), and no event gets a label
    /// that no row gives.
    @discardableResult
    package static func labels(_ bytes: [UInt8]) -> Int {
        let list: LabelList
        do { list = try LabelList(name: "fuzz", bytes: bytes) } catch { return 0 }
        // A record ends at CR LF, LF or a bare CR: at most one line per CR or LF byte.
        let lineCount = bytes.count(where: { $0 == 0x0A || $0 == 0x0D }) + 1
        for warning in list.warnings { precondition(warning.line >= 1 && warning.line <= lineCount, "warning line") }
        let index = LabelIndex([list])
        let known = Set(list.rows.map(\.label))
        for row in list.rows.prefix(64) {
            precondition(row.line >= 1 && row.line <= lineCount, "row line outside the input")
            precondition(!row.cells.isEmpty, "a row without fingerprints")
            for cell in row.cells {
                precondition(cell.matches(concrete(cell)), "a pattern does not match its own filled-in value")
            }
            guard row.cells.count == 1, let event = event(carrying: row.cells[0]) else { continue }
            let labels = index.labels(for: event)
            precondition(labels.contains(row.label), "a one-cell row does not label an event carrying its value")
            precondition(labels.allSatisfy(known.contains), "a label no row gives")
        }
        return list.rows.count
    }

    /// The pattern's value with every `*` section filled with `x`.
    static func concrete(_ pattern: FingerprintPattern) -> String {
        pattern.sections.map { $0 ?? "x" }.joined(separator: "_")
    }

    /// An event whose field of the pattern's kind holds ``concrete(_:)``.
    static func event(carrying pattern: FingerprintPattern) -> Event? {
        let value = concrete(pattern)
        let endpoints = EventEndpoints(
            clientIP: "192.0.2.1",
            clientPort: 40000,
            serverIP: "192.0.2.2",
            serverPort: 443,
            transport: .tcp
        )
        let time = CaptureTimestamp(nanoseconds: 0)
        func client(ja3: String = "", ja4: String = "", ja4t: String? = nil) -> ClientFingerprints {
            ClientFingerprints(
                serverName: [],
                alpn: [],
                ja3: ja3,
                ja3Full: "",
                ja4: ja4,
                ja4Raw: "",
                ja4Original: "",
                ja4RawOriginal: "",
                rawCiphers: "",
                rawExtensions: "",
                ja4t: ja4t,
                resumption: []
            )
        }
        func hello(_ fingerprints: ClientFingerprints) -> Event {
            .tlsClientHello(
                TLSClientHelloEvent(
                    timestamp: time,
                    endpoints: endpoints,
                    tlsVersion: "TLS 1.3",
                    client: fingerprints,
                    latency: LatencyFields(),
                    ech: false
                )
            )
        }
        func session(ja3s: String = "", ja4s: String = "") -> Event {
            .tlsSession(
                TLSSessionEvent(
                    timestamp: time,
                    endpoints: endpoints,
                    tlsVersion: "TLS 1.3",
                    client: nil,
                    server: ServerFingerprints(alpnSelected: nil, ja3s: ja3s, ja3sFull: "", ja4s: ja4s, ja4sRaw: ""),
                    ja4ts: nil,
                    latency: LatencyFields(),
                    resumptionAccepted: nil,
                    hrr: false
                )
            )
        }
        func ssh(client: String?, server: String?) -> Event {
            .sshHandshake(
                SSHHandshakeEvent(
                    timestamp: time,
                    endpoints: endpoints,
                    clientIdentification: nil,
                    serverIdentification: nil,
                    hassh: client.map { HASSHValue(hash: $0, algorithms: []) },
                    hasshServer: server.map { HASSHValue(hash: $0, algorithms: []) },
                    negotiated: nil,
                    tcp: TCPFacts()
                )
            )
        }
        switch pattern.kind {
        case .ja3: return hello(client(ja3: value))
        case .ja4: return hello(client(ja4: value))
        case .ja4t: return hello(client(ja4t: value))
        case .ja3s: return session(ja3s: value)
        case .ja4s: return session(ja4s: value)
        case .hassh: return ssh(client: value, server: nil)
        case .hasshServer: return ssh(client: nil, server: value)
        case .ja4h:
            return .httpRequest(
                HTTPRequestEvent(
                    timestamp: time,
                    endpoints: endpoints,
                    method: Array("GET".utf8),
                    version: "1.1",
                    host: nil,
                    uri: Array("/".utf8),
                    userAgent: nil,
                    ja4h: value,
                    ja4hRaw: "",
                    ja4hRawOriginal: "",
                    tcp: TCPFacts()
                )
            )
        case .ja4x:
            let entry = CertificateChainEntry(
                ja4x: value,
                ja4xRaw: "",
                subject: "",
                issuer: "",
                notBefore: "",
                notAfter: "",
                serial: "",
                sha256: ""
            )
            return .tlsCertificate(
                TLSCertificateEvent(
                    timestamp: time,
                    endpoints: endpoints,
                    serverName: [],
                    chain: [entry],
                    subjectCommonName: nil,
                    subjectAlternativeNames: [],
                    selfSigned: false,
                    chainLength: 1
                )
            )
        }
    }
}
