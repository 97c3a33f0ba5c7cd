import Foundation
import TLSPrintEvent
import TLSPrintSensor
import TLSPrintTestSupport
import Testing

/// Replays every fuzzer finding (Tests/Fixtures/regressions/) and every committed fuzz seed (Fuzz/Corpus/)
/// through the same harness the libFuzzer targets run: a crash here fails the suite.
@Suite("Fuzz regressions and seeds replay")
struct HostileRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized

    /// The harness for a fuzz target name (`Fuzz/Targets/<name>`).
    static func harness(_ target: String) -> (([UInt8]) -> Void)? {
        switch target {
        case "pcap": return { FuzzHarness.pcap($0) }
        case "packet": return { FuzzHarness.packet($0) }
        case "assembler": return { FuzzHarness.assembler($0) }
        case "clienthello": return { FuzzHarness.clientHello($0) }
        case "serverhello": return { FuzzHarness.serverHello($0) }
        case "certificate": return { FuzzHarness.certificate($0) }
        case "quic": return { FuzzHarness.quic($0) }
        case "dtls": return { FuzzHarness.dtls($0) }
        case "sensor": return { FuzzHarness.sensor($0) }
        case "ssh": return { FuzzHarness.ssh($0) }
        case "http": return { FuzzHarness.http($0) }
        case "labels": return { FuzzHarness.labels($0) }
        default: return nil
        }
    }

    static func files(in folder: String) -> [URL] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().map { url.appendingPathComponent($0) }.filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    static let regressions = files(in: "Tests/Fixtures/regressions").filter { $0.pathExtension == "bin" }.map(
        \.lastPathComponent
    )

    @Test("every regression input replays without a crash", arguments: regressions)
    func regression(_ name: String) throws {
        let target = String(name.prefix { $0 != "-" })
        let run = try #require(Self.harness(target), "no harness for \(name)")
        let bytes = try Data(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/regressions/\(name)"))
        run(Array(bytes))
    }

    @Test("every committed fuzz seed replays without a crash")
    func seeds() throws {
        let seeds = Self.files(in: "Fuzz/Corpus")
        try #require(!seeds.isEmpty)
        for seed in seeds {
            let target = seed.deletingLastPathComponent().lastPathComponent
            let run = try #require(Self.harness(target), "no harness for \(seed.path)")
            run(Array(try Data(contentsOf: seed)))
        }
    }

    @Test("the seeds exercise the parsers: hellos parse, sensor seeds yield packets")
    func seedsAreMeaningful() throws {
        let sensorSeeds = Self.files(in: "Fuzz/Corpus/sensor")
        try #require(!sensorSeeds.isEmpty)
        let counters = FuzzHarness.sensor(Array(try Data(contentsOf: sensorSeeds[0])))
        #expect(counters.packets > 0)
        let pcaps = Self.files(in: "Fuzz/Corpus/pcap")
        let packets = try pcaps.map { FuzzHarness.pcap(Array(try Data(contentsOf: $0))).packets }
        #expect(packets.allSatisfy { $0 > 0 })
        let labelSeeds = Self.files(in: "Fuzz/Corpus/labels")
        try #require(labelSeeds.count == 3)
        let rows = try labelSeeds.map { FuzzHarness.labels(Array(try Data(contentsOf: $0))) }
        // plain.csv 8 rows; foxio-style.csv 5 (the ja4tscan-only row gives none); hassh-style.csv 1.
        #expect(rows.sorted() == [1, 5, 8])
    }

    /// The harness's checks (every one-cell row labels an event carrying its value) on the real lists.
    @Test("the label harness holds on the shared label lists")
    func sharedLabelLists() throws {
        guard let shared = SharedCorpus.root else { return }
        let folder = shared.appendingPathComponent("labels")
        let lists = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(lists.count == 3)
        for name in lists {
            let rows = FuzzHarness.labels(Array(try Data(contentsOf: folder.appendingPathComponent(name))))
            #expect(rows > 0, "\(name)")
        }
    }
}
