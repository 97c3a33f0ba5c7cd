import Foundation
import TLSPrintLabels
import TLSPrintTestSupport
import Testing

/// The embedded default set is what `scripts/labels/make-embedded.py` makes of Salesforce's lists, and the same
/// rows `--labels` would read from those files.
@Suite struct EmbeddedLabelsTests {
    @Test func committedFileIsWhatTheGeneratorWrites() throws {
        guard let folder = SharedCorpus.url("labels") else {
            print("skipping: TLSPRINT_SHARED is not set; the generator reads shared/labels")
            return
        }
        let root = SharedCorpus.packageRoot
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("scripts/labels/make-embedded.py").path, folder.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let generated = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let committed = try Data(
            contentsOf: root.appendingPathComponent("Sources/TLSPrintLabels/EmbeddedLabelRows.swift")
        )
        #expect(generated == committed, "run scripts/labels/make-embedded.py to refresh EmbeddedLabelRows.swift")
    }

    @Test func embeddedRowsAreTheRowsOfTheFiles() throws {
        guard let ja3 = SharedCorpus.url("labels/salesforce-osx-nix-ja3.csv"),
            let hassh = SharedCorpus.url("labels/salesforce-hassh-fingerprints.csv")
        else {
            print("skipping: TLSPRINT_SHARED is not set")
            return
        }
        let fromFiles = [
            try LabelList(name: "salesforce-ja3", bytes: [UInt8](try Data(contentsOf: ja3))),
            try LabelList(name: "salesforce-hassh", bytes: [UInt8](try Data(contentsOf: hassh))),
        ]
        let embedded = LabelIndex.embeddedLists
        #expect(embedded.map(\.name) == ["salesforce-ja3", "salesforce-hassh"])
        for (built, read) in zip(embedded, fromFiles) {
            #expect(built.rows.map(\.cells) == read.rows.map(\.cells))
            #expect(built.rows.map(\.label) == read.rows.map(\.label))
        }
        #expect(LabelIndex.embedded.rows.count == 157 + 49)
    }
}
