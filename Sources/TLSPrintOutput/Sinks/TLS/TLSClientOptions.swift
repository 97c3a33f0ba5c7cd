/// How a `tls://` output authenticates (RFC 5425 §5): the CA that must have signed the collector's
/// certificate, and an optional client certificate for collectors that require one.
package struct TLSClientOptions: Hashable, Sendable {
    /// PEM file (or directory) of CA certificates the collector's chain must lead to; nil means the
    /// system's default trust store.
    package var caFile: String?
    /// PEM client certificate chain (leaf first); needs ``keyFile``.
    package var certificateFile: String?
    /// PEM private key of ``certificateFile``.
    package var keyFile: String?

    /// Options from the `--tls-ca`, `--tls-cert` and `--tls-key` paths.
    package init(caFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil) {
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
    }
}
