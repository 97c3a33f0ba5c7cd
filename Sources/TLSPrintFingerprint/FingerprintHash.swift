import Crypto
import TLSPrintCore

/// The hashes fingerprints use; the only file of tlsprint's fingerprint code that imports Crypto.
package enum FingerprintHash {
    /// MD5 of the UTF-8 bytes of `text`, 32 lower-case hex digits (JA3, JA3S).
    package static func md5Hex(_ text: String) -> String {
        Hex.encode(Insecure.MD5.hash(data: Array(text.utf8)))
    }

    /// SHA-256 of `bytes`, 64 lower-case hex digits (certificate digests).
    package static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    /// JA4's truncated hash: the first 12 hex digits of SHA-256 of `text`, or `000000000000` for an
    /// empty string (fingerprints.md §0).
    package static func hash12(_ text: String) -> String {
        guard !text.isEmpty else { return "000000000000" }
        return String(sha256Hex(Array(text.utf8)).prefix(12))
    }

}
