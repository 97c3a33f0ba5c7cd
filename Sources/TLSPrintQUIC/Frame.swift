import TLSPrintCore

// RFC 9000 §12.4: frames are a Type (i) followed by type-specific fields. An Initial packet may carry only
// PADDING (0x00), PING (0x01), ACK (0x02, 0x03), CRYPTO (0x06) and CONNECTION_CLOSE (0x1c).

/// One frame of a decrypted Initial packet.
package enum Frame: Hashable, Sendable {
    /// A run of consecutive PADDING bytes, collapsed into one value.
    case padding(count: Int)
    /// A PING frame.
    case ping
    /// An ACK frame (with ECN counts for type 0x03).
    case ack(ACKFrame)
    /// A CRYPTO frame.
    case crypto(CryptoFrame)
    /// A transport CONNECTION_CLOSE frame.
    case connectionClose(ConnectionCloseFrame)

    /// Parses one frame (a run of PADDING counts as one).
    /// - Throws: `.unsupported` for a frame type not allowed in an Initial packet.
    package init(parsing reader: inout ByteReader) throws(ParseError) {
        let typeOffset = reader.offset
        let type = try reader.readQUICVarint()
        switch type {
        case 0x00:
            var count = 1
            while reader.byte(at: 0) == 0x00 {
                try reader.skip(1)
                count += 1
            }
            self = .padding(count: count)
        case 0x01:
            self = .ping
        case 0x02, 0x03:
            self = .ack(try ACKFrame(parsingBody: &reader, withECN: type == 0x03))
        case 0x06:
            self = .crypto(try CryptoFrame(parsingBody: &reader))
        case 0x1c:
            self = .connectionClose(try ConnectionCloseFrame(parsingBody: &reader))
        default:
            throw ParseError(.unsupported, at: typeOffset)
        }
    }

    /// Most frames accepted in one packet (a PADDING run counts once).
    package static let maximumFramesPerPacket = 512

    /// Parses every frame of a decrypted payload, keeping the frames before the first error.
    static func walk(_ plaintext: [UInt8]) -> (frames: [Frame], error: ParseError?) {
        var frames: [Frame] = []
        var reader = ByteReader(plaintext.span)
        do throws(ParseError) {
            while !reader.isAtEnd {
                guard frames.count < maximumFramesPerPacket else { throw ParseError(.limitExceeded, at: reader.offset) }
                frames.append(try Frame(parsing: &reader))
            }
        } catch {
            return (frames, error)
        }
        return (frames, nil)
    }
}
