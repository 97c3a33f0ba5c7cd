import TLSPrintCore

// RFC 8446 §4
//   struct {
//       HandshakeType msg_type;    /* handshake type */
//       uint24 length;             /* remaining bytes in message */
//       select (Handshake.msg_type) { ... };
//   } Handshake;

/// One complete handshake message, reassembled from however many records and segments carried it.
package struct HandshakeMessage: Hashable, Sendable {
    /// The message type.
    package var type: HandshakeType
    /// The message body, without the 4-byte handshake header.
    package var body: [UInt8]

    /// A message from its type and body.
    package init(type: HandshakeType, body: [UInt8]) {
        self.type = type
        self.body = body
    }
}

extension HandshakeMessage {
    /// The first handshake message at the start of `stream` when all of it is there (QUIC's CRYPTO stream
    /// carries handshake messages without records); nil while it is incomplete.
    package static func first(in stream: Span<UInt8>) -> HandshakeMessage? {
        var reader = ByteReader(stream)
        guard let type = try? reader.readUInt8(), let length = try? reader.readUInt24(),
            let body = try? reader.readBytes(Int(length))
        else { return nil }
        return HandshakeMessage(type: HandshakeType(rawValue: type), body: body)
    }
}
