import TLSPrintCore

// RFC 8446 §4.1.2: `Extension extensions<8..2^16-1>;` closes both hellos, and may be absent entirely
// in TLS ≤ 1.2 and SSL 3.0 hellos.

/// The extension block that closes a hello, parsed as far as it is intact.
///
/// Damage does not throw: the references fingerprint from the extensions that parsed before it
/// (shared/spec/fingerprints.md §5.3), so the damage is recorded and the sensor counts it.
package struct ExtensionBlock: Hashable, Sendable {
    /// The extensions that parsed, in wire order.
    package var extensions: [TLSExtension] = []
    /// Why parsing stopped early, or nil when the block was intact (or absent).
    package var damage: ParseError?

    /// An empty block.
    package init() {}

    /// Parses the rest of `reader` as an optional extension block. Never throws: problems become `damage`.
    package init(parsingRestOf reader: inout ByteReader) {
        guard !reader.isAtEnd else { return }
        let lengthOffset = reader.offset
        guard let declared = try? reader.readUInt16() else {
            damage = ParseError(.truncated, at: lengthOffset)
            _ = reader.readRemainingBytes()
            return
        }
        let available = min(Int(declared), reader.remaining)
        guard var block = try? reader.readSlice(available) else { return }
        if Int(declared) > available { damage = ParseError(.truncated, at: reader.offset) }
        while !block.isAtEnd {
            guard extensions.count < Limits.extensionsPerHello else {
                damage = ParseError(.limitExceeded, at: block.offset)
                break
            }
            let start = block.offset
            do throws(ParseError) {
                extensions.append(try TLSExtension(parsing: &block))
            } catch {
                damage = ParseError(error.reason, at: start)
                break
            }
        }
        if damage == nil && !reader.isAtEnd { damage = ParseError(.trailingBytes, at: reader.offset) }
        _ = reader.readRemainingBytes()
    }
}
