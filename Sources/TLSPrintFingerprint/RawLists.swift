import TLSPrintTLS

/// The `raw_ciphers` and `raw_extensions` event fields (events.md): decimal, `-`-joined, wire order,
/// GREASE removed.
package enum RawLists {
    /// Non-GREASE values in decimal joined with `-` (also JA3's list fields).
    package static func decimal(_ values: [UInt16]) -> String {
        // Written straight into one buffer: a String per value and `joined` cost more than the hashing.
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 6)
        for value in values where !GREASE.contains(value) {
            if !out.isEmpty { out.append(UInt8(ascii: "-")) }
            var divisor: UInt16 = 10_000
            while divisor > 1 && value < divisor { divisor /= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        return String(decoding: out, as: UTF8.self)
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
