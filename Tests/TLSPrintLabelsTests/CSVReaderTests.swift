import TLSPrintLabels
import Testing

/// RFC 4180 as label lists use it: quoted cells, doubled quotes, CRLF and LF, cells spanning lines; and the
/// errors that stop a run, each with its line.
@Suite struct CSVReaderTests {
    static func cells(_ text: String) throws -> [[String]] {
        try CSVReader.records(Array(text.utf8)).map(\.cells)
    }

    @Test func quotedCellsDoubledQuotesAndBothLineEnds() throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\nd,,e\nf"
        #expect(try Self.cells(text) == [["a", "b,c", "say \"hi\""], ["d", "", "e"], ["f"]])
    }

    @Test func quotedCellSpanningLinesKeepsLineNumbers() throws {
        // The shape of Salesforce's JA3 list: a 4-line quoted licence cell, then rows.
        let text =
            "\"Copyright\r\nAll rights\r\nreserved.\r\nBSD\",\r\n61d50e7771aee7f2f4b89a7200b4d45e,\"AcroCEF\"\r\n"
        let records = try CSVReader.records(Array(text.utf8))
        #expect(
            records.map(\.cells) == [
                ["Copyright\r\nAll rights\r\nreserved.\r\nBSD", ""], ["61d50e7771aee7f2f4b89a7200b4d45e", "AcroCEF"],
            ]
        )
        #expect(records.map(\.line) == [1, 5])
    }

    @Test func byteOrderMarkAndTrailingLineEndAddNothing() throws {
        #expect(try Self.cells("\u{FEFF}a,b\n") == [["a", "b"]])
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var error: String
        var testDescription: String { error }
    }

    static let bad: [Bad] = [
        Bad(bytes: Array("a,b\n\"open,c\nd\n".utf8), error: "line 2: a quoted cell opened here is never closed"),
        Bad(bytes: Array("a,\"b\"x\n".utf8), error: "line 1: text after the closing quote of a cell"),
        Bad(bytes: Array("a,b\nc,d\"e\n".utf8), error: "line 2: a quote inside a cell that is not quoted"),
        Bad(bytes: [0x61, 0x2C, 0x62, 0x0A, 0x00, 0x01, 0x02], error: "line 2: a NUL byte: not a text file"),
        Bad(bytes: [0x61, 0x2C, 0xFF, 0xFE, 0x0A], error: "line 1: not UTF-8 text"),
        Bad(
            bytes: Array(repeating: UInt8(ascii: "x"), count: CSVReader.maximumCellBytes + 1),
            error: "line 1: a cell longer than 64 KiB"
        ),
        Bad(
            bytes: Array(String(repeating: ",", count: CSVReader.maximumCells).utf8),
            error: "line 1: more than 64 cells in one row"
        ),
    ]

    @Test(arguments: bad)
    func malformedTextIsAnErrorWithItsLine(_ test: Bad) {
        #expect(throws: LabelListError.self) { try CSVReader.records(test.bytes) }
        do {
            _ = try CSVReader.records(test.bytes)
        } catch {
            #expect(error.description == test.error)
        }
    }

    @Test func oversizedInputIsRefused() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: CSVReader.maximumBytes + 1)
        #expect(throws: LabelListError(line: nil, "larger than 16 MiB")) { try CSVReader.records(bytes) }
    }

    /// Every prefix of a valid list either reads or fails with a line, never traps.
    @Test func everyPrefixReadsOrFails() {
        let text = Array("a,\"b\r\nc\"\"\",d\r\n\"e\",f\n".utf8)
        for length in 0...text.count {
            _ = try? CSVReader.records(Array(text.prefix(length)))
        }
    }
}
