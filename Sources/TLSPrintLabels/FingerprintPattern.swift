/// What one label-list cell matches: a whole fingerprint, or for the JA4 family a fingerprint whose sections
/// (the parts between `_`) may be `*`; sections missing at the end count as `*`.
package struct FingerprintPattern: Hashable, Sendable {
    package var kind: FingerprintKind
    /// One entry per section of the kind (one for MD5 kinds); nil is `*`.
    package var sections: [String?]

    /// True when no section is `*`: the pattern is one exact value.
    package var isExact: Bool { !sections.contains(nil) }

    /// The exact value this pattern matches; nil when it has a wildcard.
    package var exactValue: String? {
        guard isExact else { return nil }
        return sections.compactMap { $0 }.joined(separator: "_")
    }

    /// The cell `text` (already trimmed) as a pattern of `kind`; nil when it is not of that kind's shape.
    package init?(_ text: String, kind: FingerprintKind) {
        self.kind = kind
        if kind.isMD5 {
            guard let hash = Self.md5(text) else { return nil }
            sections = [hash]
            return
        }
        let shape = FingerprintShape.of(kind)
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard !text.isEmpty, parts.count <= shape.count else { return nil }
        if kind.isMD5 && parts.count != 1 { return nil }
        var sections: [String?] = []
        for (position, part) in parts.enumerated() {
            if part == "*" && !kind.isMD5 {
                sections.append(nil)
                continue
            }
            guard let normalized = shape[position].normalize(part) else { return nil }
            sections.append(normalized)
        }
        while sections.count < shape.count { sections.append(nil) }
        self.sections = sections
    }

    /// `text` as 32 lower-case hex digits, or nil (the MD5 kinds; a fast path, as the embedded lists are read
    /// at every start).
    static func md5(_ text: String) -> String? {
        let bytes = text.utf8.span
        guard bytes.count == 32 else { return nil }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(32)
        for index in 0..<32 {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): lowered.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): lowered.append(byte | 0x20)
            default: return nil
            }
        }
        return String(decoding: lowered, as: UTF8.self)
    }

    /// The kind a plain list's fingerprint cell has, from its shape alone: JA4T, JA4X, JA4S, JA4H or JA4 by
    /// the first section (with `*` sections allowed), a 32-digit hex value as JA3.
    package static func guessKind(of text: String) -> FingerprintKind? {
        let first = text.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if !text.contains("_") && FingerprintShape.md5.normalize(first) != nil { return .ja3 }
        for kind in [FingerprintKind.ja4, .ja4s, .ja4h, .ja4x, .ja4t]
        where FingerprintShape.of(kind)[0].normalize(first) != nil {
            return kind
        }
        return nil
    }

    /// Whether `value`, a fingerprint of this kind taken from an event, is one this pattern matches.
    package func matches(_ value: String) -> Bool {
        if let exact = exactValue { return exact == value }
        let parts = value.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == sections.count else { return false }
        for (section, part) in zip(sections, parts) {
            if let section, section != part { return false }
        }
        return true
    }
}

/// The shape of one fingerprint section: which bytes it may hold and how long it is.
struct FingerprintShape: Sendable {
    enum Characters: Sendable {
        /// Hex digits; upper case is accepted and lowered.
        case hex
        case digits
        /// Letters and digits, case kept.
        case alphanumeric
        /// Decimal numbers joined by `-` (JA4T's TCP option kinds).
        case digitList
        /// A fixed set of letters.
        case oneOf(String)
    }

    /// Runs of characters in order, each with its length range.
    var runs: [(characters: Characters, length: ClosedRange<Int>)]

    /// The section as it is compared (hex lowered); nil when it does not have this shape.
    func normalize(_ section: Substring) -> String? {
        var bytes = Array(section.utf8)[...]
        var output: [UInt8] = []
        for run in runs {
            var taken = 0
            while taken < run.length.upperBound, let byte = bytes.first, Self.accepts(run.characters, byte) {
                output.append(Self.lowered(run.characters, byte))
                bytes = bytes.dropFirst()
                taken += 1
            }
            guard run.length.contains(taken) else { return nil }
        }
        guard bytes.isEmpty else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    private static func accepts(_ characters: Characters, _ byte: UInt8) -> Bool {
        let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        let lower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        let upper = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        switch characters {
        case .hex:
            return digit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        case .digits: return digit
        case .alphanumeric: return digit || lower || upper
        case .digitList: return digit || byte == UInt8(ascii: "-")
        case .oneOf(let set): return set.utf8.contains(byte)
        }
    }

    private static func lowered(_ characters: Characters, _ byte: UInt8) -> UInt8 {
        if case .hex = characters, (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte) { return byte | 0x20 }
        return byte
    }

    static let md5 = FingerprintShape(runs: [(.hex, 32...32)])
    static let hex12 = FingerprintShape(runs: [(.hex, 12...12)])
    static let number = FingerprintShape(runs: [(.digits, 1...10)])

    /// The sections of each kind (fingerprints.md): JA4 `t13d1516h2_<12 hex>_<12 hex>`; JA4S
    /// `t130200_<4 hex>_<12 hex>`; JA4H `ge11cn020000_<12 hex>_<12 hex>_<12 hex>`; JA4X three 12-hex hashes;
    /// JA4T/JA4TS `window_options_mss_wscale` (options `2-4-8-1-3`, or `00` when there are none).
    static func of(_ kind: FingerprintKind) -> [FingerprintShape] {
        switch kind {
        case .ja3, .ja3s, .hassh, .hasshServer: [md5]
        case .ja4:
            [
                FingerprintShape(runs: [
                    (.oneOf("tqd"), 1...1), (.alphanumeric, 2...2), (.oneOf("di"), 1...1), (.digits, 4...4),
                    (.alphanumeric, 2...2),
                ]),
                hex12, hex12,
            ]
        case .ja4s:
            [
                FingerprintShape(runs: [
                    (.oneOf("tqd"), 1...1), (.alphanumeric, 2...2), (.digits, 2...2), (.alphanumeric, 2...2),
                ]),
                FingerprintShape(runs: [(.hex, 4...4)]), hex12,
            ]
        case .ja4h:
            [
                FingerprintShape(runs: [
                    (.oneOf("abcdefghijklmnopqrstuvwxyz"), 2...2), (.digits, 2...2), (.oneOf("cn"), 1...1),
                    (.oneOf("rn"), 1...1), (.digits, 2...2), (.alphanumeric, 4...4),
                ]),
                hex12, hex12, hex12,
            ]
        case .ja4x: [hex12, hex12, hex12]
        case .ja4t: [number, FingerprintShape(runs: [(.digitList, 1...160)]), number, number]
        }
    }
}
