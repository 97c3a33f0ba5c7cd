import Crypto

// RFC 8446 §7.1
//   HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length)
//   struct {
//       uint16 length = Length;
//       opaque label<7..255> = "tls13 " + Label;
//       opaque context<0..255> = Context;
//   } HkdfLabel;

/// HKDF with SHA-256 as TLS 1.3 and QUIC Initial protection use it.
enum HKDFExpandLabel {
    /// HKDF-Extract(salt, ikm) (RFC 5869 §2.2), through swift-crypto.
    static func extract(salt: [UInt8], inputKeyMaterial: [UInt8]) -> [UInt8] {
        Array(HKDF<SHA256>.extract(inputKeyMaterial: SymmetricKey(data: inputKeyMaterial), salt: salt))
    }

    /// HKDF-Expand-Label with an empty context, for outputs of at most 32 bytes.
    ///
    /// For L ≤ HashLen, HKDF-Expand is T(1) = HMAC(PRK, info || 0x01) cut to L (RFC 5869 §2.3). Computing it
    /// with swift-crypto's HMAC yields the bytes as a `Sequence`, where `HKDF.expand` would return a
    /// `SymmetricKey` that can only be read through an unsafe buffer.
    static func expand(secret: [UInt8], label: String, length: Int) -> [UInt8] {
        precondition(length > 0 && length <= 32, "one HMAC block only")
        let fullLabel = Array("tls13 ".utf8) + Array(label.utf8)
        var info: [UInt8] = [UInt8(length >> 8), UInt8(length & 0xff), UInt8(fullLabel.count)]
        info += fullLabel
        info.append(0)  // empty context
        info.append(1)  // block counter of T(1)
        let block = HMAC<SHA256>.authenticationCode(for: info, using: SymmetricKey(data: secret))
        return Array(Array(block).prefix(length))
    }
}
