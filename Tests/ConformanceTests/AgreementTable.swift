/// Agreement counts per corpus and fingerprint, printed as a table at the end of the run.
struct AgreementTable {
    struct Cell {
        var agree = 0
        var compared = 0
        var mismatches: [String] = []
    }

    private(set) var cells: [String: Cell] = [:]
    private(set) var rows: [String] = []

    /// Records one comparison of `ours` (nil: we emitted nothing) against `expected`.
    mutating func compare(
        corpus: String,
        fingerprint: String,
        expected: String,
        ours: String?,
        where location: String
    ) {
        let row = "\(corpus) \(fingerprint)"
        if cells[row] == nil { rows.append(row) }
        cells[row, default: Cell()].compared += 1
        if ours == expected {
            cells[row, default: Cell()].agree += 1
        } else {
            cells[row, default: Cell()].mismatches.append("\(location): expected \(expected), got \(ours ?? "nothing")")
        }
    }

    /// The cell for one corpus and fingerprint.
    func cell(corpus: String, fingerprint: String) -> Cell { cells["\(corpus) \(fingerprint)"] ?? Cell() }

    /// The table as text, one row per corpus and fingerprint, mismatches listed below.
    func rendered(title: String) -> String {
        var lines = ["", title, "corpus/scope".padding(42) + "fingerprint".padding(14) + "agree/compared"]
        for row in rows {
            guard let cell = cells[row] else { continue }
            let parts = row.split(separator: " ", maxSplits: 1).map(String.init)
            let percent = cell.compared == 0 ? 0 : Double(cell.agree) * 100 / Double(cell.compared)
            lines.append(
                parts[0].padding(42) + parts[1].padding(14) + "\(cell.agree)/\(cell.compared)"
                    + "  (\(Int(percent.rounded(.down)))%)"
            )
        }
        for row in rows {
            for mismatch in cells[row]?.mismatches.prefix(20) ?? [] { lines.append("  ✗ \(row): \(mismatch)") }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
