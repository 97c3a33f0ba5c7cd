/// One usable row of a label list: a conjunction of fingerprint cells and the label it gives.
package struct LabelRow: Hashable, Sendable {
    /// Every filled fingerprint cell of the row; an event must match all of them.
    package var cells: [FingerprintPattern]
    /// The label text, list name included (`Sliver Agent / GoLang [foxio-ja4plus-mapping]`).
    package var label: String
    /// The 1-based line the row starts on in its list (0 for the embedded lists).
    package var line: Int

    package init(cells: [FingerprintPattern], label: String, line: Int) {
        self.cells = cells
        self.label = label
        self.line = line
    }
}
