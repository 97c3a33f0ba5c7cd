/// The fingerprint a label-list cell holds, which decides its shape and the event fields it is compared with.
package enum FingerprintKind: Int, CaseIterable, Hashable, Sendable {
    case ja3, ja3s, ja4, ja4s, ja4h, ja4x
    /// JA4T or JA4TS: the same shape, so a `ja4t` cell matches an event's `ja4t` or its `ja4ts`.
    case ja4t
    case hassh, hasshServer

    /// The name in a plain list's third column and in messages.
    package var name: String {
        switch self {
        case .ja3: "ja3"
        case .ja3s: "ja3s"
        case .ja4: "ja4"
        case .ja4s: "ja4s"
        case .ja4h: "ja4h"
        case .ja4x: "ja4x"
        case .ja4t: "ja4t"
        case .hassh: "hassh"
        case .hasshServer: "hassh_server"
        }
    }

    /// The kind a plain list's third column names (`ja4ts` is a `ja4t` cell); nil when unknown.
    package init?(name: String) {
        switch name.lowercased() {
        case "ja3": self = .ja3
        case "ja3s": self = .ja3s
        case "ja4": self = .ja4
        case "ja4s": self = .ja4s
        case "ja4h": self = .ja4h
        case "ja4x": self = .ja4x
        case "ja4t", "ja4ts": self = .ja4t
        case "hassh": self = .hassh
        case "hassh_server", "hasshserver": self = .hasshServer
        default: return nil
        }
    }

    /// True for the MD5 kinds: one 32-digit hex value, no sections.
    var isMD5: Bool {
        switch self {
        case .ja3, .ja3s, .hassh, .hasshServer: true
        case .ja4, .ja4s, .ja4h, .ja4x, .ja4t: false
        }
    }

    /// This kind's bit in a set of kinds.
    var bit: UInt16 { 1 << UInt16(rawValue) }
}
