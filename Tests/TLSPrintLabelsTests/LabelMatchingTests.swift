import TLSPrintCore
import TLSPrintEvent
import TLSPrintLabels
import TLSPrintTestSupport
import Testing

/// The matching rule of shared/spec/events.md "Labels": each row is one conjunction of its filled cells, on
/// events built here with known fingerprints (values from FoxIO's mapping and the FoxIO corpus).
@Suite struct LabelMatchingTests {
    static let sliverJA4 = "t13d190900_9dc949149365_97f8aa674fd9"
    static let sliverJA4S = "t130200_1301_a56c5b993250"
    static let chromeJA4 = "t13d1516h2_8daaf6152771_02713d6af862"
    static let windowsJA4T = "64240_2-1-3-1-1-4_1460_8"
    static let cloudflareJA4TS = "65535_2-4-8-1-3_1400_13"

    static let mapping = """
        Application,Library,Device,OS,ja4,ja4s,ja4h,ja4x,ja4t,ja4tscan,Notes
        Sliver Agent,GoLang,,,t13d190900_9dc949149365_97f8aa674fd9,t130200_1301_a56c5b993250,,,,,
        ,GoLang,,,t13d190900_9dc949149365_97f8aa674fd9,,,,,,
        Chromium-ish,,,,t13d1516h2_*_02713d6af862,,,,,,
        Any TLS 1.3 h2,,,,t13d1516h2,,,,,,
        Sliver/Havoc C2 Server,,,,,,,000000000000_4f24da86fad6_bf0f0589fc03,,,
        ,,,Windows 10,,,,,64240_2-1-3-1-1-4_1460_8,,
        ,,Cloudflare,,,,,,65535_2-4-8-1-3_1400_13,,
        Darkgate Client,,,,,,po10nn060000_cdb958d032b0,,,,
        ,GoLang,,,t13d190900_9dc949149365_97f8aa674fd9,,,,,,
        """

    static let index: LabelIndex = {
        let foxio = try? LabelList(name: "foxio", bytes: Array(mapping.utf8))
        let plain = """
            473cd7cb9faa642487833865d516e578,curl 7.x
            f4262963691a8f123d4434c7308ad7fe,curl 7.x server,ja3s
            ec9ea89c70f5fc71cf61061bff5e4740,OpenSSH 7.4 client,hassh
            425d29fe50d8e4f5e37efb6e24bcf660,OpenSSH server,hassh_server
            """
        let mine = try? LabelList(name: "mine", bytes: Array(plain.utf8))
        return LabelIndex([foxio, mine].compactMap { $0 })
    }()

    static let endpoints = EventEndpoints(
        clientIP: "10.0.0.1",
        clientPort: 40_000,
        serverIP: "10.0.0.2",
        serverPort: 443,
        transport: .tcp
    )
    static let time = CaptureTimestamp(nanoseconds: 0)

    static func client(ja4: String, ja3: String = "", ja4t: String? = nil) -> ClientFingerprints {
        .synthetic(ja3: ja3, ja4: ja4, ja4t: ja4t)
    }

    static func hello(_ client: ClientFingerprints) -> Event {
        .tlsClientHello(
            TLSClientHelloEvent(
                timestamp: time,
                endpoints: endpoints,
                tlsVersion: "TLS 1.3",
                client: client,
                latency: LatencyFields(),
                ech: false
            )
        )
    }

    static func session(_ client: ClientFingerprints?, ja4s: String, ja3s: String = "", ja4ts: String? = nil) -> Event {
        .tlsSession(
            TLSSessionEvent(
                timestamp: time,
                endpoints: endpoints,
                tlsVersion: "TLS 1.3",
                client: client,
                server: ServerFingerprints(alpnSelected: nil, ja3s: ja3s, ja3sFull: "", ja4s: ja4s, ja4sRaw: ""),
                ja4ts: ja4ts,
                latency: LatencyFields(),
                resumptionAccepted: nil,
                hrr: false
            )
        )
    }

    static func certificate(chain: [String], ja4: String? = nil) -> Event {
        var event = TLSCertificateEvent(
            timestamp: time,
            endpoints: endpoints,
            serverName: [],
            chain: chain.map {
                CertificateChainEntry(
                    ja4x: $0,
                    ja4xRaw: "",
                    subject: "",
                    issuer: "",
                    notBefore: "",
                    notAfter: "",
                    serial: "",
                    sha256: ""
                )
            },
            subjectCommonName: nil,
            subjectAlternativeNames: [],
            selfSigned: false,
            chainLength: chain.count
        )
        event.clientJA4 = ja4
        return .tlsCertificate(event)
    }

    static func ssh(hassh: String?, server: String?) -> Event {
        .sshHandshake(
            SSHHandshakeEvent(
                timestamp: time,
                endpoints: endpoints,
                clientIdentification: nil,
                serverIdentification: nil,
                hassh: hassh.map { HASSHValue(hash: $0, algorithms: []) },
                hasshServer: server.map { HASSHValue(hash: $0, algorithms: []) },
                negotiated: nil,
                tcp: TCPFacts()
            )
        )
    }

    static func http(ja4h: String, ja4ts: String? = nil) -> Event {
        .httpRequest(
            HTTPRequestEvent(
                timestamp: time,
                endpoints: endpoints,
                method: Array("GET".utf8),
                version: "1.1",
                host: nil,
                uri: Array("/".utf8),
                userAgent: nil,
                ja4h: ja4h,
                ja4hRaw: "",
                ja4hRawOriginal: "",
                tcp: TCPFacts(ja4ts: ja4ts)
            )
        )
    }

    func labels(_ event: Event) -> [String] { Self.index.labels(for: event) }

    @Test func ja4AndJA4SRowLabelsOnlyASessionWithBoth() {
        let sliver = Self.client(ja4: Self.sliverJA4)
        #expect(
            labels(Self.session(sliver, ja4s: Self.sliverJA4S))
                == ["Sliver Agent / GoLang [foxio]", "GoLang [foxio]"]
        )
        #expect(labels(Self.hello(sliver)) == ["GoLang [foxio]"])  // the JA4 alone: not Sliver
        #expect(labels(Self.session(nil, ja4s: Self.sliverJA4S)).isEmpty)  // an ordinary TLS 1.3 server
        #expect(
            labels(Self.session(Self.client(ja4: Self.chromeJA4), ja4s: Self.sliverJA4S)).contains {
                $0.hasPrefix("Sliver")
            } == false
        )
    }

    @Test func identicalLabelTextsComeOnceInListOrder() {
        // Rows 2 and 9 of the mapping give the same text; the row order is kept.
        let found = labels(Self.session(Self.client(ja4: Self.sliverJA4), ja4s: Self.sliverJA4S))
        #expect(found == ["Sliver Agent / GoLang [foxio]", "GoLang [foxio]"])
    }

    @Test func starSectionsAndMissingTrailingSections() {
        #expect(
            labels(Self.hello(Self.client(ja4: Self.chromeJA4))) == ["Chromium-ish [foxio]", "Any TLS 1.3 h2 [foxio]"]
        )
        // Same first section, other cipher hash, same extension hash: the `*` row still matches.
        let other = "t13d1516h2_000000000000_02713d6af862"
        #expect(labels(Self.hello(Self.client(ja4: other))) == ["Chromium-ish [foxio]", "Any TLS 1.3 h2 [foxio]"])
        // Other extension hash: only the row with the first section alone.
        let third = "t13d1516h2_8daaf6152771_111111111111"
        #expect(labels(Self.hello(Self.client(ja4: third))) == ["Any TLS 1.3 h2 [foxio]"])
        #expect(labels(Self.hello(Self.client(ja4: "t13d1517h2_8daaf6152771_02713d6af862"))).isEmpty)
        // A two-section JA4H: the last two sections are `*`.
        #expect(
            labels(Self.http(ja4h: "po10nn060000_cdb958d032b0_000000000000_000000000000"))
                == ["Darkgate Client [foxio]"]
        )
        #expect(labels(Self.http(ja4h: "po10nn060000_aaaaaaaaaaaa_000000000000_000000000000")).isEmpty)
    }

    @Test func ja4tCellMatchesJA4TOrJA4TS() {
        let hello = Self.hello(Self.client(ja4: "t12d0000h1_000000000000_000000000000", ja4t: Self.windowsJA4T))
        #expect(labels(hello) == ["Windows 10 [foxio]"])
        let session = Self.session(nil, ja4s: "t120000_c030_000000000000", ja4ts: Self.cloudflareJA4TS)
        #expect(labels(session) == ["Cloudflare [foxio]"])
        #expect(
            labels(Self.http(ja4h: "ge11nn010000_000000000000_000000000000_000000000000", ja4ts: Self.cloudflareJA4TS))
                == ["Cloudflare [foxio]"]
        )
    }

    /// Values short enough to be stored inline in a `String` (15 bytes or less) are looked up too.
    @Test func shortFingerprintsAreFound() throws {
        let list = try LabelList(name: "short", bytes: Array("5744_2_1436_00,LIFX\n".utf8))
        let hello = Self.hello(Self.client(ja4: "", ja4t: "5744_2_1436_00"))
        #expect(LabelIndex([list]).labels(for: hello) == ["LIFX [short]"])
    }

    @Test func ja4xCellMatchesAnyCertificateOfTheChain() {
        let c2 = "000000000000_4f24da86fad6_bf0f0589fc03"
        let other = "111111111111_222222222222_333333333333"
        #expect(labels(Self.certificate(chain: [other, c2])) == ["Sliver/Havoc C2 Server [foxio]"])
        #expect(labels(Self.certificate(chain: [c2])) == ["Sliver/Havoc C2 Server [foxio]"])
        #expect(labels(Self.certificate(chain: [other])).isEmpty)
        // The certificate carries the client's JA4 too: a JA4-only row labels it.
        #expect(labels(Self.certificate(chain: [other], ja4: Self.sliverJA4)) == ["GoLang [foxio]"])
    }

    @Test func hasshAndHASSHServerAreKeptApart() {
        #expect(
            labels(Self.ssh(hassh: "ec9ea89c70f5fc71cf61061bff5e4740", server: "425d29fe50d8e4f5e37efb6e24bcf660"))
                == ["OpenSSH 7.4 client [mine]", "OpenSSH server [mine]"]
        )
        // The client's hash in the server's place is not the server row, nor the client row.
        #expect(labels(Self.ssh(hassh: "425d29fe50d8e4f5e37efb6e24bcf660", server: nil)).isEmpty)
    }

    @Test func ja3FromAPlainListAndJA3SByItsKindColumn() {
        let curl = Self.client(ja4: "", ja3: "473cd7cb9faa642487833865d516e578")
        #expect(labels(Self.hello(curl)) == ["curl 7.x [mine]"])
        #expect(
            labels(Self.session(curl, ja4s: "", ja3s: "f4262963691a8f123d4434c7308ad7fe"))
                == ["curl 7.x [mine]", "curl 7.x server [mine]"]
        )
        // The server's JA3S value as a client's JA3 is not labelled.
        #expect(labels(Self.hello(Self.client(ja4: "", ja3: "f4262963691a8f123d4434c7308ad7fe"))).isEmpty)
    }

    @Test func eventsWithoutFingerprintsAndEmptyIndexGetNothing() {
        #expect(LabelIndex().labels(for: Self.hello(Self.client(ja4: Self.sliverJA4))).isEmpty)
        #expect(labels(.sensorStats(SensorStatsEvent(timestamp: Self.time))).isEmpty)
        // A family turned off leaves its field empty: an empty JA4 matches no row, not even `*` ones.
        #expect(labels(Self.hello(Self.client(ja4: ""))).isEmpty)
    }
}
