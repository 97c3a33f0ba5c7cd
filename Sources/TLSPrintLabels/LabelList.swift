/// One label list, read: its usable rows in file order, and what was left out and why.
///
/// Three formats are recognised by their first rows: FoxIO's `ja4plus-mapping.csv` (header
/// `Application,Library,Device,OS,ja4,ja4s,ja4h,ja4x,ja4t,ja4tscan,Notes`, columns found by name), Salesforce's
/// HASSH list (header `image,imageVersion,sshClient,sshClientVersion,...,hassh,...`), and a plain
/// `fingerprint,label[,kind]` list, which may start with one header row of any text (Salesforce's JA3 list starts
/// with a quoted licence cell).
package struct LabelList: Hashable, Sendable {
    /// The list's name in labels: the file's base name without its extension.
    package var name: String
    package var rows: [LabelRow]
    /// Cells and rows left out, one entry each, in file order.
    package var warnings: [LabelListWarning]
    /// Rows with no fingerprint cell tlsprint compares (FoxIO rows with only `ja4tscan`): not used, not wrong.
    package var rowsWithoutFingerprint = 0

    package init(name: String, rows: [LabelRow], warnings: [LabelListWarning] = []) {
        self.name = name
        self.rows = rows
        self.warnings = warnings
    }

    /// Reads a list from the file's bytes; `name` is what labels show in brackets.
    /// - Throws: `LabelListError` when the bytes are not CSV text or no format is recognised.
    package init(name: String, bytes: [UInt8]) throws(LabelListError) {
        let records = try CSVReader.records(bytes).filter { !$0.isBlank }
        self.init(name: name, rows: [])
        guard let first = records.first else { throw LabelListError(line: nil, "no rows: the list is empty") }
        let header = first.cells.map { $0.trimmed.lowercased() }
        if let columns = FoxIOColumns(header: header) {
            readFoxIO(records.dropFirst(), columns: columns)
        } else if let columns = HASSHColumns(header: header) {
            readHASSH(records.dropFirst(), columns: columns)
        } else {
            let data = try Self.plainData(records)
            readPlain(data)
        }
    }

    /// A plain list's data rows: all rows, or all but the first when the first is a header (its first cell is not
    /// a fingerprint). Without a fingerprint in the first cell of either of the first two rows, the columns are
    /// not recognisable.
    private static func plainData(_ records: [CSVRecord]) throws(LabelListError) -> ArraySlice<CSVRecord> {
        for (offset, record) in records.prefix(2).enumerated()
        where record.cells.count >= 2 && FingerprintPattern.guessKind(of: record.cells[0].trimmed) != nil {
            return records.dropFirst(offset)
        }
        throw LabelListError(
            line: records[0].line,
            "no recognisable columns: expected FoxIO's header (Application,Library,Device,OS,ja4,...), the HASSH "
                + "list's header (image,imageVersion,sshClient,...,hassh,...), or fingerprint,label[,kind] rows"
        )
    }

    /// The text every label of this list ends with.
    var suffix: String { " [\(name)]" }

    private mutating func warn(_ line: Int, _ message: String) {
        warnings.append(LabelListWarning(line: line, message))
    }
}

extension LabelList {
    /// Column positions of FoxIO's mapping, found by name.
    struct FoxIOColumns {
        var descriptive: [Int]
        var fingerprints: [(column: Int, kind: FingerprintKind)]

        init?(header: [String]) {
            let names = ["application", "library", "device", "os"]
            descriptive = names.compactMap { header.firstIndex(of: $0) }
            fingerprints = [
                ("ja4", FingerprintKind.ja4), ("ja4s", .ja4s), ("ja4h", .ja4h), ("ja4x", .ja4x), ("ja4t", .ja4t),
            ]
            .compactMap { name, kind in header.firstIndex(of: name).map { ($0, kind) } }
            guard !descriptive.isEmpty, !fingerprints.isEmpty else { return nil }
        }
    }

    /// Column positions of Salesforce's HASSH list.
    struct HASSHColumns {
        var image: Int, imageVersion: Int, client: Int, clientVersion: Int, hassh: Int

        init?(header: [String]) {
            guard let image = header.firstIndex(of: "image"), let imageVersion = header.firstIndex(of: "imageversion"),
                let client = header.firstIndex(of: "sshclient"),
                let clientVersion = header.firstIndex(of: "sshclientversion"),
                let hassh = header.firstIndex(of: "hassh")
            else { return nil }
            (self.image, self.imageVersion, self.client, self.clientVersion, self.hassh) =
                (image, imageVersion, client, clientVersion, hassh)
        }
    }

    /// FoxIO rows: the descriptive cells joined with ` / `; every filled fingerprint cell a condition. A cell of
    /// the wrong shape is reported, and its row left out: without it the row would match more than it says.
    private mutating func readFoxIO(_ records: ArraySlice<CSVRecord>, columns: FoxIOColumns) {
        for record in records {
            var cells: [FingerprintPattern] = []
            var wrong = false
            for (column, kind) in columns.fingerprints {
                let text = record.cell(column)
                guard !text.isEmpty else { continue }
                guard let pattern = FingerprintPattern(text, kind: kind) else {
                    warn(
                        record.line,
                        "\(kind.name) cell '\(text.shown)' is not a \(kind.name) fingerprint; row skipped"
                    )
                    wrong = true
                    continue
                }
                cells.append(pattern)
            }
            guard !wrong else { continue }
            guard !cells.isEmpty else {
                rowsWithoutFingerprint += 1
                continue
            }
            let text = columns.descriptive.map { record.cell($0) }.filter { !$0.isEmpty }.joined(separator: " / ")
            rows.append(LabelRow(cells: cells, label: text + suffix, line: record.line))
        }
    }

    /// HASSH rows: `sshClient sshClientVersion (image imageVersion)`.
    private mutating func readHASSH(_ records: ArraySlice<CSVRecord>, columns: HASSHColumns) {
        for record in records {
            let text = record.cell(columns.hassh)
            guard let pattern = FingerprintPattern(text, kind: .hassh) else {
                warn(record.line, "hassh cell '\(text.shown)' is not a HASSH; row skipped")
                continue
            }
            let label = Self.hasshLabel(
                client: record.cell(columns.client),
                clientVersion: record.cell(columns.clientVersion),
                image: record.cell(columns.image),
                imageVersion: record.cell(columns.imageVersion)
            )
            rows.append(LabelRow(cells: [pattern], label: label + suffix, line: record.line))
        }
    }

    /// The label of a HASSH-list row, `paramiko 2.2.0 (python 3.6-alpine)`; empty parts are left out.
    package static func hasshLabel(client: String, clientVersion: String, image: String, imageVersion: String)
        -> String
    {
        let software = [client, clientVersion].filter { !$0.isEmpty }.joined(separator: " ")
        let built = [image, imageVersion].filter { !$0.isEmpty }.joined(separator: " ")
        return built.isEmpty ? software : "\(software) (\(built))"
    }

    /// Plain rows: `fingerprint,label[,kind]`. The kind comes from the third cell when filled, else from the
    /// fingerprint's shape (an MD5 is a JA3).
    private mutating func readPlain(_ records: ArraySlice<CSVRecord>) {
        for record in records {
            let text = record.cell(0)
            let label = record.cell(1)
            let kindName = record.cell(2)
            let kind: FingerprintKind
            if kindName.isEmpty {
                guard let guessed = FingerprintPattern.guessKind(of: text) else {
                    warn(record.line, "'\(text.shown)' is not a fingerprint; row skipped")
                    continue
                }
                kind = guessed
            } else {
                guard let named = FingerprintKind(name: kindName) else {
                    warn(record.line, "unknown kind '\(kindName.shown)'; row skipped")
                    continue
                }
                kind = named
            }
            guard let pattern = FingerprintPattern(text, kind: kind) else {
                warn(record.line, "'\(text.shown)' is not a \(kind.name) fingerprint; row skipped")
                continue
            }
            guard !label.isEmpty else {
                warn(record.line, "no label for '\(text.shown)'; row skipped")
                continue
            }
            rows.append(LabelRow(cells: [pattern], label: label + suffix, line: record.line))
        }
    }
}

extension String {
    /// The cell as a warning shows it: control characters as `\xHH` (a list cannot write escape sequences to a
    /// terminal), at most 80 characters.
    var shown: String {
        var text = ""
        for scalar in unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                text += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return unicodeScalars.count > 80 ? text + "..." : text
    }

    private var leftPadded: String { count < 2 ? "0" + self : self }
}

extension CSVRecord {
    /// The cell at `index`, trimmed; empty when the row is shorter.
    func cell(_ index: Int) -> String {
        index < cells.count ? cells[index].trimmed : ""
    }

    /// True for an empty line (one empty cell) or a row of empty cells.
    var isBlank: Bool { cells.allSatisfy { $0.trimmed.isEmpty } }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (cells are trimmed before use).
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
