/// One CSV record: its cells, unquoted, and the line it starts on.
package struct CSVRecord: Hashable, Sendable {
    package var cells: [String]
    /// The 1-based line of the record's first byte (a quoted cell may carry it over several lines).
    package var line: Int

    package init(cells: [String], line: Int) {
        self.cells = cells
        self.line = line
    }
}

/// Splits CSV text into records (RFC 4180 §2): cells separated by commas, records by CRLF or LF; a cell in
/// double quotes may hold commas, line breaks and doubled quotes (`""` is one `"`). Strict where the RFC is
/// (a quote inside an unquoted cell, anything but a comma or line end after a closing quote, and a quote
/// left open are errors), bounded (``maximumBytes``, ``maximumCellBytes``, ``maximumCells``), and text only:
/// a NUL byte or bytes that are not UTF-8 make the list an error, which is how binary files are refused.
package enum CSVReader {
    /// The largest list accepted (FoxIO's mapping is 5 KB; the largest public lists are a few MB).
    package static let maximumBytes = 16 * 1_024 * 1_024
    /// The longest cell accepted (the HASSH list's algorithm strings are under 1 KiB).
    package static let maximumCellBytes = 64 * 1_024
    /// Cells in one record.
    package static let maximumCells = 64

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// The records of `bytes`, in order. A UTF-8 byte-order mark at the start is skipped.
    /// - Throws: `LabelListError` naming the line of the first problem.
    package static func records(_ bytes: [UInt8]) throws(LabelListError) -> [CSVRecord] {
        guard bytes.count <= maximumBytes else {
            throw LabelListError(line: nil, "larger than \(maximumBytes / 1_048_576) MiB")
        }
        var scanner = Scanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        var records: [CSVRecord] = []
        while scanner.index < bytes.count {
            records.append(try scanner.record())
        }
        return records
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        /// Reads one record and its line terminator.
        mutating func record() throws(LabelListError) -> CSVRecord {
            let start = line
            var cells: [String] = []
            while true {
                guard cells.count < CSVReader.maximumCells else {
                    throw LabelListError(line: start, "more than \(CSVReader.maximumCells) cells in one row")
                }
                cells.append(try cell())
                guard index < bytes.count else { break }
                let byte = bytes[index]
                index += 1
                if byte == CSVReader.comma { continue }
                if byte == CSVReader.carriageReturn, index < bytes.count, bytes[index] == CSVReader.lineFeed {
                    index += 1
                }
                line += 1
                break
            }
            return CSVRecord(cells: cells, line: start)
        }

        /// Reads one cell, stopping before the comma or line end that follows it.
        mutating func cell() throws(LabelListError) -> String {
            var value: [UInt8] = []
            if index < bytes.count, bytes[index] == CSVReader.quote {
                let opened = line
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw LabelListError(line: opened, "a quoted cell opened here is never closed")
                    }
                    let byte = bytes[index]
                    index += 1
                    if byte == CSVReader.quote {
                        guard index < bytes.count, bytes[index] == CSVReader.quote else { break }
                        index += 1
                    }
                    if byte == CSVReader.lineFeed { line += 1 }
                    try append(byte, to: &value)
                }
                if index < bytes.count, !Self.endsCell(bytes[index]) {
                    throw LabelListError(line: line, "text after the closing quote of a cell")
                }
            } else {
                while index < bytes.count, !Self.endsCell(bytes[index]) {
                    let byte = bytes[index]
                    if byte == CSVReader.quote {
                        throw LabelListError(line: line, "a quote inside a cell that is not quoted")
                    }
                    index += 1
                    try append(byte, to: &value)
                }
            }
            guard let text = String(validating: value, as: UTF8.self) else {
                throw LabelListError(line: line, "not UTF-8 text")
            }
            return text
        }

        func append(_ byte: UInt8, to value: inout [UInt8]) throws(LabelListError) {
            if byte == 0 { throw LabelListError(line: line, "a NUL byte: not a text file") }
            guard value.count < CSVReader.maximumCellBytes else {
                throw LabelListError(line: line, "a cell longer than \(CSVReader.maximumCellBytes / 1_024) KiB")
            }
            value.append(byte)
        }

        /// A comma, CR or LF ends a cell (a lone CR ends the record too).
        static func endsCell(_ byte: UInt8) -> Bool {
            byte == CSVReader.comma || byte == CSVReader.lineFeed || byte == CSVReader.carriageReturn
        }
    }
}
