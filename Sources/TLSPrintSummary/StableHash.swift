/// A deterministic 64-bit hash of bytes: FNV-1a (64-bit offset basis and prime), then the 64-bit finaliser of
/// MurmurHash3 (`fmix64`) so that every output bit depends on every input bit.
///
/// Swift's `Hasher` is seeded at random per process; the distinct counters need the same hash on every run, so
/// that the same capture always gives the same estimate.
package enum StableHash {
    /// The hash of `bytes`.
    package static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return finalize(hash)
    }

    /// The hash of a string's UTF-8 bytes.
    package static func of(_ text: String) -> UInt64 {
        of(text.utf8)
    }

    /// MurmurHash3's `fmix64`: a bijection that spreads every bit over the whole word.
    package static func finalize(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed = mixed &* 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        mixed = mixed &* 0xc4ce_b9fe_1a85_ec53
        mixed ^= mixed >> 33
        return mixed
    }
}
