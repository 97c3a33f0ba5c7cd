import TLSPrintTLS

/// The `raw_ciphers` and `raw_extensions` event fields (events.md): decimal, `-`-joined, wire order,
/// GREASE removed.
package enum RawLists {
    /// Non-GREASE values in decimal joined with `-` (also JA3's list fields).
    package static func decimal(_ values: [UInt16]) -> String {
        values.filter { !GREASE.contains($0) }.map { String($0) }.joined(separator: "-")
    }

    /// `raw_ciphers` of a ClientHello.
    package static func ciphers(_ hello: ClientHello) -> String {
        decimal(hello.cipherSuites.map(\.rawValue))
    }

    /// `raw_extensions` of a ClientHello.
    package static func extensions(_ hello: ClientHello) -> String {
        decimal(hello.extensions.map(\.type))
    }
}
