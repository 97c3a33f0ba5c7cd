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
    /// Kinds some row files a key under: the others are not looked up.
    private var exactKinds: [FingerprintKind] = []
    private var sectionKinds: [FingerprintKind] = []
    /// The event types some row could label: a bit per type (``bit(_:)``).
    private var typesThatCanMatch: UInt16 = 0

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

    /// Which event types a row could label: those carrying a kind some row is filed under (any, with unanchored rows).
    private mutating func updateTypes() {
        let kinds = Set(exactKinds + sectionKinds)
        typesThatCanMatch = 0
        for type in EventType.allCases {
            let carried = EventFingerprints.kinds(of: type)
            if !carried.isEmpty && (!unanchored.isEmpty || !carried.isDisjoint(with: kinds)) {
                typesThatCanMatch |= Self.bit(type)
            }
        }
    }

    private static func bit(_ type: EventType) -> UInt16 {
        switch type {
        case .startup: 1 << 0
        case .tlsClientHello: 1 << 1
        case .tlsSession: 1 << 2
        case .tlsCertificate: 1 << 3
        case .sensorStats: 1 << 4
        case .sshHandshake: 1 << 5
        case .sshActivity: 1 << 6
        case .httpRequest: 1 << 7
        }
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
                if !exactKinds.contains(cell.kind) { exactKinds.append(cell.kind) }
            } else if let (cell, position) = Self.fixedSection(of: row), let value = cell.sections[position] {
                bySection[SectionKey(kind: cell.kind, position: position, value: value), default: []].append(number)
                if !sectionKinds.contains(cell.kind) { sectionKinds.append(cell.kind) }
            } else {
                unanchored.append(number)
            }
        }
        updateTypes()
    }

    private static func fixedSection(of row: LabelRow) -> (FingerprintPattern, Int)? {
        for cell in row.cells {
            if let position = cell.sections.firstIndex(where: { $0 != nil }) { return (cell, position) }
        }
        return nil
    }

    /// The labels of the rows `event` matches, in list and row order, identical texts once; empty for events
    /// that carry no fingerprint.
    package func labels(for event: borrowing Event) -> [String] {
        guard typesThatCanMatch & Self.bit(event.type) != 0 else { return [] }
        var candidates = unanchored
        for kind in exactKinds {
            let values = EventFingerprints.values(kind, in: event)
            if let value = values.first, let found = exact[ExactKey(kind: kind, value: value)] { candidates += found }
            if let value = values.second, let found = exact[ExactKey(kind: kind, value: value)] { candidates += found }
            for entry in values.chain where !entry.ja4x.isEmpty {
                if let found = exact[ExactKey(kind: kind, value: entry.ja4x)] { candidates += found }
            }
        }
        for kind in sectionKinds {
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
