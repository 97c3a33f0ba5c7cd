import TLSPrintCore
import TLSPrintTLS

/// JA4S of a ServerHello: FoxIO JA4S (FoxIO License 1.1; ja4 commit 0e54bc8), with tlsprint's choices of
/// shared/spec/fingerprints.md §5.3 (GREASE removed from the server's extensions, count included).
///
/// `{t|q|d}{ver}{extensions:02}{alpn}_{cipher 4-hex}_{hash12(extensions in wire order)}`.
package struct JA4S: Hashable, Sendable {
    /// Section a, e.g. `t130200`.
    package var sectionA: String
    /// The chosen cipher as 4-hex.
    package var cipher: String
    /// Non-GREASE extension types, 4-hex, wire order, comma-joined.
    package var extensions: String

    /// The JA4S parts of `hello` seen on `transport`.
    package init(_ hello: ServerHello, transport: TransportMarker) {
        let types = hello.extensions.map(\.type).filter { !GREASE.contains($0) }
        let alpnPresent = hello.extensions.contains(.applicationLayerProtocolNegotiation)
        sectionA =
            String(transport.rawValue) + JA4Fields.versionCode(hello.selectedVersion)
            + JA4Fields.twoDigitCount(types.count) + JA4Fields.alpnCode(alpnPresent ? hello.selectedALPN : nil)
        cipher = Hex.fourDigits(hello.cipherSuite.rawValue)
        extensions = JA4Fields.hexList(types)
    }

    /// `ja4s`.
    package var hashed: String { JA4Fields.underscored(sectionA, cipher, FingerprintHash.hash12(extensions)) }
    /// `ja4s_r`.
    package var raw: String { JA4Fields.underscored(sectionA, cipher, extensions) }
}
