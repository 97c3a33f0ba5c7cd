import Foundation
import TLSPrintLabels
import TLSPrintTestSupport
import Testing

/// The three formats, on the real lists in `$TLSPRINT_SHARED/labels` and on small made-up ones.
@Suite struct LabelListTests {
    static func sharedList(_ file: String) throws -> [UInt8]? {
        guard let root = SharedCorpus.root else {
            print("skipping: TLSPRINT_SHARED is not set; the label lists are in shared/labels")
            return nil
        }
        return [UInt8](try Data(contentsOf: root.appendingPathComponent("labels/\(file)")))
    }

    /// FoxIO's mapping with all its quirks. Expected numbers counted with Python's csv module, independently:
    /// `python3 -c "import csv; r=list(csv.reader(open('foxio-ja4plus-mapping.csv', newline='')))..."`: 66 data
    /// rows; filled cells ja4 35, ja4s 7, ja4h 11, ja4x 7, ja4t 10; 6 rows (lines 39, 44-47, 65) fill no compared
    /// column (only ja4tscan, which is ignored); one cell has the wrong shape: line 31's JA4H
    /// `ge11cn060000_4e59edc1297a_4da5efaf0cb`, whose last section has 11 hex digits, not 12.
    @Test func foxIOMappingLoadsWithItsQuirks() throws {
        guard let bytes = try Self.sharedList("foxio-ja4plus-mapping.csv") else { return }
        let list = try LabelList(name: "foxio-ja4plus-mapping", bytes: bytes)
        #expect(list.rows.count == 66 - 6 - 1)
        #expect(list.rowsWithoutFingerprint == 6)
        #expect(list.warnings.map(\.line) == [31])
        #expect(list.warnings.first?.message.contains("ge11cn060000_4e59edc1297a_4da5efaf0cb") == true)
        let cells = list.rows.flatMap(\.cells)
        let counts = Dictionary(grouping: cells, by: \.kind).mapValues(\.count)
        #expect(counts == [.ja4: 35, .ja4s: 7, .ja4h: 10, .ja4x: 7, .ja4t: 10])
        func row(_ line: Int) -> LabelRow? { list.rows.first { $0.line == line } }
        // JA4H cells of 2 and 3 sections: the missing ones are `*`.
        #expect(row(37)?.cells.first?.sections == ["po10nn060000", "cdb958d032b0", nil, nil])
        #expect(row(28)?.cells.first?.sections == ["ge11cn020000", "9ed1ff1f7b03", "cd8dafe26982", nil])
        // The trailing space of "IcedID " is trimmed; the row is a JA4 and JA4S conjunction.
        #expect(row(29)?.label == "IcedID [foxio-ja4plus-mapping]")
        #expect(row(29)?.cells.map(\.kind) == [.ja4, .ja4s])
        // JA4TS values in the ja4t column load as ja4t cells.
        #expect(row(66)?.cells.map(\.kind) == [.ja4t])
        #expect(row(66)?.label == "Cloudflare [foxio-ja4plus-mapping]")
        // Descriptive cells joined with " / ", empty ones left out.
        #expect(row(40)?.label == "Cobalt Strike v4.9.1 beacon / Windows 10 [foxio-ja4plus-mapping]")
        #expect(row(24)?.label == "Sliver Agent / GoLang [foxio-ja4plus-mapping]")
        #expect(row(57)?.cells.map(\.kind) == [.ja4x])  // Cisco RV32x: its ja4tscan cell is ignored
    }

    /// Salesforce's JA3 list as published (157 rows after a quoted 4-line licence cell, counted with Python's
    /// csv module: 158 records, the first the licence).
    @Test func salesforceJA3ListLoadsAsAPlainList() throws {
        guard let bytes = try Self.sharedList("salesforce-osx-nix-ja3.csv") else { return }
        let list = try LabelList(name: "salesforce-osx-nix-ja3", bytes: bytes)
        #expect(list.rows.count == 157)
        #expect(list.warnings.isEmpty)
        #expect(list.rows.first?.label == "AcroCEF [salesforce-osx-nix-ja3]")
        let first = FingerprintPattern("61d50e7771aee7f2f4b89a7200b4d45e", kind: .ja3)
        #expect(list.rows.first?.cells == first.map { [$0] })
        #expect(list.rows.first?.line == 5)
    }

    /// Salesforce's HASSH list, recognised by its header: 49 rows (Python csv.DictReader counts 49).
    @Test func salesforceHASSHListLoadsByItsHeader() throws {
        guard let bytes = try Self.sharedList("salesforce-hassh-fingerprints.csv") else { return }
        let list = try LabelList(name: "hassh", bytes: bytes)
        #expect(list.rows.count == 49)
        #expect(list.rows.first?.label == "dropbear 2018.76-4 (debian sid-slim) [hassh]")
        let first = FingerprintPattern("e22efe3cde8b396b874c3f13fdb6c61a", kind: .hassh)
        #expect(list.rows.first?.cells == first.map { [$0] })
    }

    @Test func plainListTakesKindFromShapeOrThirdColumn() throws {
        let text = """
            fingerprint,label,kind
            E7D705A3286E19EA42F587B344EE6865,Tor client
            e7d705a3286e19ea42f587b344ee6865,A server,ja3s
            c0216580c330eab8906d740d31f761a8,OpenSSH 6.0,hassh
            425d29fe50d8e4f5e37efb6e24bcf660,OpenSSH server,hassh_server
            t13d1516h2_8daaf6152771_*,Chrome-like
            t130200_1301_a56c5b993250,TLS 1.3 server
            ge11nn08enus_050dd5cfb971,HTTP client
            000000000000_4f24da86fad6_bf0f0589fc03,C2 certificate
            64240_2-1-3-1-1-4_1460_8,Windows
            not-a-fingerprint,Nothing
            t13d1516h2_8daaf6152771_02713d6af862,Bad kind,ja5
            e7d705a3286e19ea42f587b344ee6865,,
            """
        let list = try LabelList(name: "mine", bytes: Array(text.utf8))
        #expect(
            list.rows.map { $0.cells[0].kind } == [.ja3, .ja3s, .hassh, .hasshServer, .ja4, .ja4s, .ja4h, .ja4x, .ja4t]
        )
        #expect(list.rows[0].cells[0].exactValue == "e7d705a3286e19ea42f587b344ee6865")  // hex lowered
        #expect(list.rows[0].label == "Tor client [mine]")
        #expect(list.warnings.map(\.line) == [11, 12, 13])
        #expect(
            list.warnings.map(\.message) == [
                "'not-a-fingerprint' is not a fingerprint; row skipped",
                "unknown kind 'ja5'; row skipped",
                "no label for 'e7d705a3286e19ea42f587b344ee6865'; row skipped",
            ]
        )
    }

    @Test func wrongShapeInAFoxIOCellSkipsTheRowWithAWarning() throws {
        let text = """
            Application,Library,Device,OS,ja4,ja4s,ja4h,ja4x,ja4t,ja4tscan,Notes
            Good,,,,t13d1516h2_8daaf6152771_02713d6af862,,,,,,
            Bad,,,,t13d1516h2_8daaf6152771_02713d6af862,t130200_1301_zz,,,,,
            \u{1B}[2J,,,,t13d1516h2,,,,,,
            """
        let list = try LabelList(name: "m", bytes: Array(text.utf8))
        #expect(list.rows.map(\.label) == ["Good [m]", "\u{1B}[2J [m]"])
        #expect(
            list.warnings == [
                LabelListWarning(line: 3, "ja4s cell 't130200_1301_zz' is not a ja4s fingerprint; row skipped")
            ]
        )
    }

    @Test func controlCharactersInAWarningAreShownEscaped() throws {
        let list = try LabelList(name: "m", bytes: Array("e7d705a3286e19ea42f587b344ee6865,x\nab\u{1B}c,y\n".utf8))
        #expect(list.warnings.map(\.message) == ["'ab\\x1Bc' is not a fingerprint; row skipped"])
    }

    struct Unusable: Sendable, CustomTestStringConvertible {
        var text: String
        var error: String
        var testDescription: String { error }
    }

    static let unusable: [Unusable] = [
        Unusable(text: "", error: "no rows: the list is empty"),
        Unusable(text: "\n\n", error: "no rows: the list is empty"),
        Unusable(text: "name,value\nalpha,1\nbeta,2\n", error: "line 1: no recognisable columns"),
        Unusable(text: "just one column\n", error: "line 1: no recognisable columns"),
        Unusable(text: "e7d705a3286e19ea42f587b344ee6865\n", error: "line 1: no recognisable columns"),
    ]

    @Test(arguments: unusable)
    func listWithoutRecognisableColumnsIsAnError(_ test: Unusable) {
        do {
            _ = try LabelList(name: "x", bytes: Array(test.text.utf8))
            Issue.record("read without error")
        } catch {
            #expect(error.description.hasPrefix(test.error), "\(error)")
        }
    }
}
