/// A table of text with aligned columns: every row's cells start at the same columns, two spaces apart, and
/// each title starts where its column starts (numbers are aligned right under it). A cell longer than its
/// column's maximum width is cut and ends in `...`.
///
/// Widths count characters, so a name with wide (East Asian) characters can push its row's later cells right.
package struct TextTable: Sendable {
    /// How a column lines up.
    package enum Alignment: Sendable {
        case left
        case right
    }

    /// A column's title, alignment and widest cell.
    package struct Column: Sendable {
        package var title: String
        package var alignment: Alignment
        package var maximumWidth: Int

        package init(_ title: String, _ alignment: Alignment = .left, maximumWidth: Int = 40) {
            self.title = title
            self.alignment = alignment
            self.maximumWidth = max(4, maximumWidth)
        }
    }

    package var columns: [Column]
    package var rows: [[String]] = []

    package init(columns: [Column]) {
        self.columns = columns
    }

    /// `text` cut to `width` characters, the last three `...` when it was longer.
    package static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        return String(text.prefix(max(0, width - 3))) + "..."
    }

    /// The header line and one line per row, each ending in a newline; trailing spaces are left out.
    package func render() -> String {
        let cells = ([columns.map(\.title)] + rows).map { row in
            columns.indices.map { index in
                Self.truncate(index < row.count ? row[index] : "", to: columns[index].maximumWidth)
            }
        }
        let widths = columns.indices.map { index in cells.map { $0[index].count }.max() ?? 0 }
        var out = ""
        for (rowIndex, row) in cells.enumerated() {
            var line = ""
            for (index, cell) in row.enumerated() {
                if index > 0 { line += "  " }
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                // Titles start where their column starts, whatever the alignment of its cells.
                let right = columns[index].alignment == .right && rowIndex > 0
                line += right ? padding + cell : cell + padding
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
