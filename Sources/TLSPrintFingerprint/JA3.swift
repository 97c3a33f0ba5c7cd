import TLSPrintTLS

/// JA3 of a ClientHello (salesforce/ja3 as tshark's `tls.handshake.ja3_full`; fingerprints.md §9).
///
/// `SSLVersion,Ciphers,Extensions,EllipticCurves,ECPointFormats` in decimal, values joined with `-`,
/// wire order, GREASE removed; empty fields keep their commas.
package struct JA3: Hashable, Sendable {
    /// The pre-hash string (`ja3_full`).
    package var fullString: String
    /// MD5 of `fullString`, lower-case hex (`ja3`).
    package var hash: String { FingerprintHash.md5Hex(fullString) }

    /// The JA3 of `hello`.
    package init(_ hello: ClientHello) {
        let fields = [
            String(hello.legacyVersion.rawValue),
            RawLists.decimal(hello.cipherSuites.map(\.rawValue)),
            RawLists.decimal(hello.extensions.map(\.type)),
            RawLists.decimal(hello.supportedGroups.map(\.rawValue)),
            hello.ecPointFormats.map { String($0) }.joined(separator: "-"),
        ]
        fullString = fields.joined(separator: ",")
    }
}
