extension LabelIndex {
    /// The default set, built into the binary: Salesforce's JA3 list (`[salesforce-ja3]`) and HASSH list
    /// (`[salesforce-hassh]`), BSD 3-Clause (NOTICE). Rows are in `EmbeddedLabelRows.swift`, which
    /// `scripts/labels/make-embedded.py` writes from the lists in shared/labels; nothing is read at run time.
    package static let embedded = LabelIndex(embeddedLists)

    /// The embedded lists as lists, for tests and for `embedded`.
    package static var embeddedLists: [LabelList] {
        [
            embeddedList(name: "salesforce-ja3", kind: .ja3, rows: EmbeddedLabelRows.salesforceJA3),
            embeddedList(name: "salesforce-hassh", kind: .hassh, rows: EmbeddedLabelRows.salesforceHASSH),
        ]
    }

    private static func embeddedList(
        name: String,
        kind: FingerprintKind,
        rows: [(fingerprint: String, label: String)]
    ) -> LabelList {
        let parsed = rows.compactMap { row -> LabelRow? in
            guard let pattern = FingerprintPattern(row.fingerprint, kind: kind) else { return nil }
            return LabelRow(cells: [pattern], label: "\(row.label) [\(name)]", line: 0)
        }
        return LabelList(name: name, rows: parsed)
    }
}
