/// JA4T (from a SYN) and JA4TS (from a SYN-ACK): FoxIO JA4T (FoxIO License 1.1; ja4 commit 0e54bc8) as the
/// Rust reference writes it, shared/spec/fingerprints.md §5.1 and §5.3.
///
/// `{window}_{option kinds joined by '-'}_{mss}_{window scale}`: raw window, every option kind in wire
/// order including NOP (1) and EOL/padding (0), `0` for an absent MSS or window scale, no padding.
package struct JA4T: Hashable, Sendable {
    /// The unscaled 16-bit window field.
    package var window: UInt16
    /// The TCP option kinds in wire order, including NOP and EOL bytes.
    package var optionKinds: [UInt8]
    /// The first MSS option's value, if any.
    package var maximumSegmentSize: UInt16?
    /// The first window-scale option's shift count, if any.
    package var windowScale: UInt8?

    /// A JA4T from the fields of one SYN (or SYN-ACK for JA4TS).
    package init(window: UInt16, optionKinds: [UInt8], maximumSegmentSize: UInt16?, windowScale: UInt8?) {
        self.window = window
        self.optionKinds = optionKinds
        self.maximumSegmentSize = maximumSegmentSize
        self.windowScale = windowScale
    }

    /// The fingerprint string, e.g. `64240_2-1-3-1-1-4_1460_8` or `8192__0_0`.
    package var rendered: String {
        // Written into one buffer: interpolation and `joined` cost several times more.
        var out: [UInt8] = []
        out.reserveCapacity(24 + optionKinds.count * 4)
        JA4Fields.appendDecimal(Int(window), to: &out)
        out.append(UInt8(ascii: "_"))
        for (index, kind) in optionKinds.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "-")) }
            JA4Fields.appendDecimal(Int(kind), to: &out)
        }
        out.append(UInt8(ascii: "_"))
        JA4Fields.appendDecimal(Int(maximumSegmentSize ?? 0), to: &out)
        out.append(UInt8(ascii: "_"))
        JA4Fields.appendDecimal(Int(windowScale ?? 0), to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
