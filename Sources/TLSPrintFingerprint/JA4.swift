import TLSPrintCore
import TLSPrintTLS

/// JA4 of a ClientHello: FoxIO JA4 as written in technical_details/JA4.md (ja4 commit 0e54bc8), with
/// tlsprint's binding choices of shared/spec/fingerprints.md §1.4 (ALPN hex rule) and §5.3 (GREASE
/// removed everywhere, DTLS newest version).
///
/// `{t|q|d}{ver}{d|i}{ciphers:02}{extensions:02}{alpn}_{hash12(ciphers)}_{hash12(extensions[_sigs])}`.
/// The parts are computed once and rendered four ways.
package struct JA4: Hashable, Sendable {
    /// The four renderings of fingerprints.md §1.5.
    package enum Form: Hashable, Sendable, CaseIterable {
        /// `ja4`: sorted lists, hashed.
        case hashed
        /// `ja4_r`: sorted lists, unhashed.
        case raw
        /// `ja4_o`: wire-order lists (SNI and ALPN kept), hashed.
        case hashedOriginalOrder
        /// `ja4_ro`: wire-order lists (SNI and ALPN kept), unhashed.
        case rawOriginalOrder
    }

    /// Section a, e.g. `t13d1516h2`.
    package var sectionA: String
    /// Non-GREASE cipher suites, 4-hex, sorted, comma-joined.
    package var sortedCiphers: String
    /// Non-GREASE cipher suites, 4-hex, wire order, comma-joined.
    package var originalCiphers: String
    /// Non-GREASE extensions without SNI and ALPN, 4-hex, sorted, comma-joined.
    package var sortedExtensions: String
    /// Non-GREASE extensions (SNI and ALPN kept), 4-hex, wire order, comma-joined.
    package var originalExtensions: String
    /// Non-GREASE signature_algorithms (0x000d) values, 4-hex, wire order, comma-joined.
    package var signatureAlgorithms: String

    /// The JA4 parts of `hello` seen on `transport`.
    package init(_ hello: ClientHello, transport: TransportMarker) {
        let ciphers = hello.cipherSuites.map(\.rawValue).filter { !GREASE.contains($0) }
        let extensions = hello.extensions.map(\.type).filter { !GREASE.contains($0) }
        let sni: Character = extensions.contains(ExtensionType.serverName.rawValue) ? "d" : "i"
        let alpnPresent = hello.extensions.contains(.applicationLayerProtocolNegotiation)
        let alpn = JA4Fields.alpnCode(alpnPresent ? hello.alpnProtocols.first : nil)
        sectionA =
            String(transport.rawValue) + JA4Fields.versionCode(hello.highestOfferedVersion) + String(sni)
            + JA4Fields.twoDigitCount(ciphers.count) + JA4Fields.twoDigitCount(extensions.count) + alpn
        sortedCiphers = JA4Fields.hexList(ciphers.sorted())
        originalCiphers = JA4Fields.hexList(ciphers)
        let hashedExtensions = extensions.filter {
            $0 != ExtensionType.serverName.rawValue && $0 != ExtensionType.applicationLayerProtocolNegotiation.rawValue
        }
        sortedExtensions = JA4Fields.hexList(hashedExtensions.sorted())
        originalExtensions = JA4Fields.hexList(extensions)
        signatureAlgorithms = JA4Fields.hexList(
            hello.signatureAlgorithms.map(\.rawValue).filter { !GREASE.contains($0) }
        )
    }

    /// The fingerprint in the given form.
    package func rendered(_ form: Form) -> String {
        let original = form == .hashedOriginalOrder || form == .rawOriginalOrder
        let ciphers = original ? originalCiphers : sortedCiphers
        let listed = original ? originalExtensions : sortedExtensions
        let extensions = signatureAlgorithms.isEmpty ? listed : JA4Fields.underscored(listed, signatureAlgorithms)
        let hashed = form == .hashed || form == .hashedOriginalOrder
        let b = hashed ? FingerprintHash.hash12(ciphers) : ciphers
        let c = hashed ? FingerprintHash.hash12(extensions) : extensions
        return JA4Fields.underscored(sectionA, b, c)
    }

    /// `ja4`.
    package var hashed: String { rendered(.hashed) }
    /// `ja4_r`.
    package var raw: String { rendered(.raw) }
    /// `ja4_o`.
    package var hashedOriginalOrder: String { rendered(.hashedOriginalOrder) }
    /// `ja4_ro`.
    package var rawOriginalOrder: String { rendered(.rawOriginalOrder) }
}
