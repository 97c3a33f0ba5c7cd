import TLSPrintEvent

/// The rows of every loaded label list, indexed for lookup per event: each row is filed under one key that an
/// event matching it must have (an exact fingerprint, or one fixed section of a wildcard JA4-family cell), so
/// an event costs a hash lookup per fingerprint it carries, and only the rows found are checked in full.
package struct LabelIndex: Hashable, Sendable {
    /// Every row of every list, lists in the order given, rows in file order: the order labels come out in.
    package private(set) var rows: [LabelRow] = []
    /// The lists' names, in order.
    package private(set) var listNames: [String] = []
    /// Rows by the exact value of one of their cells.
    private var exact: [ExactKey: [Int]] = [:]
    /// Rows whose cells all have wildcards, by one fixed section.
    private var bySection: [SectionKey: [Int]] = [:]
    /// Rows whose cells are all `*`: checked for every event.
    private var unanchored: [Int] = []
    /// Kinds some row files a key under, in order and as bits (``FingerprintKind/bit``): the others are not
    /// looked up.
    private var exactKinds: [FingerprintKind] = []
    private var sectionKinds: [FingerprintKind] = []
    private var exactKindBits: UInt16 = 0
    private var sectionKindBits: UInt16 = 0
    /// A bit per `(kind, value)` of ``exact`` (``filterSlot(_:_:)``): most events carry fingerprints no list
    /// names, and this answers them without hashing the whole value.
    private var exactFilter = [UInt64](repeating: 0, count: 1_024)

    private struct ExactKey: Hashable, Sendable {
        var kind: FingerprintKind
        var value: String
    }

    private struct SectionKey: Hashable, Sendable {
        var kind: FingerprintKind
        var position: Int
        var value: String
    }

    /// An index of no rows: no event is labelled.
    package init() {}

    /// The index of `lists`, in the order given.
    package init(_ lists: [LabelList]) {
        for list in lists { add(list) }
    }

    /// The bit of `(kind, value)` in ``exactFilter``: FNV-1a over the kind and the value's first 16 bytes.
    private static func filterSlot(_ kind: FingerprintKind, _ value: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind.rawValue)
        let bytes = value.utf8.span
        for index in 0..<min(bytes.count, 16) {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: (hash ^ (hash >> 32)) & 0xFFFF)
    }

    private func mayHave(_ kind: FingerprintKind, _ value: String) -> Bool {
        let slot = Self.filterSlot(kind, value)
        return exactFilter[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// True when there is nothing to look up.
    package var isEmpty: Bool { rows.isEmpty }

    /// Adds a list after those already indexed.
    package mutating func add(_ list: LabelList) {
        listNames.append(list.name)
        for row in list.rows {
            let number = rows.count
            rows.append(row)
            if let cell = row.cells.first(where: \.isExact), let value = cell.exactValue {
                exact[ExactKey(kind: cell.kind, value: value), default: []].append(number)
                let slot = Self.filterSlot(cell.kind, value)
                exactFilter[slot >> 6] |= 1 << UInt64(slot & 63)
                if !exactKinds.contains(cell.kind) { exactKinds.append(cell.kind) }
                exactKindBits |= cell.kind.bit
            } else if let (cell, position) = Self.fixedSection(of: row), let value = cell.sections[position] {
                bySection[SectionKey(kind: cell.kind, position: position, value: value), default: []].append(number)
                if !sectionKinds.contains(cell.kind) { sectionKinds.append(cell.kind) }
                sectionKindBits |= cell.kind.bit
            } else {
                unanchored.append(number)
            }
        }
    }

    private static func fixedSection(of row: LabelRow) -> (FingerprintPattern, Int)? {
        for cell in row.cells {
            if let position = cell.sections.firstIndex(where: { $0 != nil }) { return (cell, position) }
        }
        return nil
    }

    private func lookUp(_ kind: FingerprintKind, _ value: String, into candidates: inout [Int]) {
        guard mayHave(kind, value), let found = exact[ExactKey(kind: kind, value: value)] else { return }
        candidates += found
    }

    /// The labels of the rows `event` matches, in list and row order, identical texts once; empty for events
    /// that carry no fingerprint.
    package func labels(for event: borrowing Event) -> [String] {
        let carried = EventFingerprints.kinds(of: event.type)
        guard carried & (exactKindBits | sectionKindBits) != 0 || (carried != 0 && !unanchored.isEmpty) else {
            return []
        }
        var candidates = unanchored
        for kind in exactKinds where carried & kind.bit != 0 {
            let values = EventFingerprints.values(kind, in: event)
            if let value = values.first { lookUp(kind, value, into: &candidates) }
            if let value = values.second { lookUp(kind, value, into: &candidates) }
            for entry in values.chain where !entry.ja4x.isEmpty { lookUp(kind, entry.ja4x, into: &candidates) }
        }
        for kind in sectionKinds where carried & kind.bit != 0 {
            let values = EventFingerprints.values(kind, in: event)
            for value in [values.first, values.second].compactMap({ $0 }) + values.chain.map(\.ja4x) {
                for (position, section) in value.split(separator: "_", omittingEmptySubsequences: false).enumerated() {
                    let key = SectionKey(kind: kind, position: position, value: String(section))
                    if let found = bySection[key] { candidates += found }
                }
            }
        }
        guard !candidates.isEmpty else { return [] }
        if candidates.count > 1 { candidates.sort() }
        var labels: [String] = []
        var previous = -1
        for number in candidates where number != previous {
            previous = number
            let row = rows[number]
            guard row.cells.allSatisfy({ EventFingerprints.satisfies($0, in: event) }), !labels.contains(row.label)
            else { continue }
            labels.append(row.label)
        }
        return labels
    }
}
