import TLSPrintCore

// RFC 9000 §19.19
//   CONNECTION_CLOSE Frame {
//     Type (i) = 0x1c..0x1d,
//     Error Code (i),
//     [Frame Type (i)],
//     Reason Phrase Length (i),
//     Reason Phrase (..),
//   }
// Only type 0x1c (transport error, with Frame Type) may appear in an Initial packet (RFC 9000 §12.4).

/// A transport-level CONNECTION_CLOSE frame (type 0x1c).
package struct ConnectionCloseFrame: Hashable, Sendable {
    /// The QUIC transport error code (RFC 9000 §20.1; 0x0100–0x01ff carry a TLS alert).
    package var errorCode: UInt64
    /// The type of the frame that triggered the error, 0 when unknown.
    package var frameType: UInt64
    /// The reason phrase as sent; meant to be UTF-8 but not guaranteed.
    package var reasonPhrase: [UInt8]

    /// A frame with the given fields.
    package init(errorCode: UInt64, frameType: UInt64, reasonPhrase: [UInt8]) {
        self.errorCode = errorCode
        self.frameType = frameType
        self.reasonPhrase = reasonPhrase
    }

    /// Parses the fields after the type byte.
    package init(parsingBody reader: inout ByteReader) throws(ParseError) {
        errorCode = try reader.readQUICVarint()
        frameType = try reader.readQUICVarint()
        let length = try reader.readQUICVarint()
        guard length <= UInt64(reader.remaining) else { throw ParseError(.truncated, at: reader.offset) }
        reasonPhrase = try reader.readBytes(Int(length))
    }
}
