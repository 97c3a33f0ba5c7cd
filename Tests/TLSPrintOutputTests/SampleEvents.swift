import TLSPrintCore
import TLSPrintEvent
import TLSPrintOutput

/// Hand-built events, one per type, shaped as docs/events.md describes them.
enum SampleEvents {
    /// 1776466673 s = 2026-04-17T22:57:53Z (`date -u -d @1776466673`), plus 482113999 ns.
    static let packetTime = CaptureTimestamp(seconds: 1_776_466_673, nanoseconds: 482_113_999)
    static let identity = EncoderIdentity(nodeName: "sensor-1")

    static let endpoints = EventEndpoints(
        clientIP: "192.0.2.10",
        clientPort: 51_514,
        serverIP: "2001:db8::1",
        serverPort: 443,
        transport: .tcp
    )

    static let client = ClientFingerprints(
        serverName: Array("example.com".utf8),
        alpn: [Array("h2".utf8), Array("http/1.1".utf8)],
        ja3: "0123456789abcdef0123456789abcdef",
        ja3Full: "771,4865-4866,0-16,29,0",
        ja4: "t13d1516h2_8daaf6152771_02713d6af862",
        ja4Raw: "t13d1516h2_1301,1302_0010",
        ja4Original: "t13d1516h2_8daaf6152771_11111111aaaa",
        ja4RawOriginal: "t13d1516h2_1301,1302_0010",
        rawCiphers: "4865-4866",
        rawExtensions: "0-16",
        ja4t: nil,
        resumption: ["session_ticket", "psk"]
    )

    static var clientLatency: LatencyFields {
        LatencyFields(client: LatencyFields.ClientHalf(ja4l: "6172_64", microseconds: 6_172, ttl: 64))
    }

    static let clientHello = Event.tlsClientHello(
        TLSClientHelloEvent(
            timestamp: packetTime,
            endpoints: endpoints,
            tlsVersion: "TLS 1.3",
            client: client,
            latency: clientLatency,
            ech: false
        )
    )

    static let session = Event.tlsSession(
        TLSSessionEvent(
            timestamp: packetTime,
            endpoints: endpoints,
            tlsVersion: "TLS 1.2",
            client: nil,
            server: ServerFingerprints(
                alpnSelected: Array("h2".utf8),
                ja3s: "fedcba9876543210fedcba9876543210",
                ja3sFull: "771,49199,65281-16",
                ja4s: "t120200_c02f_8a5e6e9b2f05",
                ja4sRaw: "t120200_c02f_ff01,0010"
            ),
            ja4ts: nil,
            latency: LatencyFields(),
            resumptionAccepted: true,
            hrr: false
        )
    )

    static let certificate = Event.tlsCertificate(
        TLSCertificateEvent(
            timestamp: packetTime,
            endpoints: endpoints,
            serverName: Array("example.com".utf8),
            chain: [
                CertificateChainEntry(
                    ja4x: "a373a9f83c6b_2bab15409345_7bf9a7bf7029",
                    ja4xRaw: "a_r",
                    subject: "CN=example.com",
                    issuer: "CN=Example CA",
                    notBefore: "2026-01-31T00:00:00Z",
                    notAfter: "2027-01-31T00:00:00Z",
                    serial: "01",
                    sha256: "00ff"
                ),
                CertificateChainEntry(
                    ja4x: "d_e_f",
                    ja4xRaw: "d_r",
                    subject: "CN=Example CA",
                    issuer: "CN=Example CA",
                    notBefore: "2025-01-31T00:00:00Z",
                    notAfter: "2035-01-31T00:00:00Z",
                    serial: "02",
                    sha256: "ff00"
                ),
            ],
            subjectCommonName: "example.com",
            subjectAlternativeNames: ["example.com", "192.0.2.1"],
            selfSigned: false,
            chainLength: 2
        )
    )

    static var stats: Event {
        var stats = SensorStatsEvent(timestamp: CaptureTimestamp(seconds: 0, nanoseconds: 0))
        stats.packets = 1_000
        stats.parseErrors = 3
        stats.parseErrorsByReason = [.init(reason: "truncated", count: 3)]
        return .sensorStats(stats)
    }

    static let startup = Event.startup(StartupEvent(timestamp: packetTime, message: "sniffer started node=sensor-1"))

    static let all = [startup, clientHello, session, certificate, stats]

    /// The sample client hello with `sni` as its SNI.
    static func hello(sni: [UInt8]) -> Event {
        var fingerprints = client
        fingerprints.serverName = sni
        return .tlsClientHello(
            TLSClientHelloEvent(
                timestamp: packetTime,
                endpoints: endpoints,
                tlsVersion: "TLS 1.3",
                client: fingerprints,
                latency: clientLatency,
                ech: false
            )
        )
    }
}
