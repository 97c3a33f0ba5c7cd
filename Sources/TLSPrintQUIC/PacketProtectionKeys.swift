/// The Initial packet-protection material of one direction (RFC 9001 §5.1): AEAD_AES_128_GCM key and IV,
/// and the AES-128 header-protection key.
package struct PacketProtectionKeys: Hashable, Sendable {
    /// The 32-byte traffic secret the keys derive from (`client_in` or `server_in`).
    package var secret: [UInt8]
    /// The 16-byte AEAD key.
    package var key: [UInt8]
    /// The 12-byte AEAD IV.
    package var iv: [UInt8]
    /// The 16-byte header-protection key.
    package var headerProtectionKey: [UInt8]

    /// Derives key, IV and header-protection key from a traffic secret with the version's labels.
    package init(secret: [UInt8], version: QUICVersion) {
        let labels = version.keyLabels
        self.secret = secret
        key = HKDFExpandLabel.expand(secret: secret, label: labels.key, length: 16)
        iv = HKDFExpandLabel.expand(secret: secret, label: labels.iv, length: 12)
        headerProtectionKey = HKDFExpandLabel.expand(secret: secret, label: labels.hp, length: 16)
    }
}
