import Foundation
import TLSPrintEvent
import TLSPrintLabels
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// Labels on real captures, read by the sensor as `read` does.
@Suite struct LabelCaptureTests {
    /// The rows of FoxIO's mapping that fingerprints of the FoxIO corpus match, found independently of tlsprint
    /// by joining the corpus's `expected.json` (its `streams`: ja4, ja4s, ja4t, http ja4h, certificate ja4x) to
    /// the CSV with a Python script (csv and json modules, exact string equality per column): only these four.
    /// The Sliver rows need JA4 `t13d190900_...` and JA4S `t130200_1301_a56c5b993250` together; the corpus has
    /// that JA4S (tls-handshake.pcapng, tls3.pcapng) but never with that JA4, so no event may say Sliver.
    static let ja4tRows = [
        "64240_2-1-3-1-1-4_1460_8": ["Windows 10 [foxio-ja4plus-mapping]"],
        "65535_2-1-3-1-1-8-4-0-0_1460_6": ["Mac OSX/iPhone [foxio-ja4plus-mapping]"],
    ]
    static let ja4Rows = [
        "t12d190800_d83cc789557e_7af1ed941c26": [
            "WinINET / Windows 10/11 [foxio-ja4plus-mapping]", "GoLang [foxio-ja4plus-mapping]",
        ]
    ]
    static let files = [
        "latest.pcapng", "tls-handshake.pcapng", "tls3.pcapng", "ssh2.pcapng", "ssh-r.pcap", "browsers-x509.pcapng",
        "macos_tcp_flags.pcap", "http2-with-cookies.pcapng", "http1.pcapng",
    ]

    struct Stream {
        var ja4: String?
        var ja4t: String?
    }

    /// The corpus's streams of `file` by client address and port.
    static func streams(of file: String) throws -> [String: Stream] {
        guard let root = try SharedCorpus.json("corpus/foxio/expected.json") as? [String: Any],
            let files = root["files"] as? [[String: Any]],
            let entry = files.first(where: { $0["pcap"] as? String == file }),
            let streams = entry["streams"] as? [[String: Any]]
        else { return [:] }
        var result: [String: Stream] = [:]
        for stream in streams {
            guard let source = stream["src"] as? String, let port = stream["src_port"] as? Int else { continue }
            result["\(source) \(port)"] = Stream(ja4: stream["ja4"] as? String, ja4t: stream["ja4t"] as? String)
        }
        return result
    }

    @Test(arguments: files)
    func foxIOMappingLabelsExactlyTheEventsWhoseFingerprintsItLists(_ file: String) throws {
        guard let mapping = SharedCorpus.url("labels/foxio-ja4plus-mapping.csv"),
            let capture = SharedCorpus.url("corpus/foxio/pcap/\(file)")
        else {
            print("skipping: TLSPRINT_SHARED is not set (FoxIO corpus and mapping)")
            return
        }
        let list = try LabelList(name: "foxio-ja4plus-mapping", bytes: [UInt8](try Data(contentsOf: mapping)))
        var configuration = SensorConfiguration.withoutDeduplication
        configuration.labels = LabelIndex([list])
        let events = try CaptureRunner.run([capture.path], configuration: configuration).events
        let streams = try Self.streams(of: file)
        var compared = 0
        for event in events {
            let labels = event.annotations.labels
            #expect(!labels.contains { $0.hasPrefix("Sliver") }, "\(file): \(labels)")
            guard let endpoints = event.endpoints,
                let stream = streams["\(endpoints.clientIP) \(endpoints.clientPort)"]
            else { continue }
            var expected: [String] = []
            let carriesJA4T: Bool
            let carriesJA4: Bool
            switch event {
            case .tlsClientHello, .tlsSession: (carriesJA4T, carriesJA4) = (true, true)
            case .tlsCertificate: (carriesJA4T, carriesJA4) = (false, true)
            case .sshHandshake, .sshActivity, .httpRequest: (carriesJA4T, carriesJA4) = (true, false)
            case .startup, .sensorStats: continue
            }
            if carriesJA4T, let ja4t = stream.ja4t { expected += Self.ja4tRows[ja4t] ?? [] }
            if carriesJA4, let ja4 = stream.ja4 { expected += Self.ja4Rows[ja4] ?? [] }
            #expect(labels == expected, "\(file) \(event.type) \(endpoints.clientIP):\(endpoints.clientPort)")
            compared += 1
        }
        #expect(compared > 0, "\(file): no event matched a stream of expected.json")
    }

    /// The embedded set on real captures: the FoxIO corpus's OpenSSH 7.4 client (ssh-r.pcap, HASSH
    /// ec9ea89c70f5fc71cf61061bff5e4740, the centos 7 row of Salesforce's HASSH list) and the Zeek corpus's
    /// fragmented handshake (JA3 799135475da362592a4be9199d258726, line 146 of the JA3 list). Label texts written
    /// out by hand from those rows.
    @Test func embeddedSetLabelsKnownClients() throws {
        guard let ssh = SharedCorpus.url("corpus/foxio/pcap/ssh-r.pcap"),
            let tls = SharedCorpus.url("corpus/zeek/pcap/tls-fragmented-handshake.pcap")
        else {
            print("skipping: TLSPRINT_SHARED is not set")
            return
        }
        let sshEvents = try CaptureRunner.run([ssh.path]).events
        let handshakes = sshEvents.filter {
            $0.type == .sshHandshake && $0.text("hassh") == "ec9ea89c70f5fc71cf61061bff5e4740"
        }
        #expect(handshakes.count == 2)
        for event in handshakes {
            #expect(event.annotations.labels == ["openssh-clients 7.4p1-16.el7 (centos 7) [salesforce-hassh]"])
        }
        let tlsEvents = try CaptureRunner.run([tls.path]).events
        let labelled = tlsEvents.filter { !$0.annotations.labels.isEmpty }
        #expect(labelled.map(\.type) == [.tlsClientHello, .tlsSession])
        for event in labelled {
            #expect(
                event.annotations.labels == ["Used by many programs on OSX,apple.WebKit.Networking [salesforce-ja3]"]
            )
        }
    }

    /// Labels are looked up after dedup: a suppressed event is not labelled, and the first one is.
    @Test func labelsFollowDeduplication() throws {
        guard let tls = SharedCorpus.url("corpus/zeek/pcap/tls-fragmented-handshake.pcap") else { return }
        var configuration = SensorConfiguration()
        configuration.labels = LabelIndex()
        let unlabelled = try CaptureRunner.run([tls.path], configuration: configuration)
        #expect(unlabelled.events.allSatisfy { $0.annotations.labels.isEmpty })
        #expect(unlabelled.counters.labelledEvents == 0)
        let labelled = try CaptureRunner.run([tls.path], configuration: SensorConfiguration())
        #expect(labelled.counters.labelledEvents == 2)
    }
}
