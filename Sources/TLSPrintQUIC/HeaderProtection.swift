import Crypto
import CryptoExtras
import TLSPrintCore

// RFC 9001 §5.4.1–5.4.3
//   sample = 16 bytes starting 4 bytes after the start of the Packet Number field
//   mask = AES-ECB(hp_key, sample)
//   long header: first_byte ^= mask[0] & 0x0f;  pn_length = (first_byte & 0x03) + 1
//   packet_number_bytes ^= mask[1..pn_length]

/// Removal of QUIC header protection with AES-128 (the Initial cipher).
package enum HeaderProtection {
    /// Bytes of ciphertext sampled for the mask.
    package static let sampleLength = 16
    /// Distance from the start of the packet number to the sample.
    package static let sampleOffset = 4

    /// The 16-byte mask: one AES block encryption of `sample` under `key`.
    /// - Throws: `.invalidValue` (at `offset`) when the key or sample has the wrong size.
    package static func mask(sample: [UInt8], key: [UInt8], offset: Int = 0) throws(ParseError) -> [UInt8] {
        var block = sample
        do {
            try AES.permute(&block, key: SymmetricKey(data: key))
        } catch {
            throw ParseError(.invalidValue, at: offset)
        }
        return block
    }

    /// The unprotected first byte of a long header, given the mask.
    package static func unmaskLongHeaderFirstByte(_ firstByte: UInt8, mask: [UInt8]) -> UInt8 {
        firstByte ^ ((mask.first ?? 0) & 0x0f)
    }

    /// The unprotected packet-number bytes, given the mask (`mask[1...]` covers up to 4 bytes).
    package static func unmaskPacketNumber(_ bytes: [UInt8], mask: [UInt8]) -> [UInt8] {
        zip(bytes, mask.dropFirst()).map { $0 ^ $1 }
    }
}
