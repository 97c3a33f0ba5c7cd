import TLSPrintCore

// RFC 9000 §19.6
//   CRYPTO Frame {
//     Type (i) = 0x06,
//     Offset (i),
//     Length (i),
//     Crypto Data (..),
//   }

/// One CRYPTO frame: a piece of the TLS handshake stream at a byte offset.
package struct CryptoFrame: Hashable, Sendable {
    /// Offset of `data` in the encryption level's CRYPTO stream.
    package var offset: UInt64
    /// The handshake bytes carried (owned copy).
    package var data: [UInt8]

    /// A frame with the given offset and data.
    package init(offset: UInt64, data: [UInt8]) {
        self.offset = offset
        self.data = data
    }

    /// Parses the fields after the type byte.
    /// - Throws: `.invalidValue` when offset + length passes 2^62 − 1 (RFC 9000 §19.6).
    package init(parsingBody reader: inout ByteReader) throws(ParseError) {
        let at = reader.offset
        offset = try reader.readQUICVarint()
        let length = try reader.readQUICVarint()
        guard length <= UInt64(reader.remaining) else { throw ParseError(.truncated, at: reader.offset) }
        guard offset + length < 1 << 62 else { throw ParseError(.invalidValue, at: at) }
        data = try reader.readBytes(Int(length))
    }
}
