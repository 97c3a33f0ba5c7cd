import TLSPrintCore

/// The fingerprint families an event may carry (`--fingerprints`), by licence: JA3/JA3S, JA4 and HASSH are
/// BSD 3-Clause; JA4S, JA4L, JA4T/JA4TS, JA4X, JA4H and JA4SSH are under the FoxIO License 1.1
/// (non-commercial). A commercial user can run with `ja3,ja4,hassh`.
package struct FingerprintFamilies: NamedOptionSet, Hashable, Sendable {
    package var rawValue: UInt16

    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `ja3`, `ja3_full`, `ja3s`, `ja3s_full`.
    package static let ja3 = FingerprintFamilies(rawValue: 1 << 0)
    /// `ja4`, `ja4_r`, `ja4_o`, `ja4_ro`.
    package static let ja4 = FingerprintFamilies(rawValue: 1 << 1)
    /// `ja4s`, `ja4s_r`.
    package static let ja4s = FingerprintFamilies(rawValue: 1 << 2)
    /// `ja4l_c`, `ja4l_s`, `ja4l_rtt_ms`, `ja4l_client_ttl`.
    package static let ja4l = FingerprintFamilies(rawValue: 1 << 3)
    /// `ja4t`, `ja4ts`.
    package static let ja4t = FingerprintFamilies(rawValue: 1 << 4)
    /// `ja4x`, `ja4x_chain`, and `ja4x`/`ja4x_r` of each `chain` entry.
    package static let ja4x = FingerprintFamilies(rawValue: 1 << 5)
    /// `hassh`, `hassh_algorithms`, `hassh_server`, `hassh_server_algorithms`.
    package static let hassh = FingerprintFamilies(rawValue: 1 << 6)
    /// `ja4h`, `ja4h_r`, `ja4h_ro`.
    package static let ja4h = FingerprintFamilies(rawValue: 1 << 7)
    /// The `ssh_activity` events (`ja4ssh`, `ssh_window`).
    package static let ja4ssh = FingerprintFamilies(rawValue: 1 << 8)

    /// Every family (the default).
    package static let all: FingerprintFamilies = [.ja3, .ja4, .ja4s, .ja4l, .ja4t, .ja4x, .hassh, .ja4h, .ja4ssh]

    /// The names `--fingerprints` takes, in this order.
    package static let names: [(name: String, member: FingerprintFamilies)] = [
        ("ja3", .ja3), ("ja4", .ja4), ("ja4s", .ja4s), ("ja4l", .ja4l), ("ja4t", .ja4t), ("ja4x", .ja4x),
        ("hassh", .hassh), ("ja4h", .ja4h), ("ja4ssh", .ja4ssh),
    ]

    /// The family a field belongs to; nil for fields of no family (addresses, names, versions, raw lists).
    package static func family(ofField name: String) -> FingerprintFamilies? {
        guard name.hasPrefix("ja") || name.hasPrefix("hassh") || name == "ssh_window" else { return nil }
        switch name {
        case "ja3", "ja3_full", "ja3s", "ja3s_full": return .ja3
        case "ja4", "ja4_r", "ja4_o", "ja4_ro": return .ja4
        case "ja4s", "ja4s_r": return .ja4s
        case "ja4l_c", "ja4l_s", "ja4l_rtt_ms", "ja4l_client_ttl": return .ja4l
        case "ja4t", "ja4ts": return .ja4t
        case "ja4x", "ja4x_chain", "ja4x_r": return .ja4x
        case "hassh", "hassh_algorithms", "hassh_server", "hassh_server_algorithms": return .hassh
        case "ja4h", "ja4h_r", "ja4h_ro": return .ja4h
        case "ja4ssh", "ssh_window": return .ja4ssh
        default: return nil
        }
    }
}

/// Passes an event's fields on to `base`, leaving out those of the families not `enabled`.
package struct FamilyFilteringWriter<Base: EventFieldWriter>: EventFieldWriter {
    package var base: Base
    package let enabled: FingerprintFamilies

    package init(base: Base, enabled: FingerprintFamilies) {
        self.base = base
        self.enabled = enabled
    }

    /// A filter letting every family through, around an empty writer.
    package init() {
        self.init(base: Base(), enabled: .all)
    }

    private func keeps(_ name: String) -> Bool {
        guard let family = FingerprintFamilies.family(ofField: name) else { return true }
        return enabled.contains(family)
    }

    package mutating func string(_ name: String, _ value: String) { if keeps(name) { base.string(name, value) } }
    package mutating func text(_ name: String, _ value: [UInt8]) { if keeps(name) { base.text(name, value) } }
    package mutating func integer(_ name: String, _ value: Int) { if keeps(name) { base.integer(name, value) } }
    package mutating func thousandths(_ name: String, _ value: Int) {
        if keeps(name) { base.thousandths(name, value) }
    }
    package mutating func bool(_ name: String, _ value: Bool) { if keeps(name) { base.bool(name, value) } }
    package mutating func strings(_ name: String, _ values: [String]) {
        if keeps(name) { base.strings(name, values) }
    }
    package mutating func texts(_ name: String, _ values: [[UInt8]]) { if keeps(name) { base.texts(name, values) } }
    package mutating func labels(_ name: String, _ values: [String]) { base.labels(name, values) }
    package mutating func objects<Element>(
        _ name: String,
        _ elements: [Element],
        _ write: (Element, inout FamilyFilteringWriter<Base>) -> Void
    ) {
        guard keeps(name) else { return }
        let enabled = enabled
        base.objects(name, elements) { element, inner in
            // Moved in and out with swaps: a copy of a writer would copy its output buffer on the next write.
            var filtered = FamilyFilteringWriter(base: Base(), enabled: enabled)
            swap(&filtered.base, &inner)
            write(element, &filtered)
            swap(&filtered.base, &inner)
        }
    }
}

extension Event {
    /// Writes the fields of the `enabled` families (and every field of no family).
    package func writeFields<W: EventFieldWriter>(to writer: inout W, enabled: FingerprintFamilies) {
        guard enabled != .all else { return writeFields(to: &writer) }
        var filtered = FamilyFilteringWriter(base: W(), enabled: enabled)
        swap(&filtered.base, &writer)
        writeFields(to: &filtered)
        swap(&filtered.base, &writer)
    }
}
