import TLSPrintCore

// pcapng draft §3.1 General Block Structure:
//   struct {
//     uint32 block_type;
//     uint32 block_total_length;   /* whole block, both length fields included; a multiple of 4 */
//     opaque block_body[block_total_length - 12];
//     uint32 block_total_length;
//   } Block;

/// The type and length that open every pcapng block.
package struct PcapNGBlockHeader: Hashable, Sendable {
    /// The block type code.
    package var type: UInt32
    /// The whole block's length in bytes, checked to be a multiple of 4 and at least 12.
    package var totalLength: Int

    /// Section Header Block (its type reads the same in both byte orders).
    package static let sectionHeader: UInt32 = 0x0A0D_0D0A
    /// Interface Description Block.
    package static let interfaceDescription: UInt32 = 0x0000_0001
    /// Obsolete Packet Block.
    package static let obsoletePacket: UInt32 = 0x0000_0002
    /// Simple Packet Block.
    package static let simplePacket: UInt32 = 0x0000_0003
    /// Enhanced Packet Block.
    package static let enhancedPacket: UInt32 = 0x0000_0006
    /// Decryption Secrets Block (skipped: v1 does not decrypt).
    package static let decryptionSecrets: UInt32 = 0x0000_000A

    /// Largest block tlsprint skips without looking inside (keeps a corrupt length from stalling a pipe).
    package static let maximumSkippedLength = 64 << 20

    /// Parses the 8-byte block header in the section's byte order.
    /// - Throws: `.invalidValue` for a length below `minimum` or not a multiple of 4, `.limitExceeded` above
    ///   `maximum`.
    package init(parsing reader: inout ByteReader, bigEndian: Bool, minimum: Int, maximum: Int) throws(ParseError) {
        let start = reader.offset
        type = try reader.readUInt32(bigEndian: bigEndian)
        let length = Int(try reader.readUInt32(bigEndian: bigEndian))
        guard length >= minimum, length & 3 == 0 else { throw ParseError(.invalidValue, at: start &+ 4) }
        guard length <= maximum else { throw ParseError(.limitExceeded, at: start &+ 4) }
        totalLength = length
    }
}
