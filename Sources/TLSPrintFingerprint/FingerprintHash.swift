import Crypto
import TLSPrintCore

/// The hashes fingerprints use; the only file of tlsprint's fingerprint code that imports Crypto.
package enum FingerprintHash {
    /// MD5 of the UTF-8 bytes of `text`, 32 lower-case hex digits (JA3, JA3S).
    package static func md5Hex(_ text: String) -> String {
        Hex.encode(Array(Insecure.MD5.hash(data: Array(text.utf8))))
    }

    /// MD5 of `bytes`, 32 lower-case hex digits (HASSH, whose input is attacker bytes, not always UTF-8).
    package static func md5Hex(_ bytes: [UInt8]) -> String {
        Hex.encode(Array(Insecure.MD5.hash(data: bytes)))
    }

    /// SHA-256 of `bytes`, 64 lower-case hex digits (certificate digests).
    package static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hex.encode(Array(SHA256.hash(data: bytes)))
    }

    /// JA4's truncated hash: the first 12 hex digits of SHA-256 of `text`, or `000000000000` for an
    /// empty string (fingerprints.md §0).
    package static func hash12(_ text: String) -> String {
        hash12(bytes: Array(text.utf8))
    }

    /// `hash12` of raw bytes, which need not be UTF-8 (JA4H hashes attacker bytes as sent).
    package static func hash12(bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "000000000000" }
        // Only the first six digest bytes are written out (a whole hex digest and a prefix cost more).
        let digest = Array(SHA256.hash(data: bytes))
        var out = [UInt8](repeating: 0, count: 12)
        for index in 0..<6 {
            out[2 * index] = Hex.digits[Int(digest[index] >> 4)]
            out[2 * index + 1] = Hex.digits[Int(digest[index] & 0x0F)]
        }
        return String(decoding: out, as: UTF8.self)
    }

}
