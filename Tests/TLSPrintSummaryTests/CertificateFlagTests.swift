import Foundation
import TLSPrintCore
import TLSPrintEvent
import TLSPrintSummary
import TLSPrintTestSupport
import Testing

/// Certificates flagged at capture time, against openssl's view of the same certificates. Each was taken out
/// of its capture with `tshark -Y tls.handshake.certificate -T fields -e frame.time_epoch
/// -e tls.handshake.certificate`, then read with `openssl x509 -noout -startdate -enddate -subject -issuer`;
/// self-signed means `openssl verify -no-CAfile -no-CApath -partial_chain -attime T -trusted C C` succeeds.
@Suite struct CertificateFlagTests {
    struct Flagged: Equatable, CustomStringConvertible {
        var sha256: String
        var selfSigned: Bool
        var expired: Bool
        var notYetValid: Bool
        var servers: [String]
        var description: String { "\(sha256.prefix(12)) ss=\(selfSigned) exp=\(expired) nyv=\(notYetValid) \(servers)" }
    }

    static func flagged(_ paths: [String]) throws -> [Flagged] {
        let (events, _) = try CaptureRunner.run(paths)
        var aggregator = SummaryAggregator()
        aggregator.add(events)
        let report = SummaryReport(aggregator, input: SummaryInput(files: paths, packets: 0, bytes: 0), top: 100)
        return report.certificates.rows.map {
            Flagged(
                sha256: $0.sha256,
                selfSigned: $0.stats.selfSigned,
                expired: $0.stats.expired,
                notYetValid: $0.stats.notYetValid,
                servers: $0.servers.map(\.name)
            )
        }.sorted { $0.sha256 < $1.sha256 }
    }

    /// The project's own fixture: `openssl req -x509`, valid 2026-11-29T01:04:57Z to 2027-11-29, captured
    /// 2026-11-29T01:06:34Z: self-signed only.
    @Test func selfSignedFixture() throws {
        let flagged = try Self.flagged([Fixture.url("captures/cert-self-signed.pcap").path])
        #expect(
            flagged == [
                Flagged(
                    sha256: "99161fd422eb8aaf80a07078cc94abfbe0820b7d301a34bd0a0e3f22e8f7c4dd",
                    selfSigned: true,
                    expired: false,
                    notYetValid: false,
                    servers: ["127.0.0.1:4449"]
                )
            ]
        )
    }

    /// A chain of a public CA: nothing to flag (openssl: every certificate valid at capture time, leaf not
    /// self-issued).
    @Test func publicChainIsNotFlagged() throws {
        guard let url = SharedCorpus.url("corpus/foxio/pcap/tls12.pcap"), SharedCorpus.root != nil else { return }
        #expect(try Self.flagged([url.path]).isEmpty)
    }

    /// Arkime's synthetic capture: three self-signed leaves valid from 2024-01-01, sent on 2023-11-14
    /// (not yet valid); two CA-issued leaves valid 2025-01-01 to 2026-01-01 sent in January 2025 (not flagged).
    @Test func notYetValidLeaves() throws {
        guard let url = SharedCorpus.url("corpus/arkime/pcap/arkime_synthetic.pcap"), SharedCorpus.root != nil
        else { return }
        let flagged = try Self.flagged([url.path])
        let expected = [
            "221857c52df726dd753d0a7e45a83819a838e36e601519c3d5243fba28707967",
            "a9f4df1c33f49abac4adca8d7aa0fb522993120ef44ab007a00fc7eeecbe70ed",
            "ee9d3110199d6cb7a3da19f41cb44733ea367148260c2c125cb6cb6b7107e42f",
        ].map {
            Flagged(sha256: $0, selfSigned: true, expired: false, notYetValid: true, servers: ["10.9.1.2:443"])
        }
        #expect(flagged == expected)
    }

    /// Arkime's ssl-selfsign.pcap: the server's self-signed CN=molochftw (port 4443), valid 2018-02-23 to
    /// 2018-03-25 and sent on 2018-02-23: self-signed, in date. The client answers with its own self-signed
    /// CN=MO (tshark: handshake type 11 from port 60101); `tls_certificate` reports server certificates only.
    @Test func selfSignedInDate() throws {
        guard let url = SharedCorpus.url("corpus/arkime/pcap/ssl-selfsign.pcap"), SharedCorpus.root != nil
        else { return }
        let flagged = try Self.flagged([url.path])
        #expect(
            flagged == [
                Flagged(
                    sha256: "a8364f9035b2931c1b14697b7ede7f897e6dcd06553716bebd8b9953e937cb4a",
                    selfSigned: true,
                    expired: false,
                    notYetValid: false,
                    servers: ["10.180.152.137:4443"]
                )
            ]
        )
    }

    /// Zeek's ML-DSA certificate: valid from 2026-04-03T07:06:08Z, sent on 2023-11-14: not yet valid.
    @Test func notYetValidPostQuantum() throws {
        guard let url = SharedCorpus.url("corpus/zeek/pcap/ml-dsa-44-cert.pcap"), SharedCorpus.root != nil
        else { return }
        let flagged = try Self.flagged([url.path])
        #expect(flagged.map(\.sha256) == ["fd95785a038018dccb84cd816602920a1e010d8acd9ce63407aa68440f595758"])
        #expect(flagged.first?.notYetValid == true && flagged.first?.expired == false)
    }

    /// No capture of the corpora has an expired certificate that tlsprint reads (Zeek's ssl-v2.pcap has one,
    /// in an SSLv2 ServerHello). Its dates, by hand: notAfter 2012-11-05T20:47:37Z (openssl), sent
    /// 2014-04-10T21:31:36Z. RFC 5280 counts notAfter itself as valid: expired from the next instant on.
    @Test(arguments: [
        (Int64(1_397_165_496), true),
        (Int64(1_352_148_457), false),  // exactly notAfter
        (Int64(1_352_148_458), true),
        (Int64(1_320_612_456), false),  // one second before notBefore 2011-11-06T20:47:37Z: not yet valid
    ])
    func expiryAtCaptureTime(seconds: Int64, expired: Bool) throws {
        var aggregator = SummaryAggregator()
        aggregator.add(Self.certificateEvent(at: CaptureTimestamp(seconds: seconds, nanoseconds: 0)))
        let early = seconds < 1_320_612_457
        guard expired || early else {
            #expect(aggregator.certificates.count == 0)  // in date and not self-signed: nothing to report
            return
        }
        let row = try #require(aggregator.certificates.top(1).first)
        #expect(row.payload.expired == expired)
        #expect(row.payload.notYetValid == early)
        #expect(!row.payload.selfSigned)
        #expect(row.payload.servers.top(1).map(\.key) == ["[2001:db8::1]:443"])
    }

    @Test func certificateDatesParse() {
        #expect(CertificateDate.seconds("2012-11-05T20:47:37Z") == 1_352_148_457)
        #expect(CertificateDate.seconds("1970-01-01T00:00:00Z") == 0)
        #expect(CertificateDate.seconds("0000-01-01T00:00:00Z") == RFC3339.earliestSecond)
        #expect(CertificateDate.seconds("9999-12-31T23:59:59Z") == RFC3339.latestSecond)
        for text in ["", "2012-11-05", "2012-13-05T20:47:37Z", "2012-11-05T20:47:37+00:00", "2012-11-05 20:47:37Z"] {
            #expect(CertificateDate.seconds(text) == nil, "\(text)")
        }
    }

    static func certificateEvent(at time: CaptureTimestamp) -> Event {
        let entry = CertificateChainEntry(
            ja4x: "",
            ja4xRaw: "",
            subject: "CN=plesk",
            issuer: "CN=plesk",
            notBefore: "2011-11-06T20:47:37Z",
            notAfter: "2012-11-05T20:47:37Z",
            serial: "01",
            sha256: "8ce7a4de80166f6198ad559e2aaaa0d858ad2fb173557a9b159cfcaf4760beef"
        )
        return .tlsCertificate(
            TLSCertificateEvent(
                timestamp: time,
                endpoints: EventEndpoints(
                    clientIP: "192.0.2.9",
                    clientPort: 5_000,
                    serverIP: "2001:db8::1",
                    serverPort: 443,
                    transport: .tcp
                ),
                serverName: [],
                chain: [entry],
                subjectCommonName: "plesk",
                subjectAlternativeNames: [],
                selfSigned: false,
                chainLength: 1
            )
        )
    }
}
