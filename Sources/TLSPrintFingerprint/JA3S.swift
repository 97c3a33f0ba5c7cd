import TLSPrintTLS

/// JA3S of a ServerHello (salesforce/ja3 as tshark's `tls.handshake.ja3s_full`; fingerprints.md §9).
///
/// `SSLVersion,Cipher,Extensions` in decimal: legacy version, chosen cipher, extension types in wire
/// order (GREASE removed, as tshark does), joined with `-`.
package struct JA3S: Hashable, Sendable {
    /// The pre-hash string (`ja3s_full`).
    package var fullString: String
    /// MD5 of `fullString`, lower-case hex (`ja3s`).
    package var hash: String { FingerprintHash.md5Hex(fullString) }

    /// The JA3S of `hello`.
    package init(_ hello: ServerHello) {
        fullString = [
            String(hello.legacyVersion.rawValue),
            String(hello.cipherSuite.rawValue),
            RawLists.decimal(hello.extensions.map(\.type)),
        ].joined(separator: ",")
    }
}
